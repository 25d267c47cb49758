// Prometheus metrics at /metrics: open by default (as on most self-hosted servers behind a
// firewall), behind a bearer token with METRICS_TOKEN, and on an address of its own with
// METRICS_LISTEN (e.g. 127.0.0.1:9464, reachable by the scraper only), or both.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registry } from '../metrics.js';
import { constantTimeEqual } from '../ids.js';
import { errorBody } from './errors.js';
import { registerSecurityHeaders } from './security-headers.js';

export function registerMetricsRoute(app: FastifyInstance, token: string | undefined) {
  app.get('/metrics', async (req, reply) => {
    if (token) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!constantTimeEqual(given, token)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send(errorBody('unauthenticated', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>'));
      }
    }
    return reply
      .type(registry.contentType)
      .header('cache-control', 'no-store')
      .send(await registry.metrics());
  });
}

/** The metrics on their own listener, for METRICS_LISTEN. */
export async function buildMetricsServer(opts: { token?: string; https: boolean; log: Logger }): Promise<FastifyInstance> {
  // The same cast as buildServer's: a pino Logger is Fastify's logger, typed more narrowly.
  const app = Fastify({ loggerInstance: opts.log }) as unknown as FastifyInstance;
  await registerSecurityHeaders(app, { https: opts.https });
  registerMetricsRoute(app, opts.token);
  app.setNotFoundHandler(async (req, reply) =>
    reply.code(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`)),
  );
  return app;
}
