// Automation rules as the API reads and writes them: a trigger, conditions on the allow-listed
// fields (rule-fields.ts), and actions. The server saves with this schema; the dashboard checks
// rows as they are typed with the same allow-list.
import { z } from 'zod';
import { LOCALES } from './locales.js';
import { TICKET_PRIORITIES } from './act.js';
import { RULE_TRIGGER_KINDS, conditionProblem } from './rule-fields.js';

export * from './rule-fields.js';

const zScalar = z.union([z.string().max(500), z.number().finite(), z.boolean()]);
const zValue = z.union([zScalar, z.array(zScalar).max(100)]).optional();

export interface RuleCondition {
  field: string;
  operator: string;
  value?: string | number | boolean | Array<string | number | boolean>;
}
export interface RuleConditionGroup {
  match: 'all' | 'any';
  conditions: Array<RuleCondition | RuleConditionGroup>;
}

const zCondition: z.ZodType<RuleCondition> = z
  .strictObject({ field: z.string().max(100), operator: z.string().max(30), value: zValue })
  .superRefine((c, ctx) => {
    const problem = conditionProblem(c);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export const ZRuleConditionGroup: z.ZodType<RuleConditionGroup> = z.lazy(() =>
  z.strictObject({
    match: z.enum(['all', 'any']),
    conditions: z.array(z.union([zCondition, ZRuleConditionGroup])).max(50),
  }),
);

export const ZRuleTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(RULE_TRIGGER_KINDS.filter((k) => k !== 'customer_inactive' && k !== 'threshold_crossed')) }),
  z.strictObject({ kind: z.literal('customer_inactive'), days: z.number().int().min(1).max(3650) }),
  z.strictObject({
    kind: z.literal('threshold_crossed'),
    /** More than `count` items matching the rule's conditions … */
    count: z.number().int().min(1).max(100_000),
    /** … within this many hours, counted per topic when `perTopic`. */
    windowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 31),
    perTopic: z.boolean().default(true),
  }),
]);
export type RuleTriggerSpec = z.infer<typeof ZRuleTrigger>;

/** Who an action is for: a named teammate, the customer's account owner (attribute `accountOwner`), or the topic's owner. */
const zRecipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
  z.strictObject({ kind: z.literal('account_owner') }),
  /** Topic owners by topic key; a topic without one falls back to the workspace's owner. */
  z.strictObject({ kind: z.literal('topic_owner'), owners: z.record(z.string().max(60), z.uuid()).default({}) }),
  /** The next teammate in turn, or the one with the fewest open tickets (the inbox's assignment). */
  z.strictObject({ kind: z.literal('round_robin') }),
  z.strictObject({ kind: z.literal('least_loaded') }),
]);
export type RuleRecipient = z.infer<typeof zRecipient>;

const zTemplateText = z.string().trim().min(1).max(5_000);
/** One message per language; the customer's language is used, else English. */
const zLocalized = z.strictObject({ subject: z.string().trim().min(1).max(200), body: zTemplateText });
const zLocalizedSet = z
  .partialRecord(z.enum(LOCALES), zLocalized)
  .refine((v) => v.en !== undefined, { message: 'an English version is required', path: ['en'] });

export const CUSTOMER_FLAG = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _');

export const ZRuleAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('create_task'),
    title: z.string().trim().min(1).max(200),
    assignee: zRecipient,
    dueInBusinessHours: z
      .number()
      .min(0)
      .max(24 * 365),
  }),
  z.strictObject({
    kind: z.literal('create_ticket'),
    subject: z.string().trim().min(1).max(200),
    priority: z.enum(TICKET_PRIORITIES).default('normal'),
  }),
  z.strictObject({ kind: z.literal('set_ticket_priority'), priority: z.enum(TICKET_PRIORITIES) }),
  z.strictObject({ kind: z.literal('assign_ticket'), assignee: zRecipient }),
  z.strictObject({ kind: z.literal('tag_item'), tag: z.string().trim().min(1).max(60) }),
  z.strictObject({ kind: z.literal('set_item_topic'), topic: z.string().trim().min(1).max(60) }),
  z.strictObject({ kind: z.literal('flag_customer'), flag: CUSTOMER_FLAG }),
  z.strictObject({
    kind: z.literal('send_email'),
    /** The customer, a teammate (account or topic owner) or a fixed address. */
    to: z.union([z.literal('customer'), zRecipient, z.strictObject({ kind: z.literal('address'), email: z.email().max(254) })]),
    messages: zLocalizedSet,
  }),
  z.strictObject({ kind: z.literal('draft_reply') }),
  /** Emails the customer a live survey (throttle and quiet hours as any send; once per run). */
  z.strictObject({ kind: z.literal('send_survey'), surveyId: z.uuid() }),
  /** Adds the customer to a saved segment, on top of those its definition matches (once). */
  z.strictObject({ kind: z.literal('add_to_segment'), segmentId: z.uuid() }),
  // Webhooks join here as { kind: 'call_webhook', webhookId } once workspaces can register them.
]);
export type RuleAction = z.infer<typeof ZRuleAction>;
export type RuleActionKind = RuleAction['kind'];

export const ZRuleDefinition = z.strictObject({
  trigger: ZRuleTrigger,
  conditions: z
    .array(z.union([zCondition, ZRuleConditionGroup]))
    .max(50)
    .default([]),
  match: z.enum(['all', 'any']).default('all'),
  actions: z.array(ZRuleAction).min(1).max(20),
});
export type RuleDefinition = z.infer<typeof ZRuleDefinition>;

export const RULE_RUN_STATUSES = ['queued', 'done', 'failed', 'stopped'] as const;
export type RuleRunStatus = (typeof RULE_RUN_STATUSES)[number];

export interface RuleSummary {
  id: string;
  name: string;
  enabled: boolean;
  version: number;
  playbook: string | null;
  definition: RuleDefinition;
  createdAt: string;
  updatedAt: string;
}

export interface RuleActionResult {
  kind: string;
  ok: boolean;
  detail: string;
}

export interface RuleRun {
  id: string;
  ruleId: string;
  version: number;
  trigger: Record<string, unknown>;
  subject: string;
  status: RuleRunStatus;
  actions: RuleActionResult[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface DryRunMatch {
  subject: string;
  at: string;
  summary: string;
}

export interface Playbook {
  key: string;
  name: Record<(typeof LOCALES)[number], string>;
  definition: RuleDefinition;
}
