// Metrics by service unit: a unit's figures are its whole subtree's, summed from counts; the
// rollups keyed by items' own units stay equal to a rebuild after items are re-assigned and units
// moved; a filter on a unit of another workspace is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { newId } from '../../platform/ids.js';
import type { LeagueTable, MetricsResponse } from '../../contracts/metrics.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';
import { refreshStaleRollups } from '../rollups/refresh-rollups.js';
import { serviceUnits } from './service-units.tables.js';

let t: TestApp;
let s: SignedInApp;
let workspaceId: string;
let foreignUnitId: string;
const u: Record<string, string> = {};
const items: Record<string, string[]> = {};

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const range = 'from=2025-03-01&to=2025-03-31';
const metrics = (query: string) => s.api('GET', `/api/v1/metrics?metric=nps&${range}&grain=month&calendar=gregorian&${query}`);
const league = (query: string) => s.api('GET', `/api/v1/metrics/league?metric=nps&${range}&dimension=service_unit&${query}`);
const rollupRows = () =>
  t.database.rows(sql`select * from feedback_rollups where workspace_id = ${workspaceId} order by dimension, day, key`);
const seriesOf = (body: MetricsResponse, unit: string) => body.series.find((x) => x.key === u[unit])?.total;

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read', 'feedback:write', 'tickets:read', 'tickets:write'] });
  t = s.t;
  workspaceId = s.workspace.id;
  const unit = async (name: string, kind: string, parent?: string) => {
    const res = await s.api(
      'POST',
      '/api/v1/service-units',
      { name, kind, parentId: parent ? u[parent] : null },
      { cookie: s.owner.cookie },
    );
    u[name] = res.json().id;
  };
  await unit('North', 'region');
  await unit('Tabriz', 'branch', 'North');
  await unit('Bazaar', 'store', 'Tabriz');
  await unit('Valiasr', 'store', 'Tabriz');
  await unit('South', 'region');
  await unit('Shiraz', 'branch', 'South');
  await unit('Zand', 'store', 'Shiraz');
  const seed = async (name: string | null, scores: number[], day = '2025-03-05') => {
    const ids = await seedFeedback(
      t.database,
      workspaceId,
      scores.map((nps) => ({ createdAt: at(day), nps, serviceUnitId: name ? u[name] : null })),
    );
    items[name ?? 'none'] = [...(items[name ?? 'none'] ?? []), ...ids];
  };
  await seed('Bazaar', [10, 10, 9]);
  await seed('Valiasr', [0, 3], '2025-03-12');
  await seed('Tabriz', [8]); // the branch's own item
  await seed('Zand', [10, 2]);
  await seed(null, [10, 10, 10, 10]);
  await rebuildRollups(t.database, workspaceId);

  const other = await s.otherWorkspace(['feedback:read']);
  foreignUnitId = newId();
  await t.database.db.insert(serviceUnits).values({ id: foreignUnitId, workspaceId: other.workspace.id, kind: 'store', name: 'Elsewhere' });
  await seedFeedback(t.database, other.workspace.id, [{ createdAt: at('2025-03-05'), nps: 0, serviceUnitId: foreignUnitId }]);
  await rebuildRollups(t.database, other.workspace.id);
});

afterAll(async () => t?.close());

