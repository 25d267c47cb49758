import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { seedFeedback, type FeedbackSeed } from '../../platform/testing/seed-feedback.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';
import type { LeagueTable, MetricsResponse } from '../../contracts/metrics.js';

let t: TestApp;
let s: SignedInApp;
let otherKey: string;

const seed = (workspaceId: string, items: FeedbackSeed[]) => seedFeedback(t.database, workspaceId, items);
const at = (iso: string) => new Date(iso);
const get = async (query: string, key = s.key) => s.api('GET', `/api/v1/metrics?${query}`, undefined, bearer(key));

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read'] });
  t = s.t;
  const id = s.workspace.id;
  await t.database.db.update(workspaces).set({ timezone: 'Asia/Tehran' }).where(eq(workspaces.id, id));
  await seed(id, [
    // Esfand 1403: two promoters and a detractor by email, a passive by widget.
    { createdAt: at('2025-03-01T08:00:00Z'), channel: 'email', nps: 10, topics: ['delivery'] },
    { createdAt: at('2025-03-05T08:00:00Z'), channel: 'email', nps: 9, topics: ['price'] },
    { createdAt: at('2025-03-10T08:00:00Z'), channel: 'email', nps: 2, topics: ['delivery'] },
    { createdAt: at('2025-03-12T08:00:00Z'), channel: 'widget', nps: 7, csat: 5 },
    // 00:30 on Nowruz 1404 in Tehran (still 20 March in UTC): Farvardin.
    { createdAt: at('2025-03-20T21:00:00Z'), channel: 'widget', nps: 0, csat: 1 },
  ]);
  await rebuildRollups(t.database, id);
  const other = await s.otherWorkspace(['feedback:read']);
  otherKey = other.key;
  await seed(other.workspace.id, [{ createdAt: at('2025-03-05T08:00:00Z'), channel: 'email', nps: 0 }]);
  await rebuildRollups(t.database, other.workspace.id);
});

afterAll(async () => t?.close());

describe('GET /metrics', () => {
  it('answers NPS per Jalali month with counts, intervals and null where nothing was answered', async () => {
    const res = await get('metric=nps&from=2025-02-20&to=2025-05-25&grain=month&calendar=persian');
    expect(res.statusCode).toBe(200);
    const body = res.json<MetricsResponse>();
    expect(body).toMatchObject({ metric: 'nps', unit: 'nps_points', calendar: 'persian', timezone: 'Asia/Tehran', breakdown: null });
    expect(body.periods.map((p) => p.key)).toEqual([
      'persian:month:1403-12',
      'persian:month:1404-01',
      'persian:month:1404-02',
      'persian:month:1404-03',
    ]);
    const [esfand, farvardin, ordibehesht] = body.series[0]!.points;
    // 2 promoters, 1 passive, 1 detractor: 25.
    expect(esfand!.value).toMatchObject({ value: 25, n: 4, counts: { promoters: 2, passives: 1, detractors: 1 } });
    expect(esfand!.value.low).toBeLessThan(25);
    expect(esfand!.value.high).toBeGreaterThan(25);
    expect(farvardin!.value).toMatchObject({ value: -100, n: 1 });
    expect(ordibehesht!.value).toEqual({ value: null, n: 0, low: null, high: null, counts: { promoters: 0, passives: 0, detractors: 0 } });
    expect(body.total).toMatchObject({ value: 0, n: 5 });
  });

  it('breaks a metric down by a dimension, largest first, and filters by keys', async () => {
    const res = await get('metric=nps&from=2025-03-01&to=2025-03-31&grain=month&calendar=gregorian&breakdown=channel');
    const body = res.json<MetricsResponse>();
    expect(body.series.map((x) => [x.key, x.total.n])).toEqual([
      [null, 5],
      ['email', 3],
      ['widget', 2],
    ]);
    expect(body.series.map((x) => x.total.value)).toEqual([0, expect.closeTo(33.333, 3), -50]);
    const filtered = (
      await get('metric=csat&from=2025-03-01&to=2025-03-31&grain=year&calendar=gregorian&channel=widget&breakdown=topic')
    ).json<MetricsResponse>();
    expect(filtered.total).toMatchObject({ value: 50, n: 2 });
    expect(filtered.series).toHaveLength(1);
    const topic = (
      await get('metric=volume&from=2025-03-01&to=2025-03-31&grain=week&calendar=gregorian&topic=delivery,price')
    ).json<MetricsResponse>();
    expect(topic.total.value).toBe(3);
  });

  it('never counts another workspace', async () => {
    const mine = (await get('metric=volume&from=2025-03-01&to=2025-03-31&grain=month&calendar=gregorian')).json<MetricsResponse>();
    expect(mine.total.value).toBe(5);
    const theirs = (
      await get('metric=volume&from=2025-03-01&to=2025-03-31&grain=month&calendar=gregorian', otherKey)
    ).json<MetricsResponse>();
    expect(theirs.total.value).toBe(1);
  });

  it.each([
    ['metric=nps&from=2025-03-10&to=2025-03-01', 'to'],
    ['metric=nps&from=2025-02-30&to=2025-03-01', 'from'],
    ['metric=happiness&from=2025-03-01&to=2025-03-02', 'metric'],
    ['metric=nps&from=2025-03-01&to=2025-03-02&breakdown=weather', 'breakdown'],
    ['metric=nps&from=2025-03-01&to=2025-03-02&weather=sunny', 'weather'],
    ['metric=nps&from=2014-03-01&to=2025-03-02&grain=year', 'from'],
    ['metric=nps&from=2020-03-01&to=2025-03-02&grain=day', 'grain'],
    ['metric=nps&from=2025-03-01&to=2025-03-02&grain=fortnight', 'grain'],
    ['metric=nps&from=2025-03-01&to=2025-03-02&calendar=mayan', 'calendar'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });

  it('needs feedback:read', async () => {
    const key = await s.keyWith(['tickets:read']);
    expect((await get('metric=nps&from=2025-03-01&to=2025-03-02', key)).statusCode).toBe(403);
  });
});

describe('GET /metrics/league', () => {
  it('ranks the keys of a dimension by a metric, best first, with n and interval; small ones unranked', async () => {
    const res = await s.api(
      'GET',
      '/api/v1/metrics/league?metric=nps&dimension=channel&from=2025-03-01&to=2025-03-31',
      undefined,
      bearer(s.key),
    );
    expect(res.statusCode).toBe(200);
    const table = res.json<LeagueTable>();
    expect(table.rows.map((r) => [r.key, r.rank, r.value.n])).toEqual([
      ['email', 1, 3],
      ['widget', 2, 2],
    ]);
    expect(table.rows[0]!.value.low).toBeLessThan(table.rows[0]!.value.value!);
    const strict = (
      await s.api(
        'GET',
        '/api/v1/metrics/league?metric=nps&dimension=channel&from=2025-03-01&to=2025-03-31&minN=3',
        undefined,
        bearer(s.key),
      )
    ).json<LeagueTable>();
    expect(strict.rows.map((r) => [r.key, r.rank])).toEqual([
      ['email', 1],
      ['widget', null],
    ]);
  });

  it('answers an unknown dimension with 400 naming it', async () => {
    const res = await s.api(
      'GET',
      '/api/v1/metrics/league?metric=nps&dimension=weather&from=2025-03-01&to=2025-03-31',
      undefined,
      bearer(s.key),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('dimension');
  });
});
