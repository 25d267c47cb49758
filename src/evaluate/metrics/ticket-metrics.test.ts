import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import { newId } from '../../platform/ids.js';
import type { MetricsResponse } from '../../contracts/metrics.js';
import { refreshStaleRollups } from '../rollups/refresh-rollups.js';
import { rebuildMetricRollups } from '../rollups/rebuild-metric-rollups.js';

let t: TestApp;
let s: SignedInApp;
const at = (iso: string) => new Date(iso);
const get = async (query: string) => await s.api('GET', `/api/v1/metrics?${query}`, undefined, bearer(s.key));

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read'] });
  t = s.t;
  const ticket = (n: number, topic: string, createdAt: string, resolvedAt: string | null, replies: number, reopens = 0) => ({
    id: newId(),
    workspaceId: s.workspace.id,
    number: n,
    subject: `ticket ${n}`,
    topic,
    createdAt: at(createdAt),
    resolvedAt: resolvedAt ? at(resolvedAt) : null,
    status: resolvedAt ? ('resolved' as const) : ('open' as const),
    publicReplyCount: replies,
    reopenCount: reopens,
  });
  await t.database.db
    .insert(tickets)
    .values([
      ticket(1, 'delivery', '2025-03-02T09:00:00Z', '2025-03-02T12:00:00Z', 1),
      ticket(2, 'delivery', '2025-03-03T09:00:00Z', '2025-03-05T12:00:00Z', 3),
      ticket(3, 'price', '2025-03-04T09:00:00Z', '2025-04-01T12:00:00Z', 1, 1),
      ticket(4, 'price', '2025-04-02T09:00:00Z', null, 0),
    ]);
  await refreshStaleRollups(t.database, s.workspace.id);
});

afterAll(async () => t?.close());

describe('ticket metrics', () => {
  it('count tickets by the month they were opened, by topic', async () => {
    const res = await get('metric=ticket_volume&from=2025-03-01&to=2025-04-30&grain=month&calendar=gregorian&breakdown=topic');
    expect(res.statusCode).toBe(200);
    const body = res.json<MetricsResponse>();
    expect(body.series.map((x) => [x.key, x.points.map((p) => p.value.value)])).toEqual([
      [null, [3, 1]],
      ['delivery', [2, 0]],
      ['price', [1, 1]],
    ]);
  });

  it('give first-contact resolution among the tickets resolved in each period, null where none was', async () => {
    const body = (
      await get('metric=first_contact_resolution&from=2025-03-01&to=2025-05-31&grain=month&calendar=gregorian')
    ).json<MetricsResponse>();
    const [march, april, may] = body.series[0]!.points;
    expect(march!.value).toMatchObject({ value: 50, n: 2 });
    // Ticket 3 was resolved after one reply but reopened: not first contact.
    expect(april!.value).toMatchObject({ value: 0, n: 1 });
    expect(may!.value.value).toBeNull();
  });

  it('refuse a breakdown tickets do not have, naming it', async () => {
    const res = await get('metric=ticket_volume&from=2025-03-01&to=2025-04-30&breakdown=channel');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('breakdown');
    const filtered = await get('metric=first_contact_resolution&from=2025-03-01&to=2025-04-30&language=fa');
    expect(filtered.json().error.field).toBe('language');
  });

  it('read the rollups, kept current as tickets change, and agree with the tickets summed directly', async () => {
    const volume = (query: string) =>
      get(`metric=ticket_volume&from=2025-03-01&to=2025-04-30&grain=month&calendar=gregorian&${query}`).then((r) =>
        r.json<MetricsResponse>(),
      );
    const counted = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from metric_rollups where workspace_id = ${s.workspace.id} and source = 'ticket_volume'`,
    );
    expect(counted[0]!.n).toBeGreaterThan(0);
    // Ticket 4 moves to delivery: the topic breakdown follows after the refresh.
    await t.database.db.update(tickets).set({ topic: 'delivery' }).where(eq(tickets.number, 4));
    await refreshStaleRollups(t.database, s.workspace.id);
    const byTopic = await volume('breakdown=topic');
    expect(byTopic.series.map((x) => [x.key, x.points.map((p) => p.value.value)])).toEqual([
      [null, [3, 1]],
      ['delivery', [2, 1]],
      ['price', [1, 0]],
    ]);
    // A filter on one dimension broken down by another is summed from the tickets: the same figures.
    const filtered = await volume('topic=delivery&breakdown=topic');
    const crossed = await volume('topic=delivery,price&breakdown=agent');
    expect(filtered.series[0]!.points.map((p) => p.value.value)).toEqual([2, 1]);
    expect(crossed.series[0]!.points.map((p) => p.value.value)).toEqual([3, 1]);
    const kept = await t.database.rows(sql`select * from metric_rollups where workspace_id = ${s.workspace.id} order by 2, 3, 4, 5`);
    await rebuildMetricRollups(t.database, s.workspace.id);
    expect(await t.database.rows(sql`select * from metric_rollups where workspace_id = ${s.workspace.id} order by 2, 3, 4, 5`)).toEqual(
      kept,
    );
  });
});
