// What an API key may read and write is what its scopes say, on every route: members and the
// workspace's settings need scopes of their own, and feedback text shown by other routes (a
// customer's timeline, a ticket, an idea, survey results) needs feedback:read. On PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../testing/test-app.js';
import { hiddenFields, postForm } from '../testing/survey-forms.js';
import { addMember } from '../testing/members.js';
import { workspaces } from '../workspace/workspace.tables.js';
import { API_KEY_SCOPES, SCOPES, type Scope } from './permissions.js';

let t: TestApp;
let owner: string;
let viewer: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie: owner } = await setupOwner(t));
  const [workspace] = await t.database.db.select().from(workspaces);
  ({ cookie: viewer } = await addMember(t, workspace.id, 'viewer@example.com', 'viewer'));
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const SOME_ID = '0190f0f0-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+\??/g, SOME_ID).replace('*', 'x');

describe('every route that declares a scope', () => {
  it('refuses an API key lacking that scope with 403, whatever else the key may do', async () => {
    const routes = t.app.routePermissions.filter(
      (r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.permission !== 'public' && r.permission !== 'signed-in',
    );
    expect(routes.length).toBeGreaterThan(80);
    const keyWithout = new Map<Scope, string>();
    for (const scope of SCOPES)
      keyWithout.set(
        scope,
        await createKey(
          t,
          owner,
          API_KEY_SCOPES.filter((s) => s !== scope),
        ),
      );
    for (const route of routes) {
      const res = await call(
        route.method as Method,
        concrete(route.url),
        bearer(keyWithout.get(route.permission as Scope)!),
        route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      );
      expect(res.statusCode, `${route.method} ${route.url} (${route.permission}): ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('leaves only /me to any signed-in actor', async () => {
    const open = t.app.routePermissions
      .filter((r) => r.permission === 'signed-in' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([
      'GET /api/v1/me',
      'GET /api/v1/me/digest',
      'GET /api/v1/me/digest/preview',
      'GET /api/v1/me/digest/preview/html',
      'PATCH /api/v1/me',
      'PATCH /api/v1/me/digest',
      'POST /api/v1/me/workspace',
    ]);
  });
});

describe('members and workspace settings', () => {
  it('are not readable with feedback or event keys', async () => {
    for (const scopes of [
      ['feedback:read'],
      ['events:write'],
      [
        'feedback:read',
        'feedback:write',
        'customers:read',
        'customers:write',
        'events:write',
        'surveys:read',
        'tickets:read',
        'ideas:read',
      ],
    ]) {
      const key = await createKey(t, owner, scopes);
      for (const url of ['/api/v1/members', '/api/v1/workspace']) {
        const res = await call('GET', url, bearer(key));
        expect(res.statusCode, `${url} with ${scopes.join(' ')}`).toBe(403);
        expect(res.body).not.toContain('viewer@example.com');
      }
    }
  });

  it('are readable with members:read and workspace:read, which every role has; changing the workspace stays with owners and admins', async () => {
    const key = await createKey(t, owner, ['members:read', 'workspace:read']);
    const members = await call('GET', '/api/v1/members', bearer(key));
    expect(members.statusCode).toBe(200);
    expect(members.json().data.map((m: { email: string }) => m.email)).toContain('viewer@example.com');
    expect((await call('GET', '/api/v1/workspace', bearer(key))).json().name).toBe('Main');
    expect((await call('PATCH', '/api/v1/workspace', bearer(key), { name: 'Taken over' })).statusCode).toBe(403);
    for (const cookie of [viewer, owner]) {
      expect((await call('GET', '/api/v1/members', { cookie })).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/workspace', { cookie })).statusCode).toBe(200);
    }
    expect((await call('PATCH', '/api/v1/workspace', { cookie: viewer }, { name: 'Viewer was here' })).statusCode).toBe(403);
    expect((await call('PATCH', '/api/v1/workspace', { cookie: owner }, { name: 'Main' })).statusCode).toBe(200);
    const refused = await call('POST', '/api/v1/api-keys', { cookie: owner }, { name: 'x', scopes: ['workspace:manage'] });
    expect(refused.statusCode).toBe(400);
  });

  it('/me answers every actor: users with their profile, keys with their own name and scopes', async () => {
    expect((await call('GET', '/api/v1/me', { cookie: viewer })).json()).toMatchObject({
      role: 'viewer',
      user: { email: 'viewer@example.com' },
    });
    const key = await createKey(t, owner, ['events:write']);
    const me = await call('GET', '/api/v1/me', bearer(key));
    expect(me.statusCode).toBe(200);
    expect(me.json().apiKey).toMatchObject({ name: 'test', scopes: ['events:write'], prefix: key.slice(0, 10) });
    expect(me.body).not.toContain(key);
  });
});

describe('feedback text outside the feedback routes', () => {
  const SECRET = 'The courier left my parcel in the rain';
  let customerId = '';
  let ticketId = '';
  let ideaId = '';
  let surveyId = '';

  beforeAll(async () => {
    const writer = bearer(await createKey(t, owner, ['feedback:write', 'surveys:manage', 'tickets:write', 'ideas:write']));
    const item = await call('POST', '/api/v1/feedback', writer, {
      channel: 'email',
      text: SECRET,
      nps: 3,
      customer: { externalId: 'text-owner' },
    });
    customerId = item.json().customerId;
    ticketId = (await call('POST', '/api/v1/tickets', writer, { subject: 'Wet parcel', feedbackIds: [item.json().id] })).json().id;
    ideaId = (await call('POST', '/api/v1/ideas', writer, { title: 'Weatherproof packaging', feedbackIds: [item.json().id] })).json().id;
    const survey = await call('POST', '/api/v1/surveys', writer, { template: 'nps', languages: ['en'] });
    surveyId = survey.json().id;
    const live = (await call('POST', `/api/v1/surveys/${surveyId}/publish`, writer)).json();
    const first = await postForm(t, `${live.linkPath}/answer`, {
      ...hiddenFields((await t.app.inject({ method: 'GET', url: live.linkPath })).body),
      a_nps: '2',
    });
    const followUp = await t.app.inject({ method: 'GET', url: first.headers.location as string });
    await postForm(t, `${live.linkPath}/answer`, { ...hiddenFields(followUp.body), a_detractor_reason: SECRET });
  });

  const read = async (key: string) => ({
    timeline: await call('GET', `/api/v1/customers/${customerId}/timeline`, bearer(key)),
    ticket: await call('GET', `/api/v1/tickets/${ticketId}`, bearer(key)),
    idea: await call('GET', `/api/v1/ideas/${ideaId}`, bearer(key)),
    results: await call('GET', `/api/v1/surveys/${surveyId}/results`, bearer(key)),
  });

  it('is hidden from customers:read, tickets:read, ideas:read and surveys:read keys, which still see the items', async () => {
    const { timeline, ticket, idea, results } = await read(
      await createKey(t, owner, ['customers:read', 'tickets:read', 'ideas:read', 'surveys:read']),
    );
    for (const res of [timeline, ticket, idea, results]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('parcel in the rain');
    }
    expect(timeline.json().data.find((e: { kind: string }) => e.kind === 'feedback')).toMatchObject({
      channel: 'email',
      nps: 3,
      text: null,
    });
    expect(ticket.json().feedback).toEqual([expect.objectContaining({ channel: 'email', text: null })]);
    expect(idea.json().feedback).toEqual([expect.objectContaining({ channel: 'email', text: null })]);
    expect(results.json().openText.latest).toEqual([expect.objectContaining({ nps: 2, text: null })]);
    expect(results.json().openText.answers).toBe(1);
  });

  it('is shown with feedback:read, and to every role in the dashboard', async () => {
    const withText = await read(
      await createKey(t, owner, ['feedback:read', 'customers:read', 'tickets:read', 'ideas:read', 'surveys:read']),
    );
    expect(withText.timeline.json().data.find((e: { kind: string }) => e.kind === 'feedback').text).toBe(SECRET);
    expect(withText.ticket.json().feedback[0].text).toBe(SECRET);
    expect(withText.idea.json().feedback[0].text).toBe(SECRET);
    expect(withText.results.json().openText.latest[0].text).toBe(SECRET);
    const asViewer = await call('GET', `/api/v1/tickets/${ticketId}`, { cookie: viewer });
    expect(asViewer.json().feedback[0].text).toBe(SECRET);
  });
});
