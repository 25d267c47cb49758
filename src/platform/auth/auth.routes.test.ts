import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, createKey, bearer, sessionCookie, OWNER, type TestApp } from '../testing/test-app.js';
import { memberships, users } from './auth.tables.js';
import { newId } from '../ids.js';
import { hashPassword } from './passwords.js';
import { AUTH_LIMITS } from './limits.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inject = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  opts: { cookie?: string; key?: string; payload?: unknown; headers?: Record<string, string> } = {},
) =>
  t.app.inject({
    method,
    url,
    payload: opts.payload as object,
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.key ? bearer(opts.key) : {}), ...opts.headers },
  });

describe('first-run setup', () => {
  it('has no user and no default account on a fresh install', async () => {
    expect((await inject('GET', '/api/v1/setup/status')).json()).toEqual({ needsSetup: true });
    const rows = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from users`);
    expect(rows[0].n).toBe(0);
    const login = await inject('POST', '/api/v1/auth/login', { payload: { email: 'admin@example.com', password: 'admin' } });
    expect(login.statusCode).toBe(401);
  });

  it('refuses a short password, naming the field', async () => {
    const res = await inject('POST', '/api/v1/setup', {
      payload: { organizationName: 'A', workspaceName: 'B', name: 'C', email: 'c@example.com', password: 'short', locale: 'fa' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('password');
  });

  it('creates the owner with an HttpOnly SameSite session, then closes for good', async () => {
    const res = await inject('POST', '/api/v1/setup', {
      payload: {
        organizationName: 'Acme',
        workspaceName: 'Main',
        name: OWNER.name,
        email: OWNER.email,
        password: OWNER.password,
        locale: 'fa',
      },
    });
    expect(res.statusCode).toBe(201);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await inject('GET', '/api/v1/me', { cookie: sessionCookie(res.headers['set-cookie']) });
    expect(me.json()).toMatchObject({ user: { email: OWNER.email, locale: 'fa', calendar: 'auto' }, role: 'owner' });
    const again = await inject('POST', '/api/v1/setup', {
      payload: {
        organizationName: 'X',
        workspaceName: 'Y',
        name: 'Z',
        email: 'z@example.com',
        password: 'another long password',
        locale: 'en',
      },
    });
    expect(again.statusCode).toBe(409);
    expect((await inject('GET', '/api/v1/setup/status')).json()).toEqual({ needsSetup: false });
  });

  it('stores a scrypt hash, never the password', async () => {
    const [u] = await t.database.db.select().from(users);
    expect(u.passwordHash.startsWith('scrypt$')).toBe(true);
    expect(u.passwordHash).not.toContain(OWNER.password);
  });
});

describe('sessions', () => {
  it('login, me, settings, logout', async () => {
    const login = await inject('POST', '/api/v1/auth/login', { payload: { email: OWNER.email.toUpperCase(), password: OWNER.password } });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookie(login.headers['set-cookie']);
    const patch = await inject('PATCH', '/api/v1/me', { cookie, payload: { calendar: 'gregorian', locale: 'ar' } });
    expect(patch.json().user).toMatchObject({ calendar: 'gregorian', locale: 'ar' });
    const hijri = await inject('PATCH', '/api/v1/me', { cookie, payload: { calendar: 'hijri' } });
    expect(hijri.json().user).toMatchObject({ calendar: 'hijri', locale: 'ar' });
    const bad = await inject('PATCH', '/api/v1/me', { cookie, payload: { calendar: 'mayan' } });
    expect(bad.json().error.field).toBe('calendar');
    expect((await inject('POST', '/api/v1/auth/logout', { cookie, payload: {} })).statusCode).toBe(204);
    expect((await inject('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
  });

  it('cookie writes must be JSON from our own origin', async () => {
    const { cookie } = await loginOwner();
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'x=1',
    });
    expect(form.statusCode).toBe(415);
    const foreign = await inject('PATCH', '/api/v1/me', { cookie, payload: { name: 'x' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
  });

  it("slows a client's guesses at one account with 429 and Retry-After, but never locks the owner out of their own client", async () => {
    const attempt = (remoteAddress: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email: OWNER.email, password } });
    for (let i = 0; i < AUTH_LIMITS.loginFreeFailures; i++) expect((await attempt('203.0.113.7', `guess-${i}`)).statusCode).toBe(401);
    const slowed = await attempt('203.0.113.7', OWNER.password);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.code).toBe('rate_limited');
    expect(Number(slowed.headers['retry-after'])).toBe(AUTH_LIMITS.loginBackoffFirstSeconds);
    // The attacker's failures from other addresses too: the owner's own client is untouched.
    for (let i = 0; i < 8; i++) await attempt(`198.51.100.${i}`, `guess-${i}`);
    expect((await attempt('192.0.2.10', OWNER.password)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per address across accounts (password spraying)', async () => {
    const answers = [];
    for (let i = 0; i < AUTH_LIMITS.loginPerIpPerMinute + 1; i++) {
      answers.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: '203.0.113.99',
            payload: { email: `user${i}@example.com`, password: 'Summer2026!' },
          })
        ).statusCode,
      );
    }
    expect(answers.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });
});

async function loginOwner() {
  const res = await inject('POST', '/api/v1/auth/login', { payload: { email: OWNER.email, password: OWNER.password } });
  return { cookie: sessionCookie(res.headers['set-cookie']) };
}

describe('API keys', () => {
  it('are shown once, stored hashed, scoped and revocable at once', async () => {
    const { cookie } = await loginOwner();
    const key = await createKey(t, cookie, ['feedback:read']);
    expect(key).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
    const listed = (await inject('GET', '/api/v1/api-keys', { cookie })).json().data;
    expect(JSON.stringify(listed)).not.toContain(key);
    const stored = await t.database.rows<{ key_hash: string }>(sql`select key_hash from api_keys`);
    expect(stored.some((r) => r.key_hash.includes(key))).toBe(false);

    expect((await inject('GET', '/api/v1/feedback', { key })).statusCode).toBe(200);
    const write = await inject('POST', '/api/v1/feedback', { key, payload: { channel: 'api', text: 'x' } });
    expect(write.statusCode).toBe(403);
    expect((await inject('GET', `/api/v1/feedback?api_key=${key}`)).statusCode).toBe(400);
    expect((await inject('GET', '/api/v1/api-keys', { key })).statusCode).toBe(403);

    const id = listed.find((k: { prefix: string }) => key.startsWith(k.prefix)).id;
    expect(listed.find((k: { id: string }) => k.id === id).lastUsedAt).toBeNull();
    // Its use is noted (in the background, at most once a minute) for the admins' list.
    let lastUsedAt = null;
    for (let i = 0; i < 50 && !lastUsedAt; i++) {
      lastUsedAt = (await inject('GET', '/api/v1/api-keys', { cookie })).json().data.find((k: { id: string }) => k.id === id).lastUsedAt;
      if (!lastUsedAt) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - Date.parse(lastUsedAt)).toBeLessThan(60_000);
    expect((await inject('DELETE', `/api/v1/api-keys/${id}`, { cookie })).statusCode).toBe(200);
    expect((await inject('GET', '/api/v1/feedback', { key })).statusCode).toBe(401);
  });

  it('refuses unknown scopes and a wrong key', async () => {
    const { cookie } = await loginOwner();
    const res = await inject('POST', '/api/v1/api-keys', { cookie, payload: { name: 'x', scopes: ['keys:manage'] } });
    expect(res.statusCode).toBe(400);
    expect((await inject('GET', '/api/v1/feedback', { key: `fl_${'a'.repeat(43)}` })).statusCode).toBe(401);
    expect((await inject('GET', '/api/v1/feedback')).statusCode).toBe(401);
  });
});

describe('roles', () => {
  it('a viewer reads but cannot write or manage keys', async () => {
    const { cookie: ownerCookie } = await loginOwner();
    const me = (await inject('GET', '/api/v1/me', { cookie: ownerCookie })).json();
    const viewerId = newId();
    await t.database.db
      .insert(users)
      .values({ id: viewerId, email: 'viewer@example.com', name: 'V', passwordHash: await hashPassword('viewer password 1') });
    await t.database.db.insert(memberships).values({ workspaceId: me.workspace.id, userId: viewerId, role: 'viewer' });
    const login = await inject('POST', '/api/v1/auth/login', { payload: { email: 'viewer@example.com', password: 'viewer password 1' } });
    const cookie = sessionCookie(login.headers['set-cookie']);
    expect((await inject('GET', '/api/v1/feedback', { cookie })).statusCode).toBe(200);
    expect((await inject('POST', '/api/v1/feedback', { cookie, payload: { channel: 'api', text: 'x' } })).statusCode).toBe(403);
    expect((await inject('POST', '/api/v1/api-keys', { cookie, payload: { name: 'x', scopes: ['feedback:read'] } })).statusCode).toBe(403);
    expect((await inject('POST', '/api/v1/customers/identify', { cookie, payload: { email: 'a@example.com' } })).statusCode).toBe(403);
  });
});

describe('operations endpoints', () => {
  it('serves health, metrics and the OpenAPI 3.1 document', async () => {
    expect((await inject('GET', '/healthz')).json()).toMatchObject({ status: 'ok' });
    const metrics = await inject('GET', '/metrics');
    expect(metrics.body).toContain('feedloop_http_requests_total');
    const doc = (await inject('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/feedback'].post.requestBody.content['application/json'].schema.properties.nps).toBeDefined();
    expect(doc.paths['/api/v1/customers/merge']).toBeDefined();
    const docs = await inject('GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API routes with a JSON 404 and hides internals on errors', async () => {
    const res = await inject('GET', '/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('workspace switching', () => {
  it("moves the session to another of your workspaces, with that workspace's role", async () => {
    const { cookie } = await loginOwner();
    const me = (await inject('GET', '/api/v1/me', { cookie })).json();
    const { createWorkspace } = await import('./setup.service.js');
    const [home] = await t.database.db.select().from((await import('../workspace/workspace.tables.js')).workspaces);
    const other = await createWorkspace(t.database, home.organizationId, me.user.id, 'Second');
    await t.database.db.update(memberships).set({ role: 'viewer' }).where(sql`workspace_id = ${other.id}`);
    const switched = await inject('POST', '/api/v1/me/workspace', { cookie, payload: { workspaceId: other.id } });
    expect(switched.json()).toMatchObject({ workspace: { id: other.id }, role: 'viewer' });
    expect((await inject('GET', '/api/v1/me', { cookie })).json()).toMatchObject({ workspace: { id: other.id }, role: 'viewer' });
    const foreign = await inject('POST', '/api/v1/me/workspace', {
      cookie,
      payload: { workspaceId: '0190f0f0-0000-7000-8000-000000000000' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
