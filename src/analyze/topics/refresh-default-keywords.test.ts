// Workspaces created before the default keywords grew get the new lists on the built-in topics
// they never edited, once, from migrate(); edited and custom topics keep theirs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { dataMigrations } from '../../platform/db/db.tables.js';
import { topics } from './topics.tables.js';
import { DEFAULT_TOPICS } from './default-taxonomy.js';
import { keywordsFingerprint, PREVIOUS_DEFAULT_KEYWORDS, refreshDefaultKeywords } from './refresh-default-keywords.js';

let t: TestApp;
let key: string;
const OLD_PRICE = { en: ['price*', 'expensive'], fa: ['قیمت*'] };
const EDITED = { en: ['late', 'courier'], ar: ['التوصيل'] };

beforeAll(async () => {
  t = await createTestApp();
  const { cookie } = await setupOwner(t);
  key = await createKey(t, cookie, ['feedback:read', 'topics:manage']);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/topics', headers: bearer(key) })).statusCode).toBe(200); // seeds the defaults
});
afterAll(() => t.close());

const keywordsOf = async (k: string) => (await t.database.db.select().from(topics).where(eq(topics.key, k)))[0].keywords;
const setKeywords = (k: string, keywords: Record<string, string[]>) =>
  t.database.db
    .update(topics)
    .set({ keywords })
    .where(and(eq(topics.key, k), eq(topics.builtIn, true)));

describe('refreshing the default keywords', () => {
  it('replaces a built-in topic whose keywords are still the previous default, and only that', async () => {
    await setKeywords('price', OLD_PRICE);
    await setKeywords('delivery', EDITED);
    const previous = { ...PREVIOUS_DEFAULT_KEYWORDS, price: keywordsFingerprint(OLD_PRICE) };
    expect(await refreshDefaultKeywords(t.database, previous)).toBe(1);
    expect(await keywordsOf('price')).toEqual(DEFAULT_TOPICS.find((x) => x.key === 'price')!.keywords);
    expect(await keywordsOf('delivery')).toEqual(EDITED);
    expect(await refreshDefaultKeywords(t.database, previous)).toBe(0); // nothing left to do
  });

  it('fingerprints keywords whatever order their languages are stored in', () => {
    expect(keywordsFingerprint({ fa: ['a'], en: ['b'] })).toBe(keywordsFingerprint({ en: ['b'], fa: ['a'] }));
    expect(keywordsFingerprint({ en: ['a', 'b'] })).not.toBe(keywordsFingerprint({ en: ['b', 'a'] }));
  });

  it("runs from migrate() once; today's defaults are never taken for the previous ones", async () => {
    for (const topic of DEFAULT_TOPICS)
      expect([PREVIOUS_DEFAULT_KEYWORDS[topic.key]].flat(), topic.key).not.toContain(keywordsFingerprint(topic.keywords));
    await t.database.migrate();
    for (const name of ['default-topic-keywords-2', 'default-topic-keywords-3'])
      expect(await t.database.db.select().from(dataMigrations).where(eq(dataMigrations.name, name))).toHaveLength(1);
  });

  it('also replaces a list as shipped before the latest additions', async () => {
    const before = ['be56b9a998ec54a3'];
    await setKeywords('price', OLD_PRICE);
    expect(await refreshDefaultKeywords(t.database, { price: [...before, keywordsFingerprint(OLD_PRICE)] })).toBe(1);
    expect(await keywordsOf('price')).toEqual(DEFAULT_TOPICS.find((x) => x.key === 'price')!.keywords);
  });
});
