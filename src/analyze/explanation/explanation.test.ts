// GET /api/v1/feedback/{id}/explanation: the words behind an item's sentiment and topics.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { apiKeys } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { newId, randomToken, sha256 } from '../../platform/ids.js';

let t: TestApp;
let cookie: string;
let key: string;
let keyB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  let body;
  ({ cookie, body } = await setupOwner(t));
  key = await createKey(t, cookie);
  const [wsA] = await t.database.db.select().from(workspaces);
  const wsB = await createWorkspace(t.database, wsA.organizationId, body.user.id, 'Other');
  keyB = `fl_${randomToken(32)}`;
  await t.database.db
    .insert(apiKeys)
    .values({ id: newId(), workspaceId: wsB.id, name: 'b', prefix: keyB.slice(0, 10), keyHash: sha256(keyB), scopes: ['feedback:read'] });
  for (const [name, text] of Object.entries({
    en: 'The delivery was late again and the courier was rude 😡',
    ar: 'التوصيل متأخر والتغليف كان ممزق، خدمة سيئة جدا',
    fa: 'سفارشم دو هفته دیر رسید و پیک بی‌ادب بود',
  })) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', headers: bearer(key), payload: { channel: 'api', text } });
    expect(res.statusCode).toBe(201);
    ids[name] = res.json().id;
  }
  await t.drainJobs();
});
afterAll(() => t.close());

const explanation = (id: string, headers: Record<string, string> = bearer(key)) =>
  t.app.inject({ method: 'GET', url: `/api/v1/feedback/${id}/explanation`, headers });

describe('GET /feedback/{id}/explanation', () => {
  it("names the words behind the item's sentiment and each of its topics", async () => {
    const item = (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/${ids.en}`, headers: bearer(key) })).json();
    const res = await explanation(ids.en);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.feedbackId).toBe(ids.en);
    expect(body.sentiment.label).toBe(item.sentiment);
    expect(body.sentiment.towards.map((w: { text: string }) => w.text)).toContain('rude');
    expect(body.topics.map((x: { key: string }) => x.key)).toEqual(item.topics);
    const delivery = body.topics.find((x: { key: string }) => x.key === 'delivery');
    expect(delivery.keywords).toEqual(expect.arrayContaining(['delivery', 'courier']));
    expect(body).not.toHaveProperty('coverage');
  });

  it('shows Arabic and Persian words as written, clitics and ZWNJ included', async () => {
    const ar = (await explanation(ids.ar)).json();
    expect(ar.topics.find((x: { key: string }) => x.key === 'packaging').keywords).toContain('والتغليف');
    const fa = (await explanation(ids.fa)).json();
    expect(fa.sentiment.label).toBe('negative');
    expect(fa.topics.find((x: { key: string }) => x.key === 'support').keywords).toContain('بی‌ادب');
  });

  it("needs the scope that reads the item's text, and never explains another workspace's item", async () => {
    const noText = await createKey(t, cookie, ['customers:read']);
    expect((await explanation(ids.en, bearer(noText))).statusCode).toBe(403);
    expect((await explanation(ids.en, bearer(keyB))).statusCode).toBe(404);
    expect((await explanation(newId())).statusCode).toBe(404);
    expect((await explanation(ids.en, { cookie })).statusCode).toBe(200);
  });
});
