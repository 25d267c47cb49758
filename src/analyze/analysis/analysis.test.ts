// The analysis pipeline end to end: new items are analysed, agents correct them, the workspace
// model learns from the corrections (and only that workspace's), topics are edited and past
// feedback re-analysed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let cookie: string;
let key: string;
let keyB: string;

beforeAll(async () => {
  const s = await signedInApp();
  ({
    t,
    key,
    owner: { cookie },
  } = s);
  ({ key: keyB } = await s.otherWorkspace(['feedback:read', 'feedback:write']));
});
afterAll(() => t.close());

const as = (auth: Record<string, string>) => ({
  post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, payload, headers: auth }),
  patch: (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, payload, headers: auth }),
  get: (url: string) => t.app.inject({ method: 'GET', url, headers: auth }),
  del: (url: string) => t.app.inject({ method: 'DELETE', url, headers: auth }),
});
const api = () => as(bearer(key));
const owner = () => as({ cookie });

async function createItem(text: string, k = key) {
  const res = await as(bearer(k)).post('/api/v1/feedback', { channel: 'api', text });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('analysis of new feedback', () => {
  it('gives every item language, sentiment, type and topics from the default taxonomy', async () => {
    const ids = await Promise.all(
      [
        'ارسال خیلی بد بود، بسته دیر رسید و اصلا راضی نیستم',
        'التوصيل سيء جدا والمندوب وقح',
        '配送太慢了，骑手态度也很差',
        'Delivery was late and the courier was rude',
      ].map((text) => createItem(text)),
    );
    await t.drainJobs();
    for (const [i, id] of ids.entries()) {
      const item = (await api().get(`/api/v1/feedback/${id}`)).json();
      expect(item.status).toBe('processed');
      expect(item.language).toBe(['fa', 'ar', 'zh', 'en'][i]);
      expect(item.sentiment).toBe('negative');
      expect(item.sentimentScore).toBeLessThan(0);
      expect(item.topics).toContain('delivery');
      expect(item.type).toBe('complaint');
      expect(item.sentimentConfidence).toBeGreaterThan(0);
    }
  });

  it('analyses odd input without failing: emoji only, HTML, control characters, score only', async () => {
    const emoji = await createItem('👍👍🔥');
    const html = await createItem('<b>The app</b> <script>alert(1)</script> keeps crashing at checkout');
    const control = await createItem('bad\u0007 service \u001b[31m\u200f');
    const nul = await api().post('/api/v1/feedback', { channel: 'api', text: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.field).toBe('text');
    const scoreOnly = (await api().post('/api/v1/feedback', { channel: 'survey', nps: 2 })).json().id;
    await t.drainJobs();
    for (const id of [emoji, html, control, scoreOnly]) expect((await api().get(`/api/v1/feedback/${id}`)).json().status).toBe('processed');
    expect((await api().get(`/api/v1/feedback/${scoreOnly}`)).json().sentiment).toBe('negative');
    const huge = await api().post('/api/v1/analyze', { text: 'x'.repeat(100_000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.field).toBe('text');
  });

  it('analyses arbitrary text without storing it', async () => {
    const res = await api().post('/api/v1/analyze', { text: 'Way too expensive, not worth the money' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: 'en', sentiment: { label: 'negative' } });
    expect(res.json().topics).toContain('price');
  });
});

describe('corrections and the workspace model', () => {
  it('applies a correction at once and keeps it through re-analysis', async () => {
    const id = await createItem('Delivery arrived on time');
    await t.drainJobs();
    const res = await api().post(`/api/v1/feedback/${id}/analysis`, { sentiment: 'negative', type: 'complaint' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sentiment: 'negative', type: 'complaint' });
    expect((await api().post(`/api/v1/feedback/${id}/analysis`, { topics: ['no_such_topic'] })).json().error.field).toBe('topics');
    expect((await api().post(`/api/v1/feedback/${id}/analysis`, { sentiment: 'furious' })).json().error.field).toBe('sentiment');
    const run = await owner().post('/api/v1/analysis/reanalyze');
    expect(run.statusCode).toBe(202);
    await t.drainJobs({ dueNow: true });
    expect((await api().get(`/api/v1/feedback/${id}`)).json()).toMatchObject({ sentiment: 'negative', type: 'complaint' });
    expect((await api().get(`/api/v1/analysis/runs/${run.json().id}`)).json()).toMatchObject({ status: 'done' });
  });

  it('after corrections of a pattern the workspace model predicts it; another workspace is unaffected', async () => {
    for (const k of [key, keyB]) {
      const created = await as(k === key ? { cookie } : bearer(k)).post('/api/v1/topics', {
        key: 'gift_wrap',
        names: { en: 'Gift wrapping' },
      });
      if (k === key) expect(created.statusCode).toBe(201);
    }
    const texts = [
      'The gift wrapping was torn when it arrived',
      'gift wrapping paper was crumpled',
      'Please improve the gift wrapping',
      'my gift wrapping had tape everywhere',
      'no ribbon on the gift wrapping this time',
      'gift wrapping looked cheap and wrinkled',
      'The gift wrapping came undone',
      'loved the product, the gift wrapping not so much',
      'gift wrapping was missing the card',
      'why is the gift wrapping so messy',
    ];
    const ids = await Promise.all(texts.map((text) => createItem(text)));
    await t.drainJobs();
    for (const id of ids) expect((await api().post(`/api/v1/feedback/${id}/analysis`, { topics: ['gift_wrap'] })).statusCode).toBe(200);
    await t.drainJobs({ dueNow: true });
    const model = (await api().get('/api/v1/analysis/model')).json();
    expect(model).toMatchObject({ status: 'idle', progress: 1 });
    expect(model.corrections).toBeGreaterThanOrEqual(texts.length);
    expect(model.version).toBeGreaterThanOrEqual(1);

    const fresh = await createItem('the gift wrapping was ripped at one corner');
    const other = await createItem('the gift wrapping was ripped at one corner', keyB);
    const unrelated = await createItem('Delivery was late and the courier was rude');
    await t.drainJobs();
    expect((await api().get(`/api/v1/feedback/${fresh}`)).json().topics).toContain('gift_wrap');
    expect((await as(bearer(keyB)).get(`/api/v1/feedback/${other}`)).json().topics).not.toContain('gift_wrap');
    const u = (await api().get(`/api/v1/feedback/${unrelated}`)).json();
    expect(u.topics).toContain('delivery');
    expect(u.topics).not.toContain('gift_wrap');
  });
});

describe('topic taxonomy', () => {
  it('lists the default topics with names in four languages', async () => {
    const list = (await api().get('/api/v1/topics')).json().data;
    const keys = list.map((x: { key: string }) => x.key);
    for (const k of [
      'price',
      'delivery',
      'support',
      'product_quality',
      'design_ux',
      'payment',
      'app_website',
      'order',
      'account',
      'packaging',
    ])
      expect(keys).toContain(k);
    const delivery = list.find((x: { key: string }) => x.key === 'delivery');
    expect(Object.keys(delivery.names).sort()).toEqual(['ar', 'en', 'fa', 'zh']);
  });

  it('add with keywords, rename, re-analyse past feedback, merge and delete', async () => {
    const id = await createItem('The loyalty points never show up in my profile');
    await t.drainJobs();
    const created = await owner().post('/api/v1/topics', {
      names: { en: 'Loyalty program', fa: 'باشگاه مشتریان' },
      keywords: { en: ['loyalty point*'], fa: ['امتیاز باشگاه'] },
    });
    expect(created.statusCode).toBe(201);
    const topic = created.json();
    expect(topic.key).toBe('loyalty_program');
    expect((await owner().post('/api/v1/topics', { key: 'loyalty_program', names: { en: 'Again' } })).statusCode).toBe(409);
    expect((await owner().post('/api/v1/topics', { key: 'Bad Key!', names: { en: 'x' } })).json().error.field).toBe('key');
    expect((await api().post('/api/v1/topics', { names: { en: 'no scope' } })).statusCode).toBe(403);

    await owner().post('/api/v1/analysis/reanalyze');
    await t.drainJobs({ dueNow: true });
    expect((await api().get(`/api/v1/feedback/${id}`)).json().topics).toContain('loyalty_program');
    const latest = (await api().get('/api/v1/analysis/runs/latest')).json().run;
    expect(latest.status).toBe('done');
    expect(latest.done).toBe(latest.total);

    const renamed = await owner().patch(`/api/v1/topics/${topic.id}`, { names: { en: 'Rewards', fa: null } });
    expect(renamed.json().names).toEqual({ en: 'Rewards' });

    const target = (await owner().post('/api/v1/topics', { key: 'rewards_club', names: { en: 'Rewards club' } })).json();
    const merged = await owner().post(`/api/v1/topics/${topic.id}/merge`, { into: target.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().keywords.en).toContain('loyalty point*');
    const item = (await api().get(`/api/v1/feedback/${id}`)).json();
    expect(item.topics).toContain('rewards_club');
    expect(item.topics).not.toContain('loyalty_program');
    expect((await owner().get(`/api/v1/topics/${topic.id}`)).statusCode).toBe(404);

    expect((await owner().del(`/api/v1/topics/${target.id}`)).statusCode).toBe(204);
    expect((await api().get(`/api/v1/feedback/${id}`)).json().topics).not.toContain('rewards_club');
  });
});
