// The shared input rules, through every route that takes them: client-supplied times bounded to
// 2000-01-01 … now + 1 day (tasks: ten years ahead), and one rule for every score (a whole
// number, or a string of digits in any script). On PGlite or PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../platform/testing/test-app.js';
import { hiddenFields, postForm } from '../platform/testing/survey-forms.js';
import { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { importFile } from '../collect/import/import-file.js';
import { parseMapping } from '../collect/import/column-mapping.js';
import { signIdentity } from '../collect/widget/widget-identity.js';

const SHOP = 'https://shop.example.com';
const DAY = 86_400_000;
let t: TestApp;
let key: string;
let cookie: string;
let publicKey: string;
let identitySecret: string;
let scope: WorkspaceScope;

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(key), payload });
const widgetPost = (p: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/widget/${publicKey}/${p}`, headers: { origin: SHOP }, payload });
const count = async (table: 'feedback_items' | 'events' | 'orders' | 'tasks') =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;
const iso = (ms: number) => new Date(ms).toISOString();

/** A refused request: 400, naming `field`, and nothing of `table` stored. */
async function refused(
  table: Parameters<typeof count>[0],
  field: string,
  send: () => Promise<{ statusCode: number; json(): any; body: string }>,
) {
  const before = await count(table);
  const res = await send();
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.field, res.body).toBe(field);
  expect(await count(table)).toBe(before);
}

beforeAll(async () => {
  t = await createTestApp();
  const setup = await setupOwner(t);
  cookie = setup.cookie;
  scope = new WorkspaceScope(t.database, setup.body.workspace.id);
  key = await createKey(t, cookie, [
    'feedback:read',
    'feedback:write',
    'customers:read',
    'customers:write',
    'events:write',
    'tickets:write',
    'surveys:read',
    'surveys:manage',
  ]);
  const widgetKey = await t.app.inject({
    method: 'POST',
    url: '/api/v1/widget-keys',
    headers: { cookie },
    payload: { name: 'Shop', allowedOrigins: [SHOP] },
  });
  ({ publicKey, identitySecret } = widgetKey.json());
});
afterAll(() => t.close());

describe('client-supplied times', () => {
  const tooEarly = ['0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '1970-01-01'];
  const tooLate = () => ['9999-12-31T23:59:59Z', iso(Date.now() + 2 * DAY)];

  it('feedback createdAt: 2000-01-01 up to a day ahead; 0001-01-01 and 9999-12-31 are refused naming the field', async () => {
    for (const createdAt of [...tooEarly, ...tooLate()]) {
      await refused('feedback_items', 'createdAt', () => post('/api/v1/feedback', { channel: 'api', text: `at ${createdAt}`, createdAt }));
    }
    const message = (await post('/api/v1/feedback', { channel: 'api', text: 'x', createdAt: '9999-12-31' })).json().error.message;
    expect(message).toMatch(/^createdAt: must be between 2000-01-01 and one day from now/);
    for (const createdAt of ['2000-01-01T00:00:00Z', iso(Date.now() + 12 * 3_600_000)]) {
      const res = await post('/api/v1/feedback', { channel: 'api', text: `at ${createdAt}`, createdAt });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().createdAt).toBe(iso(Date.parse(createdAt)));
    }
  });

  it('bulk feedback reports the item and field, and stores nothing (atomic)', async () => {
    const before = await count('feedback_items');
    const res = await post('/api/v1/feedback/bulk', {
      items: [
        { channel: 'api', text: 'fine' },
        { channel: 'api', text: 'far future', createdAt: '9999-12-31T00:00:00Z' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().results).toContainEqual(
      expect.objectContaining({ index: 1, status: 'invalid', error: expect.objectContaining({ field: 'createdAt' }) }),
    );
    expect(await count('feedback_items')).toBe(before);
  });

  it('the import rejects such rows with their reason', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-times-')), 'dates.csv');
    fs.writeFileSync(file, ['comment,date', 'Year one,0001-01-01', 'Far future,9999-12-31', 'Fine,2024-05-01'].join('\n'));
    const rejects: string[] = [];
    const summary = await importFile(scope, file, {
      mapping: parseMapping(['text=comment', 'createdAt=date']),
      channel: 'import',
      batchSize: 10,
      onReject: (r) => rejects.push(`${r.row}:${r.field}`),
    });
    expect(summary).toMatchObject({ imported: 1, rejected: 2 });
    expect(rejects).toEqual(['1:createdAt', '2:createdAt']);
  });

  it('events occurredAt (single and bulk) and orders placedAt', async () => {
    const customer = { externalId: 'time-traveller' };
    for (const occurredAt of [...tooEarly, ...tooLate()]) {
      await refused('events', 'occurredAt', () => post('/api/v1/events', { customer, name: 'login', occurredAt }));
      await refused('events', 'events.1.occurredAt', () =>
        post('/api/v1/events/bulk', {
          events: [
            { customer, name: 'login' },
            { customer, name: 'login', occurredAt },
          ],
        }),
      );
      await refused('orders', 'placedAt', () =>
        post('/api/v1/orders', { customer, externalId: `o-${occurredAt}`, amount: 5, currency: 'USD', placedAt: occurredAt }),
      );
    }
    expect((await post('/api/v1/events', { customer, name: 'login', occurredAt: '2024-01-01T00:00:00Z' })).statusCode).toBe(201);
    expect(
      (await post('/api/v1/orders', { customer, externalId: 'o-ok', amount: 5, currency: 'USD', placedAt: '2024-01-01T00:00:00Z' }))
        .statusCode,
    ).toBe(201);
  });

  it('widget events occurredAt', async () => {
    for (const occurredAt of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', iso(Date.now() + 2 * DAY)]) {
      await refused('events', 'events.0.occurredAt', () =>
        widgetPost('events', { externalId: 'visitor-1', events: [{ name: 'page_view', occurredAt }] }),
      );
    }
    // Events are stored only for identities the business's server signed.
    const userHash = signIdentity(identitySecret, 'visitor-1');
    expect(
      (
        await widgetPost('events', {
          externalId: 'visitor-1',
          userHash,
          events: [{ name: 'page_view', occurredAt: iso(Date.now() - 60_000) }],
        })
      ).statusCode,
    ).toBe(201);
  });

  it('task due dates: up to ten years ahead', async () => {
    await refused('tasks', 'dueAt', () => post('/api/v1/tasks', { title: 'Call back', dueAt: '9999-12-31T00:00:00Z' }));
    await refused('tasks', 'dueAt', () => post('/api/v1/tasks', { title: 'Call back', dueAt: '0001-01-01' }));
    const ok = await post('/api/v1/tasks', { title: 'Call back', dueAt: iso(Date.now() + 365 * DAY) });
    expect(ok.statusCode, ok.body).toBe(201);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/tasks/${ok.json().id}`,
      headers: bearer(key),
      payload: { dueAt: '9999-12-31' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.field).toBe('dueAt');
  });
});

