// The widget's public API, called from customers' browsers on the business's own pages:
// /api/v1/widget/<publicKey>/… . Every request (and its CORS preflight) must come from an origin
// the key allows; the key can only add feedback and events to its own workspace and reads nothing.
// Limits per visitor IP and per key; a honeypot field and a minimum fill time stop form bots.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { zLocale } from '../../platform/http/zod-types.js';
import { recordEvents } from '../../customers/record-activity.js';
import { createFeedback } from '../feedback.service.js';
import type { TCreateFeedbackInput } from '../feedback.schemas.js';
import { WIDGET_LIMITS } from './limits.js';
import { resolveWidgetKey } from './widget-key.service.js';

const tags = ['widget'];
const ZKeyParams = z.strictObject({ key: z.string().max(64) });
const zText = (max: number) => z.string().trim().max(max).refine((s) => !s.includes('\u0000'), 'contains a NUL character');
const zVisitor = {
  anonymousId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional().describe('The visitor id the widget keeps for this browser'),
  externalId: z.string().trim().min(1).max(200).optional().describe('From identify(); not verified'),
  email: z.email().max(320).optional().describe('Typed by the visitor or given to identify(); not verified'),
};

export const ZWidgetFeedbackInput = z.strictObject({
  kind: z.enum(['feedback', 'bug', 'idea', 'question']).default('feedback'),
  text: zText(5_000).pipe(z.string().min(1, 'write something first')),
  pageUrl: z.url().max(2_000).optional(),
  userAgent: zText(500).optional(),
  language: zLocale.optional(),
  ...zVisitor,
  /** Hidden from people; a bot fills it in. */
  website: z.string().max(500).optional(),
  /** Milliseconds between showing the form and sending it. */
  elapsedMs: z.number().int().min(0).max(86_400_000),
});

export const ZWidgetEventsInput = z.strictObject({
  ...zVisitor,
  events: z.array(z.strictObject({
    name: z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N}_.:\- ]+$/u, 'letters, digits, space and _ . : - only'),
    properties: z.record(z.string(), z.unknown()).refine((o) => JSON.stringify(o).length <= 4_096, 'at most 4 KB').default({}),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })).min(1).max(WIDGET_LIMITS.eventsPerCall),
});

// Per key across all visitors; per IP is @fastify/rate-limit's job (see the routes' config).
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

declare module 'fastify' {
  interface FastifyRequest { widgetKeyId?: string }
}

/** Checks key and origin, answers CORS; on success the request gets the key's workspace scope. */
async function guard(database: Database, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { key } = req.params as { key: string };
  const origin = req.headers.origin;
  const resolved = await resolveWidgetKey(database, key);
  if (resolved.status !== 'ok') {
    throw resolved.status === 'revoked'
      ? new AppError(403, 'widget_key_revoked', 'key: this widget key was revoked', 'key')
      : new AppError(404, 'unknown_widget_key', 'key: no such widget key', 'key');
  }
  if (!origin || !resolved.allowedOrigins.includes(origin)) {
    throw new AppError(403, 'origin_not_allowed', `origin: ${origin ?? 'none'} is not allowed for this widget key; add it to the key's allowed origins`, 'origin');
  }
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  if (!countForKey(key)) throw new AppError(429, 'rate_limited', 'Too many requests for this widget key', undefined, { 'retry-after': '60' });
  req.scope = new WorkspaceScope(database, resolved.workspaceId);
  req.widgetKeyId = resolved.id;
}

export async function widgetPublicRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: WIDGET_LIMITS.perIpPerMinute, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `${(req.params as { key?: string }).key}|${req.ip}` };
  const common = { permission: 'public' as const, rateLimit };
  const preHandler = (req: FastifyRequest, reply: FastifyReply) => guard(opts.database, req, reply);

  // CORS preflight: allowed origins get the methods and headers the widget uses, others nothing.
  app.options('/api/v1/widget/:key/:action', { config: { permission: 'public', rateLimit } }, async (req, reply) => {
    await guard(opts.database, req, reply);
    return reply.code(204).header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', String(WIDGET_LIMITS.preflightMaxAgeSeconds)).send();
  });

  r.post('/api/v1/widget/:key/feedback', {
    config: common, bodyLimit: WIDGET_LIMITS.bodyBytes, preHandler,
    schema: { tags, summary: 'Feedback or a bug report from the widget (public key, allowed origins only)', params: ZKeyParams, body: ZWidgetFeedbackInput, security: [] },
  }, async (req, reply) => {
    const b = req.body;
    // Bots get the same answer as people, so they learn nothing; their text is not stored.
    if (b.website || b.elapsedMs < WIDGET_LIMITS.minFormMs) return reply.code(202).send({ accepted: true });
    const customer = b.externalId || b.email ? { externalId: b.externalId, email: b.email } : undefined;
    const input = {
      channel: 'widget', text: b.text, language: b.language, customer, links: {},
      metadata: { widget_kind: b.kind, page_url: b.pageUrl, user_agent: b.userAgent, anonymous_id: b.anonymousId, identity: 'unverified' },
    } as TCreateFeedbackInput;
    const { item } = await createFeedback(req.scope, input);
    return reply.code(201).send({ accepted: true, id: item.id });
  });

  r.post('/api/v1/widget/:key/events', {
    config: common, bodyLimit: WIDGET_LIMITS.bodyBytes, preHandler,
    schema: {
      tags, summary: 'Behavioural events from the widget', params: ZKeyParams, body: ZWidgetEventsInput, security: [],
      description: 'Stored for identified visitors (externalId or email); events of anonymous visitors only drive the widget in the browser and are not stored.',
    },
  }, async (req, reply) => {
    const b = req.body;
    if (!b.externalId && !b.email) return reply.code(202).send({ stored: 0 });
    const customer = { externalId: b.externalId, email: b.email };
    const stored = await recordEvents(req.scope, b.events.map((e) => ({ customer, name: e.name, properties: e.properties, occurredAt: e.occurredAt ? new Date(e.occurredAt) : undefined })) as never);
    return reply.code(201).send({ stored: stored.length });
  });
}
