// The data migration that rewrites stored phones as E.164: per workspace country, merging the
// customers whose phones turn out to be one number into the oldest, leaving unreadable ones alone,
// changing nothing when run again, and run by migrate() after the SQL migrations.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestApp, setupOwner, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { createApiKey } from '../../platform/auth/api-key.service.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { dataMigrations } from '../../platform/db/db.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { newId } from '../../platform/ids.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customerAliases, customers, events, orders } from './customers.tables.js';
import { normalizeStoredPhones } from './normalize-stored-phones.js';
import { customerProfile } from '../profile/profile.service.js';

let t: TestApp;
let main: string; // en workspace, no default country
let farsi: string; // fa: Iran
let saudi: string; // en, default country chosen: SA
let chinese: string; // zh: China
beforeAll(async () => {
  t = await createTestApp();
  const { body } = await setupOwner(t);
  const [ws] = await t.database.db.select().from(workspaces);
  main = ws.id;
  farsi = (await createWorkspace(t.database, ws.organizationId, body.user.id, 'Farsi', 'fa')).id;
  saudi = (await createWorkspace(t.database, ws.organizationId, body.user.id, 'Saudi', 'en')).id;
  chinese = (await createWorkspace(t.database, ws.organizationId, body.user.id, 'Chinese', 'zh')).id;
  await t.database.db
    .update(workspaces)
    .set({ settings: { defaultCountry: 'SA' } })
    .where(eq(workspaces.id, saudi));
});
afterAll(() => t.close());

let clock = Date.UTC(2025, 0, 1);
/** A customer as Feedloop stored them before: the phone as typed, its key the digits. */
async function legacyCustomer(workspaceId: string, phone: string, phoneKey: string, extra: Partial<typeof customers.$inferInsert> = {}) {
  const id = newId();
  clock += 60_000;
  await t.database.db.insert(customers).values({ id, workspaceId, phone, phoneKey, createdAt: new Date(clock), ...extra });
  return id;
}

async function customer(id: string) {
  const [c] = await t.database.db.select().from(customers).where(eq(customers.id, id));
  return c;
}

async function snapshot() {
  return {
    customers: await t.database.db.select().from(customers).orderBy(asc(customers.id)),
    aliases: await t.database.db.select().from(customerAliases).orderBy(asc(customerAliases.value)),
  };
}

