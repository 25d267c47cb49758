// Data migration: the phones customers were stored with before phones were read as E.164 are
// rewritten as E.164, each workspace's national numbers read in its default country. Two customers
// of a workspace whose phones turn out to be one number are one person: the newer is merged into
// the older (merge-customers.ts: everything moves, its identifiers stay as aliases). A phone that
// is not a valid number is left as it was. Running it again changes nothing.
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { phoneCountryOf } from '../../platform/workspace/workspace-settings.service.js';
import { customerAliases, customers } from './customers.tables.js';
import { mergeCustomers } from './merge-customers.js';
import { toE164 } from './phone-number.js';

const PAGE = 500;

interface Tally {
  rewritten: number;
  merged: number;
  unreadable: number;
}
interface Stored {
  id: string;
  phone: string;
  phoneKey: string | null;
  createdAt: Date;
}

export async function normalizeStoredPhones(database: Database): Promise<Tally> {
  const tally: Tally = { rewritten: 0, merged: 0, unreadable: 0 };
  const all = await database.db
    .select({ id: workspaces.id, defaultLocale: workspaces.defaultLocale, settings: workspaces.settings })
    .from(workspaces);
  for (const w of all) {
    const scope = new WorkspaceScope(database, w.id);
    const country = phoneCountryOf(w.defaultLocale, w.settings);
    await normalizeCustomers(scope, country, tally);
    await normalizeAliases(scope, country);
  }
  return tally;
}

/** Oldest first, so that when two phones are one number the older customer is already settled. */
async function normalizeCustomers(scope: WorkspaceScope, country: string | null, tally: Tally) {
  let after: Stored | null = null;
  for (;;) {
    const page: Stored[] = await scope.db
      .select({ id: customers.id, phone: sql<string>`${customers.phone}`, phoneKey: customers.phoneKey, createdAt: customers.createdAt })
      .from(customers)
      .where(
        scope.where(
          customers,
          isNotNull(customers.phone),
          isNull(customers.mergedIntoId),
          after
            ? or(gt(customers.createdAt, after.createdAt), and(eq(customers.createdAt, after.createdAt), gt(customers.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(asc(customers.createdAt), asc(customers.id))
      .limit(PAGE);
    if (page.length === 0) return;
    after = page[page.length - 1];
    const changes: Array<{ customer: Stored; e164: string }> = [];
    for (const customer of page) {
      const e164 = toE164(customer.phone, country);
      if (!e164) tally.unreadable++;
      else if (customer.phone !== e164 || customer.phoneKey !== e164) changes.push({ customer, e164 });
    }
    // Most numbers are no one else's: those are rewritten together; the others one by one.
    const holders = await keyHolders(
      scope,
      changes.map((c) => c.e164),
    );
    const seen = new Set<string>();
    const alone = changes.filter(({ customer, e164 }) => {
      const free = !seen.has(e164) && (holders.get(e164) ?? customer.id) === customer.id;
      seen.add(e164);
      return free;
    });
    await rewritePhones(scope, alone);
    tally.rewritten += alone.length;
    for (const change of changes.filter((c) => !alone.includes(c))) await settleShared(scope, change.customer, change.e164, tally);
  }
}

/** Which customer holds each of these phone keys now. */
async function keyHolders(scope: WorkspaceScope, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await scope.db
    .select({ id: customers.id, phoneKey: customers.phoneKey })
    .from(customers)
    .where(scope.where(customers, inArray(customers.phoneKey, [...new Set(keys)])));
  return new Map(rows.map((r) => [r.phoneKey!, r.id]));
}

async function rewritePhones(scope: WorkspaceScope, changes: Array<{ customer: Stored; e164: string }>) {
  if (changes.length === 0) return;
  await scope.db.execute(sql`update customers c set phone = v.e164, phone_key = v.e164
    from unnest(${pgArray(changes.map((c) => c.customer.id))}::uuid[], ${pgArray(changes.map((c) => c.e164))}::text[]) as v(id, e164)
    where c.id = v.id and c.workspace_id = ${scope.workspaceId}`);
}

/** A customer whose number another customer already holds: the newer of the two is merged into the older. */
async function settleShared(scope: WorkspaceScope, stored: Stored, e164: string, tally: Tally) {
  const [current] = await scope.db
    .select()
    .from(customers)
    .where(scope.where(customers, eq(customers.id, stored.id)));
  if (!current || current.mergedIntoId || current.phone !== stored.phone) return; // merged meanwhile
  const [holder] = await scope.db
    .select({ id: customers.id, createdAt: customers.createdAt })
    .from(customers)
    .where(scope.where(customers, eq(customers.phoneKey, e164), ne(customers.id, current.id)));
  let keeper = current.id;
  if (holder) {
    const holderIsOlder =
      holder.createdAt < current.createdAt || (holder.createdAt.getTime() === current.createdAt.getTime() && holder.id < current.id);
    keeper = holderIsOlder ? holder.id : current.id;
    await mergeCustomers(scope, { targetId: keeper, sourceId: holderIsOlder ? current.id : holder.id, preview: false });
    tally.merged++;
  }
  await scope.db
    .update(customers)
    .set({ phone: e164, phoneKey: e164 })
    .where(scope.where(customers, eq(customers.id, keeper)));
  tally.rewritten++;
}

/**
 * Phones kept as aliases of merged customers, as E.164. An alias whose number another alias
 * already holds keeps its old value (nothing is dropped; identify finds that number through the other).
 */
async function normalizeAliases(scope: WorkspaceScope, country: string | null) {
  const aliases = await scope.db
    .select({ value: customerAliases.value })
    .from(customerAliases)
    .where(scope.where(customerAliases, eq(customerAliases.kind, 'phone')));
  for (const { value } of aliases) {
    const e164 = toE164(value, country);
    if (!e164 || e164 === value) continue;
    await scope.db.execute(sql`update customer_aliases set value = ${e164}
      where workspace_id = ${scope.workspaceId} and kind = 'phone' and value = ${value}
        and not exists (select 1 from customer_aliases o where o.workspace_id = ${scope.workspaceId} and o.kind = 'phone' and o.value = ${e164})`);
  }
}
