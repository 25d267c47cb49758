// Concurrent single events are coalesced into shared transactions (event-batcher.ts); each caller
// must still get exactly its own event, and one event the database refuses must not fail the others.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { eventBatcher, recordEventCoalesced, type RecordedEvent } from './event-batcher.js';
import type { TRecordEventInput } from './customers.input.js';

let t: TestApp;
let api: SignedInApp['api'];

beforeAll(async () => {
  ({ t, api } = await signedInApp());
});
afterAll(() => t.close());

const post = (payload: object) => api('POST', '/api/v1/events', payload);
const NAMES = ['page_view', 'login', 'add_to_cart', 'search'];

/** The customers' event counts by externalId, and the number of events stored per customer. */
async function counts(prefix: string) {
  const rows = await t.database.rows<{ external_id: string; event_count: number; stored: number }>(sql`
    select c.external_id, c.event_count, (select count(*)::int from events e where e.customer_id = c.id) as stored
    from customers c where c.external_id like ${`${prefix}%`} order by c.external_id`);
  return rows;
}

describe('POST /api/v1/events under concurrency', () => {
  it('answers 40 concurrent events each with its own event, stored once, counted once', async () => {
    // Three customers exist already; the others are first seen inside the concurrent burst.
    for (const n of [0, 1, 2]) expect((await post({ customer: { externalId: `mix-${n}` }, name: 'signup' })).statusCode).toBe(201);
    const payloads = Array.from({ length: 40 }, (_, i) => ({
      customer: { externalId: `mix-${i % 8}` },
      name: NAMES[i % NAMES.length],
      properties: { n: i },
      ...(i % 10 === 3 ? { occurredAt: '2026-01-02T03:04:05Z' } : {}),
    }));
    const answers = await Promise.all(payloads.map(post));

    const ids = new Set<string>();
    const customerOf = new Map<string, string>();
    answers.forEach((res, i) => {
      expect(res.statusCode).toBe(201);
      const e = res.json();
      expect(Object.keys(e).sort()).toEqual(['customerId', 'id', 'name', 'occurredAt', 'properties', 'receivedAt']);
      expect(e).toMatchObject({ name: payloads[i].name, properties: { n: i } });
      if (i % 10 === 3) expect(e.occurredAt).toBe('2026-01-02T03:04:05.000Z');
      ids.add(e.id);
      // Every event of one externalId names the same customer.
      const ext = payloads[i].customer.externalId;
      if (!customerOf.has(ext)) customerOf.set(ext, e.customerId);
      expect(e.customerId).toBe(customerOf.get(ext));
    });
    expect(ids.size).toBe(40);

    const stored = await t.database.rows<{ id: string; n: number }>(sql`
      select id, (properties->>'n')::int as n from events where customer_id in (select id from customers where external_id like 'mix-%') and name <> 'signup'`);
    expect(stored).toHaveLength(40);
    expect(new Set(stored.map((r) => r.id))).toEqual(ids);
    const perCustomer = await counts('mix-');
    expect(perCustomer).toHaveLength(8);
    for (const c of perCustomer) expect(c.event_count).toBe(c.stored);
    expect(perCustomer.reduce((s, c) => s + c.event_count, 0)).toBe(43);
  });

  it('stores an unpaired surrogate in properties as U+FFFD instead of failing the event', async () => {
    // "\ud800" alone is valid JSON but not storable in jsonb: the body is mended before validation.
    const payloads = Array.from({ length: 20 }, (_, i) => ({
      customer: { externalId: `mixb-${i % 6}` },
      name: 'login',
      properties: i % 7 === 5 ? { n: i, s: 'x\ud800y' } : { n: i },
    }));
    const answers = await Promise.all(payloads.map(post));
    answers.forEach((res, i) => {
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().properties).toEqual(i % 7 === 5 ? { n: i, s: 'x\ufffdy' } : { n: i });
    });
    const perCustomer = await counts('mixb-');
    for (const c of perCustomer) expect(c.event_count).toBe(c.stored);
    expect(perCustomer.reduce((s, c) => s + c.stored, 0)).toBe(20);
  });
});