describe('rewriting stored phones as E.164', () => {
  it('reads each workspace in its own country, merges one number into the oldest customer, and changes nothing the second time', async () => {
    // Three records of one Iranian number, the oldest one typed nationally in Persian digits.
    const oldest = await legacyCustomer(farsi, '۰۹۱۲۱۲۳۴۵۶۷', '09121234567', {
      name: 'Sara',
      email: 'sara@example.ir',
      emailKey: 'sara@example.ir',
    });
    const international = await legacyCustomer(farsi, '+98 912 123 4567', '+989121234567', {
      externalId: 'shop-sara',
      attributes: { plan: 'gold' },
    });
    const noTrunk = await legacyCustomer(farsi, '912-123-4567', '9121234567');
    await t.database.db
      .insert(feedbackItems)
      .values({ id: newId(), workspaceId: farsi, customerId: international, channel: 'api', text: 'سلام', createdAt: new Date() });
    await t.database.db
      .insert(events)
      .values({ id: newId(), workspaceId: farsi, customerId: noTrunk, name: 'login', occurredAt: new Date() });
    await t.database.db.insert(orders).values({
      id: newId(),
      workspaceId: farsi,
      customerId: international,
      externalId: 'O-1',
      amount: 1000,
      currency: 'IRR',
      placedAt: new Date(),
    });
    await t.database.db
      .update(customers)
      .set({ feedbackCount: 1, orderCount: 1, lifetimeValue: { IRR: 1000 } })
      .where(eq(customers.id, international));
    await t.database.db.update(customers).set({ eventCount: 1 }).where(eq(customers.id, noTrunk));
    const alone = await legacyCustomer(farsi, '0935 214 8870', '09352148870');
    const unreadable = await legacyCustomer(farsi, '12345', '12345');
    // A phone kept from an earlier merge.
    const retired = await legacyCustomer(farsi, '0900', '0900', { mergedIntoId: alone, phone: null, phoneKey: null });
    await t.database.db.insert(customerAliases).values({ workspaceId: farsi, kind: 'phone', value: '09191112233', customerId: alone });
    // Without a default country only numbers with their country code can be read.
    const national = await legacyCustomer(main, '0912 111 2233', '09121112233');
    const american = await legacyCustomer(main, '+1 (415) 555-0132', '+14155550132');
    const riyadh = await legacyCustomer(saudi, '٠٥٥١٢٣٤٩٨٧', '0551234987');
    // The same Iranian number in another workspace is another workspace's customer.
    const elsewhere = await legacyCustomer(chinese, '+98 912 123 4567', '+989121234567');
    const beijing = await legacyCustomer(chinese, '139 8765 4321', '13987654321');

    const tally = await normalizeStoredPhones(t.database);
    expect(tally).toMatchObject({ merged: 2 });

    expect(await customer(oldest)).toMatchObject({
      phone: '+989121234567',
      phoneKey: '+989121234567',
      mergedIntoId: null,
      name: 'Sara',
      email: 'sara@example.ir',
      externalId: 'shop-sara',
      attributes: { plan: 'gold' },
      feedbackCount: 1,
      eventCount: 1,
      orderCount: 1,
      lifetimeValue: { IRR: 1000 },
    });
    for (const id of [international, noTrunk])
      expect(await customer(id)).toMatchObject({ mergedIntoId: oldest, phone: null, phoneKey: null });
    const profile = await customerProfile(new WorkspaceScope(t.database, farsi), oldest);
    expect(profile.activity).toMatchObject({ feedback: 1, events: 1, orders: 1 });
    expect(await customer(alone)).toMatchObject({ phone: '+989352148870', phoneKey: '+989352148870' });
    expect(await customer(unreadable)).toMatchObject({ phone: '12345', phoneKey: '12345' });
    expect(await customer(retired)).toMatchObject({ mergedIntoId: alone, phone: null });
    expect(await customer(national)).toMatchObject({ phone: '0912 111 2233', phoneKey: '09121112233' });
    expect(await customer(american)).toMatchObject({ phone: '+14155550132', phoneKey: '+14155550132' });
    expect(await customer(riyadh)).toMatchObject({ phone: '+966551234987', phoneKey: '+966551234987' });
    expect(await customer(elsewhere)).toMatchObject({ phone: '+989121234567', mergedIntoId: null });
    expect(await customer(beijing)).toMatchObject({ phone: '+8613987654321' });
    const farsiAliases = await t.database.db
      .select({ kind: customerAliases.kind, value: customerAliases.value, customerId: customerAliases.customerId })
      .from(customerAliases)
      .where(eq(customerAliases.workspaceId, farsi));
    expect(farsiAliases).toEqual(
      expect.arrayContaining([
        { kind: 'phone', value: '+989191112233', customerId: alone },
        { kind: 'external_id', value: 'shop-sara', customerId: oldest },
      ]),
    );

    const before = await snapshot();
    expect(await normalizeStoredPhones(t.database)).toMatchObject({ rewritten: 0, merged: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('finds the merged customer by any way of writing the number, or by the identifiers of the records merged into it', async () => {
    const { key: farsiKey } = await createApiKey(
      new WorkspaceScope(t.database, farsi),
      { name: 'migration test', scopes: ['customers:write'] },
      null,
    );
    const identify = async (payload: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/v1/customers/identify', headers: bearer(farsiKey), payload })).json();
    const sara = await identify({ phone: '0912 123 4567' });
    expect(sara).toMatchObject({ name: 'Sara', phone: '+989121234567' });
    expect((await identify({ phone: '+989121234567' })).id).toBe(sara.id);
    expect((await identify({ externalId: 'shop-sara' })).id).toBe(sara.id);
    expect((await identify({ phone: '۰۹۱۹ ۱۱۱ ۲۲۳۳' })).phone).toBe('+989352148870');
  });

  it('runs from migrate() after the SQL migrations, once', async () => {
    await t.database.db.delete(dataMigrations).where(eq(dataMigrations.name, 'customer-phones-e164'));
    const late = await legacyCustomer(farsi, '0917 321 6540', '09173216540');
    await t.database.migrate();
    expect(await customer(late)).toMatchObject({ phone: '+989173216540' });
    expect(await t.database.db.select().from(dataMigrations).where(eq(dataMigrations.name, 'customer-phones-e164'))).toHaveLength(1);
    const later = await legacyCustomer(farsi, '0917 321 6541', '09173216541');
    await t.database.migrate();
    expect(await customer(later)).toMatchObject({ phone: '0917 321 6541' });
  });
});
