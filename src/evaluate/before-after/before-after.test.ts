// Before/after through the API: equal windows around a date or an idea's done day, from the
// rollups, with metrics-core's significance tests; no data is null; bad input names its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';
import type { BeforeAfterResponse } from '../../contracts/before-after.js';

let s: SignedInApp;
const DAY = 86_400_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
let ideaId: string;

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read', 'feedback:write', 'ideas:read', 'ideas:write'] });
  // Before the change (days 20–11 ago): 40 detractors and 10 promoters; after (days 10–1 ago): the reverse.
  const items = [];
  for (let i = 0; i < 50; i++) items.push({ text: 'before', channel: 'api', nps: i < 40 ? 2 : 10, csat: i < 40 ? 2 : 5, createdAt: `${day(11 + (i % 10))}T12:00:00Z` });
  for (let i = 0; i < 50; i++) items.push({ text: 'after', channel: 'api', nps: i < 40 ? 10 : 2, csat: i < 40 ? 5 : 2, createdAt: `${day(1 + (i % 10))}T12:00:00Z` });
  const res = await s.api('POST', '/api/v1/feedback/bulk', { items });
  expect(res.statusCode, res.body).toBeLessThan(300);
  await rebuildRollups(s.t.database, s.workspace.id);
  const idea = await s.api('POST', '/api/v1/ideas', { title: 'Faster checkout' });
  ideaId = idea.json().id;
});
afterAll(() => s.t.close());

describe('GET /api/v1/before-after', () => {
  it('compares equal windows before and after a date, with the change, n and significance', async () => {
    const res = await s.api('GET', `/api/v1/before-after?date=${day(10)}&days=10`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as BeforeAfterResponse;
    expect(body.before).toEqual({ from: day(20), to: day(11) });
    expect(body.after).toEqual({ from: day(10), to: day(1) });
    expect(body.metrics.nps.before.n).toBe(50);
    expect(body.metrics.nps.before.value).toBeCloseTo(-60);
    expect(body.metrics.nps.after.value).toBeCloseTo(60);
    expect(body.metrics.nps.change).toBeCloseTo(120);
    expect(body.metrics.nps.significant).toBe(true);
    expect(body.metrics.nps.pValue).toBeLessThan(0.001);
    expect(body.metrics.csat.before.value).toBeCloseTo(20);
    expect(body.metrics.csat.after.value).toBeCloseTo(80);
    expect(body.metrics.csat.significant).toBe(true);
    expect(body.metrics.volume).toMatchObject({ before: { value: 50 }, after: { value: 50 }, change: 0 });
    // No CES answers: null, never 0 or NaN.
    expect(body.metrics.ces).toMatchObject({ before: { value: null, n: 0 }, after: { value: null, n: 0 }, change: null, significant: null });
    expect(JSON.stringify(body)).not.toContain('NaN');
  });

  it('cuts both windows to what has happened since the change', async () => {
    const body = (await s.api('GET', `/api/v1/before-after?date=${day(3)}&days=30`)).json() as BeforeAfterResponse;
    expect(body.days).toBe(3);
    expect(body.before).toEqual({ from: day(6), to: day(4) });
    expect(body.after).toEqual({ from: day(3), to: day(1) });
  });

  it('compares around the day an idea was marked done', async () => {
    const open = await s.api('GET', `/api/v1/before-after?ideaId=${ideaId}`);
    expect(open.statusCode).toBe(400);
    expect(open.json().error.field).toBe('ideaId');
    await s.api('PATCH', `/api/v1/ideas/${ideaId}`, { status: 'done', notifyCustomers: false });
    await s.t.database.rows(sql`update ideas set status_changed_at = ${`${day(10)}T09:00:00Z`}::timestamptz where id = ${ideaId}`);
    const body = (await s.api('GET', `/api/v1/before-after?ideaId=${ideaId}&days=10`)).json() as BeforeAfterResponse;
    expect(body.idea).toEqual({ id: ideaId, title: 'Faster checkout' });
    expect(body.date).toBe(day(10));
    expect(body.metrics.nps.change).toBeCloseTo(120);
    // Another workspace cannot name it.
    const other = await s.otherWorkspace(['feedback:read']);
    const foreign = await s.api('GET', `/api/v1/before-after?ideaId=${ideaId}`, undefined, { authorization: `Bearer ${other.key}` });
    expect(foreign.statusCode).toBe(404);
  });

  it('answers 400 naming the field for bad input', async () => {
    const cases: Array<[string, string]> = [
      ['', 'date'],
      ['date=2026-13-01', 'date'],
      [`date=${day(0)}`, 'date'],
      [`date=${day(5)}&ideaId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, 'ideaId'],
      [`date=${day(5)}&days=0`, 'days'],
      [`date=${day(5)}&days=500`, 'days'],
      [`date=${day(5)}&channel=pigeon`, 'channel'],
    ];
    for (const [query, field] of cases) {
      const res = await s.api('GET', `/api/v1/before-after?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });
});
