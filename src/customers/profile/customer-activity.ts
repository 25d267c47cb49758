// How much a customer has on record, kind by kind: the profile's Activity card and the merge
// preview read it from here, so both show the same numbers.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Customer } from '../customers/identify-customer.js';
import type { CustomerActivity } from '../../contracts/customers.js';

export type { CustomerActivity };

/** Feedback, events and orders from the customer's counters; tickets, tasks and compensations counted. */
export async function customerActivity(
  scope: WorkspaceScope,
  db: DbOrTx,
  c: Pick<Customer, 'id' | 'feedbackCount' | 'eventCount' | 'orderCount'>,
): Promise<CustomerActivity> {
  const counted = (table: string) =>
    sql`(select count(*)::int from ${sql.identifier(table)} t where t.workspace_id = ${scope.workspaceId} and t.customer_id = ${c.id})`;
  const [row] = await scope.database.rows<{ tickets: number; tasks: number; compensations: number }>(
    sql`
    select ${counted('tickets')} as tickets, ${counted('tasks')} as tasks, ${counted('compensations')} as compensations`,
    db,
  );
  return {
    feedback: c.feedbackCount,
    events: c.eventCount,
    orders: c.orderCount,
    tickets: Number(row.tickets),
    tasks: Number(row.tasks),
    compensations: Number(row.compensations),
  };
}
