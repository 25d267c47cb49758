import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { bearer, sessionCookie, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp } from '../../platform/testing/signed-in-app.js';
import { memberships, users } from '../../platform/auth/auth.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { newId } from '../../platform/ids.js';

let t: TestApp;
let cookie: string;
let readKey: string;
let viewerCookie: string;
let workspaceA: string;

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();

async function bulk(key: string, items: Array<{ text: string; language: string; days: number }>): Promise<string[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/feedback/bulk',
    headers: bearer(key),
    payload: { items: items.map((i) => ({ channel: 'api', text: i.text, language: i.language, createdAt: daysAgo(i.days) })) },
  });
  if (res.statusCode !== 201) throw new Error(`bulk failed: ${res.statusCode} ${res.body}`);
  return res.json().results.map((r: { id: string }) => r.id);
}

const get = (url: string, headers: Record<string, string> = bearer(readKey)) => t.app.inject({ method: 'GET', url, headers });
const promote = (payload: object, headers: Record<string, string> = { cookie }) =>
  t.app.inject({ method: 'POST', url: '/api/v1/themes/promote', headers, payload });

let coveredIds: string[];

beforeAll(async () => {
  const s = await signedInApp({ scopes: ['feedback:read', 'feedback:write'] });
  ({
    t,
    key: readKey,
    owner: { cookie },
    workspace: { id: workspaceA },
  } = s);

  await bulk(readKey, [
    ...[
      'My Loyalty stamp card was not updated',
      'loyalty stamp card is not working',
      'Loyalty stamp card lost after the update',
      'Loyalty stamp card shows zero',
    ].map((text, i) => ({ text, language: 'en', days: i + 1 })),
    { text: 'loyalty stamp card not updated', language: 'en', days: 16 }, // previous window
    { text: 'loyalty stamp card, as usual', language: 'en', days: 40 }, // outside both windows
    ...['امتیاز باشگاه من ثبت نشد', 'امتياز باشگاه را نمي‌بينم', 'امتیاز باشگاه صفر شده', 'امتیاز باشگاه کم شد'].map((text, i) => ({
      text,
      language: 'fa',
      days: i + 2,
    })),
  ]);
  coveredIds = await bulk(
    readKey,
    ['Wobbly handle on the door', 'wobbly handle again', 'The wobbly handle broke'].map((text, i) => ({
      text,
      language: 'en',
      days: i + 1,
    })),
  );
  await t.database.db
    .update(feedbackItems)
    .set({ topics: ['product_quality'] })
    .where(inArray(feedbackItems.id, coveredIds));

  // Workspace B has its own, more frequent phrases: none may ever show up in A.
  const { key: keyB } = await s.otherWorkspace(['feedback:read', 'feedback:write']);
  await bulk(
    keyB,
    Array.from({ length: 6 }, (_, i) => ({ text: `Zebra crossing secret number ${i}, loyalty stamp card`, language: 'en', days: 1 })),
  );

  const viewerId = newId();
  await t.database.db
    .insert(users)
    .values({ id: viewerId, email: 'viewer@example.com', name: 'V', passwordHash: await hashPassword('viewer password 1') });
  await t.database.db.insert(memberships).values({ workspaceId: workspaceA, userId: viewerId, role: 'viewer' });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'viewer@example.com', password: 'viewer password 1' },
  });
  viewerCookie = sessionCookie(login.headers['set-cookie']);
});
afterAll(() => t.close());

