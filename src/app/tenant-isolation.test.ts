// Workspace A's session and key against workspace B's objects: 404, and no B row in any list.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../platform/testing/signed-in-app.js';
import { widgetKeys } from '../collect/widget/widget.tables.js';
import { newId, randomToken } from '../platform/ids.js';
import { eq, sql } from 'drizzle-orm';
import { surveys } from '../collect/surveys/surveys.tables.js';
import { signLink } from '../collect/surveys/survey-links.js';
import { hiddenFields, postForm } from '../platform/testing/survey-forms.js';

let t: TestApp;
let api: SignedInApp['api'];
let keyA: string;
let keyB: string;
let ownerCookie: string;
const b: Record<string, string> = {};

beforeAll(async () => {
  const scopes = ['feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'events:write', 'surveys:read', 'surveys:manage'];
  const s = await signedInApp({ scopes });
  ({
    t,
    api,
    key: keyA,
    owner: { cookie: ownerCookie },
  } = s);
  const { workspace: wsB, key } = await s.otherWorkspace(scopes);
  keyB = key;
  const post = (url: string, payload: object) => api('POST', url, payload, bearer(keyB));
  b.customer = (await post('/api/v1/customers/identify', { externalId: 'b-secret', email: 'b@example.com' })).json().id;
  b.feedback = (
    await post('/api/v1/feedback', { channel: 'api', text: 'B secret text', customerId: b.customer, externalId: 'b-ext' })
  ).json().id;
  b.order = (
    await post('/api/v1/orders', { customer: { externalId: 'b-secret' }, externalId: 'B-1', amount: 10, currency: 'USD' })
  ).json().id;
  b.survey = (await post('/api/v1/surveys', { template: 'nps', languages: ['en'] })).json().id;
  await post(`/api/v1/surveys/${b.survey}/publish`, {});
  b.trigger = (await post(`/api/v1/surveys/${b.survey}/triggers`, { eventName: 'order_placed' })).json().id;
  b.segment = (await post('/api/v1/segments', { name: 'B VIPs', definition: { match: 'all', conditions: [] } })).json().id;
  b.widgetKey = newId();
  await t.database.db.insert(widgetKeys).values({
    id: b.widgetKey,
    workspaceId: wsB.id,
    name: 'B site',
    publicKey: `pk_${randomToken(16)}`,
    allowedOrigins: ['https://b.example'],
  });
});
afterAll(() => t.close());

const asA = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => api(method, url, payload);

describe('tenant isolation', () => {
  it('every id-bearing route answers 404 for another workspace', async () => {
    expect((await asA('GET', `/api/v1/feedback/${b.feedback}`)).statusCode).toBe(404);
    expect((await asA('PATCH', `/api/v1/feedback/${b.feedback}`, { language: 'en' })).statusCode).toBe(404);
    expect((await asA('GET', `/api/v1/customers/${b.customer}`)).statusCode).toBe(404);
    expect((await asA('PATCH', `/api/v1/customers/${b.customer}`, { name: 'x' })).statusCode).toBe(404);
    expect((await asA('GET', `/api/v1/customers/${b.customer}/timeline`)).statusCode).toBe(404);
    const own = (await asA('POST', '/api/v1/customers/identify', { externalId: 'a-1' })).json().id;
    expect((await asA('POST', '/api/v1/customers/merge', { targetId: own, sourceId: b.customer })).statusCode).toBe(404);
    expect((await asA('POST', '/api/v1/feedback', { channel: 'api', text: 'x', customerId: b.customer })).statusCode).toBe(422);
    expect((await asA('POST', '/api/v1/feedback', { channel: 'api', text: 'x', links: { orderId: b.order } })).statusCode).toBe(422);
  });

  it("every survey route answers 404 for another workspace's survey, and A's surveys never reach B's customers", async () => {
    const survey = `/api/v1/surveys/${b.survey}`;
    for (const [method, url, payload] of [
      ['GET', survey],
      ['PATCH', survey, { name: 'x' }],
      ['POST', `${survey}/publish`, {}],
      ['POST', `${survey}/close`, {}],
      ['GET', `${survey}/results`],
      ['GET', `${survey}/preview`],
      ['GET', `${survey}/sends`],
      ['GET', `${survey}/triggers`],
      ['POST', `${survey}/triggers`, { eventName: 'x' }],
      ['DELETE', `${survey}/triggers/${b.trigger}`],
      ['POST', `${survey}/links`, { customerId: b.customer }],
      ['POST', `${survey}/send`, { customerIds: [b.customer] }],
      ['POST', `${survey}/send/preview`, { customerIds: [b.customer] }],
      ['POST', `${survey}/links/bulk`, { customerIds: [b.customer] }],
      ['GET', `${survey}/email-preview`],
      ['GET', `${survey}/email-preview/html`],
    ] as Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?]>) {
      expect((await asA(method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(JSON.stringify((await asA('GET', '/api/v1/surveys')).json())).not.toContain(b.survey);
    const mine = (await asA('POST', '/api/v1/surveys', { template: 'ces', languages: ['en'] })).json().id;
    await asA('POST', `/api/v1/surveys/${mine}/publish`, {});
    expect((await asA('POST', `/api/v1/surveys/${mine}/links`, { customerId: b.customer })).statusCode).toBe(404);
    expect((await asA('POST', `/api/v1/surveys/${mine}/send`, { customerIds: [b.customer] })).json()).toMatchObject({
      queued: 0,
      skipped: [{ reason: 'unknown_customer' }],
    });
    expect((await asA('DELETE', `/api/v1/surveys/${mine}/triggers/${b.trigger}`)).statusCode).toBe(404);
    // B's segment and B's customers named in a pasted list are nobody in A.
    expect((await asA('POST', `/api/v1/surveys/${mine}/send/preview`, { segmentId: b.segment })).statusCode).toBe(404);
    const list = await asA('POST', `/api/v1/surveys/${mine}/send/preview`, { list: 'b@example.com\nb-secret' });
    expect(list.json()).toMatchObject({ recipients: 0, list: { problems: [{ problem: 'not_found' }, { problem: 'not_found' }] } });
    expect((await asA('POST', `/api/v1/surveys/${mine}/links/bulk`, { customerIds: [b.customer] })).statusCode).toBe(404);
  });

  it('widget keys of another workspace can be neither seen, changed, rotated nor revoked', async () => {
    const headers = { cookie: ownerCookie };
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/widget-keys/${b.widgetKey}`,
          headers,
          payload: { allowedOrigins: ['https://a.example'] },
        })
      ).statusCode,
    ).toBe(404);
    const [{ secret }] = await t.database.rows<{ secret: string }>(
      sql`select identity_secret as secret from widget_keys where id = ${b.widgetKey}`,
    );
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/widget-keys/${b.widgetKey}/rotate-secret`, headers, payload: {} })).statusCode,
    ).toBe(404);
    expect(
      (await t.database.rows<{ secret: string }>(sql`select identity_secret as secret from widget_keys where id = ${b.widgetKey}`))[0]
        .secret,
    ).toBe(secret);
    expect(JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/v1/widget-keys', headers })).json())).not.toContain(secret);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/widget-keys/${b.widgetKey}`, headers })).statusCode).toBe(404);
    expect(JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/v1/widget-keys', headers })).json())).not.toContain(b.widgetKey);
  });

  it('lists, searches and identifiers never show or match B', async () => {
    expect(JSON.stringify((await asA('GET', '/api/v1/feedback?limit=200')).json())).not.toContain('B secret');
    expect((await asA('GET', '/api/v1/feedback?q=secret')).json().data).toHaveLength(0);
    expect((await asA('GET', '/api/v1/customers?q=b-secret')).json().data).toHaveLength(0);
    // Same external ids in A create A's own records, never touch B's.
    const mine = await asA('POST', '/api/v1/customers/identify', { externalId: 'b-secret' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().id).not.toBe(b.customer);
    const fb = await asA('POST', '/api/v1/feedback', { channel: 'api', text: 'A text', externalId: 'b-ext' });
    expect(fb.statusCode).toBe(201);
  });

  it('the same Idempotency-Key in two workspaces are two requests', async () => {
    const body = { channel: 'api', text: 'idem across' };
    const a = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { ...bearer(keyA), 'idempotency-key': 'shared' },
      payload: body,
    });
    const bb = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { ...bearer(keyB), 'idempotency-key': 'shared' },
      payload: body,
    });
    expect(a.statusCode).toBe(201);
    expect(bb.statusCode).toBe(201);
    expect(a.json().id).not.toBe(bb.json().id);
  });

  it("a validly signed survey link naming another workspace's customer is an invalid link: 404 page, nothing stored", async () => {
    const mine = (await asA('POST', '/api/v1/surveys', { template: 'nps', languages: ['en'] })).json();
    await asA('POST', `/api/v1/surveys/${mine.id}/publish`, {});
    const [row] = await t.database.db.select().from(surveys).where(eq(surveys.id, mine.id));
    const personal = signLink(row.signingKey, { k: 'p', c: b.customer });
    const click = signLink(row.signingKey, { k: 'a', c: b.customer, q: 'nps', v: 9 });
    const unsubscribe = signLink(row.signingKey, { k: 'u', c: b.customer });
    const form = hiddenFields((await t.app.inject({ method: 'GET', url: mine.linkPath })).body);
    for (const [what, res] of [
      ['personal page', await t.app.inject({ method: 'GET', url: `${mine.linkPath}?c=${personal}` })],
      ['personal answer', await postForm(t, `${mine.linkPath}/answer`, { ...form, _c: personal, a_nps: '9' })],
      ['one-click page', await t.app.inject({ method: 'GET', url: `${mine.linkPath}/e/${click}` })],
      ['one-click answer', await postForm(t, `${mine.linkPath}/answer`, { ...form, _a: click, a_nps: '9' })],
      ['unsubscribe page', await t.app.inject({ method: 'GET', url: `/u/${row.publicToken}/${unsubscribe}` })],
      ['unsubscribe', await t.app.inject({ method: 'POST', url: `/u/${row.publicToken}/${unsubscribe}` })],
    ] as const) {
      expect(res.statusCode, `${what}: ${res.body}`).toBe(404);
      expect(res.body, what).toContain('This survey link does not exist.');
    }
    const stored = async (query: ReturnType<typeof sql>) => (await t.database.rows<{ n: number }>(query))[0].n;
    expect(await stored(sql`select count(*)::int as n from survey_responses where survey_id = ${mine.id}`)).toBe(0);
    expect(await stored(sql`select count(*)::int as n from survey_opt_outs where customer_id = ${b.customer}`)).toBe(0);
    expect(await stored(sql`select count(*)::int as n from feedback_items where customer_id = ${b.customer}`)).toBe(1);
  });

  it("survey triggers and widget rules refuse another workspace's segment, naming the field", async () => {
    const mine = (await asA('POST', '/api/v1/surveys', { template: 'ces', languages: ['en'] })).json().id;
    const foreign = [{ field: 'segment', op: 'eq', value: b.segment }];
    const trigger = await asA('POST', `/api/v1/surveys/${mine}/triggers`, { eventName: 'order_placed', segment: foreign });
    expect(trigger.statusCode, trigger.body).toBe(400);
    expect(trigger.json().error).toMatchObject({ code: 'unknown_segment', field: 'segment.0.value' });
    expect((await asA('GET', `/api/v1/surveys/${mine}/triggers`)).json().data).toHaveLength(0);
    const widget = (segment: object[]) => ({ widget: { triggers: [{ type: 'page_view' }], segment } });
    const created = await asA('POST', '/api/v1/surveys', {
      template: 'nps',
      languages: ['en'],
      settings: widget([{ field: 'locale', op: 'eq', value: 'en' }, ...foreign]),
    });
    expect(created.statusCode, created.body).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'unknown_segment', field: 'settings.widget.segment.1.value' });
    const updated = await asA('PATCH', `/api/v1/surveys/${mine}`, { settings: widget(foreign) });
    expect(updated.statusCode, updated.body).toBe(400);
    expect(updated.json().error).toMatchObject({ code: 'unknown_segment', field: 'settings.widget.segment.0.value' });
    expect((await asA('GET', `/api/v1/surveys/${mine}`)).json().settings.widget).toBeUndefined();
    // The workspace's own segment is fine.
    const own = (await asA('POST', '/api/v1/segments', { name: 'A VIPs', definition: { match: 'all', conditions: [] } })).json().id;
    expect(
      (await asA('PATCH', `/api/v1/surveys/${mine}`, { settings: widget([{ field: 'segment', op: 'eq', value: own }]) })).statusCode,
    ).toBe(200);
    expect(
      (
        await asA('POST', `/api/v1/surveys/${mine}/triggers`, {
          eventName: 'order_placed',
          segment: [{ field: 'segment', op: 'neq', value: own }],
        })
      ).statusCode,
    ).toBe(201);
  });
});
