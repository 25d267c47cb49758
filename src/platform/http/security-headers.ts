// Security headers on every answer (JSON, HTML pages, scripts, docs, health, metrics, errors and
// 404s) from @fastify/helmet: nosniff, no framing by other sites, no referrer, same-origin
// resources, HSTS when the public address is https. What is not HTML gets a Content-Security-
// Policy that runs nothing; each HTML page sets its own instead (the dashboard, the survey pages,
// the API reference, the demo shop), and the widget's scripts say Cross-Origin-Resource-Policy:
// cross-origin themselves, since customers' sites load them.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/** A year, as browsers' preload lists expect; only the public host itself (the same name may have subdomains that are not Feedloop's). */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: opts.https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
  });
}
