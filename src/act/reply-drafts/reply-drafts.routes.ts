// Drafted replies waiting for approval, and the reply templates they are written from. Agents
// decide drafts (tickets:write); owners and admins edit the templates (workspace:manage).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zLocale, zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { REPLY_DRAFT_STATUSES } from './reply-drafts.tables.js';
import { decideReplyDraft, listReplyDrafts, listReplyTemplates, saveReplyTemplate } from './reply-drafts.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const zBody = z.string().trim().min(1).max(5_000);
const tags = ['reply drafts'];

export async function replyDraftRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/reply-drafts',
    {
      config: { permission: 'tickets:read' },
      schema: {
        tags,
        summary: 'Drafted replies, newest first',
        querystring: z.strictObject({ ...zPageQuery, status: z.enum(REPLY_DRAFT_STATUSES).default('pending') }),
      },
    },
    async (req) => listReplyDrafts(req.scope, req.query),
  );
  r.patch(
    '/api/v1/reply-drafts/:id',
    {
      config: { permission: 'tickets:write' },
      schema: {
        tags,
        summary: 'Edit, approve or discard a pending draft',
        params: ZIdParams,
        body: z
          .strictObject({ body: zBody.optional(), status: z.enum(['approved', 'discarded']).optional() })
          .refine((v) => v.body !== undefined || v.status !== undefined, { message: 'give a body or a status', path: ['body'] }),
      },
    },
    async (req) => decideReplyDraft(req.scope, req.params.id, req.body, req.actor!.userId),
  );
  r.get(
    '/api/v1/reply-templates',
    { config: { permission: 'tickets:read' }, schema: { tags, summary: "The workspace's reply templates" } },
    async (req) => listReplyTemplates(req.scope),
  );
  r.put(
    '/api/v1/reply-templates',
    {
      config: { permission: 'workspace:manage' },
      schema: {
        tags,
        summary: 'Set the reply template of a language and topic (* for any topic)',
        body: z.strictObject({ language: zLocale, topic: z.string().trim().min(1).max(60), body: zBody }),
      },
    },
    async (req) => saveReplyTemplate(req.scope, req.body),
  );
}
