// Automation rules as the API reads and writes them: a trigger, conditions on the allow-listed
// fields below, and actions. The dashboard's rule builder validates with the same schema the
// server saves with, so a row is refused as it is typed, naming the same field.
import { z } from 'zod';
import { CHANNELS, FEEDBACK_TYPES, SENTIMENTS } from './feedback.js';
import { LOCALES } from './locales.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './act.js';

export const RULE_TRIGGER_KINDS = [
  'feedback_created',
  'feedback_analysed',
  'survey_response_completed',
  'score_received',
  'order_placed',
  'event_received',
  'ticket_created',
  'ticket_updated',
  'sla_warning',
  'sla_breached',
  'idea_status_changed',
  'customer_inactive',
  'threshold_crossed',
] as const;
export type RuleTriggerKindName = (typeof RULE_TRIGGER_KINDS)[number];

export type FieldType = 'text' | 'number' | 'enum' | 'list' | 'boolean';

export const OPERATORS: Record<FieldType, readonly string[]> = {
  text: ['equals', 'not_equals', 'contains', 'not_contains', 'is_set', 'is_not_set'],
  number: ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'is_set', 'is_not_set'],
  enum: ['equals', 'not_equals', 'in', 'not_in', 'is_set', 'is_not_set'],
  list: ['includes', 'excludes', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false'],
};

/** Operators that take no value. */
export const VALUELESS_OPERATORS = ['is_set', 'is_not_set', 'is_empty', 'is_not_empty', 'is_true', 'is_false'];

interface FieldSpec {
  type: FieldType;
  values?: readonly string[];
}

/** The fields a condition may test. `customer.attributes.<key>` is text or number, whatever the key. */
export const RULE_FIELDS: Record<string, FieldSpec> = {
  'item.channel': { type: 'enum', values: CHANNELS },
  'item.text': { type: 'text' },
  'item.language': { type: 'enum', values: LOCALES },
  'item.rating': { type: 'number' },
  'item.nps': { type: 'number' },
  'item.csat': { type: 'number' },
  'item.sentiment': { type: 'enum', values: SENTIMENTS },
  'item.type': { type: 'enum', values: FEEDBACK_TYPES },
  'item.topics': { type: 'list' },
  'item.tags': { type: 'list' },
  'customer.flags': { type: 'list' },
  'customer.segment': { type: 'list' },
  'customer.lifetime_value': { type: 'number' },
  'customer.order_count': { type: 'number' },
  'customer.locale': { type: 'enum', values: LOCALES },
  'order.amount': { type: 'number' },
  'order.currency': { type: 'text' },
  'event.name': { type: 'text' },
  'ticket.status': { type: 'enum', values: TICKET_STATUSES },
  'ticket.priority': { type: 'enum', values: TICKET_PRIORITIES },
  'idea.status': { type: 'text' },
};

const ATTRIBUTE_FIELD = /^customer\.attributes\.[A-Za-z0-9_-]{1,64}$/;

/** The spec of a field name, or null when it is not allowed. */
export function ruleField(name: string): FieldSpec | null {
  if (Object.hasOwn(RULE_FIELDS, name)) return RULE_FIELDS[name];
  return ATTRIBUTE_FIELD.test(name) ? { type: 'text' } : null;
}

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

/** A number typed with Persian (۰–۹) or Arabic (٠–٩) digits, or Latin ones (NaN when it is not one). */
export function ruleNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim() === '') return Number.NaN;
  const latin = v
    .trim()
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[٫]/g, '.');
  return Number(latin);
}

const isNumeric = (v: unknown) => Number.isFinite(ruleNumber(v));

const zCondition: z.ZodType<RuleCondition> = z
  .strictObject({ field: z.string().max(100), operator: z.string().max(30), value: zValue })
  .superRefine((c, ctx) => {
    const spec = ruleField(c.field);
    if (!spec) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `unknown field "${c.field}"` });
      return;
    }
    const attribute = c.field.startsWith('customer.attributes.');
    const allowed = attribute ? [...new Set([...OPERATORS.text, ...OPERATORS.number])] : OPERATORS[spec.type];
    if (!allowed.includes(c.operator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: `"${c.operator}" does not apply to ${c.field}; use ${allowed.join(', ')}`,
      });
      return;
    }
    if (VALUELESS_OPERATORS.includes(c.operator)) return;
    const values = Array.isArray(c.value) ? c.value : [c.value];
    if (c.value === undefined || values.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a value is required' });
      return;
    }
    const wantsList = c.operator === 'in' || c.operator === 'not_in' || c.operator === 'between';
    if (wantsList !== Array.isArray(c.value) || (c.operator === 'between' && values.length !== 2)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: wantsList ? 'give a list of values' : 'give one value' });
      return;
    }
    const numeric = spec.type === 'number' || (attribute && ['gt', 'gte', 'lt', 'lte', 'between'].includes(c.operator));
    if (numeric && !values.every(isNumeric)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} is a number` });
      return;
    }
    if (spec.values && !values.every((v) => spec.values!.includes(String(v))))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `use one of ${spec.values.join(', ')}` });
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
