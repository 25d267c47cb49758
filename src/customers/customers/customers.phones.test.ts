// Phone numbers as one identifier: every way of writing a number names one customer (E.164, a
// national number read in the workspace's default country), wherever a phone enters or is looked up;
// a number that is not valid is refused, naming its field, and nothing is stored for it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { importFile } from '../../collect/import/import-file.js';
import { parseMapping } from '../../collect/import/column-mapping.js';
import { matchesSegment } from '../../collect/surveys/survey-triggers.js';
import { samePhone, toE164 } from './phone-number.js';
import type { customers } from './customers.tables.js';

let t: TestApp;
let api: SignedInApp['api'];
let cookie: string;
let scope: WorkspaceScope;
beforeAll(async () => {
  const s = await signedInApp({ setup: { locale: 'fa' } });
  ({ t, api } = s);
  cookie = s.owner.cookie;
  scope = new WorkspaceScope(t.database, s.workspace.id);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => api(method, url, payload);
const identify = async (payload: object) => (await call('POST', '/api/v1/customers/identify', payload)).json();
const setCountry = async (defaultCountry: string | null) =>
  t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: { cookie }, payload: { defaultCountry } });
const count = async (table: string) =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe('reading a phone number', () => {
  it('gives E.164 for every way of writing one number, in any digits', () => {
    for (const written of [
      '+98 912 123 4567',
      '۰۹۱۲۱۲۳۴۵۶۷',
      '0912-123-4567',
      '(0912) 123 4567',
      '00989121234567',
      '٠٠٩٨٩١٢١٢٣٤٥٦٧',
      '+98 (0) 912 123 4567',
      '9121234567',
    ]) {
      expect(toE164(written, 'IR'), written).toBe('+989121234567');
    }
    expect(toE164('0501234567', 'SA')).toBe('+966501234567');
    expect(toE164('0501234567', 'AE')).toBe('+971501234567');
    expect(toE164('138 0013 8000', 'CN')).toBe('+8613800138000');
    expect(toE164('(415) 555-0132', 'US')).toBe('+14155550132');
    // A number with its country code needs no default country; one without cannot be read without it.
    expect(toE164('+1 415 555 0132', null)).toBe('+14155550132');
    expect(toE164('09121234567', null)).toBeNull();
    for (const invalid of ['0912 123', '+98 912 123 45678', '12345', '+999 1234 5678']) expect(toE164(invalid, 'IR'), invalid).toBeNull();
  });

  it("compares a stored number with one written in a rule, in the stored number's country", () => {
    expect(samePhone('+989121234567', '0912 123 4567')).toBe(true);
    expect(samePhone('+989121234567', '+98 912 123 4567')).toBe(true);
    expect(samePhone('+989121234567', '0912 123 4568')).toBe(false);
    expect(samePhone(null, '0912 123 4567')).toBe(false);
    const c = { phone: '+989121234567', attributes: {}, lifetimeValue: {} } as unknown as typeof customers.$inferSelect;
    expect(matchesSegment(c, [{ field: 'phone', op: 'eq', value: '۰۹۱۲ ۱۲۳ ۴۵۶۷' }])).toBe(true);
    expect(matchesSegment(c, [{ field: 'phone', op: 'in', value: ['0935 000 0000', '0912-123-4567'] }])).toBe(true);
    expect(matchesSegment(c, [{ field: 'phone', op: 'neq', value: '+98 912 123 4567' }])).toBe(false);
  });
});

