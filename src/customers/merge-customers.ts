// Merge two records of the same person: the source's feedback, events, orders, tickets, tasks
// and compensations move to the target, the target keeps its own values and gains what it lacks, and the source is retired
// (kept with merged_into_id so old links resolve, its identifiers kept as aliases).
import { eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import type { Tx } from '../platform/db/client.js';
import { customers, customerAliases, events, orders } from './schema.js';
import { feedbackItems } from '../collect/schema.js';
import { AppError, notFound } from '../platform/http/errors.js';
import { publicCustomer } from './customer.service.js';
import type { Customer } from './identify-customer.js';
import { recomputeActivityTotals } from './record-activity.js';
import { compensations, tasks, tickets } from '../act/schema.js';

type CustomerOwned = typeof events | typeof orders | typeof feedbackItems | typeof tickets | typeof tasks | typeof compensations;

async function count(tx: Tx, scope: WorkspaceScope, table: CustomerOwned, customerId: string) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(table).where(scope.where(table, eq(table.customerId, customerId)));
  return row.n;
}

function mergedFields(target: Customer, source: Customer): Partial<Customer> {
  const patch: Partial<Customer> = {};
  const fill = <K extends keyof Customer>(k: K) => { if (target[k] == null && source[k] != null) patch[k] = source[k]; };
  (['name', 'locale', 'externalId', 'email', 'emailKey', 'phone', 'phoneKey'] as const).forEach(fill);
  patch.attributes = { ...source.attributes, ...target.attributes };
  const firstSeen = [target.lastSeenAt, source.lastSeenAt].filter(Boolean) as Date[];
  if (firstSeen.length) patch.lastSeenAt = new Date(Math.max(...firstSeen.map((d) => d.getTime())));
  if (source.createdAt < target.createdAt) patch.createdAt = source.createdAt;
  return patch;
}

export async function mergeCustomers(scope: WorkspaceScope, input: { targetId: string; sourceId: string; preview: boolean }) {
  return scope.transaction(async (tx) => {
    // Lock both rows in id order so two opposite merges cannot deadlock.
    const ids = [input.targetId, input.sourceId].sort();
    const locked = await tx.select().from(customers)
      .where(scope.where(customers, sql`${customers.id} in (${ids[0]}, ${ids[1]})`))
      .orderBy(customers.id).for('update');
    const target = locked.find((c) => c.id === input.targetId);
    const source = locked.find((c) => c.id === input.sourceId);
    if (!target) throw notFound('Customer targetId');
    if (!source) throw notFound('Customer sourceId');
    if (target.mergedIntoId || source.mergedIntoId) {
      throw new AppError(409, 'already_merged', 'One of these customers was already merged into another', target.mergedIntoId ? 'targetId' : 'sourceId');
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
    if (input.preview) {
      return { preview: true, customer: publicCustomer({ ...target, ...patch }), moves };
    }
    await tx.update(feedbackItems).set({ customerId: target.id }).where(scope.where(feedbackItems, eq(feedbackItems.customerId, source.id)));
    await tx.update(events).set({ customerId: target.id }).where(scope.where(events, eq(events.customerId, source.id)));
    await tx.update(orders).set({ customerId: target.id }).where(scope.where(orders, eq(orders.customerId, source.id)));
    for (const table of [tickets, tasks, compensations]) {
      await tx.update(table).set({ customerId: target.id }).where(scope.where(table, eq(table.customerId, source.id)));
    }
    await tx.update(customerAliases).set({ customerId: target.id }).where(scope.where(customerAliases, eq(customerAliases.customerId, source.id)));
    const aliases = ([['external_id', source.externalId], ['email', source.emailKey], ['phone', source.phoneKey]] as const)
      .filter(([, v]) => v != null).map(([kind, value]) => scope.stamp({ kind, value: value as string, customerId: target.id }));
    // Retire the source first: its identifiers move to the target under unique indexes.
    await tx.update(customers).set({
      mergedIntoId: target.id, externalId: null, email: null, emailKey: null, phone: null, phoneKey: null,
      feedbackCount: 0, eventCount: 0, orderCount: 0, lifetimeValue: {}, updatedAt: new Date(),
    }).where(scope.where(customers, eq(customers.id, source.id)));
    if (aliases.length) await tx.insert(customerAliases).values(aliases).onConflictDoNothing();
    // Recounted from the moved rows rather than added up, so a drifted counter heals here.
    await recomputeActivityTotals(scope, tx, [target.id], ['events', 'orders']);
    const [merged] = await tx.update(customers).set({
      ...patch, feedbackCount: sql`${customers.feedbackCount} + ${source.feedbackCount}`, updatedAt: new Date(),
    }).where(scope.where(customers, eq(customers.id, target.id))).returning();
    return { preview: false, customer: publicCustomer(merged), moves };
  });
}