describe('metrics by service unit', () => {
  it('roll every unit up from its subtree’s counts, never from averaged scores', async () => {
    const res = await metrics('breakdown=service_unit');
    expect(res.statusCode).toBe(200);
    const body = res.json<MetricsResponse>();
    expect(body.total.n).toBe(12);
    // North: Bazaar 3 promoters, Valiasr 2 detractors, Tabriz's own passive: (3 − 2) / 6 → 16.7, not the mean of 100 and −100.
    expect(seriesOf(body, 'North')).toMatchObject({ n: 6, counts: { promoters: 3, passives: 1, detractors: 2 } });
    expect(seriesOf(body, 'North')!.value).toBeCloseTo(100 / 6, 6);
    expect(seriesOf(body, 'Tabriz')).toMatchObject({ n: 6 });
    expect(seriesOf(body, 'Bazaar')).toMatchObject({ value: 100, n: 3 });
    expect(seriesOf(body, 'Valiasr')).toMatchObject({ value: -100, n: 2 });
    expect(seriesOf(body, 'South')).toMatchObject({ value: 0, n: 2 });
    expect(body.series.some((x) => x.key === foreignUnitId)).toBe(false);
  });

  it('filter by a unit with its descendants, also across other dimensions', async () => {
    const north = (await metrics(`service_unit=${u.North}`)).json<MetricsResponse>();
    expect(north.total).toMatchObject({ n: 6, counts: { promoters: 3, passives: 1, detractors: 2 } });
    const byChannel = (await metrics(`service_unit=${u.Tabriz}&breakdown=channel`)).json<MetricsResponse>();
    expect(byChannel.total.n).toBe(6);
    expect(byChannel.series.find((x) => x.key === 'api')!.total.n).toBe(6);
    // Broken down within the filter: the filtered unit and its descendants, never a partial ancestor.
    const within = (await metrics(`service_unit=${u.Tabriz}&breakdown=service_unit`)).json<MetricsResponse>();
    expect(within.series.map((x) => x.key).sort()).toEqual([null, u.Tabriz, u.Bazaar, u.Valiasr].sort());
  });

  it('drill down to the explorer: a unit lists the items of its subtree, as many as its figure counts', async () => {
    const list = async (unit: string) => {
      const res = await s.api('GET', `/api/v1/feedback?service_unit_id=${unit}&limit=100`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ data: Array<{ id: string }>; total: number }>();
    };
    const north = await list(u.North!);
    expect(north.data.map((x) => x.id).sort()).toEqual([...items.Bazaar!, ...items.Valiasr!, ...items.Tabriz!].sort());
    const figures = (await metrics(`service_unit=${u.North}`)).json<MetricsResponse>();
    expect(north.total).toBe(figures.total.n);
    expect((await list(u.Zand!)).data.map((x) => x.id).sort()).toEqual([...items.Zand!].sort());
    // With the explorer's other filters: the North's detractors.
    const detractors = await s.api('GET', `/api/v1/feedback?service_unit_id=${u.North}&score_type=nps&score_max=6`);
    expect(detractors.json().total).toBe(2);

    const foreign = await s.api('GET', `/api/v1/feedback?service_unit_id=${foreignUnitId}`);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error).toMatchObject({ code: 'unknown_service_unit', field: 'service_unit_id' });
    const notUnit = await s.api('GET', '/api/v1/feedback?service_unit_id=north');
    expect(notUnit.statusCode).toBe(400);
    expect(notUnit.json().error).toMatchObject({ field: 'service_unit_id' });
  });

  it('refuse a filter on a unit of another workspace, naming service_unit', async () => {
    const res = await metrics(`service_unit=${foreignUnitId}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'unknown_service_unit', field: 'service_unit' });
    const notUnit = await metrics('service_unit=north');
    expect(notUnit.json().error).toMatchObject({ field: 'service_unit' });
  });

  it('rank one level of the tree in the league table', async () => {
    const stores = (await league('level=store')).json<LeagueTable>();
    expect(stores.rows.map((r) => [r.key, r.rank, r.value.value])).toEqual([
      [u.Bazaar, 1, 100],
      [u.Zand, 2, 0],
      [u.Valiasr, 3, -100],
    ]);
    const branches = (await league('level=branch')).json<LeagueTable>();
    expect(branches.rows.map((r) => r.key)).toEqual([u.Tabriz, u.Shiraz]);
    expect(branches.rows[0]!.value.n).toBe(6);
    const everyUnit = (await league('')).json<LeagueTable>();
    expect(everyUnit.rows).toHaveLength(7);
    const wrong = await s.api('GET', `/api/v1/metrics/league?metric=nps&${range}&dimension=channel&level=store`);
    expect(wrong.json().error).toMatchObject({ field: 'level' });
  });

  it('count tickets by the unit they belong to, with its descendants', async () => {
    for (const unit of ['Bazaar', 'Bazaar', 'Zand', null]) {
      const ticket = await s.api('POST', '/api/v1/tickets', { subject: 'Late parcel' });
      expect(ticket.statusCode).toBe(201);
      if (unit) expect((await s.api('PATCH', `/api/v1/tickets/${ticket.json().id}`, { serviceUnitId: u[unit] })).statusCode).toBe(200);
    }
    await refreshStaleRollups(t.database, workspaceId);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const tickets = (query: string) =>
      s.api('GET', `/api/v1/metrics?metric=ticket_volume&from=${day(-2)}&to=${day(2)}&grain=month&calendar=gregorian&${query}`);
    const body = (await tickets('breakdown=service_unit')).json<MetricsResponse>();
    expect(body.total.value).toBe(4);
    expect(seriesOf(body, 'North')!.value).toBe(2);
    expect(seriesOf(body, 'Tabriz')!.value).toBe(2);
    expect(seriesOf(body, 'South')!.value).toBe(1);
    expect((await tickets(`service_unit=${u.North}`)).json<MetricsResponse>().total.value).toBe(2);
    expect((await tickets(`service_unit=${foreignUnitId}`)).json().error).toMatchObject({ field: 'service_unit' });
  });

  it('stay equal to a rebuild after items are re-assigned and units moved', async () => {
    await refreshStaleRollups(t.database, workspaceId);
    // An item of Valiasr re-assigned to Zand: its day is marked stale and recomputed.
    expect((await s.api('PATCH', `/api/v1/feedback/${items.Valiasr![0]}`, { serviceUnitId: u.Zand })).statusCode).toBe(200);
    // Valiasr moves to Shiraz: no rollup row changes, the tree is applied when read.
    const moved = await s.api('PATCH', `/api/v1/service-units/${u.Valiasr}`, { parentId: u.Shiraz }, { cookie: s.owner.cookie });
    expect(moved.statusCode).toBe(200);
    expect(await refreshStaleRollups(t.database, workspaceId)).toBeGreaterThan(0);
    const kept = await rollupRows();
    await rebuildRollups(t.database, workspaceId);
    expect(kept).toEqual(await rollupRows());

    const body = (await metrics('breakdown=service_unit')).json<MetricsResponse>();
    // North: Bazaar's three promoters and Tabriz's passive; South: Zand 10, 2 and 0, Valiasr 3.
    expect(seriesOf(body, 'North')).toMatchObject({ value: 75, n: 4 });
    expect(seriesOf(body, 'South')).toMatchObject({ n: 4, counts: { promoters: 1, passives: 0, detractors: 3 } });
    expect(seriesOf(body, 'Zand')).toMatchObject({ n: 3 });
  });
});
