// Builds the HTTP server: the plumbing every request passes (security headers, authentication,
// idempotency, validation), the routes it is given, the OpenAPI document and reference, health,
// metrics and the dashboard. Which routes there are is the application's choice (src/app/routes.ts).
import fs from 'node:fs';
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { handleError, errorBody } from './errors.js';
import { registerAuthentication } from './authenticate.js';
import { registerIdempotency } from './idempotency.js';
import { registerNulGuard } from './nul-guard.js';
import { registerJsonBodyParser } from './json-body.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerMetricsRoute } from './metrics-endpoint.js';
import { HTTP_LIMITS } from './limits.js';
import { DB_LIMITS } from '../db/limits.js';
import { metrics } from '../metrics.js';
import { webDistDir } from '../paths.js';
export interface ServerDeps {
  config: Config;
  database: Database;
  log: Logger;
  version: string;
}

/** Registers one module of routes on the server. */
export type MountRoutes = (app: FastifyInstance) => Promise<unknown>;

/** A routes plugin with the options it is registered with. */
export function mount<O extends Record<string, unknown>>(
  routes: FastifyPluginAsync<O>,
  ...options: {} extends O ? [O?] : [O]
): MountRoutes {
  return async (app) => app.register(routes, options[0] as O);
}

// The API reference's own policy, instead of swagger-ui's, which allows styles and fonts from any
// https origin, upgrades every request to https (breaking the page on a plain-http install) and
// blocks the inline styles swagger-ui itself sets.
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
const DASHBOARD_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export async function buildServer(deps: ServerDeps, routes: MountRoutes[]): Promise<FastifyInstance & { draining: boolean }> {
  const { config, database } = deps;
  const app = Fastify({
    loggerInstance: deps.log,
    bodyLimit: HTTP_LIMITS.bodyLimitBytes,
    routerOptions: { maxParamLength: HTTP_LIMITS.maxParamLength },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // One line per request is logged in onResponse instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance & { draining: boolean };
  app.draining = false;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerJsonBodyParser(app);
  await registerSecurityHeaders(app, { https: config.publicUrl.startsWith('https://') });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (app.draining && req.url.startsWith('/api/')) {
      reply.header('connection', 'close').header('retry-after', '1');
      return reply.code(503).send(errorBody('shutting_down', 'The server is restarting; retry shortly'));
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: req.method, route, status: reply.statusCode });
    metrics.httpSeconds.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    req.log.info(
      {
        method: req.method,
        url: req.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        reqId: req.id,
      },
      'request',
    );
  });

  await app.register(cookie);
  // Only routes that opt in (login, setup) are limited; req.ip honours X-Forwarded-For only
  // when TRUST_PROXY=true, so a spoofed header cannot reset the count.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) => {
      const err = new Error('Too many requests, try again later') as Error & { statusCode: number; code: string };
      err.statusCode = ctx.statusCode;
      err.code = 'FST_ERR_RATE_LIMIT_EXCEEDED';
      return err;
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Feedloop API',
        version: deps.version,
        description: 'Collect, analyze and act on customer feedback. Authenticate with `Authorization: Bearer <API key>`.',
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created in the dashboard' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP, uiConfig: { docExpansion: 'list', deepLinking: true } });

  registerAuthentication(app, database, new URL(config.publicUrl).origin);
  registerIdempotency(app);
  registerNulGuard(app);

  for (const mountRoutes of routes) await mountRoutes(app);

  app.get('/api/openapi.json', async () => app.swagger());
  app.get('/healthz', async (_req, reply) => {
    try {
      await database.rows((await import('drizzle-orm')).sql`select 1`);
      return { status: app.draining ? 'draining' : 'ok', engine: database.engine };
    } catch {
      return reply.code(503).header('retry-after', String(DB_LIMITS.unavailableRetryAfterSeconds)).send({ status: 'database_unavailable' });
    }
  });
  // With METRICS_LISTEN, /metrics is served on its own address instead (see app.ts).
  if (config.metricsListen)
    app.get('/metrics', async (req, reply) => reply.code(404).send(errorBody('not_found', `No route ${req.method} /metrics`)));
  else registerMetricsRoute(app, config.metricsToken);

  registerDashboard(app);
  return app;
}

function registerDashboard(app: FastifyInstance) {
  const indexHtml = `${webDistDir}/index.html`;
  if (!fs.existsSync(indexHtml)) {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain').send('Feedloop API is running. The dashboard is not built: run `npm run build`.'),
    );
    app.setNotFoundHandler(async (req, reply) =>
      reply.code(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`)),
    );
    return;
  }
  app.register(fastifyStatic, {
    root: webDistDir,
    wildcard: false,
    index: false,
    setHeaders: (reply, filePath) => {
      if (filePath.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const sendIndex = (reply: import('fastify').FastifyReply) =>
    reply
      .header('content-security-policy', DASHBOARD_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .header('cache-control', 'no-cache')
      .sendFile('index.html');
  app.get('/', async (_req, reply) => sendIndex(reply));
  // Client-side routes fall back to the app; unknown API paths stay JSON 404s.
  app.setNotFoundHandler(async (req, reply) => {
    const pathname = req.url.split('?')[0];
    if (req.method === 'GET' && !pathname.startsWith('/api/') && !pathname.includes('.')) return sendIndex(reply);
    return reply.code(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}
