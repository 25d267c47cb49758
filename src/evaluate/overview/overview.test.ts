import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { bearer, createKey, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { seedFeedback, type FeedbackSeed } from '../../platform/testing/seed-feedback.js';
import { sql } from 'drizzle-orm';
import { refreshStaleRollups } from '../rollups/refresh-rollups.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';

let t: TestApp;
let api: SignedInApp['api'];
let readKey: string;
let customersKey: string;
let workspaceA: string;
let owner: { cookie: string; userId: string; organizationId: string };

const seed = (workspaceId: string, items: FeedbackSeed[]) =>
  seedFeedback(t.database, workspaceId, items, { text: 'feedback', status: 'processed' });

const at = (iso: string) => new Date(iso);
const get = (url: string, key = readKey) => api('GET', url, undefined, bearer(key));
const WINDOW = '/api/v1/overview?from=2026-03-01&to=2026-03-03';
let ids: string[];

beforeAll(async () => {
  const s = await signedInApp({ scopes: ['feedback:read'] });
  ({ t, api, key: readKey } = s);
  customersKey = await s.keyWith(['customers:read']);
  workspaceA = s.workspace.id;
  owner = { ...s.owner, organizationId: s.workspace.organizationId };
  // Tehran is UTC+3:30 all year: 21:00Z is already the next day there.
  await t.database.db.update(workspaces).set({ timezone: 'Asia/Tehran' }).where(eq(workspaces.id, workspaceA));

  ids = await seed(workspaceA, [
    { createdAt: at('2026-02-28T20:00:00Z'), nps: 0, sentiment: 'negative' }, // 23:30 on 28 Feb: before the window
    { createdAt: at('2026-02-28T21:00:00Z'), nps: 7, sentiment: 'neutral' }, // 00:30 on 1 Mar
    { createdAt: at('2026-03-01T10:00:00Z'), nps: 10, sentiment: 'positive', topics: ['delivery', 'price'] },
    { createdAt: at('2026-03-01T11:00:00Z'), nps: 3, sentiment: 'negative', topics: ['delivery'], text: 'The parcel came a week late' },
    { createdAt: at('2026-03-01T21:00:00Z'), nps: 9, sentiment: 'positive', topics: ['delivery'] }, // 00:30 on 2 Mar
    { createdAt: at('2026-03-02T12:00:00Z'), csat: 5, sentiment: 'neutral', topics: ['price'] },
    { createdAt: at('2026-03-02T13:00:00Z'), csat: 2, text: 'بسته‌بندی خراب بود' }, // not analysed yet
    { createdAt: at('2026-03-03T20:30:00Z'), nps: 0, sentiment: 'negative' }, // midnight on 4 Mar: after the window
    { createdAt: new Date(), text: 'today' },
    { createdAt: new Date(), text: 'today again' },
  ]);

  // Another workspace's feedback in the same days must never count.
  const other = await createWorkspace(t.database, owner.organizationId, owner.userId, 'Other');
  await seed(other.id, [
    { createdAt: at('2026-03-01T10:00:00Z'), nps: 0, sentiment: 'negative', topics: ['secret_topic'] },
    { createdAt: new Date(), text: 'other today' },
  ]);
  // The figures are read from the daily rollups, as the refresh schedule keeps them.
  await refreshStaleRollups(t.database);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/overview', () => {
  it('counts days in the workspace time zone, only in this workspace', async () => {
    const res = await get(WINDOW);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.window).toMatchObject({ from: '2026-03-01', to: '2026-03-03', timezone: 'Asia/Tehran' });
    expect(body.today.count).toBe(2);
    expect(body.volume).toEqual([
      { day: '2026-03-01', count: 3 },
      { day: '2026-03-02', count: 3 },
      { day: '2026-03-03', count: 0 },
    ]);
  });

  it('gives NPS and CSAT per day with their counts, and for the window', async () => {
    const { scores, totals } = (await get(WINDOW)).json();
    expect(scores[0]).toEqual({
      day: '2026-03-01',
      nps: 0,
      npsCount: 3,
      promoters: 1,
      detractors: 1,
      csat: null,
      csatCount: 0,
      satisfied: 0,
    });
    expect(scores[1]).toEqual({
      day: '2026-03-02',
      nps: 100,
      npsCount: 1,
      promoters: 1,
      detractors: 0,
      csat: 50,
      csatCount: 2,
      satisfied: 1,
    });
    expect(scores[2]).toMatchObject({ day: '2026-03-03', nps: null, npsCount: 0, csat: null });
    expect(totals).toEqual({ nps: 25, npsCount: 4, promoters: 2, detractors: 1, csat: 50, csatCount: 2, satisfied: 1 });
  });

  it('splits sentiment and ranks topics with their taxonomy names', async () => {
    const { sentiment, topTopics } = (await get(WINDOW)).json();
    expect(sentiment).toEqual({ positive: 2, neutral: 2, negative: 1, unanalysed: 1 });
    expect(topTopics.map((topic: { key: string; count: number }) => [topic.key, topic.count])).toEqual([
      ['delivery', 3],
      ['price', 2],
    ]);
    expect(topTopics[0].names.en).toEqual(expect.any(String));
    expect(topTopics[0].names.fa).toEqual(expect.any(String));
  });

  it('lists negative items, detractors and low CSAT newest first', async () => {
    const { attention } = (await get(WINDOW)).json();
    expect(attention.map((item: { id: string }) => item.id)).toEqual([ids[6], ids[3]]);
    expect(attention[1]).toMatchObject({ text: 'The parcel came a week late', nps: 3, sentiment: 'negative' });
  });

  it('includes emerging themes of recent feedback', async () => {
    const day = 86_400_000;
    await seed(
      workspaceA,
      [
        'Loyalty stamp card was not updated',
        'loyalty stamp card is not working',
        'Loyalty stamp card lost',
        'Loyalty stamp card shows zero',
      ].map((text, i) => ({ text, language: 'en', createdAt: new Date(Date.now() - (i + 1) * day) })),
    );
    const { themes } = (await get('/api/v1/overview')).json();
    expect(themes.map((theme: { phrase: string }) => theme.phrase.toLowerCase())).toContain('loyalty stamp card');
  });

  it('takes the last N days up to to', async () => {
    const { window, volume } = (await get('/api/v1/overview?days=2&to=2026-03-02')).json();
    expect(window).toMatchObject({ from: '2026-03-01', to: '2026-03-02' });
    expect(volume.map((p: { count: number }) => p.count)).toEqual([3, 3]);
  });

  it('defaults to the last 30 days ending today', async () => {
    const { window, volume } = (await get('/api/v1/overview')).json();
    expect(window.to).toBe(window.today);
    expect(volume).toHaveLength(30);
    expect(volume.at(-1).count).toBe(2);
  });

  it('says whether the workspace has any feedback at all, whatever the window', async () => {
    expect((await get('/api/v1/overview?from=2020-06-01&to=2020-06-05')).json()).toMatchObject({
      hasFeedback: true,
      volume: [{ count: 0 }, { count: 0 }, { count: 0 }, { count: 0 }, { count: 0 }],
    });
    // A new workspace (its first steps are shown instead of empty figures).
    const fresh = await createWorkspace(t.database, owner.organizationId, owner.userId, 'Fresh');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/workspace',
          headers: { cookie: owner.cookie },
          payload: { workspaceId: fresh.id },
        })
      ).statusCode,
    ).toBe(200);
    const freshKey = await createKey(t, owner.cookie, ['feedback:read']);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/workspace',
      headers: { cookie: owner.cookie },
      payload: { workspaceId: workspaceA },
    });
    expect((await get('/api/v1/overview', freshKey)).json().hasFeedback).toBe(false);
  });

  it('sums the daily rollups, never counting the items on a page view', async () => {
    const before = (await get(WINDOW)).json();
    await t.database.rows(sql`delete from feedback_rollups where workspace_id = ${workspaceA}`);
    const without = (await get(WINDOW)).json();
    expect(without.volume.map((v: { count: number }) => v.count)).toEqual([0, 0, 0]);
    expect(without.totals.npsCount).toBe(0);
    expect(without.topTopics).toEqual([]);
    await rebuildRollups(t.database, workspaceA);
    expect((await get(WINDOW)).json()).toEqual(before);
  });

  it('refuses bad windows naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-03-05&to=2026-03-01', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2024-01-01&to=2026-01-01', 'from'],
      ['from=2020-01-01', 'from'],
      ['from=2026-03-01&days=3', 'days'],
      ['days=0', 'days'],
      ['period=3', 'period'],
    ]) {
      const res = await get(`/api/v1/overview?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });

  it('is documented with its query parameters', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = doc.paths['/api/v1/overview'].get.parameters.map((p: { name: string }) => p.name);
    expect(params.sort()).toEqual(['days', 'from', 'to']);
  });

  it('needs feedback:read', async () => {
    expect((await t.app.inject({ method: 'GET', url: WINDOW })).statusCode).toBe(401);
    expect((await get(WINDOW, customersKey)).statusCode).toBe(403);
  });
});
