// What follows a ticket's change, in the transaction that made it: rule triggers, and what
// other parts of Act keep in step with a ticket (its SLA clock, the CSAT survey on resolve).
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Tx } from '../../platform/db/client.js';
import type { tickets } from './tickets.tables.js';
import { emitRuleTriggers } from '../rules/emit-trigger.js';
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
}

/** After an agent's first public reply to the customer on this ticket (stops the first-response clock). */
export async function ticketFirstResponse(scope: WorkspaceScope, tx: Tx, ticket: TicketRow, at: Date): Promise<void> {
  await slaFirstResponse(scope, tx, ticket, at);
}
