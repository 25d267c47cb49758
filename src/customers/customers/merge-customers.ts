// Merge two records of the same person: the source's feedback, events, orders, tickets, tasks,
// compensations and segment additions move to the target, the target keeps its own values and gains what it lacks, and the source is retired
// (kept with merged_into_id so old links resolve, its identifiers kept as aliases).
import { eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Tx } from '../../platform/db/client.js';
import { customers, customerAliases, events, orders } from './customers.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { publicCustomer } from './customers.service.js';
import type { Customer } from './identify-customer.js';
import { recomputeActivityTotals } from './record-activity.js';
import { customerActivity } from '../profile/customer-activity.js';
import { compensations } from '../../act/compensations/compensations.tables.js';
import { tasks } from '../../act/tasks/tasks.tables.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import { segmentMembers } from '../segments/segments.tables.js';

type CustomerOwned = typeof events | typeof orders | typeof feedbackItems | typeof tickets | typeof tasks | typeof compensations;

async function count(tx: Tx, scope: WorkspaceScope, table: CustomerOwned, customerId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(scope.where(table, eq(table.customerId, customerId)));
  return row.n;
}

function mergedFields(target: Customer, source: Customer): Partial<Customer> {
  const patch: Partial<Customer> = {};
  const fill = <K extends keyof Customer>(k: K) => {
    if (target[k] == null && source[k] != null) patch[k] = source[k];
  };
  (['name', 'locale', 'externalId', 'email', 'emailKey', 'phone', 'phoneKey', 'serviceUnitId'] as const).forEach(fill);
  patch.attributes = { ...source.attributes, ...target.attributes };
  const firstSeen = [target.lastSeenAt, source.lastSeenAt].filter(Boolean) as Date[];
  if (firstSeen.length) patch.lastSeenAt = new Date(Math.max(...firstSeen.map((d) => d.getTime())));
  if (source.createdAt < target.createdAt) patch.createdAt = source.createdAt;
  return patch;
}

/** Thrown to roll a preview's merge back; carries what the merge did. */
class PreviewRollback extends Error {
  constructor(readonly result: Awaited<ReturnType<typeof mergeInTransaction>>) {
    super('merge preview');
  }
}

/**
 * A preview runs the very merge and rolls it back, so the numbers it reports are the ones the
 * merge leaves (the customer's counters and lifetime value, and what moved).
 */
export async function mergeCustomers(scope: WorkspaceScope, input: { targetId: string; sourceId: string; preview: boolean }) {
  try {
    return await scope.transaction(async (tx) => {
      const result = await mergeInTransaction(scope, tx, input);
      if (input.preview) throw new PreviewRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof PreviewRollback) return { ...err.result, preview: true };
    throw err;
  }
}

async function mergeInTransaction(scope: WorkspaceScope, tx: Tx, input: { targetId: string; sourceId: string }) {
  // Lock both rows in id order so two opposite merges cannot deadlock.
  const ids = [input.targetId, input.sourceId].sort();
  const locked = await tx
    .select()
    .from(customers)
    .where(scope.where(customers, sql`${customers.id} in (${ids[0]}, ${ids[1]})`))
    .orderBy(customers.id)
    .for('update');
  const target = locked.find((c) => c.id === input.targetId);
  const source = locked.find((c) => c.id === input.sourceId);
  if (!target) throw notFound('Customer targetId');
  if (!source) throw notFound('Customer sourceId');
  if (target.mergedIntoId || source.mergedIntoId) {
    throw new AppError(
      409,
      'already_merged',
      'One of these customers was already merged into another',
      target.mergedIntoId ? 'targetId' : 'sourceId',
    );
  }
  const patch = mergedFields(target, source);
  const moves = {
    feedback: await count(tx, scope, feedbackItems, source.id),
    events: await count(tx, scope, events, source.id),
    orders: await count(tx, scope, orders, source.id),
    tickets: await count(tx, scope, tickets, source.id),
    tasks: await count(tx, scope, tasks, source.id),
    compensations: await count(tx, scope, compensations, source.id),
  };
  for (const table of [feedbackItems, events, orders, tickets, tasks, compensations]) {
    await tx
      .update(table)
      .set({ customerId: target.id })
      .where(scope.where(table, eq(table.customerId, source.id)));
  }
  // Segments the source was added to: the target is added once (its own addition, if any, stays).
  await tx.execute(sql`insert into segment_members (workspace_id, segment_id, customer_id, added_at, added_by_rule_id, added_by_user_id)
    select workspace_id, segment_id, ${target.id}::uuid, added_at, added_by_rule_id, added_by_user_id from segment_members
    where workspace_id = ${scope.workspaceId} and customer_id = ${source.id} on conflict do nothing`);
  await tx.delete(segmentMembers).where(scope.where(segmentMembers, eq(segmentMembers.customerId, source.id)));
  await tx
    .update(customerAliases)
    .set({ customerId: target.id })
    .where(scope.where(customerAliases, eq(customerAliases.customerId, source.id)));
  // Customers merged into the source before now name the one that remains, so their old links still resolve in one step.
  await tx
    .update(customers)
    .set({ mergedIntoId: target.id })
    .where(scope.where(customers, eq(customers.mergedIntoId, source.id)));
  const aliases = (
    [
      ['external_id', source.externalId],
      ['email', source.emailKey],
      ['phone', source.phoneKey],
    ] as const
  )
    .filter(([, v]) => v != null)
    .map(([kind, value]) => scope.stamp({ kind, value: value as string, customerId: target.id }));
  // Retire the source first: its identifiers move to the target under unique indexes.
  await tx
    .update(customers)
    .set({
      mergedIntoId: target.id,
      externalId: null,
      email: null,
      emailKey: null,
      phone: null,
      phoneKey: null,
      feedbackCount: 0,
      eventCount: 0,
      orderCount: 0,
      lifetimeValue: {},
      updatedAt: new Date(),
    })
    .where(scope.where(customers, eq(customers.id, source.id)));
  if (aliases.length) await tx.insert(customerAliases).values(aliases).onConflictDoNothing();
  await tx
    .update(customers)
    .set({ ...patch, updatedAt: new Date() })
    .where(scope.where(customers, eq(customers.id, target.id)));
  // Recounted from the moved rows rather than added up, so a drifted counter heals here.
  await recomputeActivityTotals(scope, tx, [target.id], ['feedback', 'events', 'orders']);
  const [merged] = await tx
    .select()
    .from(customers)
    .where(scope.where(customers, eq(customers.id, target.id)));
  return { preview: false, customer: publicCustomer(merged), moves, activity: await customerActivity(scope, tx, merged) };
}
