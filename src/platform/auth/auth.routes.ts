// First-run setup, sign-in, the signed-in user's profile, and API keys.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { zLocale, zUuid } from '../http/zod-types.js';
import { AppError } from '../http/errors.js';
import { AUTH_LIMITS, SESSION_COOKIE } from './limits.js';
import { API_KEY_SCOPES } from './permissions.js';
import { DIGIT_STYLES, USER_CALENDARS } from '../../contracts/auth.js';
import { needsSetup, setupOwner } from './setup.service.js';
import { createSession, deleteSession, loadMe, publicUser, switchWorkspace, updateMe, verifyLogin } from './session.service.js';
import { createApiKey, describeApiKey, listApiKeys, revokeApiKey } from './api-key.service.js';
import { setSessionCookie } from './session-cookie.js';

const ZPassword = z.string().min(AUTH_LIMITS.passwordMinLength).max(AUTH_LIMITS.passwordMaxLength);

const ZSetupInput = z.strictObject({
  organizationName: z.string().trim().min(1).max(200),
  workspaceName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  password: ZPassword,
  locale: zLocale.default('en'),
});

export async function authRoutes(app: FastifyInstance, opts: { database: Database; secureCookies: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = opts;
  const tags = ['auth'];

  const setCookie = (reply: FastifyReply, token: string, expires: Date) => setSessionCookie(reply, token, expires, opts.secureCookies);

  r.get(
    '/api/v1/setup/status',
    { config: { permission: 'public' }, schema: { tags, summary: 'Whether first-run setup is still needed' } },
    async () => ({ needsSetup: await needsSetup(database) }),
  );

  r.post(
    '/api/v1/setup',
    {
      config: { permission: 'public', rateLimit: { max: AUTH_LIMITS.loginPerIpPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Create the organization, first workspace and owner (only while no user exists)', body: ZSetupInput },
    },
    async (req, reply) => {
      const { user, workspace } = await setupOwner(database, req.body);
      const session = await createSession(database, user.id, { userAgent: req.headers['user-agent'], ip: req.ip }, workspace.id);
      setCookie(reply, session.token, session.expiresAt);
      return reply
        .code(201)
        .send({ user: publicUser(user), workspace: { id: workspace.id, name: workspace.name, defaultLocale: workspace.defaultLocale } });
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: AUTH_LIMITS.loginPerIpPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets an HttpOnly session cookie',
        body: z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(AUTH_LIMITS.passwordMaxLength) }),
      },
    },
    async (req, reply) => {
      const user = await verifyLogin(database, req.body.email, req.body.password, req.ip);
      const session = await createSession(database, user.id, { userAgent: req.headers['user-agent'], ip: req.ip });
      setCookie(reply, session.token, session.expiresAt);
      return { user: publicUser(user) };
    },
  );

  r.post('/api/v1/auth/logout', { config: { permission: 'public' }, schema: { tags, summary: 'Sign out' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(database, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // Every actor may ask who it is: a user gets their profile, an API key its own name and scopes.
  r.get(
    '/api/v1/me',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'The signed-in user, workspace and role; for an API key, the key and its scopes' },
    },
    async (req) => (req.actor!.apiKeyId ? describeApiKey(req.scope, req.actor!.apiKeyId) : loadMe(database, req.actor!)),
  );

  r.patch(
    '/api/v1/me',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Update your name, UI language, calendar and digits',
        body: z.strictObject({
          name: z.string().trim().min(1).max(200).optional(),
          locale: zLocale.optional(),
          calendar: z.enum(USER_CALENDARS).optional().describe('hijri: the Umm al-Qura calendar (as in Saudi Arabia)'),
          digits: z.enum(DIGIT_STYLES).optional(),
        }),
      },
    },
    async (req) => updateMe(database, req.actor!, req.body),
  );

  r.post(
    '/api/v1/me/workspace',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Switch the session to another of your workspaces', body: z.strictObject({ workspaceId: zUuid }) },
    },
    async (req) => {
      await switchWorkspace(database, req.actor!, req.body.workspaceId);
      return loadMe(database, { ...req.actor!, workspaceId: req.body.workspaceId });
    },
  );

  const keyTags = ['api keys'];
  r.get(
    '/api/v1/api-keys',
    { config: { permission: 'keys:manage' }, schema: { tags: keyTags, summary: 'List API keys (secrets are never shown again)' } },
    async (req) => ({ data: await listApiKeys(req.scope) }),
  );

  r.post(
    '/api/v1/api-keys',
    {
      config: { permission: 'keys:manage', oneTimeSecrets: ['key'] },
      schema: {
        tags: keyTags,
        summary: 'Create an API key; the secret is in this response only',
        body: z.strictObject({ name: z.string().trim().min(1).max(100), scopes: z.array(z.enum(API_KEY_SCOPES)).min(1) }),
      },
    },
    async (req, reply) => {
      if (!req.actor?.userId) throw new AppError(403, 'forbidden', 'API keys are created by signed-in admins');
      const key = await createApiKey(req.scope, req.body as never, req.actor.userId);
      return reply.code(201).send(key);
    },
  );

  r.delete(
    '/api/v1/api-keys/:id',
    {
      config: { permission: 'keys:manage' },
      schema: { tags: keyTags, summary: 'Revoke an API key at once', params: z.strictObject({ id: zUuid }) },
    },
    async (req) => revokeApiKey(req.scope, req.params.id),
  );
}
