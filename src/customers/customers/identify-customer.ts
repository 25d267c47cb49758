// Find a customer by any identifier (external id, email, phone — including identifiers of
// customers merged into it) and update them, or create them.
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { customers, customerAliases } from './customers.tables.js';
import { newId } from '../../platform/ids.js';
import { toAsciiDigits } from '../../platform/digits.js';
import { pgArray } from '../../platform/db/pg-array.js';
import type { TIdentifyCustomerInput } from './customers.input.js';
import { toE164 } from './phone-number.js';

export type Customer = typeof customers.$inferSelect;

export const emailKey = (email?: string | null) => (email ? email.trim().toLowerCase() : null);

/**
 * The key a phone is matched by: digits only (any script), a leading + kept and 00 read as +.
 * Phones enter as E.164 (read-customer-phones.ts), whose key is the number itself; a phone stored
 * before that and not readable as a number keeps its digits.
 */
export function phoneKey(phone?: string | null): string | null {
  if (!phone) return null;
  const ascii = toAsciiDigits(phone).replace(/[^\d+]/g, '');
  const key = ascii.startsWith('00') ? `+${ascii.slice(2)}` : ascii.replace(/(?!^)\+/g, '');
  return key.replace(/\+/g, '').length >= 3 ? key : null;
}

/**
 * The customer an identifier names: checked in the order external id, email, phone, each first
 * on the customers themselves, then among the identifiers of customers merged into others. One
 * query: each check is a unique-index probe, ranked in that order, and the best one's customer
 * is read by its primary key.
 */
export async function findCustomerByIdentifiers(
  scope: WorkspaceScope,
  tx: DbOrTx,
  input: { externalId?: string | null; email?: string | null; phone?: string | null },
): Promise<Customer | null> {
  const keys: Array<[kind: string, value: string | null | undefined, column: string]> = [
    ['external_id', input.externalId, 'external_id'],
    ['email', emailKey(input.email), 'email_key'],
    ['phone', phoneKey(input.phone), 'phone_key'],
  ];
  const checks = keys.flatMap(([kind, value, column], k) =>
    value
      ? [
          sql`select d.id, ${2 * k} as rank from customers d where d.workspace_id = ${scope.workspaceId} and d.${sql.identifier(column)} = ${value}`,
          sql`select a.customer_id, ${2 * k + 1} from customer_aliases a where a.workspace_id = ${scope.workspaceId} and a.kind = ${kind} and a.value = ${value}`,
        ]
      : [],
  );
  if (checks.length === 0) return null;
  const best = sql`(select m.id from (${sql.join(checks, sql` union all `)}) m order by m.rank limit 1)`;
  const [found] = await tx
    .select()
    .from(customers)
    .where(scope.where(customers, sql`${customers.id} = ${best}`));
  return found ?? null;
}

export async function identifyCustomer(
  scope: WorkspaceScope,
  tx: DbOrTx,
  input: TIdentifyCustomerInput & { seenAt?: Date },
): Promise<{ customer: Customer; created: boolean }> {
  const existing = await findCustomerByIdentifiers(scope, tx, input);
  if (existing) return { customer: await fillCustomer(scope, tx, existing, input), created: false };
  const row = newCustomerRow(scope, input);
  // A concurrent identify may create the same person first: then we update theirs.
  const [created] = await tx.insert(customers).values(row).onConflictDoNothing().returning();
  if (created) return { customer: created, created: true };
  const winner = await findCustomerByIdentifiers(scope, tx, input);
  if (!winner) throw new Error('customer identify conflict could not be resolved');
  return { customer: await fillCustomer(scope, tx, winner, input), created: false };
}

/** The row identify creates for someone no identifier names yet. */
export function newCustomerRow(scope: WorkspaceScope, input: TIdentifyCustomerInput & { seenAt?: Date }) {
  return scope.stamp({
    id: newId(),
    externalId: input.externalId ?? null,
    email: input.email ?? null,
    emailKey: emailKey(input.email),
    phone: input.phone ?? null,
    phoneKey: phoneKey(input.phone),
    name: input.name ?? null,
    locale: input.locale ?? null,
    attributes: input.attributes ?? {},
    lastSeenAt: input.seenAt ?? null,
  });
}

/** An input's identifiers as `x:…`, `e:…`, `p:…` keys (external id, email key, phone key). */
export function identifierKeys(input: { externalId?: string | null; email?: string | null; phone?: string | null }): string[] {
  const ek = emailKey(input.email);
  const pk = phoneKey(input.phone);
  return [input.externalId ? `x:${input.externalId}` : null, ek ? `e:${ek}` : null, pk ? `p:${pk}` : null].filter(
    (k): k is string => k !== null,
  );
}

/** Which of these identifier keys a merged customer's alias still holds. */
export async function aliasedIdentifierKeys(scope: WorkspaceScope, tx: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const kinds: Record<string, string> = { x: 'external_id', e: 'email', p: 'phone' };
  const rows = await tx
    .select({ kind: customerAliases.kind, value: customerAliases.value })
    .from(customerAliases)
    .where(
      scope.where(
        customerAliases,
        sql`(${customerAliases.kind}, ${customerAliases.value}) in (select * from unnest(${pgArray(keys.map((k) => kinds[k[0]]))}::text[], ${pgArray(keys.map((k) => k.slice(2)))}::text[]))`,
      ),
    );
  const prefix = Object.fromEntries(Object.entries(kinds).map(([p, kind]) => [kind, p]));
  return new Set(rows.map((r) => `${prefix[r.kind]}:${r.value}`));
}

