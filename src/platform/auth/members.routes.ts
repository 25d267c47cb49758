// Members, roles and invitations over REST. Every role reads the list ('members:read'; an API key
// only when given that scope); managing them takes 'members:manage' (owners and admins, signed in:
// API keys never get it); accepting an invitation is public, the token is the credential.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { zUuid } from '../http/zod-types.js';
import { AUTH_LIMITS } from './limits.js';
import { ROLES } from './permissions.js';
import { changeMemberRole, listMembers, removeMember } from './members.service.js';
import { acceptInvitation, createInvitation, describeInvitation, listInvitations, revokeInvitation } from './invitations.service.js';
import { createSession, publicUser } from './session.service.js';
import { setSessionCookie } from './session-cookie.js';

const tags = ['members'];
const ZToken = z.string().min(20).max(200);

export async function memberRoutes(app: FastifyInstance, opts: { database: Database; publicUrl: string; secureCookies: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = opts;

  r.get(
    '/api/v1/members',
    {
      config: { permission: 'members:read' },
      schema: { tags, summary: "The workspace's members and their roles" },
    },
    async (req) => ({ data: await listMembers(req.scope) }),
  );

  r.patch(
    '/api/v1/members/:userId',
    {
      config: { permission: 'members:manage' },
      schema: {
        tags,
        summary: "Change a member's role (the last owner cannot be demoted: 409)",
        params: z.strictObject({ userId: zUuid }),
        body: z.strictObject({ role: z.enum(ROLES) }),
      },
    },
    async (req) => changeMemberRole(req.scope, req.actor!, req.params.userId, req.body.role),
  );

  r.delete(
    '/api/v1/members/:userId',
    {
      config: { permission: 'members:manage' },
      schema: {
        tags,
        summary: 'Remove a member from the workspace (the last owner cannot be removed: 409)',
        params: z.strictObject({ userId: zUuid }),
      },
    },
    async (req, reply) => {
      await removeMember(req.scope, req.actor!, req.params.userId);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/invitations',
    {
      config: { permission: 'members:manage' },
      schema: { tags, summary: 'Pending invitations' },
    },
    async (req) => ({ data: await listInvitations(req.scope) }),
  );

  r.post(
    '/api/v1/invitations',
    {
      config: { permission: 'members:manage', oneTimeSecrets: ['link'] },
      schema: {
        tags,
        summary: 'Invite someone by email with a role; the one-time link (valid 7 days) is in this response only',
        body: z.strictObject({ email: z.email().max(320), role: z.enum(ROLES) }),
      },
    },
    async (req, reply) => reply.code(201).send(await createInvitation(req.scope, req.actor!, req.body, opts.publicUrl)),
  );

  r.delete(
    '/api/v1/invitations/:id',
    {
      config: { permission: 'members:manage' },
      schema: { tags, summary: 'Revoke a pending invitation', params: z.strictObject({ id: zUuid }) },
    },
    async (req, reply) => {
      await revokeInvitation(req.scope, req.params.id);
      return reply.code(204).send();
    },
  );

  // POST, so the token stays out of query strings and access logs.
  r.post(
    '/api/v1/invitations/lookup',
    {
      config: { permission: 'public', rateLimit: { max: AUTH_LIMITS.loginPerIpPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'What an invitation link is for (404 unknown or revoked, 410 used or expired)',
        body: z.strictObject({ token: ZToken }),
      },
    },
    async (req) => describeInvitation(database, req.body.token),
  );

  r.post(
    '/api/v1/invitations/accept',
    {
      config: { permission: 'public', rateLimit: { max: AUTH_LIMITS.loginPerIpPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Accept an invitation: a new invitee sets a name and password, an existing account gives its password; signs in',
        body: z.strictObject({
          token: ZToken,
          name: z.string().trim().min(1).max(200).optional(),
          password: z.string().min(AUTH_LIMITS.passwordMinLength).max(AUTH_LIMITS.passwordMaxLength),
        }),
      },
    },
    async (req, reply) => {
      const { user, workspaceId } = await acceptInvitation(database, req.body);
      const session = await createSession(database, user.id, { userAgent: req.headers['user-agent'], ip: req.ip }, workspaceId);
      setSessionCookie(reply, session.token, session.expiresAt, opts.secureCookies);
      return { user: publicUser(user) };
    },
  );
}
