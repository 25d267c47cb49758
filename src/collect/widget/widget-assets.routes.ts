// The widget's scripts, served to any page (they are public and carry no data), and the demo
// shop at /demo/widget that shows the widget at work on this server.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/http/errors.js';
import { packageRoot } from '../../platform/paths.js';
import { sha256 } from '../../platform/ids.js';
import { demoWidgetKey } from './widget-key.service.js';
import { DEMO_SHOPPER_ID, demoShopPage } from './demo-shop-page.js';
import { signIdentity } from './widget-identity.js';

export const widgetDistDir = path.join(packageRoot, 'dist', 'widget');
const SCRIPTS = ['loader.js', 'renderer.js'] as const;

/** A built script, read again when the build changes it. */
const cache = new Map<string, { mtimeMs: number; body: Buffer; etag: string }>();
function readScript(name: string) {
  const file = path.join(widgetDistDir, name);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return null;
  const hit = cache.get(name);
  if (hit?.mtimeMs === stat.mtimeMs) return hit;
  const body = fs.readFileSync(file);
  const entry = { mtimeMs: stat.mtimeMs, body, etag: `"${sha256(body.toString('latin1')).slice(0, 16)}"` };
  cache.set(name, entry);
  return entry;
}

export async function widgetAssetRoutes(app: FastifyInstance, opts: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/widget/v1/:file',
    {
      config: { permission: 'public' },
      schema: { hide: true, params: z.strictObject({ file: z.enum(SCRIPTS) }) },
    },
    async (req, reply) => {
      const script = readScript(req.params.file);
      if (!script) throw notFound('Widget script (run `npm run build`)');
      reply
        .header('etag', script.etag)
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'public, max-age=300');
      if (req.headers['if-none-match'] === script.etag) return reply.code(304).send();
      return reply.type('text/javascript; charset=utf-8').send(script.body);
    },
  );

  // The demo shop: /demo/widget, its thank-you page (a URL rule shows a survey there), with the
  // key `feedloop demo` made, or ?key=pk_… for any key that allows this server's origin. Its
  // strict Content-Security-Policy (no inline script or style without the nonce) is the kind of
  // page the widget must work on. Like a real shop's server, it signs its signed-in shopper's
  // identity — only the demo's one shopper, and only with the demo key: it must never sign ids
  // that someone types, nor for a key named in the URL.
  r.get(
    '/demo/widget/:page?',
    {
      config: { permission: 'public' },
      // The widget's same-origin GETs carry no Origin: the guard reads the page's from the Referer.
      helmet: { referrerPolicy: { policy: 'same-origin' } },
      schema: {
        hide: true,
        params: z.strictObject({ page: z.enum(['thank-you']).optional() }),
        querystring: z.strictObject({
          key: z
            .string()
            .regex(/^pk_[A-Za-z0-9_-]{20,40}$/)
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const demo = req.query.key ? null : await demoWidgetKey(opts.database);
      const key = req.query.key ?? demo?.publicKey ?? null;
      const signed: Record<string, string> = demo ? { [DEMO_SHOPPER_ID]: signIdentity(demo.identitySecret, DEMO_SHOPPER_ID) } : {};
      const nonce = randomBytes(16).toString('base64');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'`,
        )
        .send(demoShopPage({ key, nonce, thankYou: req.params.page === 'thank-you', signed }).toString());
    },
  );
}
