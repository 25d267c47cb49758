// What happened that automation rules may act on. Producers call emitRuleTriggers inside the
// transaction that records the change, so a rule runs if and only if its trigger committed
// (the outbox). `chain` carries the rules that led here, so a rule set that would loop stops.
import { AsyncLocalStorage } from 'node:async_hooks';
import { and, eq, inArray } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { rules } from './rules.tables.js';
import { evaluateRulesJob } from './evaluate-rules.job.js';

export type SlaTarget = 'first_response' | 'resolution';

export type RuleTrigger =
  | { kind: 'feedback_created'; feedbackId: string }
  | { kind: 'feedback_analysed'; feedbackId: string }
  | { kind: 'survey_response_completed'; surveyId: string; feedbackId: string }
  | { kind: 'score_received'; feedbackId: string }
  | { kind: 'order_placed'; orderId: string }
  | { kind: 'event_received'; eventId: string }
  | { kind: 'ticket_created'; ticketId: string }
  | { kind: 'ticket_updated'; ticketId: string; changed: string[] }
  | { kind: 'sla_warning'; ticketId: string; target: SlaTarget }
  | { kind: 'sla_breached'; ticketId: string; target: SlaTarget }
  | { kind: 'idea_status_changed'; ideaId: string; from: string; to: string }
  | { kind: 'customer_inactive'; customerId: string; days: number; ruleId: string }
  | { kind: 'threshold_crossed'; ruleId: string; topic: string | null; feedbackIds: string[] };

export type RuleTriggerKind = RuleTrigger['kind'];

export interface TriggerOrigin {
  /** Ids of the rules whose actions caused these triggers, oldest first. */
  chain?: string[];
}

/** Triggers per evaluation job: one job per producer's batch, however many rules listen. */
const TRIGGERS_PER_JOB = 500;

/** The chain of the rule whose actions are running (set by the action runner), for producers that do not pass one. */
export const ruleChainContext = new AsyncLocalStorage<string[]>();

/** Whether an enabled rule of the workspace listens for one of these kinds. */
export async function rulesListen(scope: WorkspaceScope, tx: DbOrTx, kinds: readonly RuleTriggerKind[]): Promise<boolean> {
  const [found] = await tx
    .select({ id: rules.id })
    .from(rules)
    .where(scope.where(rules, and(eq(rules.enabled, true), inArray(rules.triggerKind, [...kinds]))))
    .limit(1);
  return found !== undefined;
}

/** Queues the rules that listen for these triggers, in the caller's transaction. */
export async function emitRuleTriggers(
  scope: WorkspaceScope,
  tx: DbOrTx,
  triggers: RuleTrigger[],
  origin: TriggerOrigin = {},
): Promise<void> {
  if (triggers.length === 0) return;
  const kinds = [...new Set(triggers.map((t) => t.kind))];
  const listening = await tx
    .selectDistinct({ kind: rules.triggerKind })
    .from(rules)
    .where(scope.where(rules, and(eq(rules.enabled, true), inArray(rules.triggerKind, kinds))));
  if (listening.length === 0) return;
  const heard = new Set(listening.map((r) => r.kind));
  const relevant = triggers.filter((t) => heard.has(t.kind));
  const chain = origin.chain ?? ruleChainContext.getStore() ?? [];
  const payloads = [];
  for (let k = 0; k < relevant.length; k += TRIGGERS_PER_JOB)
    payloads.push({ workspaceId: scope.workspaceId, triggers: relevant.slice(k, k + TRIGGERS_PER_JOB), chain });
  await evaluateRulesJob.enqueue(tx, payloads);
}
