import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let call: SignedInApp['api'];
beforeAll(async () => {
  ({ t, api: call } = await signedInApp());
});
afterAll(() => t.close());

describe('identify', () => {
  it('creates, then finds by any identifier and fills in what was missing', async () => {
    const a = await call('POST', '/api/v1/customers/identify', {
      externalId: 'u-1',
      name: 'Reza',
      locale: 'fa',
      attributes: { plan: 'vip' },
    });
    expect(a.statusCode).toBe(201);
    const b = await call('POST', '/api/v1/customers/identify', {
      externalId: 'u-1',
      email: 'Reza@Example.ir',
      attributes: { city: 'Shiraz' },
    });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ id: a.json().id, email: 'Reza@Example.ir', attributes: { plan: 'vip', city: 'Shiraz' } });
    const byEmail = await call('POST', '/api/v1/customers/identify', { email: 'reza@example.IR' });
    expect(byEmail.json().id).toBe(a.json().id);
  });

  it('matches phone numbers typed with Persian or Arabic-Indic digits', async () => {
    const a = await call('POST', '/api/v1/customers/identify', { phone: '+98 912 345 6789', name: 'Maryam' });
    const b = await call('POST', '/api/v1/customers/identify', { phone: '۰۰۹۸۹۱۲۳۴۵۶۷۸۹' });
    expect(b.json().id).toBe(a.json().id);
    const found = await call('GET', `/api/v1/customers?q=${encodeURIComponent('۹۱۲۳۴۵')}`);
    expect(found.json().data.map((c: { id: string }) => c.id)).toContain(a.json().id);
  });

  it('prefers the external id, then the email, then the phone, each directly before through a merged customer', async () => {
    const byExternalId = (await call('POST', '/api/v1/customers/identify', { externalId: 'rank-a' })).json();
    const byEmail = (await call('POST', '/api/v1/customers/identify', { email: 'rank-b@example.com', phone: '+44 20 7946 0001' })).json();
    const survivor = (await call('POST', '/api/v1/customers/identify', { email: 'rank-c@example.com' })).json();
    const absorbed = (await call('POST', '/api/v1/customers/identify', { email: 'rank-d@example.com', phone: '+44 20 7946 0002' })).json();
    expect((await call('POST', '/api/v1/customers/merge', { targetId: survivor.id, sourceId: absorbed.id })).statusCode).toBe(200);

    const identify = async (payload: object) => (await call('POST', '/api/v1/customers/identify', payload)).json().id;
    expect(await identify({ externalId: 'rank-a', email: 'rank-b@example.com' })).toBe(byExternalId.id);
    expect(await identify({ email: 'rank-d@example.com' })).toBe(survivor.id); // an identifier kept from the merge
    expect(await identify({ email: 'rank-b@example.com', phone: '+44 20 7946 0002' })).toBe(byEmail.id);
    expect(await identify({ email: 'nobody@example.com', phone: '+44 20 7946 0002' })).toBe(survivor.id);
  });

  it('refuses bad identifiers, naming the field', async () => {
    for (const [payload, field] of [
      [{ email: 'not-an-email' }, 'email'],
      [{ name: 'no id' }, ''],
      [{ phone: 'call me' }, 'phone'],
      [{ externalId: 'x', locale: 'xx' }, 'locale'],
    ] as const) {
      const res = await call('POST', '/api/v1/customers/identify', payload);
      expect(res.statusCode).toBe(400);
      if (field) expect(res.json().error.field).toBe(field);
    }
  });
});

