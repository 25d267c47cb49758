// The metrics beyond feedback scores — response rate, SLA compliance, compensations, loop
// closure, churn risk, repeat purchase, retention and the cohort table — through the API, from
// rows written into their tables and rolled up by the refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { activitySeeder } from '../../platform/testing/seed-activity.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { refreshStaleRollups } from '../rollups/refresh-rollups.js';
import type { CohortTable, LeagueTable, MetricsResponse } from '../../contracts/metrics.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { EXPORT_SOURCES } from '../exports/export-sources.js';

let t: TestApp;
let s: SignedInApp;
const ids: Record<string, string> = {};
const at = (iso: string) => new Date(iso);
const get = async (query: string) => s.api('GET', `/api/v1/metrics?${query}`, undefined, bearer(s.key));
const metric = async (query: string) => {
  const res = await get(`${query}&calendar=gregorian`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MetricsResponse>();
};
const values = (body: MetricsResponse, key: string | null = null) =>
  body.series.find((x) => x.key === key)!.points.map((p) => p.value.value);

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read'] });
  t = s.t;
  const seed = activitySeeder(t.database, s.workspace.id);
  const c1 = await seed.customer({ lastSeenAt: at('2025-01-01T00:00:00Z') });
  const c2 = await seed.customer({ lastSeenAt: at('2025-03-30T00:00:00Z') });
  const c3 = await seed.customer();
  const c4 = await seed.customer();

  // Surveys: in March two emails and an SMS delivered (one email answered), one still queued;
  // three widget displays and one widget answer. Nothing in April.
  const survey = await seed.survey();
  ids.survey = survey.id;
  const s1 = await seed.send(survey, c1, { status: 'sent', sentAt: at('2025-03-03T09:00:00Z') });
  const s2 = await seed.send(survey, c2, { status: 'sent', sentAt: at('2025-03-04T09:00:00Z') });
  await seed.send(survey, c3, { channel: 'sms', status: 'sent', sentAt: at('2025-03-05T09:00:00Z') });
  await seed.send(survey, c4, { status: 'queued' });
  await seed.response(survey, { personalKey: `send:${s1}`, status: 'completed', completedAt: at('2025-03-06T09:00:00Z') });
  await seed.response(survey, { personalKey: `send:${s2}`, status: 'in_progress' });
  for (let i = 0; i < 3; i++) await seed.display(survey, '2025-03-10T09:00:00Z');
  await seed.response(survey, { channel: 'widget', status: 'completed', completedAt: at('2025-03-10T09:01:00Z') });

  // SLA: team A met one target of three in March, team B one of one; B's resolution met in April.
  const a = (ids.teamA = await seed.team('A'));
  const b = (ids.teamB = await seed.team('B'));
  await seed.ticket(
    { teamId: a },
    {
      firstResponseMinutes: 60,
      firstResponseAt: at('2025-03-02T10:00:00Z'),
      resolutionMinutes: 480,
      resolutionBreachedAt: at('2025-03-03T10:00:00Z'),
    },
  );
  await seed.ticket(
    { teamId: a },
    { firstResponseMinutes: 60, firstResponseBreachedAt: at('2025-03-04T10:00:00Z'), resolutionMinutes: 480 },
  );
  await seed.ticket(
    { teamId: b },
    {
      firstResponseMinutes: 60,
      firstResponseAt: at('2025-03-05T10:00:00Z'),
      resolutionMinutes: 480,
      resolvedAt: at('2025-04-02T10:00:00Z'),
    },
  );

  // Compensations in March: 15.50 EUR in two, 1,000,000 IRR, a gift; one waiting for approval.
  await seed.compensation(c1, { amount: 10, currency: 'EUR', status: 'approved', approvedAt: at('2025-03-02T10:00:00Z') });
  await seed.compensation(c1, { amount: 5.5, currency: 'EUR', status: 'approved', approvedAt: at('2025-03-03T10:00:00Z') });
  await seed.compensation(c2, { amount: 1_000_000, currency: 'IRR', status: 'approved', approvedAt: at('2025-03-04T10:00:00Z') });
  await seed.compensation(c3, { kind: 'gift', status: 'approved', approvedAt: at('2025-03-05T10:00:00Z') });
  await seed.compensation(c3, { amount: 99, currency: 'EUR', status: 'pending_approval' });

  // Loops: c1 told 12 h after of a done idea, c2 24 h after of a declined one; c3 only of
  // "planned" (and a failed "done"); an anonymous item cannot be told.
  const [f1, f2, f3, f4] = await seedFeedback(t.database, s.workspace.id, [
    { createdAt: at('2025-03-01T00:00:00Z'), customerId: c1, channel: 'email' },
    { createdAt: at('2025-03-01T00:00:00Z'), customerId: c2, channel: 'widget', nps: 3 },
    { createdAt: at('2025-03-02T00:00:00Z'), customerId: c3, channel: 'email' },
    { createdAt: at('2025-03-02T00:00:00Z'), channel: 'email' },
  ]);
  const done = await seed.idea('done', [f1!, f3!, f4!]);
  const declined = await seed.idea('declined', [f2!]);
  await seed.notification(c1, done, { ideaStatus: 'done', status: 'sent', sentAt: at('2025-03-01T12:00:00Z') });
  await seed.notification(c2, declined, { ideaStatus: 'declined', status: 'sent', sentAt: at('2025-03-02T00:00:00Z') });
  await seed.notification(c3, done, { ideaStatus: 'planned', status: 'sent', sentAt: at('2025-03-03T00:00:00Z') });
  await seed.notification(c3, done, { ideaStatus: 'done', status: 'failed' });
  // Churn: c4 a promoter in February, a detractor in April.
  await seedFeedback(t.database, s.workspace.id, [
    { createdAt: at('2025-02-01T00:00:00Z'), customerId: c4, nps: 9 },
    { createdAt: at('2025-04-10T00:00:00Z'), customerId: c4, nps: 2 },
  ]);

  // Orders: c1 in January (twice) and March, c2 in January and February, c3 in February.
  await seed.order(c1, '2025-01-05T10:00:00Z');
  await seed.order(c1, '2025-01-20T10:00:00Z');
  await seed.order(c1, '2025-03-01T10:00:00Z');
  await seed.order(c2, '2025-01-10T10:00:00Z');
  await seed.order(c2, '2025-02-15T10:00:00Z');
  await seed.order(c3, '2025-02-01T10:00:00Z');

  await refreshStaleRollups(t.database);
});

