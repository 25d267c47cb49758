// Customer 360: the profile endpoint (score history, VIP and churn-risk flags, merged customers,
// workspaces, permissions) and survey responses on the customer timeline.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { surveys, surveyVersions, surveyResponses } from '../../collect/surveys/surveys.tables.js';
import { segments } from '../segments/segments.tables.js';
import { newId, randomToken } from '../../platform/ids.js';
import { customerProfile } from './profile.service.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';

let t: TestApp;
let signedIn: SignedInApp;
let key: string;
let readOnlyFeedbackKey: string;
let workspaceId: string;
let otherWorkspaceId: string;
beforeAll(async () => {
  signedIn = await signedInApp();
  ({ t, key } = signedIn);
  readOnlyFeedbackKey = await signedIn.keyWith(['feedback:read']);
  workspaceId = signedIn.workspace.id;
  otherWorkspaceId = (await signedIn.otherWorkspace([])).workspace.id;
});
afterAll(() => t.close());

async function call(method: 'GET' | 'POST', url: string, payload?: object, k = key) {
  const res = await signedIn.api(method, url, payload, bearer(k));
  return { status: res.statusCode, json: res.json() };
}
const identify = async (payload: object) => (await call('POST', '/api/v1/customers/identify', payload)).json.id as string;
const profile = async (id: string) => (await call('GET', `/api/v1/customers/${id}/profile`)).json;
async function feedback(externalId: string, createdAt: string, scores: { nps?: number; csat?: number }) {
  const res = await call('POST', '/api/v1/feedback', {
    channel: 'api',
    text: `feedback at ${createdAt}`,
    customer: { externalId },
    createdAt,
    ...scores,
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

/** A survey with one response of this customer, stored as the survey pages store it. */
async function surveyResponse(customerId: string, name: string, startedAt: string, completedAt: string | null) {
  const surveyId = newId();
  const versionId = newId();
  await t.database.db
    .insert(surveys)
    .values({ id: surveyId, workspaceId, name, publicToken: randomToken(16), signingKey: randomToken(16) });
  await t.database.db.insert(surveyVersions).values({
    id: versionId,
    workspaceId,
    surveyId,
    version: 1,
    definition: { languages: ['en'], defaultLanguage: 'en', questions: [], hiddenFields: [], display: 'one_per_screen' },
  });
  const id = newId();
  await t.database.db.insert(surveyResponses).values({
    id,
    workspaceId,
    surveyId,
    versionId,
    customerId,
    channel: 'link',
    language: 'fa',
    resumeTokenHash: randomToken(16),
    status: completedAt ? 'completed' : 'in_progress',
    startedAt: new Date(startedAt),
    completedAt: completedAt ? new Date(completedAt) : null,
  });
  return id;
}

describe('profile', () => {
  it('lists NPS and CSAT oldest first and flags a customer whose latest NPS is a detractor', async () => {
    const first = await feedback('scores-1', '2026-03-01T10:00:00Z', { nps: 9 });
    await feedback('scores-1', '2026-03-05T10:00:00Z', {});
    const second = await feedback('scores-1', '2026-04-01T10:00:00Z', { csat: 4 });
    const third = await feedback('scores-1', '2026-05-01T10:00:00Z', { nps: 3 });
    const id = (await call('GET', '/api/v1/customers?q=scores-1')).json.data[0].id;
    const p = await profile(id);
    expect(p.customer).toMatchObject({ id, externalId: 'scores-1', feedbackCount: 4 });
    expect(p.scores).toEqual([
      { feedbackId: first, at: '2026-03-01T10:00:00.000Z', nps: 9, csat: null },
      { feedbackId: second, at: '2026-04-01T10:00:00.000Z', nps: null, csat: 4 },
      { feedbackId: third, at: '2026-05-01T10:00:00.000Z', nps: 3, csat: null },
    ]);
    expect(p.flags).toMatchObject({ churnRisk: true, churnReason: 'detractor' });

    // A later promoter score lifts the detractor flag.
    await feedback('scores-1', '2026-06-01T10:00:00Z', { nps: 10 });
    const now = new Date('2026-06-02T00:00:00Z');
    const scope = new WorkspaceScope(t.database, workspaceId);
    expect((await customerProfile(scope, id, now)).flags).toMatchObject({ churnRisk: false, churnReason: null });
    // No activity for more than 60 days after being active is a churn risk too.
    const later = await customerProfile(scope, id, new Date('2026-08-01T10:00:01Z'));
    expect(later.flags).toMatchObject({ churnRisk: true, churnReason: 'inactive' });
    expect((await customerProfile(scope, id, new Date('2026-07-31T10:00:00Z'))).flags.churnRisk).toBe(false);
  });

  it('marks the top 5 % of lifetime value in a currency, or vip=true, as VIP', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const res = await call('POST', '/api/v1/orders', {
        customer: { externalId: `ltv-${i}` },
        externalId: `VIP-${i}`,
        amount: i * 10,
        currency: 'EUR',
      });
      ids.push(res.json.customerId);
    }
    expect((await profile(ids[19])).flags).toMatchObject({ vip: true, vipReason: 'lifetime_value' });
    expect((await profile(ids[18])).flags).toMatchObject({ vip: false, vipReason: null });
    // One currency is enough: the only customer paying in JPY leads that currency.
    await call('POST', '/api/v1/orders', { customer: { externalId: 'ltv-1' }, externalId: 'VIP-JPY', amount: 500, currency: 'JPY' });
    expect((await profile(ids[0])).flags).toMatchObject({ vip: true, vipReason: 'lifetime_value' });
    const flagged = await identify({ externalId: 'vip-attr', attributes: { vip: true } });
    expect((await profile(flagged)).flags).toMatchObject({ vip: true, vipReason: 'attribute', churnRisk: false });
  });

  it("lists the workspace's segments the customer belongs to, by name", async () => {
    const id = await identify({ externalId: 'seg-1', attributes: { plan: 'gold' } });
    await feedback('seg-1', '2026-05-01T10:00:00Z', { nps: 2 });
    const segment = (name: string, definition: object, ws = workspaceId) => ({ id: newId(), workspaceId: ws, name, definition });
    const gold = segment('Gold plan', { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'gold' }] });
    const detractors = segment('Detractors', { match: 'all', conditions: [{ kind: 'nps', group: 'detractor' }] });
    await t.database.db.insert(segments).values([
      gold,
      detractors,
      segment('Silver plan', { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'silver' }] }),
      // Another workspace's segment that would match is never listed.
      segment('Everyone elsewhere', { match: 'all', conditions: [] }, otherWorkspaceId),
    ]);
    expect((await profile(id)).segments).toEqual([
      { id: detractors.id, name: 'Detractors' },
      { id: gold.id, name: 'Gold plan' },
    ]);
  });

  it("a merged customer's profile is the one it was merged into", async () => {
    const target = await identify({ externalId: 'p-target' });
    const source = await identify({ externalId: 'p-source' });
    expect((await call('POST', '/api/v1/customers/merge', { targetId: target, sourceId: source })).status).toBe(200);
    expect((await profile(source)).customer.id).toBe(target);
  });

  it('merging, even as a preview, needs customers:write', async () => {
    const a = await identify({ externalId: 'p-read-a' });
    const b = await identify({ externalId: 'p-read-b' });
    const reader = await signedIn.keyWith(['customers:read']);
    expect((await call('POST', '/api/v1/customers/merge', { targetId: a, sourceId: b, preview: true }, reader)).status).toBe(403);
    expect((await call('GET', `/api/v1/customers/${a}/profile`, undefined, reader)).status).toBe(200);
  });

  it('belongs to one workspace, needs customers:read and validates the id', async () => {
    const id = await identify({ externalId: 'p-scope' });
    const other = new WorkspaceScope(t.database, otherWorkspaceId);
    await expect(customerProfile(other, id)).rejects.toMatchObject({ status: 404 });
    expect((await call('GET', `/api/v1/customers/${id}/profile`, undefined, readOnlyFeedbackKey)).status).toBe(403);
    const bad = await call('GET', '/api/v1/customers/not-a-uuid/profile');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('id');
  });
});

