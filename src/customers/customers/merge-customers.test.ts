// The merge preview reports exactly what the merge then does: what moves, and the merged
// customer's totals as its profile shows them afterwards.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let api: SignedInApp['api'];
beforeAll(async () => {
  ({ t, api } = await signedInApp({
    scopes: ['feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'events:write', 'tickets:read', 'tickets:write'],
  }));
});
afterAll(() => t.close());

async function call(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await api(method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A customer with n of each kind of record. */
async function customerWith(
  ref: { externalId?: string; email?: string },
  n: { feedback: number; events: number; orders: Array<[number, string]>; tickets: number; tasks: number; compensations: number },
) {
  const { id } = await call('POST', '/api/v1/customers/identify', ref);
  for (let i = 0; i < n.feedback; i++)
    await call('POST', '/api/v1/feedback', { channel: 'chat', text: `feedback ${i} of ${id}`, customerId: id });
  for (let i = 0; i < n.events; i++) await call('POST', '/api/v1/events', { customer: ref, name: 'login' });
  for (const [i, [amount, currency]] of n.orders.entries())
    await call('POST', '/api/v1/orders', { customer: ref, externalId: `${id}-${i}`, amount, currency });
  for (let i = 0; i < n.tickets; i++) await call('POST', '/api/v1/tickets', { subject: `ticket ${i}`, customerId: id });
  for (let i = 0; i < n.tasks; i++) await call('POST', '/api/v1/tasks', { title: `task ${i}`, customerId: id });
  for (let i = 0; i < n.compensations; i++)
    await call('POST', '/api/v1/compensations', { customerId: id, kind: 'credit', amount: 3, currency: 'USD' });
  return id as string;
}

const totals = (c: Record<string, unknown>) => ({
  feedbackCount: c.feedbackCount,
  eventCount: c.eventCount,
  orderCount: c.orderCount,
  lifetimeValue: c.lifetimeValue,
});

describe('merge preview', () => {
  it("reports what moves and the merged customer's totals exactly as the merge then leaves them", async () => {
    const targetId = await customerWith(
      { externalId: 'keep-1' },
      { feedback: 1, events: 2, orders: [[10, 'USD']], tickets: 1, tasks: 1, compensations: 0 },
    );
    const sourceId = await customerWith(
      { email: 'dup-1@example.com' },
      {
        feedback: 2,
        events: 1,
        orders: [
          [5, 'USD'],
          [1000, 'IRR'],
        ],
        tickets: 1,
        tasks: 2,
        compensations: 1,
      },
    );
    const sourceBefore = await call('GET', `/api/v1/customers/${sourceId}/profile`);

    const preview = await call('POST', '/api/v1/customers/merge', { targetId, sourceId, preview: true });
    expect(preview.moves).toEqual({ feedback: 2, events: 1, orders: 2, tickets: 1, tasks: 2, compensations: 1 });
    expect(preview.activity).toEqual({ feedback: 3, events: 3, orders: 3, tickets: 2, tasks: 3, compensations: 1 });
    expect(totals(preview.customer)).toEqual({ feedbackCount: 3, eventCount: 3, orderCount: 3, lifetimeValue: { USD: 15, IRR: 1000 } });
    // A preview changes nothing.
    expect(await call('GET', `/api/v1/customers/${sourceId}/profile`)).toEqual(sourceBefore);
    expect((await call('GET', `/api/v1/customers/${targetId}/profile`)).activity).toEqual({
      feedback: 1,
      events: 2,
      orders: 1,
      tickets: 1,
      tasks: 1,
      compensations: 0,
    });

    const merged = await call('POST', '/api/v1/customers/merge', { targetId, sourceId });
    const profile = await call('GET', `/api/v1/customers/${targetId}/profile`);
    expect(profile.activity).toEqual(preview.activity);
    expect(totals(profile.customer)).toEqual(totals(preview.customer));
    expect(merged.moves).toEqual(preview.moves);
    expect(merged.activity).toEqual(preview.activity);
    const { updatedAt: _previewed, ...previewed } = preview.customer;
    const { updatedAt: _stored, ...stored } = profile.customer;
    expect(stored).toEqual(previewed);
    // The profile's counts are the records themselves.
    expect((await call('GET', `/api/v1/tickets?customerId=${targetId}`)).data).toHaveLength(2);
    expect((await call('GET', `/api/v1/tasks?customerId=${targetId}`)).data).toHaveLength(3);
    expect((await call('GET', `/api/v1/compensations?customerId=${targetId}`)).data).toHaveLength(1);
    expect((await call('GET', `/api/v1/feedback?customer_id=${targetId}`)).data).toHaveLength(3);
  });

  it('keeps customers merged into the source pointing at the customer that remains', async () => {
    const first = await customerWith(
      { externalId: 'chain-a' },
      { feedback: 1, events: 0, orders: [], tickets: 0, tasks: 0, compensations: 0 },
    );
    const second = await customerWith(
      { externalId: 'chain-b' },
      { feedback: 1, events: 0, orders: [], tickets: 0, tasks: 0, compensations: 0 },
    );
    const third = await customerWith(
      { externalId: 'chain-c' },
      { feedback: 1, events: 0, orders: [], tickets: 0, tasks: 0, compensations: 0 },
    );
    await call('POST', '/api/v1/customers/merge', { targetId: second, sourceId: third });
    await call('POST', '/api/v1/customers/merge', { targetId: first, sourceId: second });
    expect((await call('GET', `/api/v1/customers/${third}`)).mergedIntoId).toBe(first);
    const viaOldLink = await call('GET', `/api/v1/customers/${third}/profile`);
    expect(viaOldLink.customer).toMatchObject({ id: first, feedbackCount: 3 });
    expect(viaOldLink.activity.feedback).toBe(3);
  });

  it("moves the source's segment additions to the customer that remains, once", async () => {
    const none = { feedback: 0, events: 0, orders: [], tickets: 0, tasks: 0, compensations: 0 };
    const keep = await customerWith({ externalId: 'seg-keep' }, none);
    const gone = await customerWith({ externalId: 'seg-gone' }, none);
    const nobody = { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'nobody-has-this' }] };
    const both = (await call('POST', '/api/v1/segments', { name: 'Both added', definition: nobody })).id;
    const onlySource = (await call('POST', '/api/v1/segments', { name: 'Source added', definition: nobody })).id;
    await call('POST', `/api/v1/segments/${both}/members`, { customerIds: [keep, gone] });
    await call('POST', `/api/v1/segments/${onlySource}/members`, { customerIds: [gone] });
    await call('POST', '/api/v1/customers/merge', { targetId: keep, sourceId: gone });
    const rows = await t.database.rows<{ segment_id: string; customer_id: string }>(
      sql`select segment_id, customer_id from segment_members where segment_id in (${both}, ${onlySource}) order by segment_id`,
    );
    expect(rows.sort((a, b) => a.segment_id.localeCompare(b.segment_id))).toEqual(
      [
        { segment_id: both, customer_id: keep },
        { segment_id: onlySource, customer_id: keep },
      ].sort((a, b) => a.segment_id.localeCompare(b.segment_id)),
    );
    for (const id of [both, onlySource]) {
      const members = (await call('GET', `/api/v1/segments/${id}/customers`)).data as Array<{ id: string }>;
      expect(members.map((c) => c.id)).toEqual([keep]);
    }
  });
});
