// The behaviour summary on the customer profile (eventCount, orderCount, lifetimeValue per
// currency, lastSeenAt) stays true through events, bulk events, re-sent orders and merges, and
// belongs to one workspace.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let api: SignedInApp['api'];
let keyA: string;
let keyB: string;
beforeAll(async () => {
  const s = await signedInApp();
  ({ t, api, key: keyA } = s);
  ({ key: keyB } = await s.otherWorkspace(['customers:read', 'customers:write', 'events:write']));
});
afterAll(() => t.close());

async function call(key: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await api(method, url, payload, bearer(key));
  return { status: res.statusCode, json: res.json() };
}
const asA = (method: 'GET' | 'POST', url: string, payload?: object) => call(keyA, method, url, payload);
const asB = (method: 'GET' | 'POST', url: string, payload?: object) => call(keyB, method, url, payload);
const profile = async (id: string) => (await asA('GET', `/api/v1/customers/${id}`)).json;
const identify = async (payload: object) => (await asA('POST', '/api/v1/customers/identify', payload)).json.id as string;

describe('events', () => {
  it('a single event counts once and moves lastSeenAt forward, never back', async () => {
    const first = await asA('POST', '/api/v1/events', {
      customer: { externalId: 'single-1' },
      name: 'login',
      occurredAt: '2026-04-01T10:00:00Z',
    });
    expect(first.status).toBe(201);
    const id = first.json.customerId;
    expect(await profile(id)).toMatchObject({ eventCount: 1, orderCount: 0, lifetimeValue: {}, lastSeenAt: '2026-04-01T10:00:00.000Z' });
    await asA('POST', '/api/v1/events', { customer: { externalId: 'single-1' }, name: 'login', occurredAt: '2026-03-01T10:00:00Z' });
    expect(await profile(id)).toMatchObject({ eventCount: 2, lastSeenAt: '2026-04-01T10:00:00.000Z' });
  });

  it('a bulk of mixed customers counts each one and returns the events in input order', async () => {
    // Identified now; the events below happen later (in the coming hour), so each moves lastSeenAt.
    const start = Math.ceil(Date.now() / 1000) * 1000 + 60_000;
    const later = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const known = await identify({ externalId: 'bulk-known', email: 'known@example.com' });
    const byEmail = await identify({ email: 'mail-only@example.com' });
    const events = [
      { customer: { externalId: 'bulk-known' }, name: 'login', occurredAt: later(20) },
      { customer: { externalId: 'bulk-new' }, name: 'signup', properties: { b: 2, a: 1 }, occurredAt: later(30) },
      { customer: { email: 'MAIL-ONLY@example.com' }, name: 'page_view', occurredAt: later(40) },
      { customer: { externalId: 'bulk-known' }, name: 'purchase', properties: { total: 5 }, occurredAt: later(50) },
      // The same person by another identifier: one customer, counted together.
      { customer: { email: 'known@example.com' }, name: 'logout', occurredAt: later(31) },
      { customer: { externalId: 'bulk-new' }, name: 'login', occurredAt: later(20) },
      { customer: { externalId: 'bulk-known' }, name: 'login', occurredAt: later(10) },
      {
        customer: { externalId: 'bulk-new' },
        name: 'note: a.b',
        properties: { q: 'say "hi" \\ {x}', fa: 'سلام', nested: { list: [1, null] } },
        occurredAt: later(0),
      },
    ];
    const res = await asA('POST', '/api/v1/events/bulk', { events });
    expect(res.status).toBe(201);
    const data = res.json.data as Array<{
      id: string;
      customerId: string;
      name: string;
      properties: object;
      occurredAt: string;
      receivedAt: string;
    }>;
    expect(data.map((e) => [e.name, e.occurredAt])).toEqual(events.map((e) => [e.name, new Date(e.occurredAt).toISOString()]));
    expect(data[1].properties).toEqual({ a: 1, b: 2 });
    expect(data[7].properties).toEqual(events[7].properties);
    expect(data.every((e) => e.id && e.receivedAt)).toBe(true);
    const created = data[1].customerId;
    expect(new Set([created, known, byEmail]).size).toBe(3);
    expect(data.map((e) => e.customerId)).toEqual([known, created, byEmail, known, known, created, known, created]);

    expect(await profile(known)).toMatchObject({ eventCount: 4, lastSeenAt: later(50) });
    expect(await profile(created)).toMatchObject({ eventCount: 3, externalId: 'bulk-new', lastSeenAt: later(30) });
    expect(await profile(byEmail)).toMatchObject({ eventCount: 1, lastSeenAt: later(40) });
    const timeline = (await asA('GET', `/api/v1/customers/${known}/timeline`)).json;
    expect(timeline.data).toHaveLength(4);
  });

  it('a reference that brings new traits updates the customer, as identify does', async () => {
    const id = await identify({ externalId: 'traits-1', name: 'Old name' });
    const res = await asA('POST', '/api/v1/events/bulk', {
      events: [
        { customer: { externalId: 'traits-1' }, name: 'a' },
        { customer: { externalId: 'traits-1', name: 'New name', email: 'traits@example.com' }, name: 'b' },
        { customer: { externalId: 'traits-1', name: 'Old name' }, name: 'c' },
      ],
    });
    expect(res.status).toBe(201);
    expect(await profile(id)).toMatchObject({ eventCount: 3, name: 'Old name', email: 'traits@example.com' });
  });

  // On PostgreSQL these run at once: new customers created by several calls, each in its own order.
  it('concurrent bulk calls on the same new customers create each once and lose no count', async () => {
    const refs = Array.from({ length: 20 }, (_, i) => ({ externalId: `concurrent-${i}` }));
    const bulk = (k: number) => ({ events: refs.map((_, i) => ({ customer: refs[(i * 7 + k) % refs.length], name: 'tick' })) });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, k) => asA('POST', '/api/v1/events/bulk', bulk(k))));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const ids = new Set(answers.flatMap((a) => a.json.data.map((e: { customerId: string }) => e.customerId)));
    expect(ids.size).toBe(refs.length);
    for (const id of ids) expect((await profile(id as string)).eventCount).toBe(6);
  });
});

