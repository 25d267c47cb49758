// Drivers through the API: topics ranked by how much their detractors pull the overall NPS down,
// from the rollups, with recent negative comments and their customers; another workspace's
// feedback never counts; bad input names its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';
import type { DriversResponse } from '../../contracts/drivers.js';

let s: SignedInApp;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

async function give(text: string, nps: number, topics: string[], at: number, extra: object = {}) {
  const res = await s.api('POST', '/api/v1/feedback', { text, channel: 'api', nps, createdAt: daysAgo(at), language: 'en', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  // The analysis would find topics; the test names them so the figures are known.
  await s.t.database.rows(sql`update feedback_items set topics = ${`{${topics.join(',')}}`}::text[], sentiment = ${nps <= 6 ? 'negative' : 'positive'} where id = ${res.json().id}`);
}

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read', 'feedback:write'] });
  await give('Late again <b>three days</b>', 2, ['delivery'], 1, { customer: { email: 'sara@example.com', name: 'Sara' } });
  await give('Courier lost the parcel', 3, ['delivery'], 2);
  await give('Slow delivery', 4, ['delivery'], 3);
  await give('Too expensive', 5, ['price'], 4);
  await give('Fair price', 10, ['price'], 5);
  await give('Helpful support', 9, ['support'], 6);
  await give('Support solved it', 10, ['support'], 7);
  await give('Great', 10, [], 8);
  await give('Love it', 10, [], 9);
  await give('Fine', 8, [], 10);
  // Outside the period asked for: never counted.
  await give('Old complaint', 0, ['price'], 60);
  // Another workspace's detractors on the same topic: never counted.
  const other = await s.otherWorkspace(['feedback:write']);
  const res = await s.api('POST', '/api/v1/feedback', { text: 'Other shop', channel: 'api', nps: 0 }, { authorization: `Bearer ${other.key}` });
  await s.t.database.rows(sql`update feedback_items set topics = array['support'] where id = ${res.json().id}`);
  await rebuildRollups(s.t.database, s.workspace.id);
  await rebuildRollups(s.t.database, other.workspace.id);
});
afterAll(() => s.t.close());

describe('GET /api/v1/drivers', () => {
  it('ranks topics by the NPS points the workspace would gain without their detractors', async () => {
    const res = await s.api('GET', '/api/v1/drivers');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DriversResponse;
    expect(body.overall.volume).toBe(10);
    expect(body.overall.nps.value).toBeCloseTo(10); // 5 promoters, 1 passive, 4 detractors
    expect(body.data.map((d) => d.topic.key)).toEqual(['delivery', 'price', 'support']);
    const [delivery, price, support] = body.data;
    expect(delivery.volume).toBe(3);
    expect(delivery.nps.value).toBe(-100);
    expect(delivery.nps.n).toBe(3);
    expect(delivery.impact.nps).toBeCloseTo((100 * 4) / 7 - 10); // without three detractors: 5 − 1 of 7
    expect(price.impact.nps).toBeCloseTo((100 * 2) / 9 - 10);
    expect(support.impact.nps).toBe(0);
    expect(delivery.csat.value).toBeNull(); // no CSAT answers: no data, never 0
    expect(delivery.impact.csat).toBeNull();
    // The newest negative comments, the text as given (escaped where it is shown), with the customer.
    expect(delivery.examples.map((e) => e.text)).toEqual(['Late again <b>three days</b>', 'Courier lost the parcel', 'Slow delivery']);
    expect(delivery.examples[0].customer).toMatchObject({ name: 'Sara', email: 'sara@example.com' });
    expect(support.examples).toEqual([]);
  });

  it('reads a channel and a period of the workspace calendar days', async () => {
    const none = (await s.api('GET', '/api/v1/drivers?channel=email')).json() as DriversResponse;
    expect(none.overall.volume).toBe(0);
    expect(none.overall.nps.value).toBeNull();
    expect(none.data).toEqual([]);
    const to = daysAgo(50).slice(0, 10);
    const old = (await s.api('GET', `/api/v1/drivers?from=${daysAgo(70).slice(0, 10)}&to=${to}`)).json() as DriversResponse;
    expect(old.data.map((d) => [d.topic.key, d.volume])).toEqual([['price', 1]]);
  });

  it('answers 400 naming the field for bad input', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-02-30', 'from'],
      ['to=2026-13-01', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'from'],
      ['from=2020-01-01&to=2026-01-01', 'from'],
      ['channel=pigeon', 'channel'],
      ['limit=0', 'limit'],
      ['workspaceId=x', 'workspaceId'],
    ];
    for (const [query, field] of cases) {
      const res = await s.api('GET', `/api/v1/drivers?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });

  it('needs feedback:read', async () => {
    const key = await s.keyWith(['customers:read']);
    expect((await s.api('GET', '/api/v1/drivers', undefined, { authorization: `Bearer ${key}` })).statusCode).toBe(403);
  });
});
