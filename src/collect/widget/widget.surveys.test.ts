// Surveys through the widget's public API: what a visitor may be shown (segment, display rules,
// throttle, opt-out, events from the server), displays, answers step by step with retries, and
// Idempotency-Key on the offline queue's calls. On PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHmac } from 'node:crypto';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { findCustomerByIdentifiers } from '../../customers/customers/identify-customer.js';
import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { surveyAnswers, surveyOptOuts, surveyResponses } from '../surveys/surveys.tables.js';
import { refreshStaleRollups } from '../../evaluate/rollups/refresh-rollups.js';

const SHOP = 'https://shop.example.com';
let t: TestApp;
let api: SignedInApp['api'];
let publicKey: string;
let identitySecret: string;
let workspaceId: string;

const widgetGet = (path: string, query: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1/widget/${publicKey}/${path}?${new URLSearchParams(query)}`, headers: { origin: SHOP } });
const widgetPost = (path: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/widget/${publicKey}/${path}`, headers: { origin: SHOP, ...headers }, payload });

const NPS = {
  languages: ['en', 'fa'],
  defaultLanguage: 'en',
  questions: [
    { id: 'nps', type: 'nps', title: { en: 'Recommend us?', fa: 'ما را پیشنهاد می‌کنید؟' }, required: true },
    { id: 'why', type: 'text', title: { en: 'Why?', fa: 'چرا؟' } },
  ],
};
const TRIGGER = { type: 'page_view', url: { match: 'contains', value: '/checkout' } };

async function widgetSurvey(name: string, widget: object) {
  const created = await api('POST', '/api/v1/surveys', { name, definition: NPS, settings: { widget: { triggers: [TRIGGER], ...widget } } });
  expect(created.statusCode, created.body).toBe(201);
  await api('POST', `/api/v1/surveys/${created.json().id}/publish`);
  return created.json().id as string;
}
/** A customer signed in on the shop: the shop's server signed the id (identity verification). */
const signedIn = (externalId: string) => ({ externalId, userHash: createHmac('sha256', identitySecret).update(externalId).digest('hex') });
const shownIds = async (query: Record<string, string> = {}) =>
  ((await widgetGet('config', { anonymousId: 'anon-visitor-1', ...query })).json().surveys as Array<{ id: string }>).map((s) => s.id);

let everyone: string;
let proOnly: string;
let once: string;
let afterPurchase: string;

beforeAll(async () => {
  const s = await signedInApp({
    scopes: ['feedback:read', 'customers:read', 'customers:write', 'events:write', 'surveys:read', 'surveys:manage'],
  });
  ({
    t,
    api,
    workspace: { id: workspaceId },
  } = s);
  const { cookie } = s.owner;
  ({ publicKey, identitySecret } = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/widget-keys',
      headers: { cookie },
      payload: { name: 'Shop', allowedOrigins: [SHOP] },
    })
  ).json());
  // No workspace throttle here: the throttle has its own test below.
  await t.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: { cookie }, payload: { surveyThrottleDays: 0 } });
  everyone = await widgetSurvey('Everyone', { display: 'until_answered' });
  proOnly = await widgetSurvey('Pro customers', { segment: [{ field: 'attributes.plan', op: 'eq', value: 'pro' }] });
  once = await widgetSurvey('Once', { display: 'once' });
  afterPurchase = await widgetSurvey('After purchase', { triggers: [{ type: 'event', name: 'purchase' }] });
  // Neither a draft nor a survey with the widget off is ever offered.
  await api('POST', '/api/v1/surveys', { name: 'Draft', definition: NPS, settings: { widget: { triggers: [TRIGGER] } } });
  const off = (
    await api('POST', '/api/v1/surveys', { name: 'Off', definition: NPS, settings: { widget: { enabled: false, triggers: [TRIGGER] } } })
  ).json().id;
  await api('POST', `/api/v1/surveys/${off}/publish`);
  await api('POST', '/api/v1/customers/identify', { externalId: 'pro-1', attributes: { plan: 'pro' } });
  await api('POST', '/api/v1/customers/identify', { externalId: 'free-1', attributes: { plan: 'free' } });
});
afterAll(() => t.close());

describe('widget survey settings', () => {
  it('are validated, naming the field', async () => {
    const bad = async (widget: object) =>
      (await api('POST', '/api/v1/surveys', { name: 'x', definition: NPS, settings: { widget } })).json().error.field;
    expect(await bad({ triggers: [{ type: 'page_view', url: { match: 'regex', value: '([a-z' } }] })).toBe(
      'settings.widget.triggers.0.url.value',
    );
    expect(await bad({ triggers: [{ type: 'scroll', percent: 150 }] })).toBe('settings.widget.triggers.0.percent');
    expect(await bad({ triggers: [] })).toBe('settings.widget.triggers');
    expect(await bad({ triggers: [TRIGGER], samplePercent: -1 })).toBe('settings.widget.samplePercent');
  });
});