describe('timeline', () => {
  it('shows survey responses among feedback, events and orders, newest first, across pages', async () => {
    const id = await identify({ externalId: 'tl-1' });
    await feedback('tl-1', '2026-02-01T00:00:00Z', { nps: 8 });
    await call('POST', '/api/v1/events', { customer: { externalId: 'tl-1' }, name: 'login', occurredAt: '2026-02-03T00:00:00Z' });
    await call('POST', '/api/v1/orders', {
      customer: { externalId: 'tl-1' },
      externalId: 'TL-1',
      amount: 5,
      currency: 'USD',
      placedAt: '2026-02-05T00:00:00Z',
    });
    const done = await surveyResponse(id, 'نظرسنجی خرید', '2026-02-02T00:00:00Z', '2026-02-04T00:00:00Z');
    const open = await surveyResponse(id, 'Onboarding', '2026-02-06T00:00:00Z', null);

    const first = (await call('GET', `/api/v1/customers/${id}/timeline?limit=3`)).json;
    const second = (await call('GET', `/api/v1/customers/${id}/timeline?limit=3&cursor=${first.nextCursor}`)).json;
    expect(second.nextCursor).toBeNull();
    const all = [...first.data, ...second.data];
    expect(all.map((e: { kind: string }) => e.kind)).toEqual(['survey_response', 'order', 'survey_response', 'event', 'feedback']);
    expect(all[0]).toMatchObject({
      id: open,
      surveyName: 'Onboarding',
      status: 'in_progress',
      channel: 'link',
      language: 'fa',
      at: '2026-02-06T00:00:00.000Z',
    });
    // A completed response sits at the time it was completed.
    expect(all[2]).toMatchObject({ id: done, surveyName: 'نظرسنجی خرید', status: 'completed', at: '2026-02-04T00:00:00.000Z' });
  });

  it("keeps a merged customer's survey responses on the surviving customer's timeline", async () => {
    const target = await identify({ externalId: 'tl-target' });
    const source = await identify({ externalId: 'tl-source' });
    const response = await surveyResponse(source, 'Exit survey', '2026-03-01T00:00:00Z', '2026-03-01T00:05:00Z');
    await call('POST', '/api/v1/customers/merge', { targetId: target, sourceId: source });
    const timeline = (await call('GET', `/api/v1/customers/${target}/timeline`)).json;
    expect(timeline.data.map((e: { id: string }) => e.id)).toEqual([response]);
  });
});
