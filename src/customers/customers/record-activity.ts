// Behavioural events and orders from the business's servers. Both identify (or create) the
// customer, move their last-seen time forward and keep the customer's behaviour summary
// (event_count, order_count, lifetime_value) true in the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { events, orders } from './customers.tables.js';
import { newId } from '../../platform/ids.js';
import { identifyCustomer, prefetchCustomers } from './identify-customer.js';
import { withE164Phone, withE164Phones } from './read-customer-phones.js';
import type { TCustomerRef, TRecordEventInput, TRecordOrderInput } from './customers.input.js';
import { signalSurveyTriggers } from '../../collect/surveys/survey-triggers.js';
import { emitRuleTriggers } from '../../act/rules/emit-trigger.js';

interface EventRow {
  id: string;
  customerId: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
}

export async function recordEvents(scope: WorkspaceScope, given: TRecordEventInput[]) {
  const refs = await withE164Phones(
    scope,
    given.map((e) => e.customer),
    (i) => `events.${i}.customer.phone`,
  );
  const inputs = given.map((e, i) => ({ ...e, customer: refs[i] }));
  return retryDeadlocks(() =>
    scope.transaction(async (tx) => {
      const occurredAt = inputs.map((input) => input.occurredAt ?? new Date());
      const customerIds = await identifyEventCustomers(scope, tx, inputs, occurredAt);
      const rows: EventRow[] = inputs.map((input, i) => ({
        id: newId(),
        customerId: customerIds[i],
        name: input.name,
        properties: input.properties,
        occurredAt: occurredAt[i],
      }));
      const stored = await insertEventRows(scope, tx, rows);
      await signalSurveyTriggers(
        scope,
        tx,
        rows.map((e) => ({ name: e.name, customerId: e.customerId, occurredAt: e.occurredAt, sourceKey: `event:${e.id}` })),
      );
      await emitRuleTriggers(
        scope,
        tx,
        rows.map((e) => ({ kind: 'event_received', eventId: e.id })),
      );
      // Last, so the customers' rows stay locked only until the commit.
      await countEvents(scope, tx, rows);
      return rows.map((e) => {
        const row = stored.get(e.id)!;
        return {
          id: e.id,
          customerId: e.customerId,
          name: e.name,
          properties: row.properties,
          occurredAt: e.occurredAt,
          receivedAt: row.receivedAt,
        };
      });
    }),
  );
}

/**
 * An event Feedloop itself records for a known customer (e.g. "ticket_resolved"), in the caller's
 * transaction: stored, counted and offered to survey triggers like one the business sent.
 */
export async function recordCustomerEventIn(
  scope: WorkspaceScope,
  tx: Tx,
  event: { customerId: string; name: string; properties: Record<string, unknown> },
): Promise<string> {
  const row: EventRow = { id: newId(), ...event, occurredAt: new Date() };
  await insertEventRows(scope, tx, [row]);
  await signalSurveyTriggers(scope, tx, [
    { name: row.name, customerId: row.customerId, occurredAt: row.occurredAt, sourceKey: `event:${row.id}` },
  ]);
  await countEvents(scope, tx, [row]);
  return row.id;
}

const DEADLOCK_ATTEMPTS = 3;

/**
 * Identify locks the customers it creates or changes before the counters lock theirs in id order,
 * so two calls that both create and update customers can still deadlock; PostgreSQL aborts one,
 * and that one runs again (it then finds what the other created).
 */
async function retryDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
      if (code !== '40P01' || attempt >= DEADLOCK_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}

const refKey = (c: TCustomerRef) => JSON.stringify([c.externalId, c.email, c.phone, c.name, c.locale]);

/**
 * The customer of each event. Each distinct reference is identified once, as identifyCustomer
 * would with seenAt = the latest occurredAt of its events. References go in one fixed order (by
 * content), so concurrent calls that create the same new customers wait for each other instead of
 * deadlocking; when two references of a call name one customer with different names or locales,
 * the later in that order wins. A reference that names a customer directly and would change
 * nothing on them is answered from one query for the whole call (its last_seen_at moves in
 * countEvents) — unless identifyCustomer already changed that customer here: its prefetched row is stale.
 */
