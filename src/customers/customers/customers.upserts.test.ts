// Upserts change only what they are given: an order posted again by its external id, a customer
// identified or patched with some attributes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let call: SignedInApp['api'];
beforeAll(async () => {
  ({ t, api: call } = await signedInApp());
});
afterAll(() => t.close());

describe('POST /orders again (upsert by external id)', () => {
  const customer = { externalId: 'upsert-order-1' };
  const placedAt = '2026-02-01T10:00:00.000Z';
  const metadata = { items: [{ sku: 'MUG-1', quantity: 2 }], channel: 'web' };

  it('keeps placedAt, status and metadata it was not given, and does not count as the customer being seen', async () => {
    const first = await call('POST', '/api/v1/orders', {
      customer,
      externalId: 'UP-1',
      amount: 120,
      currency: 'USD',
      status: 'paid',
      placedAt,
      metadata,
    });
    expect(first.statusCode).toBe(201);
    const seenBefore = (await call('GET', `/api/v1/customers/${first.json().customerId}`)).json().lastSeenAt;
    expect(seenBefore).toBe(placedAt);

    const again = await call('POST', '/api/v1/orders', { customer, externalId: 'UP-1', amount: 125, currency: 'usd' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, amount: 125, currency: 'USD', status: 'paid', placedAt, metadata });

    const timeline = (await call('GET', `/api/v1/customers/${first.json().customerId}/timeline`)).json();
    expect(timeline.data).toEqual([expect.objectContaining({ kind: 'order', at: placedAt, amount: 125, status: 'paid' })]);
    const profile = (await call('GET', `/api/v1/customers/${first.json().customerId}`)).json();
    expect(profile).toMatchObject({ orderCount: 1, lifetimeValue: { USD: 125 }, lastSeenAt: seenBefore });
  });

  it('changes what it is given: status, placedAt, and metadata key by key', async () => {
    const later = '2026-02-03T09:30:00.000Z';
    const updated = await call('POST', '/api/v1/orders', {
      customer,
      externalId: 'UP-1',
      amount: 125,
      currency: 'USD',
      status: 'delivered',
      metadata: { tracking: 'TRK-9' },
    });
    expect(updated.json()).toMatchObject({ status: 'delivered', placedAt, metadata: { ...metadata, tracking: 'TRK-9' } });
    const moved = await call('POST', '/api/v1/orders', { customer, externalId: 'UP-1', amount: 125, currency: 'USD', placedAt: later });
    expect(moved.json()).toMatchObject({ status: 'delivered', placedAt: later, metadata: { ...metadata, tracking: 'TRK-9' } });
  });

  it('gives a new order without placedAt the time it arrived', async () => {
    const before = Date.now();
    const created = await call('POST', '/api/v1/orders', { customer, externalId: 'UP-2', amount: 5, currency: 'USD' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: null, metadata: {} });
    expect(new Date(created.json().placedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('customer attributes', () => {
  it('PATCH /customers/{id} changes the attributes it names and removes those set to null', async () => {
    const c = (
      await call('POST', '/api/v1/customers/identify', {
        externalId: 'attrs-1',
        name: 'Leila',
        attributes: { plan: 'gold', city: 'Shiraz', vip: true },
      })
    ).json();
    const patched = await call('PATCH', `/api/v1/customers/${c.id}`, { attributes: { city: 'Tehran', vip: null } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().attributes).toEqual({ plan: 'gold', city: 'Tehran' });
    const renamed = await call('PATCH', `/api/v1/customers/${c.id}`, { name: 'Leila K.' });
    expect(renamed.json()).toMatchObject({ name: 'Leila K.', attributes: { plan: 'gold', city: 'Tehran' } });
  });

  it('identify keeps the name, locale and attributes it was not given', async () => {
    const c = (
      await call('POST', '/api/v1/customers/identify', { externalId: 'attrs-2', name: 'Omid', locale: 'fa', attributes: { plan: 'plus' } })
    ).json();
    const again = await call('POST', '/api/v1/customers/identify', { externalId: 'attrs-2', attributes: { city: 'Yazd' } });
    expect(again.json()).toMatchObject({ id: c.id, name: 'Omid', locale: 'fa', attributes: { plan: 'plus', city: 'Yazd' } });
  });
});
