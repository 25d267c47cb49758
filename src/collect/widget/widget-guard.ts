// Every widget request (and its CORS preflight) passes here: the public key must exist and not be
// revoked, the page's origin must be one the key allows, the key must be under its rate limit.
// The request then gets the key's workspace scope, the only workspace it can write to, and the
// visitor's identity judged against the key's identity secrets (widget-identity.ts); POSTs
// honour Idempotency-Key, so the widget's offline queue can retry a call and it counts once.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { claimIdempotency } from '../../platform/http/idempotency.js';
import { WIDGET_LIMITS } from './limits.js';
import { resolveWidgetKey } from './widget-key.service.js';
import { verifyWidgetIdentity, type ClaimedIdentity, type WidgetIdentity } from './widget-identity.js';

declare module 'fastify' {
  interface FastifyRequest {
    widgetKeyId?: string;
    widgetIdentity?: WidgetIdentity;
  }
}

// Per key across all visitors (per IP is @fastify/rate-limit's job, see widgetRateLimit).
const keyWindows = new Map<string, { start: number; count: number }>();
function countForKey(key: string): boolean {
  const now = Date.now();
  const w = keyWindows.get(key);
  if (!w || now - w.start >= 60_000) {
    if (keyWindows.size > 10_000) keyWindows.clear();
    keyWindows.set(key, { start: now, count: 1 });
    return true;
  }
  return ++w.count <= WIDGET_LIMITS.perKeyPerMinute;
}

/** Per visitor IP and key, for @fastify/rate-limit. */
export const widgetRateLimit = {
  max: WIDGET_LIMITS.perIpPerMinute,
  timeWindow: 60_000,
  keyGenerator: (req: FastifyRequest) => `${(req.params as { key?: string }).key}|${req.ip}`,
};

/**
 * The page's origin. Browsers send Origin on every cross-origin request but not on a same-origin
 * GET (a page served by Feedloop itself, like the demo shop): there the Referer names it.
 */
function pageOrigin(req: FastifyRequest): string | undefined {
  if (req.headers.origin) return req.headers.origin;
  try {
    return req.headers.referer ? new URL(req.headers.referer).origin : undefined;
  } catch {
    return undefined;
  }
}

export async function widgetGuard(database: Database, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  const { key } = req.params as { key: string };
  const origin = pageOrigin(req);
  const resolved = await resolveWidgetKey(database, key);
  if (resolved.status !== 'ok') {
    throw resolved.status === 'revoked'
      ? new AppError(403, 'widget_key_revoked', 'key: this widget key was revoked', 'key')
      : new AppError(404, 'unknown_widget_key', 'key: no such widget key', 'key');
  }
  if (!origin || !resolved.allowedOrigins.includes(origin)) {
    throw new AppError(
      403,
      'origin_not_allowed',
      `origin: ${origin ?? 'none'} is not allowed for this widget key; add it to the key's allowed origins`,
      'origin',
    );
  }
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  if (!countForKey(key))
    throw new AppError(429, 'rate_limited', 'Too many requests for this widget key', undefined, { 'retry-after': '60' });
  req.scope = new WorkspaceScope(database, resolved.workspaceId);
  req.widgetKeyId = resolved.id;
  // The visitor fields come in the query of a GET and the body of a POST (validated before this).
  const claim = ((req.method === 'GET' ? req.query : req.body) ?? {}) as ClaimedIdentity;
  req.widgetIdentity = verifyWidgetIdentity(resolved.identitySecrets, claim);
  if (req.method === 'POST') return claimIdempotency(req, reply, resolved.workspaceId, `widget:${resolved.id}:`);
}