afterAll(async () => t?.close());

describe('response rate', () => {
  it('divides answered sends and widget answers by delivered sends and displays, null where nothing was sent', async () => {
    const body = await metric('metric=response_rate&from=2025-03-01&to=2025-04-30&grain=month&breakdown=channel');
    const [march, april] = body.series[0]!.points;
    expect(march!.value).toMatchObject({ n: 6, counts: { answered: 2, sent: 6 } });
    expect(march!.value.value).toBeCloseTo(100 / 3, 6);
    expect(march!.value.low).toBeGreaterThan(0);
    expect(march!.value.high).toBeLessThan(100);
    expect(april!.value).toMatchObject({ value: null, n: 0, low: null, high: null });
    expect(values(body, 'email')).toEqual([50, null]);
    expect(values(body, 'sms')).toEqual([0, null]);
    expect(values(body, 'widget')[0]).toBeCloseTo(100 / 3, 6);
  });

  it('is filtered and broken down by survey', async () => {
    const body = await metric(`metric=response_rate&from=2025-03-01&to=2025-03-31&grain=month&channel=email`);
    expect(body.total).toMatchObject({ value: 50, n: 2 });
    const bySurvey = await metric(`metric=response_rate&from=2025-03-01&to=2025-03-31&grain=month&breakdown=survey`);
    expect(bySurvey.series.map((x) => x.key)).toEqual([null, ids.survey]);
  });

  it('refuses a filter on another dimension than its breakdown, naming it', async () => {
    const res = await get('metric=response_rate&from=2025-03-01&to=2025-03-31&breakdown=survey&channel=email');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('channel');
  });
});

describe('SLA compliance', () => {
  it('counts each target once decided, by the day it was met or breached, per team', async () => {
    const body = await metric('metric=sla_compliance&from=2025-03-01&to=2025-04-30&grain=month&breakdown=team');
    expect(body.series[0]!.points.map((p) => [p.value.value, p.value.counts.breached])).toEqual([
      [50, 2],
      [100, 0],
    ]);
    expect(values(body, ids.teamA!)[0]).toBeCloseTo(100 / 3, 6);
    expect(values(body, ids.teamB!)).toEqual([100, 100]);
  });

  it('ranks teams in the league table', async () => {
    const res = await s.api(
      'GET',
      `/api/v1/metrics/league?metric=sla_compliance&dimension=team&from=2025-03-01&to=2025-04-30`,
      undefined,
      bearer(s.key),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<LeagueTable>().rows.map((r) => [r.key, r.rank])).toEqual([
      [ids.teamB, 1],
      [ids.teamA, 2],
    ]);
  });
});

describe('compensation total', () => {
  it('never adds different currencies: the value is null and each currency has its own sum', async () => {
    const body = await metric('metric=compensation_total&from=2025-03-01&to=2025-04-30&grain=month&breakdown=currency');
    const [march, april] = body.series[0]!.points;
    expect(march!.value).toEqual({ value: null, n: 4, low: null, high: null, counts: { count: 4, EUR: 15.5, IRR: 1_000_000 } });
    expect(april!.value).toMatchObject({ value: null, n: 0 });
    expect(values(body, 'EUR')).toEqual([15.5, null]);
    expect(values(body, 'IRR')).toEqual([1_000_000, null]);
  });

  it('sums one currency when filtered to it', async () => {
    const body = await metric('metric=compensation_total&from=2025-03-01&to=2025-03-31&grain=month&currency=EUR');
    expect(body.total).toMatchObject({ value: 15.5, n: 2, counts: { count: 2, EUR: 15.5 } });
  });
});

