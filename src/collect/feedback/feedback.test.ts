import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let key: string;
let cookie: string;
let api: SignedInApp['api'];

beforeAll(async () => {
  ({
    t,
    key,
    api,
    owner: { cookie },
  } = await signedInApp());
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  api('POST', url, payload as object, { ...bearer(key), ...headers });
const get = (url: string) => api('GET', url);

describe('creating feedback', () => {
  it('stores an item with its customer and detects the language in the background', async () => {
    const res = await post('/api/v1/feedback', {
      channel: 'survey',
      text: 'ارسال خيلي دير بود و بسته‌بندي هم خراب شده بود',
      nps: 4,
      customer: { email: 'Sara@Example.com', name: 'Sara' },
      metadata: { orderRef: 'A-1' },
    });
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item.status).toBe('pending');
    expect(item.customer.email).toBe('Sara@Example.com');
    expect(item.text).toBe('ارسال خيلي دير بود و بسته‌بندي هم خراب شده بود');
    // The answer is the stored row itself (returned by the insert), exactly as a read shows it.
    expect((await get(`/api/v1/feedback/${item.id}`)).json()).toEqual(item);
    await t.drainJobs();
    const after = (await get(`/api/v1/feedback/${item.id}`)).json();
    expect(after.status).toBe('processed');
    expect(after.language).toBe('fa');
    expect(after.text).toBe(item.text); // original untouched
    expect(after.createdAt).toBe(item.createdAt);
  });

  it('accepts scores typed with Persian or Arabic digits', async () => {
    const res = await post('/api/v1/feedback', { channel: 'survey', nps: '۹', csat: '٤' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nps: 9, csat: 4 });
  });

  it('keeps created_at (when given) apart from received_at', async () => {
    const res = await post('/api/v1/feedback', { channel: 'review', text: 'Great', rating: 5, createdAt: '2025-01-02T03:04:05Z' });
    expect(res.json().createdAt).toBe('2025-01-02T03:04:05.000Z');
    expect(Date.parse(res.json().receivedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it('never stores an externalId twice', async () => {
    const a = await post('/api/v1/feedback', { channel: 'api', text: 'same', externalId: 'ext-1' });
    const b = await post('/api/v1/feedback', { channel: 'api', text: 'same again', externalId: 'ext-1' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(200);
    expect(b.json().id).toBe(a.json().id);
    expect(b.json().text).toBe('same');
  });
});

describe('bad input gets a 4xx naming the field, and stores nothing', () => {
  const cases: Array<[string, unknown, number, string]> = [
    ['NPS 11', { channel: 'survey', nps: 11 }, 400, 'nps'],
    ['CSAT 0', { channel: 'survey', csat: 0 }, 400, 'csat'],
    ['CES 8', { channel: 'survey', ces: 8 }, 400, 'ces'],
    ['fractional NPS', { channel: 'survey', nps: 7.5 }, 400, 'nps'],
    ['unknown channel', { channel: 'fax', text: 'x' }, 400, 'channel'],
    ['wrong type', { channel: 'api', text: 42 }, 400, 'text'],
    ['unknown field', { channel: 'api', text: 'x', workspaceId: '00000000-0000-0000-0000-000000000000' }, 400, 'workspaceId'],
    ['invalid date', { channel: 'api', text: 'x', createdAt: '2026-02-31T25:00:00Z' }, 400, 'createdAt'],
    ['no text and no score', { channel: 'api', text: '   ' }, 400, 'text'],
    ['unknown customer', { channel: 'api', text: 'x', customerId: '0190f0f0-0000-7000-8000-000000000000' }, 422, 'customerId'],
    ['unknown order', { channel: 'api', text: 'x', links: { orderId: '0190f0f0-0000-7000-8000-000000000000' } }, 422, 'links.orderId'],
    ['customer without identifier', { channel: 'api', text: 'x', customer: { name: 'Ali' } }, 400, 'customer'],
  ];
  it.each(cases)('%s', async (_name, payload, status, field) => {
    const before = (await get('/api/v1/feedback?limit=200')).json().data.length;
    const res = await post('/api/v1/feedback', payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toContain(field);
    expect((await get('/api/v1/feedback?limit=200')).json().data.length).toBe(before);
  });

  it('malformed JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      payload: '{"channel": "api", "text": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_json', field: 'body' });
  });

  it('oversize body', async () => {
    const res = await post('/api/v1/feedback', { channel: 'api', text: 'x', metadata: { blob: 'x'.repeat(6 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('text longer than the limit', async () => {
    const res = await post('/api/v1/feedback', { channel: 'api', text: 'x'.repeat(20_001) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('text');
  });
});

describe('bulk create', () => {
  const good = (i: number) => ({ channel: 'import', text: `bulk item ${i}`, externalId: `bulk-${i}` });

  it('atomic (default): one bad item stores none and reports it by index', async () => {
    const res = await post('/api/v1/feedback/bulk', { items: [good(1), { channel: 'import', nps: 11 }, good(2)] });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.stored).toBe(false);
    expect(body.results).toEqual([
      expect.objectContaining({ index: 1, status: 'invalid', error: expect.objectContaining({ field: 'nps' }) }),
    ]);
    expect((await get('/api/v1/feedback?q=bulk%20item')).json().data).toHaveLength(0);
  });

  it('atomic: a reference error found while storing rolls back the batch', async () => {
    const res = await post('/api/v1/feedback/bulk', {
      items: [good(3), { channel: 'api', text: 'x', customerId: '0190f0f0-0000-7000-8000-000000000000' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().results[0].status).toBe('not_stored');
    expect((await get('/api/v1/feedback?q=bulk%20item%203')).json().data).toHaveLength(0);
  });

  it('partial: stores the good ones together and reports the bad', async () => {
    const res = await post('/api/v1/feedback/bulk', { mode: 'partial', items: [good(4), { channel: 'import', csat: 0 }, good(5)] });
    expect(res.statusCode).toBe(207);
    expect(res.json()).toMatchObject({ stored: true, created: 2, invalid: 1 });
    await t.drainJobs(); // items are searchable once analysed
    expect((await get('/api/v1/feedback?q=bulk%20item')).json().data).toHaveLength(2);
  });

  it('1,000 items in one call; 1,001 refused', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      channel: 'import',
      text: `many ${i}`,
      customer: { externalId: `c-${i % 50}` },
    }));
    const res = await post('/api/v1/feedback/bulk', { items });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toBe(1000);
    const tooMany = await post('/api/v1/feedback/bulk', { items: [...items, items[0]] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toBe('items');
  });
});

describe('listing', () => {
  let customerId: string;
  beforeAll(async () => {
    const c = await post('/api/v1/customers/identify', { externalId: 'list-cust', name: 'Lina' });
    customerId = c.json().id;
    const items = [
      { channel: 'review', text: 'The delivery was late', rating: 2, createdAt: '2026-01-10T10:00:00Z', customerId },
      { channel: 'survey', text: 'قیمت‌ها خیلی بالاست', nps: 3, createdAt: '2026-01-11T10:00:00Z' },
      { channel: 'survey', text: '送货很快，非常满意', nps: 10, createdAt: '2026-01-12T10:00:00Z' },
      { channel: 'email', text: 'الخدمة ممتازة جدا', csat: 5, createdAt: '2026-01-13T10:00:00Z' },
    ];
    for (const item of items) expect((await post('/api/v1/feedback', item)).statusCode).toBe(201);
    await t.drainJobs();
  });

  it('filters by channel, language, score range, date range and customer', async () => {
    const ids = async (qs: string) => (await get(`/api/v1/feedback?${qs}`)).json().data.map((f: { text: string }) => f.text);
    expect(await ids('channel=review&from=2026-01-01&to=2026-02-01')).toEqual(['The delivery was late']);
    expect(await ids('language=zh')).toEqual(['送货很快，非常满意']);
    expect(await ids('score_type=nps&score_min=0&score_max=6&from=2026-01-01&to=2026-02-01')).toEqual(['قیمت‌ها خیلی بالاست']);
    expect(await ids(`customer_id=${customerId}`)).toEqual(['The delivery was late']);
    expect(await ids('from=2026-01-12T00:00:00Z&to=2026-01-13T23:59:59Z')).toEqual(['الخدمة ممتازة جدا', '送货很快，非常满意']);
  });

  it('text search matches Arabic and Persian letter variants', async () => {
    const res = await get(`/api/v1/feedback?q=${encodeURIComponent('قيمت')}`); // Arabic ي
    expect(res.json().data.map((f: { text: string }) => f.text)).toEqual(['قیمت‌ها خیلی بالاست']);
  });

  it('paginates with a cursor without repeats or gaps', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/v1/feedback?limit=97${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      for (const f of res.json().data) {
        expect(seen.has(f.id)).toBe(false);
        seen.add(f.id);
      }
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(5);
    const total = await t.database.rows<{ n: number }>((await import('drizzle-orm')).sql`select count(*)::int as n from feedback_items`);
    expect(seen.size).toBe(total[0].n);
  });

  it('rejects bad filters with the field named', async () => {
    for (const [qs, field] of [
      ['score_type=nps&score_min=11', 'score_min'],
      ['from=yesterday', 'from'],
      ['cursor=zzz', 'cursor'],
      ['limit=1000', 'limit'],
      ['score_min=3', 'score_type'],
    ]) {
      const res = await get(`/api/v1/feedback?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });
});

describe('updating', () => {
  it('changes allowed fields only and never the text', async () => {
    const created = (await post('/api/v1/feedback', { channel: 'chat', text: 'hello there' })).json();
    const ok = await api('PATCH', `/api/v1/feedback/${created.id}`, { language: 'en', metadata: { tag: 'x' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ language: 'en', metadata: { tag: 'x' }, text: 'hello there' });
    const bad = await api('PATCH', `/api/v1/feedback/${created.id}`, { text: 'rewritten' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('text');
    const missing = await api('PATCH', '/api/v1/feedback/0190f0f0-0000-7000-8000-000000000000', { language: 'en' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, refuses another body', async () => {
    const body = { channel: 'api', text: 'idempotent one' };
    const a = await post('/api/v1/feedback', body, { 'idempotency-key': 'k-1' });
    const b = await post('/api/v1/feedback', body, { 'idempotency-key': 'k-1' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(b.headers['idempotent-replayed']).toBe('true');
    const c = await post('/api/v1/feedback', { ...body, text: 'different' }, { 'idempotency-key': 'k-1' });
    expect(c.statusCode).toBe(422);
    expect(c.json().error.code).toBe('idempotency_key_reused');
  });

  it('50 parallel requests with one key store one row and answer alike', async () => {
    const body = { channel: 'api', text: 'parallel idempotent' };
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('/api/v1/feedback', body, { 'idempotency-key': 'k-par' })));
    const ids = new Set(answers.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(answers.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    await t.drainJobs();
    const list = (await get(`/api/v1/feedback?q=${encodeURIComponent('parallel idempotent')}`)).json().data;
    expect(list).toHaveLength(1);
  });

  it('keys are per workspace and a failed request can be retried', async () => {
    const bad = await post('/api/v1/feedback', { channel: 'api', nps: 99 }, { 'idempotency-key': 'k-bad' });
    expect(bad.statusCode).toBe(400);
    const good = await post('/api/v1/feedback', { channel: 'api', nps: 9 }, { 'idempotency-key': 'k-bad' });
    expect(good.statusCode).toBe(201);
  });
});