/** Apply new traits; identifiers are only added where the customer has none and no one else holds them. */
async function fillCustomer(
  scope: WorkspaceScope,
  tx: DbOrTx,
  c: Customer,
  input: TIdentifyCustomerInput & { seenAt?: Date },
): Promise<Customer> {
  const patch: Partial<Customer> = {};
  if (input.name && input.name !== c.name) patch.name = input.name;
  if (input.locale && input.locale !== c.locale) patch.locale = input.locale;
  if (input.attributes && Object.keys(input.attributes).length > 0) {
    patch.attributes = { ...c.attributes, ...input.attributes };
  }
  const free = async (column: PgColumn, value: string) =>
    (
      await tx
        .select({ id: customers.id })
        .from(customers)
        .where(scope.where(customers, eq(column, value)))
        .limit(1)
    ).length === 0;
  if (input.externalId && !c.externalId && (await free(customers.externalId, input.externalId))) patch.externalId = input.externalId;
  const ek = emailKey(input.email);
  if (ek && !c.emailKey && (await free(customers.emailKey, ek))) {
    patch.email = input.email;
    patch.emailKey = ek;
  }
  const pk = phoneKey(input.phone);
  if (pk && !c.phoneKey && (await free(customers.phoneKey, pk))) {
    patch.phone = input.phone;
    patch.phoneKey = pk;
  }
  if (input.seenAt && (!c.lastSeenAt || input.seenAt > c.lastSeenAt)) patch.lastSeenAt = input.seenAt;
  if (Object.keys(patch).length === 0) return c;
  const [updated] = await tx
    .update(customers)
    .set({ ...patch, updatedAt: new Date() })
    .where(scope.where(customers, eq(customers.id, c.id)))
    .returning();
  return updated;
}

/**
 * Name, email or external id containing the text, or a phone: the whole number read as E.164 (a
 * national one in `country`), or its digits anywhere in the stored number with the leading + or
 * trunk 0 left off, so "0912 345", "۹۱۲۳۴۵" and "+98 912 345" all find +989123456789.
 */
export function customerSearchCondition(q: string, country: string | null): SQL {
  const like = `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const digits = phoneKey(q)?.replace(/^\+?0*/, '');
  const e164 = toE164(q, country);
  return or(
    sql`lower(${customers.name}) like ${like}`,
    sql`${customers.emailKey} like ${like}`,
    sql`lower(${customers.externalId}) like ${like}`,
    digits && digits.length >= 3 ? sql`${customers.phoneKey} like ${`%${digits}%`}` : undefined,
    e164 ? sql`${customers.phoneKey} = ${e164}` : undefined,
  ) as SQL;
}

/**
 * Batch fast path for identify: one query finds the customers that the batch's identifiers name
 * directly. `resolve` answers an input only when the result is certain to equal
 * identifyCustomer's — the first identifier it carries matches a customer directly and
 * identifying would change nothing on that customer; otherwise it returns null (the caller then
 * runs identifyCustomer).
 */
export async function prefetchCustomers(
  scope: WorkspaceScope,
  tx: DbOrTx,
  inputs: Array<{ externalId?: string | null; email?: string | null; phone?: string | null }>,
) {
  const externalIds = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const input of inputs) {
    if (input.externalId) externalIds.add(input.externalId);
    const ek = emailKey(input.email);
    if (ek) emails.add(ek);
    const pk = phoneKey(input.phone);
    if (pk) phones.add(pk);
  }
  const byKey = new Map<string, Customer>();
  const anyOf: SQL[] = [];
  if (externalIds.size) anyOf.push(inArray(customers.externalId, [...externalIds]));
  if (emails.size) anyOf.push(inArray(customers.emailKey, [...emails]));
  if (phones.size) anyOf.push(inArray(customers.phoneKey, [...phones]));
  if (anyOf.length > 0) {
    for (const c of await tx
      .select()
      .from(customers)
      .where(scope.where(customers, or(...anyOf)))) {
      if (c.externalId) byKey.set(`x:${c.externalId}`, c);
      if (c.emailKey) byKey.set(`e:${c.emailKey}`, c);
      if (c.phoneKey) byKey.set(`p:${c.phoneKey}`, c);
    }
  }
  return {
    /** No customer holds any of the input's identifiers directly. */
    matchesNone: (input: TIdentifyCustomerInput) => identifierKeys(input).every((k) => !byKey.has(k)),
    resolve(input: TIdentifyCustomerInput): Customer | null {
      const first = identifierKeys(input)[0];
      const c = first ? byKey.get(first) : undefined;
      if (!c) return null;
      const wouldChange =
        (input.name && input.name !== c.name) ||
        (input.locale && input.locale !== c.locale) ||
        (input.attributes && Object.keys(input.attributes).length > 0) ||
        (input.externalId && !c.externalId) ||
        (emailKey(input.email) && !c.emailKey) ||
        (phoneKey(input.phone) && !c.phoneKey);
      return wouldChange ? null : c;
    },
  };
}
