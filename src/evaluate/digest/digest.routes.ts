// The digest: the signed-in user's preferences and preview, and the one-click unsubscribe page
// (public: its signed link is the credential). A GET of the unsubscribe link only asks; the POST,
// which the page's button and mail clients' one-click (RFC 8058) send, turns the digest off.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { html } from '../../platform/http/html.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { layout } from '../../collect/surveys/link-page.js';
import { LOCALES, type Locale } from '../../contracts/locales.js';
import { ZUpdateDigestPreferences } from './digest.input.js';
import { getDigestPreferences, subscriptionFor, turnDigestOff, updateDigestPreferences } from './digest-preferences.service.js';
import { previewDigest } from './preview-digest.js';
import { digestMessages } from './digest-messages.js';
import { readUnsubscribe, verifyUnsubscribe } from './digest-unsubscribe.js';

const tags = ['digest'];
const PAGE_CSP = "default-src 'none'; style-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
// The email's own styles are inline; nothing in it runs, and only the dashboard may frame it.
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'";
// A person clicks once; more than this from one address is a script trying tokens.
const UNSUBSCRIBE_PER_MINUTE = 20;

const userOf = (req: FastifyRequest): string => {
  if (!req.actor?.userId) throw new AppError(403, 'forbidden', 'Only signed-in users have a digest');
  return req.actor.userId;
};

export async function digestRoutes(app: FastifyInstance, opts: { database: Database; publicUrl: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/me/digest',
    { config: { permission: 'signed-in' }, schema: { tags, summary: 'When and in which language you get the feedback digest of this workspace' } },
    async (req) => getDigestPreferences(req.scope, userOf(req)),
  );

  r.patch(
    '/api/v1/me/digest',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Change your digest: on or off, weekly or monthly, weekday, local hour, time zone, language',
        body: ZUpdateDigestPreferences,
      },
    },
    async (req) => updateDigestPreferences(req.scope, userOf(req), req.body),
  );

  r.get(
    '/api/v1/me/digest/preview',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Your digest of the period just ended, exactly as it would be emailed (subject, HTML, text)' },
    },
    async (req) => previewDigest(req.scope, userOf(req), opts.publicUrl),
  );

  r.get(
    '/api/v1/me/digest/preview/html',
    { config: { permission: 'signed-in' }, schema: { tags, summary: 'Your digest preview as an HTML page, for the dashboard to frame' } },
    async (req, reply) => {
      const digest = await previewDigest(req.scope, userOf(req), opts.publicUrl);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PREVIEW_CSP)
        .header('x-frame-options', 'SAMEORIGIN')
        .send(digest.html);
    },
  );

  // The page's form and mail clients' one-click POST send a form (List-Unsubscribe=One-Click); its
  // content says nothing the link does not, so it is read and dropped.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));

  const page = async (req: FastifyRequest, reply: FastifyReply, confirm: boolean) => {
    const { token } = req.params as { token: string };
    const who = readUnsubscribe(token);
    const scope = who ? new WorkspaceScope(opts.database, who.workspaceId) : null;
    const subscription = who && scope ? await subscriptionFor(scope, who.userId) : null;
    const send = (status: number, language: Locale, title: string, body: ReturnType<typeof html>) =>
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('content-security-policy', PAGE_CSP)
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-store')
        .send(layout({ language, title }, body));
    if (!who || !scope || !subscription || !verifyUnsubscribe(subscription.unsubscribeKey, token)) {
      const language = browserLanguage(req);
      const t = digestMessages(language);
      return send(404, language, t('badLink'), html`<h1 class="message">${t('badLink')}</h1>`);
    }
    const language = subscription.language;
    const t = digestMessages(language);
    const [workspace] = await scope.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
    const vars = { workspace: workspace?.name ?? '' };
    if (confirm) {
      await turnDigestOff(scope, who.userId);
      return send(200, language, t('unsubscribeTitle'), html`<h1 class="message">${t('unsubscribed', vars)}</h1>`);
    }
    return send(
      200,
      language,
      t('unsubscribeTitle'),
      html`<h1>${t('unsubscribeConfirm', vars)}</h1>
      <form method="post" action="/digest/unsubscribe/${token}"><button type="submit">${t('unsubscribeButton')}</button></form>`,
    );
  };
  const params = z.object({ token: z.string().min(1).max(400) });
  const limited = { config: { permission: 'public' as const, rateLimit: { max: UNSUBSCRIBE_PER_MINUTE, timeWindow: 60_000 } }, schema: { hide: true, params } };
  r.get('/digest/unsubscribe/:token', limited, (req, reply) => page(req, reply, false));
  r.post('/digest/unsubscribe/:token', limited, (req, reply) => page(req, reply, true));
}

function browserLanguage(req: FastifyRequest): Locale {
  for (const tag of (req.headers['accept-language'] ?? '').split(',')) {
    const base = tag.trim().toLowerCase().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}
