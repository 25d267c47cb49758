// What happened that automation rules may act on. Producers call emitRuleTriggers inside the
// transaction that records the change, so a rule runs if and only if its trigger committed
// (the outbox). `chain` carries the rules that led here, so a rule set that would loop stops.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';

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
  | { kind: 'idea_status_changed'; ideaId: string; from: string; to: string };

export type RuleTriggerKind = RuleTrigger['kind'];

export interface TriggerOrigin {
  /** Ids of the rules whose actions caused these triggers, oldest first. */
  chain?: string[];
}

/** Queues the rules that listen for these triggers, in the caller's transaction. */
export async function emitRuleTriggers(
  _scope: WorkspaceScope,
  _tx: DbOrTx,
  _triggers: RuleTrigger[],
  _origin: TriggerOrigin = {},
): Promise<void> {
  // Filled in by the rules engine (src/act/rules).
}