describe('GET /api/v1/themes', () => {
  it("lists the workspace's recurring phrases with counts, trend and examples", async () => {
    const res = await get('/api/v1/themes?days=14');
    expect(res.statusCode).toBe(200);
    const { data, window } = res.json();
    expect(window).toMatchObject({ days: 14, items: 11, previousItems: 1, capped: false });
    const stamp = data.find((d: { key: string }) => d.key === 'loyalty stamp card');
    expect(stamp).toMatchObject({
      phrase: 'Loyalty stamp card',
      language: 'en',
      count: 4,
      previousCount: 1,
      trend: 'rising',
      coveredShare: 0,
    });
    expect(stamp.exampleItems).toHaveLength(3);
    const card = data.find((d: { key: string }) => d.key === 'امتیاز باشگاه');
    expect(card).toMatchObject({ phrase: 'امتیاز باشگاه', language: 'fa', count: 4, trend: 'new' });
    // Items that already have a topic: reported, and ranked after the uncovered themes.
    const handle = data.findIndex((d: { key: string }) => d.key === 'wobbly handle');
    expect(data[handle].coveredShare).toBe(1);
    expect(handle).toBe(data.length - 1);
  });

  it("never shows another workspace's items", async () => {
    const body = (await get('/api/v1/themes?days=30&limit=100')).body;
    expect(body).not.toMatch(/zebra|secret/i);
    const stamp = JSON.parse(body).data.find((d: { key: string }) => d.key === 'loyalty stamp card');
    expect(stamp.count).toBe(5);
  });

  it('filters by language and is readable by a viewer', async () => {
    const res = await get('/api/v1/themes?language=fa&days=7', { cookie: viewerCookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((d: { language: string }) => d.language)).toEqual(['fa']);
  });

  it.each([
    ['days=0', 'days'],
    ['days=91', 'days'],
    ['language=Farsi', 'language'],
    ['limit=500', 'limit'],
    ['extra=1', 'extra'],
  ])('400 for %s', async (qs, field) => {
    const res = await get(`/api/v1/themes?${qs}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });
});

describe('POST /api/v1/themes/promote', () => {
  it('is refused to a viewer and to a key without topics:manage', async () => {
    expect((await promote({ phrase: 'loyalty stamp card', language: 'en' }, { cookie: viewerCookie })).statusCode).toBe(403);
    expect((await promote({ phrase: 'loyalty stamp card', language: 'en' }, bearer(readKey))).statusCode).toBe(403);
  });

  it.each([
    [{ phrase: '', language: 'en' }, 'phrase'],
    [{ phrase: '!!!', language: 'en' }, 'phrase'],
    [{ phrase: 'x'.repeat(81), language: 'en' }, 'phrase'],
    [{ phrase: 'courier', language: 'xx' }, 'language'],
    [{ phrase: 'courier', language: 'en', names: { de: 'Kurier' } }, 'names.de'],
    [{ phrase: 'courier', language: 'en', workspaceId: '0190f0f0-0000-7000-8000-000000000000' }, 'workspaceId'],
  ])('400 naming the field for %j', async (payload, field) => {
    const res = await promote(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });

  it('creates a topic from the theme and starts a re-analysis; the theme is then covered', async () => {
    const res = await promote({ phrase: 'Loyalty stamp card', language: 'en' });
    expect(res.statusCode).toBe(201);
    const { topic, reanalysis } = res.json();
    expect(topic).toMatchObject({
      key: 'loyalty_stamp_card',
      keywords: { en: ['Loyalty stamp card'] },
      names: { en: 'Loyalty stamp card', fa: 'Loyalty stamp card' },
    });
    expect(topic.examples).toHaveLength(4); // the four items of the last 14 days, none of B's
    expect(topic.examples.every((e: string) => /loyalty stamp card/i.test(e) && !/zebra/i.test(e))).toBe(true);
    expect(reanalysis).toMatchObject({ id: expect.any(String), total: 13 });

    const themes = (await get('/api/v1/themes?days=14')).json().data;
    expect(themes.some((d: { key: string }) => d.key.includes('stamp'))).toBe(false);
    await t.drainJobs();
    const tagged = await t.database.db
      .select({ topics: feedbackItems.topics })
      .from(feedbackItems)
      .where(eq(feedbackItems.workspaceId, workspaceA));
    expect(tagged.filter((r) => r.topics.includes('loyalty_stamp_card'))).toHaveLength(6);
  });

  it('409 naming names.en when a topic with that key exists', async () => {
    const res = await promote({ phrase: 'gift box', language: 'en', names: { en: 'Loyalty stamp card' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.field).toBe('names.en');
  });

  it('is documented in the OpenAPI document under themes', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/themes'].get.tags).toEqual(['themes']);
    expect(doc.paths['/api/v1/themes'].get.description).toContain('20,000');
    expect(doc.paths['/api/v1/themes/promote'].post.tags).toEqual(['themes']);
  });

  it('uses the names given and the phrase for the others', async () => {
    const res = await promote({ phrase: 'امتیاز باشگاه', language: 'fa', names: { en: 'Club points' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().topic).toMatchObject({
      key: 'club_points',
      names: { en: 'Club points', fa: 'امتیاز باشگاه', ar: 'امتیاز باشگاه', zh: 'امتیاز باشگاه' },
      keywords: { fa: ['امتیاز باشگاه'] },
    });
    expect(res.json().topic.examples).toHaveLength(4);
  });
});
