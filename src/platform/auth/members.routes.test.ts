import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, setupOwner, createKey, bearer, sessionCookie, OWNER, type TestApp } from '../testing/test-app.js';
import { createWorkspace } from './setup.service.js';
import { invitations } from './auth.tables.js';
import { workspaces } from '../workspace/workspace.tables.js';
import { sha256 } from '../ids.js';

let t: TestApp;
let owner: string;
let ownerId: string;
let workspaceId: string;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
let clients = 0;
// Each call from its own address: sign-in and invitation routes are rate limited per IP.
const call = (method: Method, url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload, remoteAddress: `10.0.0.${++clients % 250}` });

/** Invites, accepts as a new user, and returns the new member's id and cookie. */
async function join(email: string, role: string, by = owner) {
  const invite = await call('POST', '/api/v1/invitations', by, { email, role });
  expect(invite.statusCode, invite.body).toBe(201);
  const token = new URL(invite.json().link).pathname.split('/').pop()!;
  const res = await call('POST', '/api/v1/invitations/accept', undefined, {
    token,
    name: email.split('@')[0],
    password: 'a long enough password',
  });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().user.id as string, cookie: sessionCookie(res.headers['set-cookie']) };
}

beforeAll(async () => {
  t = await createTestApp();
  const setup = await setupOwner(t);
  owner = setup.cookie;
  ownerId = setup.body.user.id;
  workspaceId = setup.body.workspace.id;
});
afterAll(() => t.close());

