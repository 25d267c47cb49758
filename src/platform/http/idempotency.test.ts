// Idempotency-Key replays belong to the credential that sent the key, never carry a secret, and
// expire: a scheduled job purges them (src/app/schedules.test.ts). On PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, createKey, bearer, OWNER, sessionCookie, type TestApp } from '../testing/test-app.js';
import { addMember } from '../testing/members.js';
import { workspaces } from '../workspace/workspace.tables.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { IDEMPOTENCY_LIMITS } from './limits.js';

let t: TestApp;
let owner: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie: owner } = await setupOwner(t));
  const [workspace] = await t.database.db.select().from(workspaces);
  ({ cookie: admin } = await addMember(t, workspace.id, 'admin@example.com', 'admin'));
});
afterAll(() => t.close());

const post = (url: string, headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
const storedAnswers = async () =>
  (await t.database.rows<{ body: string | null }>(sql`select response_body::text as body from idempotency_keys`))
    .map((r) => r.body ?? '')
    .join('\n');

describe('Idempotency-Key replays', () => {
  it('never hand a new API key to another admin, or to the same user in another session', async () => {
    const body = { name: 'Shop server', scopes: ['feedback:write'] };
    const first = await post('/api/v1/api-keys', { cookie: owner, 'idempotency-key': 'new-key' }, body);
    expect(first.statusCode).toBe(201);
    const secret = first.json().key as string;
    expect(secret).toMatch(/^fl_/);

    const otherAdmin = await post('/api/v1/api-keys', { cookie: admin, 'idempotency-key': 'new-key' }, body);
    expect(otherAdmin.statusCode).toBe(201);
    expect(otherAdmin.headers['idempotent-replayed']).toBeUndefined();
    expect(otherAdmin.json().id).not.toBe(first.json().id);
    expect(otherAdmin.body).not.toContain(secret);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    });
    const secondSession = await post(
      '/api/v1/api-keys',
      { cookie: sessionCookie(login.headers['set-cookie']), 'idempotency-key': 'new-key' },
      body,
    );
    expect(secondSession.headers['idempotent-replayed']).toBeUndefined();
    expect(secondSession.body).not.toContain(secret);
  });

  it('replay to the same session without the secret, which is never stored', async () => {
    const body = { name: 'Warehouse', scopes: ['events:write'] };
    const first = await post('/api/v1/api-keys', { cookie: owner, 'idempotency-key': 'warehouse' }, body);
    const again = await post('/api/v1/api-keys', { cookie: owner, 'idempotency-key': 'warehouse' }, body);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const { key: secret, ...rest } = first.json();
    expect(again.json()).toEqual(JSON.parse(JSON.stringify(rest)));
    expect(again.json()).not.toHaveProperty('key');

    const invite = await post(
      '/api/v1/invitations',
      { cookie: owner, 'idempotency-key': 'invite' },
      { email: 'new@example.com', role: 'agent' },
    );
    expect(invite.statusCode).toBe(201);
    const token = (invite.json().link as string).split('/invite/')[1];
    const replayed = await post(
      '/api/v1/invitations',
      { cookie: owner, 'idempotency-key': 'invite' },
      { email: 'new@example.com', role: 'agent' },
    );
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toMatchObject({ id: invite.json().id, email: 'new@example.com' });
    expect(replayed.json()).not.toHaveProperty('link');
    const adminTry = await post(
      '/api/v1/invitations',
      { cookie: admin, 'idempotency-key': 'invite' },
      { email: 'new@example.com', role: 'agent' },
    );
    expect(adminTry.body).not.toContain(token);

    const stored = await storedAnswers();
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(token);
  });

  it("never store a widget key's identity secret, on creation or rotation", async () => {
    const created = await post(
      '/api/v1/widget-keys',
      { cookie: owner, 'idempotency-key': 'widget-key' },
      { name: 'Shop', allowedOrigins: ['https://shop.example'] },
    );
    expect(created.statusCode).toBe(201);
    const rotated = await post(
      `/api/v1/widget-keys/${created.json().id}/rotate-secret`,
      { cookie: owner, 'idempotency-key': 'rotate' },
      {},
    );
    expect(rotated.statusCode).toBe(200);
    const secrets = [created.json().identitySecret as string, rotated.json().identitySecret as string];
    for (const secret of secrets) expect(secret).toMatch(/^fl_idv_/);
    const stored = await storedAnswers();
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it('keep two API keys of one workspace apart, and replay to the key that sent it', async () => {
    const a = await createKey(t, owner, ['feedback:write']);
    const b = await createKey(t, owner, ['feedback:write']);
    const body = { channel: 'api', text: 'Same key, two senders' };
    const fromA = await post('/api/v1/feedback', { ...bearer(a), 'idempotency-key': 'shared' }, body);
    const fromB = await post('/api/v1/feedback', { ...bearer(b), 'idempotency-key': 'shared' }, body);
    expect(fromB.headers['idempotent-replayed']).toBeUndefined();
    expect(fromB.json().id).not.toBe(fromA.json().id);
    const againA = await post('/api/v1/feedback', { ...bearer(a), 'idempotency-key': 'shared' }, body);
    expect(againA.headers['idempotent-replayed']).toBe('true');
    expect(againA.json().id).toBe(fromA.json().id);
  });
});

describe('expired Idempotency-Keys', () => {
  it('may be purged by several workers at once, in batches', async () => {
    const [workspace] = await t.database.db.select().from(workspaces);
    const n = IDEMPOTENCY_LIMITS.purgeBatch * 2 + 7;
    await t.database.rows(sql`insert into idempotency_keys (workspace_id, credential, key, request_hash, state, created_at)
      select ${workspace.id}, 'api_key:batch', 'b-' || i, 'h', 'done', now() - interval '2 days' from generate_series(1, ${n}) i`);
    const purged = await Promise.all([purgeIdempotencyKeys(t.database), purgeIdempotencyKeys(t.database)]);
    expect(purged[0] + purged[1]).toBe(n);
    const [{ left }] = await t.database.rows<{ left: number }>(
      sql`select count(*)::int as left from idempotency_keys where credential = 'api_key:batch'`,
    );
    expect(left).toBe(0);
  });
});