describe('what a visitor may be shown', () => {
  it('gives anonymous visitors the live widget surveys without a segment, with their questions and rules', async () => {
    const config = (await widgetGet('config', { anonymousId: 'anon-visitor-1' })).json();
    expect(config.surveys.map((s: { id: string }) => s.id)).toEqual([everyone, once, afterPurchase]);
    expect(config.surveys[0]).toMatchObject({
      definition: { questions: [{ id: 'nps' }, { id: 'why' }] },
      widget: { triggers: [TRIGGER], display: 'until_answered', samplePercent: 100, placement: 'slide_in' },
    });
    expect(config).toMatchObject({ throttleDays: 0, lastSurveyedAt: null });
  });

  it('judges identified customers on their segment', async () => {
    expect(await shownIds(signedIn('pro-1'))).toContain(proOnly);
    expect(await shownIds(signedIn('free-1'))).not.toContain(proOnly);
    // An unknown id is not created by a read, and matches no segment.
    expect(await shownIds(signedIn('nobody-yet'))).not.toContain(proOnly);
    const scope = new WorkspaceScope(t.database, workspaceId);
    expect(await findCustomerByIdentifiers(scope, scope.db, { externalId: 'nobody-yet' })).toBeNull();
  });

  it('applies display rules from the customer history: once, until answered', async () => {
    const display = await widgetPost('displays', { surveyId: once, anonymousId: 'anon-visitor-1', ...signedIn('pro-1') });
    expect(display.statusCode, display.body).toBe(201);
    expect(await shownIds(signedIn('pro-1'))).not.toContain(once);
    const key = 'k'.repeat(22);
    await widgetPost('displays', { surveyId: everyone, ...signedIn('pro-1') });
    expect(await shownIds(signedIn('pro-1'))).toContain(everyone);
    expect(
      (
        await widgetPost('responses', {
          surveyId: everyone,
          responseKey: key,
          answers: { nps: 9, why: 'Fast delivery' },
          language: 'en',
          ...signedIn('pro-1'),
        })
      ).json(),
    ).toEqual({ completed: true });
    expect(await shownIds(signedIn('pro-1'))).not.toContain(everyone);
  });

  it('targets a saved segment from the Segments page, and refuses a segment condition that names no segment', async () => {
    const segment = await api('POST', '/api/v1/segments', {
      name: 'Pro plan',
      definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] },
    });
    expect(segment.statusCode, segment.body).toBe(201);
    const inSegment = await widgetSurvey('Saved segment', { segment: [{ field: 'segment', op: 'eq', value: segment.json().id }] });
    const outside = await widgetSurvey('Outside the segment', { segment: [{ field: 'segment', op: 'neq', value: segment.json().id }] });
    expect(await shownIds(signedIn('pro-1'))).toEqual(expect.arrayContaining([inSegment]));
    expect(await shownIds(signedIn('pro-1'))).not.toContain(outside);
    expect(await shownIds(signedIn('free-1'))).toEqual(expect.arrayContaining([outside]));
    expect(await shownIds(signedIn('free-1'))).not.toContain(inSegment);
    const bad = await api('POST', '/api/v1/surveys', {
      name: 'x',
      definition: NPS,
      settings: { widget: { triggers: [TRIGGER], segment: [{ field: 'segment', op: 'gt', value: 'nope' }] } },
    });
    expect(bad.json().error.field).toMatch(/^settings\.widget\.segment\.0\.(op|value)$/);
  });

  it('makes a survey due after its event arrives from the business server, until it is shown', async () => {
    const before = (await widgetGet('config', signedIn('free-1'))).json().surveys.find((s: { id: string }) => s.id === afterPurchase);
    expect(before.due).toBeUndefined();
    expect(
      (await api('POST', '/api/v1/events', { customer: { externalId: 'free-1' }, name: 'purchase', properties: { total: 120 } }))
        .statusCode,
    ).toBe(201);
    const after = (await widgetGet('config', signedIn('free-1'))).json().surveys.find((s: { id: string }) => s.id === afterPurchase);
    expect(after.due).toBe(true);
    await widgetPost('displays', { surveyId: afterPurchase, ...signedIn('free-1') });
    expect(
      (await widgetGet('config', signedIn('free-1'))).json().surveys.find((s: { id: string }) => s.id === afterPurchase).due,
    ).toBeUndefined();
  });

  it('reports the last survey contact for the workspace throttle, and shows nothing to customers who opted out', async () => {
    const config = (await widgetGet('config', signedIn('pro-1'))).json();
    expect(Date.now() - Date.parse(config.lastSurveyedAt)).toBeLessThan(60_000);
    const scope = new WorkspaceScope(t.database, workspaceId);
    const customer = await findCustomerByIdentifiers(scope, scope.db, { externalId: 'free-1' });
    await scope.db.insert(surveyOptOuts).values(scope.stamp({ customerId: customer!.id }));
    expect(await shownIds(signedIn('free-1'))).toEqual([]);
  });

  it('serves any live survey for showSurvey(id), and nothing of a draft or an unknown id', async () => {
    expect((await widgetGet(`surveys/${proOnly}`)).json()).toMatchObject({ id: proOnly, definition: { defaultLanguage: 'en' } });
    const draft = (await api('POST', '/api/v1/surveys', { name: 'Draft 2', definition: NPS })).json().id;
    expect((await widgetGet(`surveys/${draft}`)).json().error.code).toBe('survey_not_live');
    expect((await widgetGet('surveys/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('answers from the widget', () => {
  it('saves each step once, whatever the retries, and completes the response', async () => {
    const key = 'step-by-step-key-0000001';
    const step = (answers: object) =>
      widgetPost('responses', { surveyId: everyone, responseKey: key, answers, language: 'fa', anonymousId: 'anon-visitor-2' });
    expect((await step({ nps: '۳' })).json()).toEqual({ completed: false });
    expect((await step({ nps: '۳' })).json()).toEqual({ completed: false });
    expect((await step({ why: 'ارسال دیر بود' })).json()).toEqual({ completed: true });
    // The last step again (its answer was lost on the way back): fine; other answers: refused.
    expect((await step({ why: 'ارسال دیر بود' })).json()).toEqual({ completed: true });
    expect((await step({ why: 'something else' })).statusCode).toBe(409);
    const scope = new WorkspaceScope(t.database, workspaceId);
    const mine = await scope.db
      .select()
      .from(surveyResponses)
      .where(scope.where(surveyResponses, eq(surveyResponses.personalKey, `widget:${key}`)));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'completed', channel: 'widget', language: 'fa' });
    const answers = await scope.db
      .select()
      .from(surveyAnswers)
      .where(scope.where(surveyAnswers, eq(surveyAnswers.responseId, mine[0].id)));
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({ nps: 3, why: 'ارسال دیر بود' });
  });

  it('stores the answers as channel widget, linked to the response and survey, so the explorer, results and overview agree', async () => {
    const key = 'channel-widget-key-000001';
    const res = await widgetPost('responses', {
      surveyId: everyone,
      responseKey: key,
      answers: { nps: 2, why: 'Too slow' },
      language: 'en',
      ...signedIn('free-1'),
    });
    expect(res.json()).toEqual({ completed: true });
    const scope = new WorkspaceScope(t.database, workspaceId);
    const [response] = await scope.db
      .select()
      .from(surveyResponses)
      .where(scope.where(surveyResponses, eq(surveyResponses.personalKey, `widget:${key}`)));
    const free = await findCustomerByIdentifiers(scope, scope.db, { externalId: 'free-1' });
    expect(response.customerId).toBe(free!.id);
    type Item = {
      id: string;
      channel: string;
      nps: number | null;
      text: string;
      customerId: string | null;
      links: { surveyResponseId: string };
      metadata: Record<string, unknown>;
    };
    const list = async (query: string) => (await api('GET', `/api/v1/feedback?${query}&limit=200`)).json().data as Item[];
    const mine = (await list(`channel=widget&survey_id=${everyone}`)).filter((i) => i.links.surveyResponseId === response.id);
    expect(mine.map((i) => [i.nps, i.text]).sort()).toEqual(
      [
        [2, ''],
        [null, 'Too slow'],
      ].sort(),
    );
    for (const item of mine) {
      expect(item).toMatchObject({
        channel: 'widget',
        customerId: free!.id,
        metadata: { survey_id: everyone, survey_version: 1, identity: 'verified' },
      });
    }
    // `survey` is the link page's and email's channel: no widget answer is filed there.
    expect((await list(`channel=survey&survey_id=${everyone}`)).filter((i) => i.links.surveyResponseId === response.id)).toEqual([]);

    const results = (await api('GET', `/api/v1/surveys/${everyone}/results`)).json();
    const npsAnswers = results.questions.find((q: { id: string }) => q.id === 'nps').answers;
    expect(results.responses.byChannel.widget).toBe(results.responses.started);
    expect((await list(`channel=widget&survey_id=${everyone}&score_type=nps`)).length).toBe(npsAnswers);
    await refreshStaleRollups(t.database); // the overview reads the rollups the minute refresh keeps
    const overview = (await api('GET', '/api/v1/overview')).json();
    expect(overview.totals.npsCount).toBe((await list('channel=widget&score_type=nps')).length);
  });

  it('keeps the answers of an unverified identity off the customer it claims', async () => {
    const key = 'unverified-answer-key-01';
    await widgetPost('responses', { surveyId: everyone, responseKey: key, answers: { nps: 0 }, language: 'en', externalId: 'pro-1' });
    const scope = new WorkspaceScope(t.database, workspaceId);
    const [response] = await scope.db
      .select()
      .from(surveyResponses)
      .where(scope.where(surveyResponses, eq(surveyResponses.personalKey, `widget:${key}`)));
    expect(response.customerId).toBeNull();
    const [item] = (await api('GET', `/api/v1/feedback?channel=widget&survey_id=${everyone}&limit=200`))
      .json()
      .data.filter((i: { links: { surveyResponseId: string } }) => i.links.surveyResponseId === response.id);
    expect(item).toMatchObject({ nps: 0, customerId: null, metadata: { identity: 'unverified', claimed_external_id: 'pro-1' } });
  });

  it('moves widget answers stored before as channel survey to widget, and leaves link-page answers alone (migration)', async () => {
    const scope = new WorkspaceScope(t.database, workspaceId);
    const responseOf = async (key: string) =>
      (
        await scope.db
          .select()
          .from(surveyResponses)
          .where(scope.where(surveyResponses, eq(surveyResponses.personalKey, `widget:${key}`)))
      )[0];
    const widgetResponse = await responseOf('channel-widget-key-000001');
    const linkResponse = await responseOf('unverified-answer-key-01');
    // As stored before: every survey answer in channel survey; one of the responses made a link-page one.
    await t.database.rows(sql`update survey_responses set channel = 'link' where id = ${linkResponse.id}`);
    await t.database.rows(
      sql`update feedback_items set channel = 'survey' where survey_response_id in (${widgetResponse.id}, ${linkResponse.id})`,
    );
    const migration = fs.readFileSync(new URL('../../../drizzle/0013_widget_answers_channel.sql', import.meta.url), 'utf8');
    await t.database.rows(sql.raw(migration));
    const channels = await t.database.rows<{ id: string; channel: string }>(
      sql`select survey_response_id as id, channel from feedback_items where survey_response_id in (${widgetResponse.id}, ${linkResponse.id})`,
    );
    expect(channels.filter((r) => r.id === widgetResponse.id).map((r) => r.channel)).toEqual(['widget', 'widget']);
    expect(channels.filter((r) => r.id === linkResponse.id).map((r) => r.channel)).toEqual(['survey']);
  });

  it('refuses a bad answer naming the question, and a survey of another workspace', async () => {
    const bad = await widgetPost('responses', {
      surveyId: everyone,
      responseKey: 'bad-answer-key-000000001',
      answers: { nps: 11 },
      language: 'en',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('nps');
    const short = await widgetPost('responses', { surveyId: everyone, responseKey: 'short', answers: { nps: 1 }, language: 'en' });
    expect(short.json().error.field).toBe('responseKey');
    const foreign = await widgetPost('responses', {
      surveyId: '00000000-0000-4000-8000-000000000000',
      responseKey: 'foreign-key-000000000001',
      answers: { nps: 1 },
      language: 'en',
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('honours Idempotency-Key, so a feedback sent twice by the offline queue is stored once', async () => {
    const body = { kind: 'helpful', helpful: false, context: 'Returns policy', elapsedMs: 5_000, anonymousId: 'anon-visitor-3' };
    const first = await widgetPost('feedback', body, { 'idempotency-key': 'queue-item-1' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await widgetPost('feedback', body, { 'idempotency-key': 'queue-item-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const item = (await api('GET', `/api/v1/feedback/${first.json().id}`)).json();
    expect(item).toMatchObject({
      channel: 'widget',
      text: '',
      metadata: { widget_kind: 'helpful', helpful: false, context: 'Returns policy' },
    });
    expect((await widgetPost('feedback', { ...body, helpful: undefined })).json().error.field).toBe('helpful');
  });
});