describe('invitations', () => {
  it('creates a one-time link whose token is stored only as a hash, and accepting signs the invitee in', async () => {
    const res = await call('POST', '/api/v1/invitations', owner, { email: 'Sara@Example.com', role: 'agent' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = body.link.split('/').pop();
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, body.id));
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -4);
    expect((await call('GET', '/api/v1/invitations', owner)).json().data.map((i: { id: string }) => i.id)).toEqual([body.id]);

    const lookup = await call('POST', '/api/v1/invitations/lookup', undefined, { token });
    expect(lookup.json()).toEqual({ workspaceName: 'Main', email: 'Sara@Example.com', role: 'agent', hasAccount: false });
    expect(
      (await call('POST', '/api/v1/invitations/accept', undefined, { token, password: 'a long enough password' })).json().error.field,
    ).toBe('name');
    expect((await call('POST', '/api/v1/invitations/accept', undefined, { token, name: 'Sara', password: 'short' })).statusCode).toBe(400);

    const accept = await call('POST', '/api/v1/invitations/accept', undefined, { token, name: 'Sara', password: 'a long enough password' });
    expect(accept.statusCode).toBe(200);
    const me = await call('GET', '/api/v1/me', sessionCookie(accept.headers['set-cookie']));
    expect(me.json()).toMatchObject({ user: { name: 'Sara', email: 'Sara@Example.com' }, role: 'agent', workspace: { id: workspaceId } });
    // The password works for sign-in too.
    expect(
      (await call('POST', '/api/v1/auth/login', undefined, { email: 'sara@example.com', password: 'a long enough password' })).statusCode,
    ).toBe(200);

    // One time only.
    const again = await call('POST', '/api/v1/invitations/accept', undefined, { token, name: 'Eve', password: 'another long password' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitation_used');
    expect((await call('POST', '/api/v1/invitations/lookup', undefined, { token })).statusCode).toBe(410);
    expect((await call('GET', '/api/v1/invitations', owner)).json().data).toEqual([]);
    expect((await call('POST', '/api/v1/invitations', owner, { email: 'sara@example.com', role: 'viewer' })).statusCode).toBe(409);
  });

  it('refuses expired, revoked and unknown tokens', async () => {
    const expired = await call('POST', '/api/v1/invitations', owner, { email: 'late@example.com', role: 'viewer' });
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.json().id));
    const late = await call('POST', '/api/v1/invitations/accept', undefined, {
      token: expired.json().link.split('/').pop(),
      name: 'Late',
      password: 'a long enough password',
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('invitation_expired');

    const revoked = await call('POST', '/api/v1/invitations', owner, { email: 'gone@example.com', role: 'viewer' });
    expect((await call('DELETE', `/api/v1/invitations/${revoked.json().id}`, owner)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/invitations/${revoked.json().id}`, owner)).statusCode).toBe(404);
    const token = revoked.json().link.split('/').pop();
    expect(
      (await call('POST', '/api/v1/invitations/accept', undefined, { token, name: 'Gone', password: 'a long enough password' })).statusCode,
    ).toBe(404);
    expect((await call('POST', '/api/v1/invitations/lookup', undefined, { token: 'x'.repeat(43) })).statusCode).toBe(404);
  });

  it('adds an existing account only with its own password', async () => {
    const [main] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    const other = await createWorkspace(t.database, main.organizationId, ownerId, 'Other');
    await call('POST', '/api/v1/me/workspace', owner, { workspaceId: other.id });
    try {
      const invite = await call('POST', '/api/v1/invitations', owner, { email: 'sara@example.com', role: 'viewer' });
      const token = invite.json().link.split('/').pop();
      expect((await call('POST', '/api/v1/invitations/lookup', undefined, { token })).json().hasAccount).toBe(true);
      expect((await call('POST', '/api/v1/invitations/accept', undefined, { token, password: 'not her password' })).statusCode).toBe(401);
      const ok = await call('POST', '/api/v1/invitations/accept', undefined, { token, password: 'a long enough password' });
      expect(ok.statusCode).toBe(200);
      expect((await call('GET', '/api/v1/me', sessionCookie(ok.headers['set-cookie']))).json()).toMatchObject({
        role: 'viewer',
        workspace: { id: other.id },
      });
    } finally {
      await call('POST', '/api/v1/me/workspace', owner, { workspaceId });
    }
  });

  it('validates input and keeps the owner role for owners to give', async () => {
    const bad = await call('POST', '/api/v1/invitations', owner, { email: 'not-an-email', role: 'agent' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('email');
    expect((await call('POST', '/api/v1/invitations', owner, { email: 'a@example.com', role: 'root' })).json().error.field).toBe('role');
    const admin = await join('admin@example.com', 'admin');
    expect((await call('POST', '/api/v1/invitations', admin.cookie, { email: 'boss@example.com', role: 'owner' })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/invitations', admin.cookie, { email: 'helper@example.com', role: 'agent' })).statusCode).toBe(201);
  });
});

describe('members and roles', () => {
  it('lists members; owners and admins change roles, others get 403', async () => {
    const agent = await join('agent@example.com', 'agent');
    const list = await call('GET', '/api/v1/members', agent.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.json().data[0]).toMatchObject({ userId: ownerId, role: 'owner', email: OWNER.email });
    expect((await call('PATCH', `/api/v1/members/${ownerId}`, agent.cookie, { role: 'viewer' })).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/invitations', agent.cookie, { email: 'x@example.com', role: 'viewer' })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/members/${ownerId}`, agent.cookie)).statusCode).toBe(403);

    const promoted = await call('PATCH', `/api/v1/members/${agent.id}`, owner, { role: 'admin' });
    expect(promoted.json()).toMatchObject({ userId: agent.id, role: 'admin' });
    expect((await call('GET', '/api/v1/invitations', agent.cookie)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/v1/members/${agent.id}`, owner, { role: 'owner!' })).json().error.field).toBe('role');
    // An admin cannot demote an owner.
    expect((await call('PATCH', `/api/v1/members/${ownerId}`, agent.cookie, { role: 'viewer' })).statusCode).toBe(403);
  });

  it('never demotes or removes the last owner', async () => {
    const demote = await call('PATCH', `/api/v1/members/${ownerId}`, owner, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_owner');
    expect((await call('DELETE', `/api/v1/members/${ownerId}`, owner)).statusCode).toBe(409);

    const second = await join('second-owner@example.com', 'viewer');
    expect((await call('PATCH', `/api/v1/members/${second.id}`, owner, { role: 'owner' })).statusCode).toBe(200);
    expect((await call('PATCH', `/api/v1/members/${ownerId}`, second.cookie, { role: 'admin' })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/members/${second.id}`, second.cookie)).statusCode).toBe(409);
    await t.database.rows(sql`update memberships set role = 'owner' where user_id = ${ownerId}`);
    expect((await call('DELETE', `/api/v1/members/${second.id}`, owner)).statusCode).toBe(204);
    // The removed member's session in this workspace ends at once.
    expect((await call('GET', '/api/v1/me', second.cookie)).statusCode).toBe(401);
  });

  it('API keys can never manage members', async () => {
    const key = await createKey(t, owner);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations', headers: bearer(key) })).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: { cookie: owner },
          payload: { name: 'x', scopes: ['members:manage'] },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('cannot see or touch members and invitations of another workspace', async () => {
    const outsider = await setupOtherWorkspace();
    const theirs = await call('GET', '/api/v1/members', outsider.cookie);
    expect(theirs.json().data.map((m: { userId: string }) => m.userId)).toEqual([outsider.userId]);
    expect((await call('PATCH', `/api/v1/members/${ownerId}`, outsider.cookie, { role: 'viewer' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/members/${ownerId}`, outsider.cookie)).statusCode).toBe(404);
    const invite = await call('POST', '/api/v1/invitations', owner, { email: 'mine@example.com', role: 'viewer' });
    expect((await call('DELETE', `/api/v1/invitations/${invite.json().id}`, outsider.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/invitations', outsider.cookie)).json().data).toEqual([]);
  });
});

/** A separate workspace whose owner is not a member of ours (created directly: setup runs once). */
async function setupOtherWorkspace() {
  const [main] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  const stranger = await join('stranger@example.com', 'viewer');
  const theirs = await createWorkspace(t.database, main.organizationId, stranger.id, 'Elsewhere');
  await call('DELETE', `/api/v1/members/${stranger.id}`, owner);
  const login = await call('POST', '/api/v1/auth/login', undefined, { email: 'stranger@example.com', password: 'a long enough password' });
  return { userId: stranger.id, cookie: sessionCookie(login.headers['set-cookie']), workspaceId: theirs.id };
}