async function identifyEventCustomers(scope: WorkspaceScope, tx: Tx, inputs: TRecordEventInput[], occurredAt: Date[]): Promise<string[]> {
  const refs = new Map<string, { ref: TCustomerRef; seenAt: Date; customerId: string }>();
  inputs.forEach((input, i) => {
    const entry = refs.get(refKey(input.customer));
    if (!entry) refs.set(refKey(input.customer), { ref: input.customer, seenAt: occurredAt[i], customerId: '' });
    else if (occurredAt[i] > entry.seenAt) entry.seenAt = occurredAt[i];
  });
  const known = await prefetchCustomers(
    scope,
    tx,
    [...refs.values()].map((e) => e.ref),
  );
  const changedHere = new Set<string>();
  for (const key of [...refs.keys()].sort()) {
    const entry = refs.get(key)!;
    const prefetched = known.resolve(entry.ref);
    if (prefetched && !changedHere.has(prefetched.id)) {
      entry.customerId = prefetched.id;
      continue;
    }
    const { customer } = await identifyCustomer(scope, tx, { ...entry.ref, seenAt: entry.seenAt });
    changedHere.add(customer.id);
    entry.customerId = customer.id;
  }
  return inputs.map((input) => refs.get(refKey(input.customer))!.customerId);
}

/**
 * All rows in one INSERT … SELECT FROM unnest(…): one array parameter per column, the same
 * statement whatever the batch size. Returns what the database stored, by event id.
 */
async function insertEventRows(scope: WorkspaceScope, tx: Tx, rows: EventRow[]) {
  const column = (pick: (r: EventRow) => string) => pgArray(rows.map(pick));
  // INSERT … SELECT names every column of the table, in its order.
  const stored = await tx
    .insert(events)
    .select(sql`
    select t.id, ${scope.workspaceId}::uuid, t.customer_id, t.name, t.properties, t.occurred_at, now()
    from unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.customerId)}::uuid[], ${column((r) => r.name)}::text[],
      ${column((r) => JSON.stringify(r.properties))}::jsonb[], ${column((r) => r.occurredAt.toISOString())}::timestamptz[])
      as t(id, customer_id, name, properties, occurred_at)`)
    .returning({ id: events.id, properties: events.properties, receivedAt: events.receivedAt });
  return new Map(stored.map((r) => [r.id, r]));
}

/** event_count grows by the call's events and last_seen_at moves to the latest of them. */
async function countEvents(scope: WorkspaceScope, tx: Tx, rows: EventRow[]) {
  const perCustomer = new Map<string, { n: number; last: Date }>();
  for (const r of rows) {
    const e = perCustomer.get(r.customerId) ?? { n: 0, last: r.occurredAt };
    e.n += 1;
    if (r.occurredAt > e.last) e.last = r.occurredAt;
    perCustomer.set(r.customerId, e);
  }
  // One statement for all customers, in id order so concurrent calls lock rows in one order.
  const entries = [...perCustomer].sort(([a], [b]) => a.localeCompare(b));
  // updated_at moves when last_seen_at does, as identifyCustomer does.
  await tx.execute(sql`
    update customers c set event_count = c.event_count + v.n,
      last_seen_at = greatest(c.last_seen_at, v.last),
      updated_at = case when c.last_seen_at is null or v.last > c.last_seen_at then ${new Date().toISOString()}::timestamptz else c.updated_at end
    from (select * from unnest(${pgArray(entries.map(([id]) => id))}::uuid[], ${pgArray(entries.map(([, e]) => e.n))}::int[],
      ${pgArray(entries.map(([, e]) => e.last.toISOString()))}::timestamptz[]) as t(id, n, last) order by id) v
    where c.id = v.id and c.workspace_id = ${scope.workspaceId}`);
}

/**
 * Orders are upserted by their external id: re-sending an order changes what the call gives
 * (amount, currency and the customer always; status, placedAt and metadata keys when present) and
 * keeps the rest. Only a new order, or a given placedAt, counts as the customer being seen.
 */
export async function recordOrder(scope: WorkspaceScope, given: TRecordOrderInput) {
  const input = { ...given, customer: await withE164Phone(scope, given.customer, 'customer.phone') };
  return retryDeadlocks(() =>
    scope.transaction(async (tx) => {
      const known = await lockOrder(scope, tx, input.externalId);
      const seenAt = input.placedAt ?? (known ? undefined : new Date());
      const { customer } = await identifyCustomer(scope, tx, { ...input.customer, seenAt });
      const row = await upsertOrder(scope, tx, input, customer.id, known, seenAt ?? new Date());
      // Recounted from the rows: a re-sent order may change its amount or currency, or move to another customer.
      await recomputeActivityTotals(scope, tx, [customer.id, row.previousCustomerId ?? customer.id], ['orders']);
      // Survey triggers: a new order is "order_placed"; status "delivered" is "order_delivered" (once per order).
      await signalSurveyTriggers(scope, tx, [
        ...(row.inserted
          ? [{ name: 'order_placed', customerId: customer.id, occurredAt: row.order.placedAt, sourceKey: `order:${row.order.id}:placed` }]
          : []),
        ...(input.status === 'delivered'
          ? [{ name: 'order_delivered', customerId: customer.id, occurredAt: new Date(), sourceKey: `order:${row.order.id}:delivered` }]
          : []),
      ]);
      if (row.inserted) await emitRuleTriggers(scope, tx, [{ kind: 'order_placed', orderId: row.order.id }]);
      return { order: publicOrder(row.order), created: row.inserted };
    }),
  );
}

