// When a ticket's next target falls due: its first response, then its resolution. This is the
// one place the inbox reads due times from ("breaching soon"): the ticket's SLA clock when a
// policy gave it targets (paused while pending), else default targets by priority, counted in
// business time.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { addBusinessMinutes, workspaceBusinessCalendar } from '../business-hours/business-time.js';
import type { tickets } from './tickets.tables.js';
import { ticketSla } from '../sla/sla.tables.js';

type TicketRow = typeof tickets.$inferSelect;

/** Business minutes from the ticket's creation to its first response and to its resolution. */
export const DEFAULT_TARGET_MINUTES: Record<TicketRow['priority'], { firstResponse: number; resolution: number }> = {
  urgent: { firstResponse: 60, resolution: 8 * 60 },
  high: { firstResponse: 4 * 60, resolution: 24 * 60 },
  normal: { firstResponse: 8 * 60, resolution: 3 * 24 * 60 },
  low: { firstResponse: 24 * 60, resolution: 7 * 24 * 60 },
};

/** Each ticket's next due time; null once resolved or closed, or while pending on the customer. */
export async function ticketDueTimes(scope: WorkspaceScope, tx: DbOrTx, rows: TicketRow[]): Promise<Map<string, Date | null>> {
  const calendar = await workspaceBusinessCalendar(scope, tx);
  const clocks =
    rows.length === 0
      ? []
      : await tx
          .select()
          .from(ticketSla)
          .where(
            scope.where(
              ticketSla,
              inArray(
                ticketSla.ticketId,
                rows.map((t) => t.id),
              ),
            ),
          );
  const byTicket = new Map(clocks.map((c) => [c.ticketId, c]));
  return new Map(
    rows.map((t) => {
      if (t.status !== 'new' && t.status !== 'open') return [t.id, null];
      const clock = byTicket.get(t.id);
      if (clock && (clock.firstResponseMinutes !== null || clock.resolutionMinutes !== null)) {
        return [t.id, clock.firstResponseDueAt ?? clock.resolutionDueAt];
      }
      const target = DEFAULT_TARGET_MINUTES[t.priority];
      return [t.id, addBusinessMinutes(calendar, t.createdAt, t.firstResponseAt ? target.resolution : target.firstResponse)];
    }),
  );
}
