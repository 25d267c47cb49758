// What follows a ticket's change, in the transaction that made it: rule triggers, and what
// other parts of Act keep in step with a ticket (its SLA clock, the CSAT survey on resolve).
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Tx } from '../../platform/db/client.js';
import type { tickets } from './tickets.tables.js';
import { emitRuleTriggers } from '../rules/emit-trigger.js';
import { recordCustomerEventIn } from '../../customers/customers/record-activity.js';
import { slaFirstResponse, slaTicketChanged } from '../sla/sla-clock.js';

type TicketRow = typeof tickets.$inferSelect;

/** After a ticket is created (`before` null) or changed. */
export async function ticketChanged(scope: WorkspaceScope, tx: Tx, before: TicketRow | null, after: TicketRow): Promise<void> {
  await slaTicketChanged(scope, tx, before, after);
  if (!before) {
    await emitRuleTriggers(scope, tx, [{ kind: 'ticket_created', ticketId: after.id }]);
    return;
  }
  const changed = (Object.keys(after) as Array<keyof TicketRow>).filter(
    (k) => k !== 'updatedAt' && String(before[k] ?? '') !== String(after[k] ?? ''),
  );
  if (changed.length > 0) await emitRuleTriggers(scope, tx, [{ kind: 'ticket_updated', ticketId: after.id, changed }]);
  if (after.status === 'resolved' && before.status !== 'resolved') await ticketResolved(scope, tx, after);
}

/**
 * The customer's "ticket_resolved" event, recorded by Feedloop itself: a survey triggered by it
 * (the CSAT survey) is sent as for any event, with the workspace's throttle and opt-outs.
 */
async function ticketResolved(scope: WorkspaceScope, tx: Tx, ticket: TicketRow): Promise<void> {
  if (!ticket.customerId) return;
  await recordCustomerEventIn(scope, tx, {
    customerId: ticket.customerId,
    name: 'ticket_resolved',
    properties: { ticketId: ticket.id, ticketNumber: ticket.number, priority: ticket.priority, topic: ticket.topic },
  });
}

/** After an agent's first public reply to the customer on this ticket (stops the first-response clock). */
export async function ticketFirstResponse(scope: WorkspaceScope, tx: Tx, ticket: TicketRow, at: Date): Promise<void> {
  await slaFirstResponse(scope, tx, ticket, at);
}
