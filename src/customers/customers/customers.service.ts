// Reading and editing customers.
import { desc, eq, isNull } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { customers } from './customers.tables.js';
import { notFound, AppError } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/zod-types.js';
import { olderThan } from '../../platform/http/page.js';
import { emailKey, phoneKey, customerSearchCondition, identifyCustomer, type Customer } from './identify-customer.js';
import { withE164Phone } from './read-customer-phones.js';
import { hasCountryCode } from './phone-number.js';
import { workspacePhoneCountry } from '../../platform/workspace/workspace-settings.service.js';
import { toAsciiDigits } from '../../platform/digits.js';
import type { TIdentifyCustomerInput, TUpdateCustomerInput } from './customers.input.js';
import { assertServiceUnit } from '../../evaluate/service-units/service-unit-refs.js';

export function publicCustomer(c: Customer) {
  return {
    id: c.id,
    externalId: c.externalId,
    email: c.email,
    phone: c.phone,
    name: c.name,
    locale: c.locale,
    attributes: c.attributes,
    mergedIntoId: c.mergedIntoId,
    serviceUnitId: c.serviceUnitId,
    feedbackCount: c.feedbackCount,
    eventCount: c.eventCount,
    orderCount: c.orderCount,
    lifetimeValue: c.lifetimeValue,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastSeenAt: c.lastSeenAt,
  };
}

export async function getCustomer(scope: WorkspaceScope, id: string) {
  const [c] = await scope.db
    .select()
    .from(customers)
    .where(scope.where(customers, eq(customers.id, id)));
  if (!c) throw notFound('Customer');
  return publicCustomer(c);
}

/** POST /customers/identify: the phone read as E.164, then the customer found and updated, or created; seen now. */
export async function identifyCustomerNow(scope: WorkspaceScope, input: TIdentifyCustomerInput) {
  const read = await withE164Phone(scope, input, 'phone');
  return scope.transaction((tx) => identifyCustomer(scope, tx, { ...read, seenAt: new Date() }));
}

/** A search that may be a national phone number needs the workspace's country to read it as E.164. */
async function searchPhoneCountry(scope: WorkspaceScope, q: string): Promise<string | null> {
  const digits = toAsciiDigits(q).replace(/\D/g, '');
  return digits.length >= 3 && !hasCountryCode(q) ? workspacePhoneCountry(scope.db, scope.workspaceId) : null;
}

export async function listCustomers(scope: WorkspaceScope, q: { q?: string; limit: number; cursor?: string }) {
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !cursor) throw new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
  const rows = await scope.db
    .select()
    .from(customers)
    .where(
      scope.where(
        customers,
        isNull(customers.mergedIntoId),
        q.q ? customerSearchCondition(q.q, await searchPhoneCountry(scope, q.q)) : undefined,
        cursor ? olderThan(customers, cursor) : undefined,
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((c) => publicCustomer(c)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function updateCustomer(scope: WorkspaceScope, id: string, patchInput: TUpdateCustomerInput) {
  const input = await withE164Phone(scope, patchInput, 'phone');
  return scope.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(customers)
      .where(scope.where(customers, eq(customers.id, id)))
      .for('update');
    if (!c) throw notFound('Customer');
    const patch: Partial<Customer> = { updatedAt: new Date() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.locale !== undefined) patch.locale = input.locale;
    if (input.serviceUnitId !== undefined) {
      await assertServiceUnit(scope, tx, input.serviceUnitId);
      patch.serviceUnitId = input.serviceUnitId;
    }
    if (input.attributes !== undefined) patch.attributes = mergeAttributes(c.attributes, input.attributes);
    if (input.email !== undefined) {
      patch.email = input.email;
      patch.emailKey = emailKey(input.email);
    }
    if (input.phone !== undefined) {
      patch.phone = input.phone;
      patch.phoneKey = phoneKey(input.phone);
    }
    try {
      const [updated] = await tx
        .update(customers)
        .set(patch)
        .where(scope.where(customers, eq(customers.id, id)))
        .returning();
      return publicCustomer(updated);
    } catch (err) {
      // Drizzle wraps the driver's error: its code and constraint are on `cause`.
      const cause = ((err as { cause?: unknown }).cause ?? err) as { code?: string; constraint?: string };
      if (cause.code === '23505') {
        const field = String(cause.constraint ?? '').includes('phone') ? 'phone' : 'email';
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