describe('events, orders and the timeline', () => {
  it('puts feedback, events and orders on one timeline, newest first', async () => {
    const customer = { externalId: 'timeline-1' };
    expect((await call('POST', '/api/v1/events', { customer, name: 'login', occurredAt: '2026-03-01T08:00:00Z' })).statusCode).toBe(201);
    const order = await call('POST', '/api/v1/orders', {
      customer,
      externalId: 'O-1',
      amount: '۱۲۵۰۰۰۰',
      currency: 'irr',
      placedAt: '2026-03-02T08:00:00Z',
    });
    expect(order.statusCode).toBe(201);
    expect(order.json()).toMatchObject({ amount: 1250000, currency: 'IRR' });
    const again = await call('POST', '/api/v1/orders', {
      customer,
      externalId: 'O-1',
      amount: 1300000,
      currency: 'IRR',
      status: 'delivered',
      placedAt: '2026-03-02T08:00:00Z',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(order.json().id);
    await call('POST', '/api/v1/feedback', {
      channel: 'survey',
      text: 'خوب بود',
      nps: 9,
      customer,
      createdAt: '2026-03-03T08:00:00Z',
      links: { orderId: order.json().id },
    });
    const id = order.json().customerId;
    const tl = (await call('GET', `/api/v1/customers/${id}/timeline`)).json();
    expect(tl.data.map((e: { kind: string }) => e.kind)).toEqual(['feedback', 'order', 'event']);
    expect(tl.data[1]).toMatchObject({ amount: 1300000, status: 'delivered' });
    const page1 = (await call('GET', `/api/v1/customers/${id}/timeline?limit=2`)).json();
    const page2 = (await call('GET', `/api/v1/customers/${id}/timeline?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.data, ...page2.data].map((e: { id: string }) => e.id)).toEqual(tl.data.map((e: { id: string }) => e.id));
    const profile = (await call('GET', `/api/v1/customers/${id}`)).json();
    expect(profile).toMatchObject({ orderCount: 1, lifetimeValue: { IRR: 1300000 }, eventCount: 1, feedbackCount: 1 });
    expect(profile.lastSeenAt).toBe('2026-03-03T08:00:00.000Z');
  });

  it('bulk events in one transaction; bad event refused', async () => {
    const ok = await call('POST', '/api/v1/events/bulk', {
      events: [
        { customer: { email: 'e1@example.com' }, name: 'cart_abandoned' },
        { customer: { email: 'e2@example.com' }, name: 'purchase', properties: { total: 5 } },
      ],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().data).toHaveLength(2);
    const bad = await call('POST', '/api/v1/events', { customer: { email: 'e1@example.com' }, name: '<script>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('name');
    const badOrder = await call('POST', '/api/v1/orders', {
      customer: { email: 'e1@example.com' },
      externalId: 'x',
      amount: -1,
      currency: 'USD',
    });
    expect(badOrder.json().error.field).toBe('amount');
  });
});

describe('merge', () => {
  it('previews, then moves everything to the target and keeps old identifiers as aliases', async () => {
    const target = (await call('POST', '/api/v1/customers/identify', { email: 'ali@example.com', name: 'Ali' })).json();
    const source = (
      await call('POST', '/api/v1/customers/identify', { externalId: 'shop-77', phone: '+98 912 111 2233', attributes: { plan: 'plus' } })
    ).json();
    await call('POST', '/api/v1/feedback', { channel: 'chat', text: 'from the source record', customerId: source.id });
    await call('POST', '/api/v1/events', { customer: { externalId: 'shop-77' }, name: 'login' });

    const preview = await call('POST', '/api/v1/customers/merge', { targetId: target.id, sourceId: source.id, preview: true });
    expect(preview.json()).toMatchObject({
      preview: true,
      moves: { feedback: 1, events: 1, orders: 0 },
      customer: { externalId: 'shop-77', email: 'ali@example.com' },
    });
    expect((await call('GET', `/api/v1/customers/${source.id}`)).json().mergedIntoId).toBeNull();

    const merged = await call('POST', '/api/v1/customers/merge', { targetId: target.id, sourceId: source.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().customer).toMatchObject({
      id: target.id,
      name: 'Ali',
      externalId: 'shop-77',
      phone: '+989121112233',
      attributes: { plan: 'plus' },
      feedbackCount: 1,
    });
    const tl = (await call('GET', `/api/v1/customers/${target.id}/timeline`)).json();
    expect(tl.data.map((e: { kind: string }) => e.kind).sort()).toEqual(['event', 'feedback']);
    expect((await call('GET', `/api/v1/customers/${source.id}`)).json().mergedIntoId).toBe(target.id);
    expect((await call('POST', '/api/v1/customers/identify', { externalId: 'shop-77' })).json().id).toBe(target.id);
    expect((await call('POST', '/api/v1/customers/merge', { targetId: target.id, sourceId: source.id })).statusCode).toBe(409);
    expect((await call('POST', '/api/v1/customers/merge', { targetId: target.id, sourceId: target.id })).json().error.field).toBe(
      'sourceId',
    );
  });
});
