import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import { newId } from '../../platform/ids.js';
import type { MetricsResponse } from '../../contracts/metrics.js';

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
});
