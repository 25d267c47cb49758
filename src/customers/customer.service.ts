// Reading and editing customers.
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { customers } from './schema.js';
import { notFound, AppError } from '../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../platform/http/zod-types.js';
import { emailKey, phoneKey, customerSearchCondition, type Customer } from './identify-customer.js';
import type { TUpdateCustomerInput } from './customer.schemas.js';

export function publicCustomer(c: Customer) {
  return {
    id: c.id, externalId: c.externalId, email: c.email, phone: c.phone, name: c.name, locale: c.locale,
    attributes: c.attributes, mergedIntoId: c.mergedIntoId, feedbackCount: c.feedbackCount,
    eventCount: c.eventCount, orderCount: c.orderCount, lifetimeValue: c.lifetimeValue,
    createdAt: c.createdAt, updatedAt: c.updatedAt, lastSeenAt: c.lastSeenAt,
  };
}

export async function getCustomer(scope: WorkspaceScope, id: string) {
  const [c] = await scope.db.select().from(customers).where(scope.where(customers, eq(customers.id, id)));
  if (!c) throw notFound('Customer');
  return publicCustomer(c);
}

export async function listCustomers(scope: WorkspaceScope, q: { q?: string; limit: number; cursor?: string }) {
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !cursor) throw new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
  const rows = await scope.db.select().from(customers).where(scope.where(customers,
    isNull(customers.mergedIntoId),
    q.q ? customerSearchCondition(q.q) : undefined,
    cursor ? or(lt(customers.createdAt, cursor.time), and(eq(customers.createdAt, cursor.time), lt(customers.id, cursor.id))) : undefined,
  )).orderBy(desc(customers.createdAt), desc(customers.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { data: page.map((c) => publicCustomer(c)), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export async function updateCustomer(scope: WorkspaceScope, id: string, input: TUpdateCustomerInput) {
  return scope.transaction(async (tx) => {
    const [c] = await tx.select().from(customers).where(scope.where(customers, eq(customers.id, id))).for('update');
    if (!c) throw notFound('Customer');
    const patch: Partial<Customer> = { updatedAt: new Date() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.locale !== undefined) patch.locale = input.locale;
    if (input.attributes !== undefined) patch.attributes = mergeAttributes(c.attributes, input.attributes);
    if (input.email !== undefined) { patch.email = input.email; patch.emailKey = emailKey(input.email); }
    if (input.phone !== undefined) { patch.phone = input.phone; patch.phoneKey = phoneKey(input.phone); }
    try {
      const [updated] = await tx.update(customers).set(patch).where(scope.where(customers, eq(customers.id, id))).returning();
      return publicCustomer(updated);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        const field = String((err as { constraint?: string }).constraint ?? '').includes('phone') ? 'phone' : 'email';
        throw new AppError(409, 'identifier_taken', `${field}: another customer already has this ${field}`, field);
      }
      throw err;
    }
  });
}

/** A merge patch of the attributes (RFC 7396, top level): named keys change, null removes one, the rest stay. */
function mergeAttributes(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current, ...patch };
  for (const [name, value] of Object.entries(patch)) if (value === null) delete merged[name];
  return merged;
}