describe('one rule for every score', () => {
  const accepted: Array<[unknown, number]> = [
    [7, 7],
    ['7', 7],
    [' 7 ', 7],
    ['۷', 7],
    ['٧', 7],
    ['۱۰', 10],
    ['0', 0],
  ];
  const refusedValues: unknown[] = ['0x7', '7.0', '7.5', '1e1', '+7', '-1', '', ' ', 'seven', 7.5, 11, -1, true, null, [7], { v: 7 }];

  it('feedback: a number or a string of digits in any script; nothing else', async () => {
    for (const [nps, expected] of accepted) {
      const res = await post('/api/v1/feedback', { channel: 'survey', nps });
      expect(res.statusCode, `${JSON.stringify(nps)}: ${res.body}`).toBe(201);
      expect(res.json().nps).toBe(expected);
    }
    for (const nps of refusedValues) {
      await refused('feedback_items', 'nps', () => post('/api/v1/feedback', { channel: 'survey', text: 'x', nps }));
    }
    expect((await post('/api/v1/feedback', { channel: 'survey', nps: '0x7' })).json().error.message).toBe(
      'nps: must be a whole number from 0 to 10 (a number, or a string of digits)',
    );
    for (const field of ['csat', 'ces', 'rating']) {
      await refused('feedback_items', field, () => post('/api/v1/feedback', { channel: 'survey', text: 'x', [field]: '1e0' }));
      expect((await post('/api/v1/feedback', { channel: 'survey', [field]: '٣' })).json()[field]).toBe(3);
    }
  });

  it('the same in bulk, on PATCH and in the score filter', async () => {
    const bulk = await post('/api/v1/feedback/bulk', {
      mode: 'partial',
      items: [
        { channel: 'survey', csat: '۴' },
        { channel: 'survey', csat: '4.0' },
      ],
    });
    expect(bulk.statusCode).toBe(207);
    expect(bulk.json().results[1]).toMatchObject({ status: 'invalid', error: { field: 'csat' } });
    const id = bulk.json().results[0].id;
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/feedback/${id}`, headers: bearer(key), payload });
    expect((await patch({ csat: '0x2' })).json().error.field).toBe('csat');
    expect((await patch({ csat: '٢' })).json().csat).toBe(2);
    const filter = (q: string) => t.app.inject({ method: 'GET', url: `/api/v1/feedback?score_type=csat&${q}`, headers: bearer(key) });
    expect((await filter('score_min=0x1')).statusCode).toBe(400);
    expect((await filter(`score_min=${encodeURIComponent('۲')}&score_max=2`)).json().data.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('survey answers on the link page and through the widget follow it too', async () => {
    const created = await post('/api/v1/surveys', {
      name: 'Scores',
      definition: {
        languages: ['en'],
        defaultLanguage: 'en',
        questions: [{ id: 'nps', type: 'nps', title: { en: 'Recommend us?' }, required: true }],
      },
      settings: { widget: { triggers: [{ type: 'page_view' }] } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const survey = (await post(`/api/v1/surveys/${created.json().id}/publish`, {})).json();
    const start = await t.app.inject({ method: 'GET', url: survey.linkPath });
    for (const bad of ['1e1', '0x7', '7.0']) {
      const res = await postForm(t, `${survey.linkPath}/answer`, { ...hiddenFields(start.body), a_nps: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain('please choose a score from 0 to 10.');
    }
    expect((await postForm(t, `${survey.linkPath}/answer`, { ...hiddenFields(start.body), a_nps: '٧' })).statusCode).toBe(303);
    const answer = (nps: unknown, responseKey: string) =>
      widgetPost('responses', { surveyId: survey.id, responseKey, answers: { nps }, language: 'en', anonymousId: 'anon-visitor-9' });
    const bad = await answer('1e1', 'score-rule-response-0001');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('nps');
    expect((await answer('۹', 'score-rule-response-0002')).json()).toEqual({ completed: true });
    const stored = await t.database.rows<{ nps: number }>(
      sql`select nps from feedback_items where channel in ('survey', 'widget') and nps is not null and metadata ? 'survey_id' order by nps`,
    );
    expect(stored.map((r) => r.nps)).toEqual([7, 9]);
  });

  it('the OpenAPI document stays valid and says both forms are accepted', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const nps = doc.paths['/api/v1/feedback'].post.requestBody.content['application/json'].schema.properties.nps;
    expect(nps.anyOf).toEqual([
      expect.objectContaining({ type: 'integer', minimum: 0, maximum: 10 }),
      expect.objectContaining({ type: 'string', pattern: expect.stringContaining('۰-۹') }),
    ]);
  });
});
