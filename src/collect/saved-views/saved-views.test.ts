import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, createKey, bearer, OWNER, sessionCookie, type TestApp } from '../../platform/testing/test-app.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { addMember } from '../../platform/testing/members.js';

let t: TestApp;
let owner: string;
let agent: string;
let ownerInB: string;

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload });

beforeAll(async () => {
  t = await createTestApp();
  const setup = await setupOwner(t);
  owner = setup.cookie;
  const [wsA] = await t.database.db.select().from(workspaces);
  ({ cookie: agent } = await addMember(t, wsA.id, 'agent@example.com', 'agent'));
  const wsB = await createWorkspace(t.database, wsA.organizationId, setup.body.user.id, 'Other');
  // The owner signed in a second time and moved that session to workspace B.
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: OWNER.email, password: OWNER.password },
  });
  ownerInB = sessionCookie(login.headers['set-cookie']);
  const moved = await call('POST', '/api/v1/me/workspace', ownerInB, { workspaceId: wsB.id });
  expect(moved.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('saved views', () => {
  let privateId: string;
  let sharedId: string;

  it('saves named filters, private by default or shared with the workspace', async () => {
    const a = await call('POST', '/api/v1/saved-views', owner, {
      name: 'Late deliveries',
      filters: { sentiment: 'negative', topic: 'delivery' },
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      name: 'Late deliveries',
      filters: { sentiment: 'negative', topic: 'delivery' },
      shared: false,
      mine: true,
    });
    privateId = a.json().id;
    const b = await call('POST', '/api/v1/saved-views', owner, { name: ' تحویل دیر ', filters: { q: 'دیر' }, shared: true });
    expect(b.json()).toMatchObject({ name: 'تحویل دیر', shared: true });
    sharedId = b.json().id;
  });

  it('lists your own views and the shared ones, never a teammate’s private view', async () => {
    const mine = (await call('GET', '/api/v1/saved-views', owner, undefined)).json().data;
    expect(mine.map((v: { id: string }) => v.id).sort()).toEqual([privateId, sharedId].sort());
    const theirs = (await call('GET', '/api/v1/saved-views', agent)).json().data;
    expect(theirs).toEqual([expect.objectContaining({ id: sharedId, mine: false })]);
  });

  it('lets only the owner change or delete a view', async () => {
    expect((await call('PATCH', `/api/v1/saved-views/${sharedId}`, agent, { name: 'Mine now' })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/saved-views/${sharedId}`, agent)).statusCode).toBe(403);
    // A private view of someone else does not exist for you.
    expect((await call('PATCH', `/api/v1/saved-views/${privateId}`, agent, { name: 'x' })).statusCode).toBe(404);
    const renamed = await call('PATCH', `/api/v1/saved-views/${privateId}`, owner, { name: 'Late', shared: true });
    expect(renamed.json()).toMatchObject({ name: 'Late', shared: true, filters: { topic: 'delivery' } });
    expect((await call('DELETE', `/api/v1/saved-views/${privateId}`, owner)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/saved-views', agent)).json().data).toHaveLength(1);
  });

  it('keeps every workspace’s views apart', async () => {
    expect((await call('GET', '/api/v1/saved-views', ownerInB)).json().data).toEqual([]);
    expect((await call('PATCH', `/api/v1/saved-views/${sharedId}`, ownerInB, { name: 'x' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/saved-views/${sharedId}`, ownerInB)).statusCode).toBe(404);
  });

  it.each([
    [{ name: '', filters: {} }, 'name'],
    [{ name: 'x', filters: { 'Bad Key': 'v' } }, 'filters'],
    [{ name: 'x', filters: {}, extra: 1 }, 'extra'],
  ])('400 naming the field for %j', async (payload, field) => {
    const res = await call('POST', '/api/v1/saved-views', owner, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain(field);
  });

  it('has no views for API keys (they are not people)', async () => {
    const key = await createKey(t, owner, ['feedback:read']);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/saved-views', headers: bearer(key) });
    expect(res.statusCode).toBe(403);
  });
});