describe('orders', () => {
  it('counts orders and sums lifetime value per currency; a re-sent order replaces its amount', async () => {
    const customer = { externalId: 'buyer-1' };
    const first = await asA('POST', '/api/v1/orders', { customer, externalId: 'LTV-1', amount: '۱۲۵۰۰۰۰', currency: 'irr' });
    expect(first.status).toBe(201);
    const id = first.json.customerId;
    await asA('POST', '/api/v1/orders', { customer, externalId: 'LTV-2', amount: 250000, currency: 'IRR' });
    await asA('POST', '/api/v1/orders', { customer, externalId: 'LTV-3', amount: '42.50', currency: 'usd' });
    expect(await profile(id)).toMatchObject({ orderCount: 3, lifetimeValue: { IRR: 1500000, USD: 42.5 } });

    const again = await asA('POST', '/api/v1/orders', {
      customer,
      externalId: 'LTV-1',
      amount: 1300000,
      currency: 'IRR',
      status: 'delivered',
    });
    expect(again.status).toBe(200);
    expect(await profile(id)).toMatchObject({ orderCount: 3, lifetimeValue: { IRR: 1550000, USD: 42.5 } });
    await asA('POST', '/api/v1/orders', { customer, externalId: 'LTV-3', amount: 40, currency: 'EUR' });
    expect((await profile(id)).lifetimeValue).toEqual({ IRR: 1550000, EUR: 40 });
  });

  it('an order re-sent for another customer moves its total from the old one to the new one', async () => {
    const from = (
      await asA('POST', '/api/v1/orders', { customer: { externalId: 'mover-a' }, externalId: 'MOVE-1', amount: 100, currency: 'USD' })
    ).json.customerId;
    await asA('POST', '/api/v1/orders', { customer: { externalId: 'mover-a' }, externalId: 'MOVE-2', amount: 5, currency: 'USD' });
    const moved = await asA('POST', '/api/v1/orders', {
      customer: { externalId: 'mover-b' },
      externalId: 'MOVE-1',
      amount: 120,
      currency: 'USD',
    });
    expect(moved.status).toBe(200);
    expect(await profile(from)).toMatchObject({ orderCount: 1, lifetimeValue: { USD: 5 } });
    expect(await profile(moved.json.customerId)).toMatchObject({ orderCount: 1, lifetimeValue: { USD: 120 } });
  });
});

