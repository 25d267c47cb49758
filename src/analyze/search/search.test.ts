// GET /api/v1/feedback?q=… end to end, on PGlite or on PostgreSQL (TEST_DATABASE_URL).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { feedbackSearch } from './feedback-search.js';
import { SEARCH_LIMITS } from './limits.js';

let t: TestApp;
let api: SignedInApp['api'];
let key: string;
let otherKey: string;
const ids: Record<string, string> = {};

const TEXTS: Record<string, string> = {
  persian: 'پشتیبانی خوب بود ولی می‌خواهم کیفیت کالا بهتر شود',
  arabicLetters: 'الكتاب وصل متأخرا لكن كيفية التغليف جيدة',
  persianDigits: 'سفارش ۱۲۳۴۵ دیر رسید',
  arabicDigits: 'الطلب رقم ٦٧٨٩٠ لم يصل',
  diacritics: 'الخِدمةُ ممتازة جداً',
  chinese: '客服态度很差，等了很久才回复',
  chineseOther: '服务很好，物流也很快',
  lateDelivery: 'the delivery was late again and nobody called',
  lateFine: 'late start but the delivery was fine',
  refundMany: 'refund please: I asked for a refund twice and the refund never came',
  gluedArticle: 'والتغليف كان ممزق من جهة',
  gluedPreposition: 'وصلت الهدية بالتغليف الأصلي',
  refundOnce:
    'The parcel came with a broken handle, the colour was off, the size was wrong, support was slow and finally I asked for a refund',
};

const get = (url: string, k = key) => api('GET', url, undefined, bearer(k));
const search = async (qs: string) => {
  const res = await get(`/api/v1/feedback?${qs}`);
  expect(res.statusCode, `${qs}: ${res.body}`).toBe(200);
  return res.json() as {
    data: Array<{ id: string; text: string; snippet: { text: string; highlights: Array<[number, number]>; start: number } }>;
    nextCursor: string | null;
  };
};
const found = async (q: string, extra = '') => (await search(`q=${encodeURIComponent(q)}${extra}`)).data.map((f) => f.text);

beforeAll(async () => {
  const s = await signedInApp();
  ({ t, api, key } = s);
  for (const [name, text] of Object.entries(TEXTS)) {
    const res = await api('POST', '/api/v1/feedback', { channel: name === 'chinese' ? 'chat' : 'survey', text });
    expect(res.statusCode).toBe(201);
    ids[name] = res.json().id;
  }
  // Workspace B holds the same words; A must never see them.
  ({ key: otherKey } = await s.otherWorkspace(['feedback:read', 'feedback:write']));
  for (const text of [TEXTS.refundMany, TEXTS.chinese, 'B only: refund secret']) {
    expect((await api('POST', '/api/v1/feedback', { channel: 'api', text }, bearer(otherKey))).statusCode).toBe(201);
  }
  await t.drainJobs(); // the analysis job writes each item's search document
});
afterAll(() => t.close());