describe('recordEventCoalesced on the database', () => {
  it('shares one transaction among queued events; a refused event falls back alone and fails alone', async () => {
    const [{ id }] = await t.database.rows<{ id: string }>(sql`select id from workspaces limit 1`);
    const scope = new WorkspaceScope(t.database, id);
    const inputs = (prefix: string, bad: (i: number) => boolean): TRecordEventInput[] =>
      Array.from({ length: 30 }, (_, i) => ({
        customer: { externalId: `${prefix}-${i % 5}` },
        name: 'search',
        properties: bad(i) ? { n: i, s: 'x\ud800y' } : { n: i },
      }));

    // All queued at once: the first two run alone (two transactions in flight), the rest share one.
    const good = await Promise.all(inputs('direct', () => false).map((input) => recordEventCoalesced(scope, input)));
    expect(good.map((e) => e.properties)).toEqual(Array.from({ length: 30 }, (_, i) => ({ n: i })));
    expect(new Set(good.map((e) => e.receivedAt.getTime())).size).toBeLessThanOrEqual(3); // now() is per transaction

    const mixed = inputs('directb', (i) => i === 11 || i === 23);
    const settled = await Promise.allSettled(mixed.map((input) => recordEventCoalesced(scope, input)));
    settled.forEach((s, i) => {
      if (i === 11 || i === 23) expect(s.status).toBe('rejected');
      else expect(s).toMatchObject({ status: 'fulfilled', value: { properties: { n: i } } });
    });
    for (const prefix of ['direct-', 'directb-']) {
      const perCustomer = await counts(prefix);
      expect(perCustomer).toHaveLength(5);
      for (const c of perCustomer) expect(c.event_count).toBe(c.stored);
      expect(perCustomer.reduce((s, c) => s + c.stored, 0)).toBe(prefix === 'direct-' ? 30 : 28);
    }
  });
});

describe('eventBatcher', () => {
  const scope = { workspaceId: 'w-1' } as WorkspaceScope;
  const input = (name: string): TRecordEventInput => ({ customer: { externalId: name }, name, properties: {} });

  function fakeRecord(failWhen: (inputs: TRecordEventInput[]) => Error | null) {
    const calls: string[][] = [];
    const record = async (_scope: WorkspaceScope, inputs: TRecordEventInput[]): Promise<RecordedEvent[]> => {
      calls.push(inputs.map((i) => i.name));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const err = failWhen(inputs);
      if (err) throw err;
      return inputs.map((i) => ({
        id: `id-${i.name}`,
        customerId: 'c',
        name: i.name,
        properties: {},
        occurredAt: i.occurredAt!,
        receivedAt: new Date(),
      }));
    };
    return { calls, record };
  }

  it('shares transactions among concurrent events and answers each with its own', async () => {
    const { calls, record } = fakeRecord(() => null);
    const recordOne = eventBatcher(record);
    const names = Array.from({ length: 30 }, (_, i) => `e${i}`);
    const results = await Promise.all(names.map((n) => recordOne(scope, input(n))));
    expect(results.map((r) => r.id)).toEqual(names.map((n) => `id-${n}`));
    expect(results.every((r) => r.occurredAt instanceof Date)).toBe(true);
    expect(calls.length).toBeLessThan(30);
    expect(calls.flat().sort()).toEqual([...names].sort());
  });

  it('retries each event alone when a shared transaction fails; only the bad one fails', async () => {
    const { calls, record } = fakeRecord((inputs) =>
      inputs.some((i) => i.name.startsWith('bad')) ? new Error(`refused: ${inputs.length === 1 ? inputs[0].name : 'batch'}`) : null,
    );
    const recordOne = eventBatcher(record);
    const names = Array.from({ length: 20 }, (_, i) => (i === 7 || i === 15 ? `bad${i}` : `e${i}`));
    const settled = await Promise.allSettled(names.map((n) => recordOne(scope, input(n))));
    settled.forEach((s, i) => {
      if (names[i].startsWith('bad')) expect(s).toMatchObject({ status: 'rejected', reason: { message: `refused: ${names[i]}` } });
      else expect(s).toMatchObject({ status: 'fulfilled', value: { id: `id-${names[i]}` } });
    });
    // Each bad event was tried in a shared batch and then alone.
    expect(calls.filter((c) => c.length > 1 && c.some((n) => n.startsWith('bad'))).length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.length === 1 && c[0].startsWith('bad'))).toHaveLength(2);
  });
});