type OrderRow = typeof orders.$inferSelect;
type KnownOrder = Pick<OrderRow, 'id' | 'customerId'>;

/** The order with this external id, locked until the transaction ends (null: not stored yet). */
async function lockOrder(scope: WorkspaceScope, tx: Tx, externalId: string): Promise<KnownOrder | null> {
  const [row] = await tx
    .select({ id: orders.id, customerId: orders.customerId })
    .from(orders)
    .where(scope.where(orders, eq(orders.externalId, externalId)))
    .for('update');
  return row ?? null;
}

/**
 * Inserts the order or updates the one with this external id, saying whose it was before. An
 * update sets only the fields the input carries (metadata merged key by key, as identify merges
 * attributes); `placedAt` is the time a new order without one gets.
 */
async function upsertOrder(
  scope: WorkspaceScope,
  tx: Tx,
  input: TRecordOrderInput,
  customerId: string,
  known: KnownOrder | null,
  placedAt: Date,
) {
  const update = async (existing: KnownOrder) => {
    const [order] = await tx
      .update(orders)
      .set({
        customerId,
        amount: input.amount,
        currency: input.currency,
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.placedAt !== undefined ? { placedAt: input.placedAt } : {}),
        ...(input.metadata !== undefined ? { metadata: sql`${orders.metadata} || ${JSON.stringify(input.metadata)}::jsonb` } : {}),
      })
      .where(scope.where(orders, eq(orders.id, existing.id)))
      .returning();
    return { order, inserted: false, previousCustomerId: existing.customerId };
  };
  if (known) return update(known);
  const [created] = await tx
    .insert(orders)
    .values(
      scope.stamp({
        id: newId(),
        externalId: input.externalId,
        customerId,
        amount: input.amount,
        currency: input.currency,
        status: input.status ?? null,
        placedAt,
        metadata: input.metadata ?? {},
      }),
    )
    .onConflictDoNothing({ target: [orders.workspaceId, orders.externalId] })
    .returning();
  if (created) return { order: created, inserted: true, previousCustomerId: null };
  // A concurrent call inserted it first: update theirs.
  const winner = await lockOrder(scope, tx, input.externalId);
  if (!winner) throw new Error(`order ${input.externalId}: neither inserted nor found`);
  return update(winner);
}

const TOTALS = {
  feedback: sql`feedback_count = (select count(*)::int from feedback_items f where f.workspace_id = c.workspace_id and f.customer_id = c.id)`,
  events: sql`event_count = (select count(*)::int from events e where e.workspace_id = c.workspace_id and e.customer_id = c.id)`,
  orders: sql`order_count = (select count(*)::int from orders o where o.workspace_id = c.workspace_id and o.customer_id = c.id),
    lifetime_value = coalesce((select jsonb_object_agg(currency, total) from (
      select o.currency, sum(o.amount) as total from orders o where o.workspace_id = c.workspace_id and o.customer_id = c.id group by o.currency
    ) per_currency), '{}'::jsonb)`,
};

/** Recounts the customers' counters from their feedback, event and/or order rows. */
export async function recomputeActivityTotals(scope: WorkspaceScope, tx: Tx, customerIds: string[], totals: Array<keyof typeof TOTALS>) {
  await tx.execute(sql`update customers c set ${sql.join(
    totals.map((t) => TOTALS[t]),
    sql`, `,
  )}
    where c.workspace_id = ${scope.workspaceId} and c.id = any(${pgArray([...new Set(customerIds)].sort())}::uuid[])`);
}

export function publicOrder(o: {
  id: string;
  customerId: string;
  externalId: string;
  amount: number;
  currency: string;
  status: string | null;
  placedAt: Date;
  metadata: Record<string, unknown>;
}) {
  return {
    id: o.id,
    customerId: o.customerId,
    externalId: o.externalId,
    amount: o.amount,
    currency: o.currency,
    status: o.status,
    placedAt: o.placedAt,
    metadata: o.metadata,
  };
}