describe('one number, one customer', () => {
  it('identify finds the customer whichever way the number is written, and stores it as E.164', async () => {
    const first = await call('POST', '/api/v1/customers/identify', { phone: '+98 912 123 4567', name: 'Sara' });
    expect(first.statusCode).toBe(201);
    expect(first.json().phone).toBe('+989121234567');
    const again = await call('POST', '/api/v1/customers/identify', { phone: '۰۹۱۲۱۲۳۴۵۶۷' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, name: 'Sara', phone: '+989121234567' });
  });

  it('feedback, bulk feedback, events, bulk events, orders and imports name the same customer', async () => {
    const sara = (await identify({ phone: '+989121234567' })).id;
    const one = await call('POST', '/api/v1/feedback', { channel: 'api', text: 'one', customer: { phone: '0912 123 4567' } });
    expect(one.statusCode).toBe(201);
    expect(one.json().customer.id).toBe(sara);
    const bulk = await call('POST', '/api/v1/feedback/bulk', {
      items: [
        { channel: 'api', text: 'two', customer: { phone: '٠٩١٢١٢٣٤٥٦٧' } },
        { channel: 'api', text: 'three', customer: { phone: '0098 912 123 4567' } },
      ],
    });
    expect(bulk.statusCode).toBe(201);
    const event = await call('POST', '/api/v1/events', { customer: { phone: '(0912) 123-4567' }, name: 'login' });
    expect(event.json().customerId).toBe(sara);
    const events = await call('POST', '/api/v1/events/bulk', {
      events: [
        { customer: { phone: '9121234567' }, name: 'page_view' },
        { customer: { phone: '+98-912-123-4567' }, name: 'page_view' },
      ],
    });
    expect(events.json().data.map((e: { customerId: string }) => e.customerId)).toEqual([sara, sara]);
    const order = await call('POST', '/api/v1/orders', {
      customer: { phone: '۰۹۱۲ ۱۲۳ ۴۵۶۷' },
      externalId: 'PH-1',
      amount: 10,
      currency: 'IRR',
    });
    expect(order.json().customerId).toBe(sara);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-phones-')), 'phones.csv');
    fs.writeFileSync(file, 'comment,mobile\nfrom the import,۰۹۱۲-۱۲۳-۴۵۶۷\n');
    const summary = await importFile(scope, file, {
      mapping: parseMapping(['text=comment', 'customer.phone=mobile']),
      channel: 'import',
      batchSize: 10,
    });
    expect(summary).toMatchObject({ imported: 1, rejected: 0 });

    const profile = (await call('GET', `/api/v1/customers/${sara}`)).json();
    expect(profile).toMatchObject({ phone: '+989121234567', feedbackCount: 4, eventCount: 3, orderCount: 1 });
    expect((await call('GET', `/api/v1/customers?q=${encodeURIComponent('+989121234567')}`)).json().data).toHaveLength(1);
  });

  it('PATCH /customers/{id} stores the phone as E.164 and refuses one another customer has', async () => {
    const other = (await identify({ externalId: 'phone-patch' })).id;
    const patched = await call('PATCH', `/api/v1/customers/${other}`, { phone: '۰۹۳۵ ۲۱۴ ۸۸۷۰' });
    expect(patched.json().phone).toBe('+989352148870');
    const taken = await call('PATCH', `/api/v1/customers/${other}`, { phone: '0912 123 4567' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('phone');
    expect((await call('PATCH', `/api/v1/customers/${other}`, { phone: null })).json().phone).toBeNull();
  });

  it('customer search finds a phone typed in any digits and format, whole or in part', async () => {
    const sara = (await identify({ phone: '+989121234567' })).id;
    for (const q of [
      '0912 123 4567',
      '+98 912 123 4567',
      '۰۹۱۲۱۲۳۴۵۶۷',
      '00989121234567',
      '(0912) 123-4567',
      '۹۱۲۱۲۳',
      '0912 123',
      '123 4567',
    ]) {
      const found = (await call('GET', `/api/v1/customers?q=${encodeURIComponent(q)}`)).json().data.map((c: { id: string }) => c.id);
      expect(found, q).toContain(sara);
    }
    expect((await call('GET', `/api/v1/customers?q=${encodeURIComponent('0912 999')}`)).json().data).toEqual([]);
  });
});

describe('numbers that are not valid', () => {
  it('are refused with 400 naming the field, and nothing is stored', async () => {
    const before = {
      customers: await count('customers'),
      feedback: await count('feedback_items'),
      events: await count('events'),
      orders: await count('orders'),
    };
    const bad = '0912 123';
    const refused = async (res: Awaited<ReturnType<typeof call>>, field: string) => {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_phone', field });
      expect(res.json().error.message).toContain(field);
    };
    await refused(await call('POST', '/api/v1/customers/identify', { phone: bad }), 'phone');
    await refused(await call('POST', '/api/v1/feedback', { channel: 'api', text: 'x', customer: { phone: bad } }), 'customer.phone');
    await refused(await call('POST', '/api/v1/events', { customer: { phone: bad }, name: 'login' }), 'customer.phone');
    await refused(
      await call('POST', '/api/v1/events/bulk', {
        events: [
          { customer: { phone: '09121234567' }, name: 'a' },
          { customer: { phone: bad }, name: 'b' },
        ],
      }),
      'events.1.customer.phone',
    );
    await refused(
      await call('POST', '/api/v1/orders', { customer: { phone: bad }, externalId: 'PH-bad', amount: 1, currency: 'IRR' }),
      'customer.phone',
    );
    const someone = (await identify({ externalId: 'phone-bad' })).id;
    await refused(await call('PATCH', `/api/v1/customers/${someone}`, { phone: bad }), 'phone');
    expect((await call('GET', `/api/v1/customers/${someone}`)).json().phone).toBeNull();

    const atomic = await call('POST', '/api/v1/feedback/bulk', {
      mode: 'atomic',
      items: [
        { channel: 'api', text: 'ok', customer: { phone: '09121234567' } },
        { channel: 'api', text: 'bad', customer: { phone: bad } },
      ],
    });
    expect(atomic.json()).toMatchObject({ stored: false, invalid: 1 });
    expect(atomic.json().results[1]).toMatchObject({
      index: 1,
      status: 'invalid',
      error: { code: 'invalid_phone', field: 'customer.phone' },
    });
    const rejects: string[] = [];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-phones-')), 'bad-phones.csv');
    fs.writeFileSync(file, 'comment,mobile\nbad phone,0912 123\n');
    const summary = await importFile(scope, file, {
      mapping: parseMapping(['text=comment', 'customer.phone=mobile']),
      channel: 'import',
      batchSize: 10,
      onReject: (r) => rejects.push(`${r.row}:${r.field}`),
    });
    expect(summary).toMatchObject({ imported: 0, rejected: 1 });
    expect(rejects).toEqual(['1:customer.phone']);
    expect({
      customers: await count('customers'),
      feedback: await count('feedback_items'),
      events: await count('events'),
      orders: await count('orders'),
    }).toEqual({ ...before, customers: before.customers + 1 }); // only phone-bad, identified without a phone

    const partial = await call('POST', '/api/v1/feedback/bulk', {
      mode: 'partial',
      items: [
        { channel: 'api', text: 'kept', customer: { phone: '09121234567' } },
        { channel: 'api', text: 'bad', customer: { phone: bad } },
      ],
    });
    expect(partial.json()).toMatchObject({ stored: true, created: 1, invalid: 1 });
  });
});

describe("the workspace's default country", () => {
  it('follows the workspace language until chosen; null accepts only numbers with their country code', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { cookie } })).json().defaultCountry).toBe('IR');

    expect((await setCountry(null)).json().defaultCountry).toBeNull();
    const national = await call('POST', '/api/v1/customers/identify', { phone: '0501234567' });
    expect(national.statusCode).toBe(400);
    expect(national.json().error).toMatchObject({ field: 'phone', code: 'invalid_phone' });
    expect(national.json().error.message).toMatch(/country code/);
    expect((await identify({ phone: '+971 50 123 4567' })).phone).toBe('+971501234567');

    const uae = await setCountry('ae');
    expect(uae.statusCode).toBe(200);
    expect(uae.json().defaultCountry).toBe('AE');
    expect((await identify({ phone: '050 123 4567' })).phone).toBe('+971501234567');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { cookie } })).json().defaultCountry).toBe('AE');
    for (const bad of ['XX', 'Iran', 'IRN', '']) {
      const res = await setCountry(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.field).toBe('defaultCountry');
    }
  });
});
