// What most API tests start from: a Feedloop on a throw-away database whose owner has run the
// first-run setup and holds an API key, and `api` to call it with that key:
//
//   const { t, key, api } = await signedInApp({ scopes: ['customers:read'] });
//   const res = await api('GET', '/api/v1/customers');
import type { LightMyRequestResponse } from 'fastify';
import { createWorkspace } from '../auth/setup.service.js';
import { apiKeys } from '../auth/auth.tables.js';
import { workspaces } from '../workspace/workspace.tables.js';
import { newId, randomToken, sha256 } from '../ids.js';
import { bearer, createKey, createTestApp, setupOwner, type TestApp } from './test-app.js';

type Workspace = typeof workspaces.$inferSelect;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface SignedInApp {
  t: TestApp;
  /** The owner: their session cookie (a `cookie` header value) and user id. */
  owner: { cookie: string; userId: string };
  /** The workspace the first-run setup created. */
  workspace: Workspace;
  /** An API key of that workspace with the scopes asked for. */
  key: string;
  /** A request with the API key (or with `headers`: another key, a cookie). */
  api(method: Method, url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Another API key of the owner's workspace. */
  keyWith(scopes: string[]): Promise<string>;
  /** A second workspace of the same organization, with an API key of its own. */
  otherWorkspace(scopes: string[], name?: string): Promise<{ workspace: Workspace; key: string }>;
}

export async function signedInApp(
  options: {
    /** The key's scopes (default: createKey's, the feedback and customer data scopes). */
    scopes?: string[];
    /** Environment of the app (loadConfig's variables). */
    env?: Record<string, string>;
    /** First-run setup choices. */
    setup?: Parameters<typeof setupOwner>[1];
  } = {},
): Promise<SignedInApp> {
  const t = await createTestApp(options.env);
  const { cookie, body } = await setupOwner(t, options.setup);
  const key = await createKey(t, cookie, options.scopes);
  const [workspace] = await t.database.db.select().from(workspaces);
  return {
    t,
    key,
    workspace,
    owner: { cookie, userId: body.user.id },
    api: (method, url, payload, headers = bearer(key)) => t.app.inject({ method, url, headers, payload }),
    keyWith: (scopes) => createKey(t, cookie, scopes),
    async otherWorkspace(scopes, name = 'Other') {
      const other = await createWorkspace(t.database, workspace.organizationId, body.user.id, name);
      const otherKey = `fl_${randomToken(32)}`;
      await t.database.db
        .insert(apiKeys)
        .values({ id: newId(), workspaceId: other.id, name: 'b', prefix: otherKey.slice(0, 10), keyHash: sha256(otherKey), scopes });
      return { workspace: other, key: otherKey };
    },
  };
}
