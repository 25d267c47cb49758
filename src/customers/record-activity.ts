// Behavioural events and orders from the business's servers. Both identify (or create) the
// customer and move their last-seen time forward.
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { events, orders } from './schema.js';
import { newId } from '../platform/ids.js';
import { identifyCustomer } from './identify-customer.js';
import type { TRecordEventInput, TRecordOrderInput } from './customer.schemas.js';
import { signalSurveyTriggers } from '../collect/surveys/survey-triggers.js';

export async function recordEvents(scope: WorkspaceScope, inputs: TRecordEventInput[]) {
  return scope.transaction(async (tx) => {
    const out = [];
    for (const input of inputs) {
      const occurredAt = input.occurredAt ?? new Date();
      const { customer } = await identifyCustomer(scope, tx, { ...input.customer, seenAt: occurredAt });
      const [row] = await tx.insert(events).values(scope.stamp({
        id: newId(), customerId: customer.id, name: input.name, properties: input.properties, occurredAt,
      })).returning();
      out.push({ id: row.id, customerId: customer.id, name: row.name, properties: row.properties, occurredAt: row.occurredAt, receivedAt: row.receivedAt });
    }
    await signalSurveyTriggers(scope, tx, out.map((e) => ({ name: e.name, customerId: e.customerId, occurredAt: e.occurredAt, sourceKey: `event:${e.id}` })));
    return out;
  });
}

/** Orders are upserted by their external id: re-sending an order updates it. */
export async function recordOrder(scope: WorkspaceScope, input: TRecordOrderInput) {
  return scope.transaction(async (tx) => {
    const placedAt = input.placedAt ?? new Date();
    const { customer } = await identifyCustomer(scope, tx, { ...input.customer, seenAt: placedAt });
    const [row] = await tx.insert(orders).values(scope.stamp({
      id: newId(), customerId: customer.id, externalId: input.externalId, amount: input.amount,
      currency: input.currency, status: input.status ?? null, placedAt, metadata: input.metadata,
    })).onConflictDoUpdate({
      target: [orders.workspaceId, orders.externalId],
      set: { customerId: customer.id, amount: input.amount, currency: input.currency, status: input.status ?? null, placedAt, metadata: input.metadata },
    }).returning({ id: orders.id, inserted: sql<boolean>`(xmax = 0)` });
    // Survey triggers: a new order is "order_placed"; status "delivered" is "order_delivered" (once per order).
    await signalSurveyTriggers(scope, tx, [
      ...(row.inserted ? [{ name: 'order_placed', customerId: customer.id, occurredAt: placedAt, sourceKey: `order:${row.id}:placed` }] : []),
      ...(input.status === 'delivered' ? [{ name: 'order_delivered', customerId: customer.id, occurredAt: new Date(), sourceKey: `order:${row.id}:delivered` }] : []),
    ]);
    return { order: publicOrder({ ...row, customerId: customer.id, externalId: input.externalId, amount: input.amount, currency: input.currency, status: input.status ?? null, placedAt, metadata: input.metadata }), created: row.inserted };
  });
}

export function publicOrder(o: { id: string; customerId: string; externalId: string; amount: number; currency: string; status: string | null; placedAt: Date; metadata: Record<string, unknown> }) {
  return { id: o.id, customerId: o.customerId, externalId: o.externalId, amount: o.amount, currency: o.currency, status: o.status, placedAt: o.placedAt, metadata: o.metadata };
}