describe('full-text search across languages', () => {
  it('matches ي/ی, ك/ک and ZWNJ spellings of the same word', async () => {
    expect(await found('كيفيت')).toEqual([TEXTS.persian]);
    expect(await found('ميخواهم')).toEqual([TEXTS.persian]);
    expect(await found('می خواهم')).toEqual([TEXTS.persian]);
    expect(await found('الکتاب')).toEqual([TEXTS.arabicLetters]);
    expect(await found('الخدمه')).toEqual([TEXTS.diacritics]);
  });

  it('finds an Arabic word whatever clitics are glued to it, and highlights the glued word', async () => {
    const packaging = [TEXTS.arabicLetters, TEXTS.gluedArticle, TEXTS.gluedPreposition].sort();
    for (const q of ['تغليف', 'التغليف', 'والتغليف']) expect((await found(q)).sort(), q).toEqual(packaging);
    const hit = (await search(`q=${encodeURIComponent('تغليف')}`)).data.find((f) => f.text === TEXTS.gluedArticle)!;
    expect(hit.snippet.highlights.map(([a, b]) => hit.snippet.text.slice(a, b))).toEqual(['والتغليف']);
  });

  it('matches Persian and Arabic-Indic digits with ASCII ones', async () => {
    expect(await found('12345')).toEqual([TEXTS.persianDigits]);
    expect(await found('٦٧٨٩٠')).toEqual([TEXTS.arabicDigits]);
    expect(await found('۶۷۸۹۰')).toEqual([TEXTS.arabicDigits]);
  });

  it('finds Chinese words inside unsegmented sentences, and only whole words', async () => {
    expect(await found('客服')).toEqual([TEXTS.chinese]);
    expect(await found('态度')).toEqual([TEXTS.chinese]);
    expect(await found('服务')).toEqual([TEXTS.chineseOther]);
  });

  it('supports phrases, exclusions, OR and prefixes', async () => {
    expect(await found('"delivery was late"')).toEqual([TEXTS.lateDelivery]);
    expect((await found('delivery late')).sort()).toEqual([TEXTS.lateDelivery, TEXTS.lateFine].sort());
    expect(await found('delivery -fine')).toEqual([TEXTS.lateDelivery]);
    expect(await found('late -"delivery was fine"')).toEqual([TEXTS.lateDelivery]);
    expect((await found('客服 OR nobody')).sort()).toEqual([TEXTS.chinese, TEXTS.lateDelivery].sort());
    expect(await found('deliv', '&channel=survey&limit=1')).toHaveLength(1);
    expect((await found('refu')).sort()).toEqual([TEXTS.refundMany, TEXTS.refundOnce].sort());
  });

  it('ranks the better match first with sort=relevance and pages by (rank, id)', async () => {
    const first = await search('q=refund&sort=relevance&limit=1');
    expect(first.data.map((f) => f.id)).toEqual([ids.refundMany]);
    expect(first.nextCursor).toBeTruthy();
    const second = await search(`q=refund&sort=relevance&limit=1&cursor=${first.nextCursor}`);
    expect(second.data.map((f) => f.id)).toEqual([ids.refundOnce]);
    expect(second.nextCursor).toBeNull();
    // A newest-first cursor is not a relevance cursor, and the other way round.
    const newest = await search('q=refund&limit=1');
    expect((await get(`/api/v1/feedback?q=refund&sort=relevance&cursor=${newest.nextCursor}`)).statusCode).toBe(400);
    expect((await get(`/api/v1/feedback?q=refund&cursor=${first.nextCursor}`)).json().error.field).toBe('cursor');
  });

  it('keeps newest-first cursor pagination when searching', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`q=${encodeURIComponent('delivery OR refund OR late')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.refundOnce, ids.refundMany, ids.lateFine, ids.lateDelivery]);
  });

  it('returns snippets whose ranges point at the original characters', async () => {
    const marks = async (q: string) =>
      (await search(`q=${encodeURIComponent(q)}`)).data.map((f) => f.snippet.highlights.map(([a, b]) => f.snippet.text.slice(a, b)));
    expect(await marks('كيفيت')).toEqual([['کیفیت']]);
    expect(await marks('ميخواهم')).toEqual([['می‌خواهم']]);
    expect(await marks('الخدمه')).toEqual([['الخِدمةُ']]);
    expect(await marks('12345')).toEqual([['۱۲۳۴۵']]);
    expect(await marks('客服')).toEqual([['客服']]);
    const [item] = (await search('q=colour')).data;
    expect(item.text.slice(item.snippet.start, item.snippet.start + item.snippet.text.length)).toBe(item.snippet.text);
    expect(JSON.stringify(item.snippet)).not.toMatch(/<mark|<\/?b>/);
    // Without q there is no snippet.
    expect((await search('limit=1')).data[0]).not.toHaveProperty('snippet');
  });

  it('treats tsquery syntax in q as plain text', async () => {
    for (const q of [
      '&',
      '|',
      '!',
      '(',
      ')',
      ':',
      '*',
      '<',
      '>',
      "'",
      '\\',
      "&|!():*<>'\\",
      'refund:*',
      "refund' | 'x",
      '<-> refund',
      '!(refund)',
      "')); drop table feedback_items; --",
    ]) {
      const res = await get(`/api/v1/feedback?q=${encodeURIComponent(q)}`);
      expect([200, 400], q).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.json().error.field).toBe('q');
    }
    expect((await found('(refund)')).sort()).toEqual((await found('refund')).sort());
    expect(await found("refund' | 'nobody")).toEqual([]); // refund AND nobody: no item has both
    expect((await get('/api/v1/feedback?limit=200')).json().data.length).toBeGreaterThanOrEqual(Object.keys(TEXTS).length);
  });

  it('answers 400 naming the field for unsearchable q and bad filters', async () => {
    for (const [qs, field] of [
      ['q=%21%21%21', 'q'],
      ['q=-refund', 'q'],
      ['sentiment=angry', 'sentiment'],
      ['type=rant', 'type'],
      ['sort=relevance', 'sort'],
      ['sort=best&q=x', 'sort'],
      [`topic=${'x'.repeat(101)}`, 'topic'],
    ]) {
      const res = await get(`/api/v1/feedback?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.field, qs).toBe(field);
    }
  });

  it('combines search with sentiment, type, topic and the other filters', async () => {
    const set = (id: string, sentiment: string, type: string, topics: string[]) =>
      t.database.rows(
        sql`update feedback_items set sentiment = ${sentiment}, feedback_type = ${type}, topics = ${`{${topics.join(',')}}`}::text[] where id = ${id}`,
      );
    // Fixed analysis, whatever the model said.
    await t.database.rows(sql`update feedback_items set sentiment = null, feedback_type = null, topics = '{}'`);
    await set(ids.lateDelivery, 'negative', 'complaint', ['delivery', 'support']);
    await set(ids.lateFine, 'neutral', 'other', ['delivery']);
    await set(ids.refundMany, 'negative', 'complaint', ['refund']);
    expect(await found('late', '&sentiment=negative')).toEqual([TEXTS.lateDelivery]);
    expect((await found('late', '&sentiment=negative,neutral')).length).toBe(2);
    expect(await found('late', '&type=other')).toEqual([TEXTS.lateFine]);
    expect(await found('late', '&topic=delivery,support')).toEqual([TEXTS.lateDelivery]);
    expect(await found('late', '&topic=delivery&channel=survey&type=complaint&sentiment=negative')).toEqual([TEXTS.lateDelivery]);
    expect(await found('late', '&topic=delivery&channel=chat')).toEqual([]);
    expect((await search('sentiment=negative&type=complaint')).data.map((f) => f.id).sort()).toEqual(
      [ids.lateDelivery, ids.refundMany].sort(),
    );
  });

  it("never shows another workspace's items", async () => {
    expect(await found('refund OR 客服 OR secret')).toEqual(expect.not.arrayContaining([expect.stringContaining('B only')]));
    expect((await found('refund OR 客服 OR secret')).sort()).toEqual([TEXTS.chinese, TEXTS.refundMany, TEXTS.refundOnce].sort());
    expect(await found('secret')).toEqual([]);
    const b = (await get('/api/v1/feedback?q=refund', otherKey)).json().data.map((f: { text: string }) => f.text);
    expect(b.sort()).toEqual(['B only: refund secret', TEXTS.refundMany].sort());
  });

  it('uses the GIN index for the match (planner told to avoid sequential scans)', async () => {
    const { where } = feedbackSearch('refund late');
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const res = await tx.execute(sql`explain select id from feedback_items where ${where}`);
      return (res as unknown as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]).join('\n');
    });
    expect(plan).toContain('feedback_search_vector_idx');
  });

  it('ranks by relevance only among the newest SEARCH_LIMITS.relevanceCandidates matches', async () => {
    // Workspace B: its strongest "refund" match is older than a full candidate window of weaker ones.
    const [{ workspace_id: wsB }] = (
      (await t.database.db.execute(sql`select workspace_id from api_keys where prefix = ${otherKey.slice(0, 10)}`)) as unknown as {
        rows: Array<{ workspace_id: string }>;
      }
    ).rows;
    await t.database.db.execute(sql`insert into feedback_items (id, workspace_id, channel, text, search_text, created_at)
      select gen_random_uuid(), ${wsB}, 'api', 'refund ' || g, 'refund ' || g, now() + interval '1 day' + g * interval '1 second'
      from generate_series(1, ${SEARCH_LIMITS.relevanceCandidates}) g`);
    const page = (await get('/api/v1/feedback?q=refund&sort=relevance&limit=50', otherKey))
      .json()
      .data.map((f: { text: string }) => f.text);
    expect(page).toHaveLength(50);
    expect(page).not.toContain(TEXTS.refundMany);
    // A narrower query brings the older item back into the window.
    const narrow = (await get('/api/v1/feedback?q=refund%20twice&sort=relevance', otherKey))
      .json()
      .data.map((f: { text: string }) => f.text);
    expect(narrow).toEqual([TEXTS.refundMany]);
  });
});
