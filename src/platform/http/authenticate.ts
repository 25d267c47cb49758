// Resolves the caller (API key or session cookie) and enforces the route's permission before
// anything else runs. Every /api/v1 route must declare config.permission; a route without one
// fails at start-up, so nothing is ever open by omission.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.js';
import { WorkspaceScope } from '../db/workspace-scope.js';
import { resolveApiKey } from '../auth/api-key.service.js';
import { resolveSession } from '../auth/session.service.js';
import { SESSION_COOKIE } from '../auth/limits.js';
import type { Actor, Scope } from '../auth/permissions.js';
import { AppError } from './errors.js';

export type Permission = Scope | 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    scope: WorkspaceScope;
  }
  /** Every /api/v1 route and the permission it declared, in registration order. */
  interface FastifyInstance {
    routePermissions: ReadonlyArray<{ method: string; url: string; permission: Permission }>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: FastifyInstance, database: Database, publicOrigin: string) {
  app.decorateRequest('actor', null);
  app.decorateRequest('scope', null as unknown as WorkspaceScope);
  const routePermissions: Array<{ method: string; url: string; permission: Permission }> = [];
  app.decorate('routePermissions', routePermissions);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) routePermissions.push({ method, url: route.url, permission });
  });

  app.addHook('onRequest', async (req) => {
    const permission = req.routeOptions.config?.permission;
    if (!permission) return; // not an API route (static files, health, docs)
    const actor = await identify(req, database, publicOrigin);
    req.actor = actor;
    if (actor) req.scope = new WorkspaceScope(database, actor.workspaceId);
    if (permission === 'public') return;
    if (!actor) throw new AppError(401, 'unauthenticated', 'Sign in or send an API key (Authorization: Bearer …)');
    if (permission === 'signed-in') return;
    if (!actor.scopes.has(permission)) {
      throw new AppError(403, 'forbidden', `This action needs the ${permission} permission`);
    }
  });
}

async function identify(req: FastifyRequest, database: Database, publicOrigin: string): Promise<Actor | null> {
  const query = req.query as Record<string, unknown> | undefined;
  if (query && ('api_key' in query || 'access_token' in query || 'key' in query)) {
    // Keys in URLs end up in logs and browser history.
    throw new AppError(400, 'key_in_query', 'Send API keys in the Authorization header, never in the URL', 'api_key');
  }
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await resolveApiKey(database, match[1]) : null;
    if (!actor) throw new AppError(401, 'invalid_api_key', 'The API key is not valid or was revoked');
    return actor;
  }
  const token = req.cookies?.[SESSION_COOKIE];
  if (!token) return null;
  const actor = await resolveSession(database, token);
  if (actor && !SAFE_METHODS.has(req.method)) assertSameOrigin(req, publicOrigin);
  return actor;
}

// Cookie-authenticated writes must come from our own origin when the browser says where they
// come from, and a POST must be JSON: HTML forms can only GET or POST, and a cross-site JSON
// POST needs a CORS preflight that we never grant.
function assertSameOrigin(req: FastifyRequest, publicOrigin: string) {
  const type = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && !type.startsWith('application/json')) {
    throw new AppError(415, 'json_required', 'Send JSON with Content-Type: application/json', 'content-type');
  }
  const origin = req.headers.origin;
  if (origin && origin !== publicOrigin && origin !== `${req.protocol}://${req.headers.host}`) {
    throw new AppError(403, 'cross_origin', 'Cross-origin requests are not allowed with a session cookie');
  }
}