describe('merge', () => {
  it('the target holds the sums of both; the retired source holds nothing', async () => {
    const target = (
      await asA('POST', '/api/v1/orders', {
        customer: { email: 'merge-t@example.com' },
        externalId: 'M-T1',
        amount: 10.25,
        currency: 'USD',
      })
    ).json.customerId;
    await asA('POST', '/api/v1/events/bulk', {
      events: [
        { customer: { email: 'merge-t@example.com' }, name: 'a' },
        { customer: { email: 'merge-t@example.com' }, name: 'b' },
      ],
    });
    const source = (
      await asA('POST', '/api/v1/orders', { customer: { externalId: 'merge-s' }, externalId: 'M-S1', amount: 4.75, currency: 'USD' })
    ).json.customerId;
    await asA('POST', '/api/v1/orders', { customer: { externalId: 'merge-s' }, externalId: 'M-S2', amount: 900000, currency: 'IRR' });
    await asA('POST', '/api/v1/events', { customer: { externalId: 'merge-s' }, name: 'c' });

    const merged = await asA('POST', '/api/v1/customers/merge', { targetId: target, sourceId: source });
    expect(merged.status).toBe(200);
    const expected = { eventCount: 3, orderCount: 3, lifetimeValue: { USD: 15, IRR: 900000 } };
    expect(merged.json.customer).toMatchObject(expected);
    expect(await profile(target)).toMatchObject(expected);
    expect(await profile(source)).toMatchObject({
      mergedIntoId: target,
      eventCount: 0,
      orderCount: 0,
      lifetimeValue: {},
      feedbackCount: 0,
    });
  });
});

describe('workspaces', () => {
  it("workspace B's events and orders under the same identifiers never touch A's customer", async () => {
    const a = (
      await asA('POST', '/api/v1/orders', { customer: { externalId: 'shared-ref' }, externalId: 'SHARED-1', amount: 7, currency: 'USD' })
    ).json.customerId;
    await asA('POST', '/api/v1/events', { customer: { externalId: 'shared-ref' }, name: 'login', occurredAt: '2026-01-01T00:00:00Z' });
    const before = await profile(a);

    const bEvent = await asB('POST', '/api/v1/events/bulk', {
      events: [
        { customer: { externalId: 'shared-ref' }, name: 'login', occurredAt: '2026-06-01T00:00:00Z' },
        { customer: { externalId: 'shared-ref' }, name: 'x' },
      ],
    });
    const bOrder = await asB('POST', '/api/v1/orders', {
      customer: { externalId: 'shared-ref' },
      externalId: 'SHARED-1',
      amount: 1000,
      currency: 'USD',
    });
    expect(bEvent.status).toBe(201);
    expect(bOrder.status).toBe(201);
    const b = bOrder.json.customerId;
    expect(b).not.toBe(a);

    expect(await profile(a)).toEqual(before);
    expect(before).toMatchObject({ eventCount: 1, orderCount: 1, lifetimeValue: { USD: 7 } });
    expect((await asB('GET', `/api/v1/customers/${b}`)).json).toMatchObject({ eventCount: 2, orderCount: 1, lifetimeValue: { USD: 1000 } });
  });
});