describe('loop closure', () => {
  it('counts an item closed when its customer was told of a done or declined idea (declined too)', async () => {
    const body = await metric('metric=loop_closure_rate&from=2025-03-01&to=2025-04-30&grain=month');
    const [march, april] = body.series[0]!.points;
    expect(march!.value).toMatchObject({ n: 3, counts: { closed: 2, linked: 3 } });
    expect(march!.value.value).toBeCloseTo(200 / 3, 6);
    expect(april!.value.value).toBeNull();
  });

  it('gives the median and mean hours from receipt to the customer being told', async () => {
    const body = await metric('metric=loop_closure_time&from=2025-03-01&to=2025-04-30&grain=month&breakdown=channel');
    expect(body.total).toMatchObject({ value: 18, n: 2, counts: { n: 2, mean: 18 } });
    expect(values(body, 'email')).toEqual([12, null]);
    expect(values(body, 'widget')).toEqual([24, null]);
  });
});

describe('churn risk', () => {
  it('counts the customers at risk at each period end, with the profile definition', async () => {
    const body = await metric('metric=churn_risk&from=2025-02-01&to=2025-04-30&grain=month');
    // February's end: c1 unseen for 59 days, not yet. March: c1 past 60 days, c2 a detractor. April: and c4 a detractor.
    expect(values(body)).toEqual([0, 2, 3]);
    expect(body.total.value).toBe(3);
  });
});

describe('orders', () => {
  it('gives the repeat purchase rate of the customers first ordering in a period', async () => {
    const months = await metric('metric=repeat_purchase_rate&from=2025-01-01&to=2025-03-31&grain=month');
    expect(values(months)).toEqual([50, 0, null]);
    const quarter = await metric('metric=repeat_purchase_rate&from=2025-01-01&to=2025-03-31&grain=quarter');
    expect(quarter.total).toMatchObject({ n: 3, counts: { repeat: 2, new: 3 } });
  });

  it('gives retention: of the customers from earlier months, the share ordering in each month', async () => {
    const body = await metric('metric=retention&from=2025-01-01&to=2025-03-31&grain=month');
    expect(values(body)[0]).toBeNull();
    expect(values(body)[1]).toBe(50);
    expect(values(body)[2]).toBeCloseTo(100 / 3, 6);
  });

  it('answers the cohort table, cohorts × months since, in the workspace calendar (Jalali months)', async () => {
    const cohorts = async () => {
      const res = await s.api('GET', '/api/v1/metrics/cohorts?from=2024-12-01&to=2025-03-31', undefined, bearer(s.key));
      expect(res.statusCode, res.body).toBe(200);
      return res.json<CohortTable>();
    };
    const gregorian = await cohorts();
    expect(gregorian.cohorts.map((c) => [c.first, c.customers, c.months.map((m) => m.customers)])).toEqual([
      ['2025-01-01', 2, [2, 1, 1]],
      ['2025-02-01', 1, [1, 0]],
    ]);
    expect(gregorian.cohorts[0]!.months.map((m) => m.share)).toEqual([100, 50, 50]);

    await t.database.db
      .update(workspaces)
      .set({ settings: { calendar: 'persian' } })
      .where(eq(workspaces.id, s.workspace.id));
    await refreshStaleRollups(t.database);
    const jalali = await cohorts();
    expect(jalali.calendar).toBe('persian');
    // Dey 1403 (from 21 December): c1 and c2; Bahman: c3. Dey's customers ordered again in Bahman and Esfand.
    expect(jalali.cohorts.map((c) => [c.first, c.label.month, c.customers, c.months.map((m) => m.customers)])).toEqual([
      ['2024-12-21', 10, 2, [2, 2, 1]],
      ['2025-01-20', 11, 1, [1, 0]],
    ]);
    await t.database.db.update(workspaces).set({ settings: {} }).where(eq(workspaces.id, s.workspace.id));
    await refreshStaleRollups(t.database);
  });
});

describe('metric series export', () => {
  it('writes the new metrics per period as GET /metrics answers them, null where nothing was measured', async () => {
    const rows: unknown[][] = [];
    const filters = { metric: 'loop_closure_rate', from: '2025-03-01', to: '2025-04-30', grain: 'month', calendar: 'gregorian' };
    for await (const page of EXPORT_SOURCES.metrics.pages(new WorkspaceScope(t.database, s.workspace.id), filters)) rows.push(...page.rows);
    expect(rows).toEqual([
      ['loop_closure_rate', null, '2025-03-01', '2025-03-31', 66.7, 3, expect.any(Number), expect.any(Number)],
      ['loop_closure_rate', null, '2025-04-01', '2025-04-30', null, 0, null, null],
    ]);
  });
});

describe('metric rollups', () => {
  it('are read, never the source tables, per page view', async () => {
    await t.database.rows(sql`delete from metric_rollups where workspace_id = ${s.workspace.id} and source = 'loop'`);
    const body = await metric('metric=loop_closure_rate&from=2025-03-01&to=2025-03-31&grain=month');
    expect(body.total.value).toBeNull();
    await t.database.rows(sql`insert into stale_metric_sources (workspace_id, source) values (${s.workspace.id}, 'loop')`);
    await refreshStaleRollups(t.database);
  });
});
