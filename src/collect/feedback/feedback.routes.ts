// Feedback over REST: create (single and bulk), list with filters, get, update.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { HTTP_LIMITS } from '../../platform/http/limits.js';
import { forbidden } from '../../platform/http/errors.js';
import { can } from '../../platform/auth/permissions.js';
import {
  BULK_UPDATE_MAX,
  ZBulkCreateFeedbackInput,
  ZBulkUpdateFeedbackInput,
  ZCreateFeedbackInput,
  ZListFeedbackQuery,
  ZUpdateFeedbackInput,
} from './feedback.input.js';
import { bulkUpdateFeedback } from './feedback-bulk.service.js';
import { bulkCreateFeedback, createFeedback, getFeedback, listFeedback, updateFeedback } from './feedback.service.js';

const tags = ['feedback'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function feedbackRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/feedback',
    {
      config: { permission: 'feedback:write' },
      schema: {
        tags,
        summary: 'Create a feedback item',
        description:
          'Returns 201 with the item; an externalId that already exists returns 200 with the existing item. Processing (language detection, analysis) runs in the background.',
        body: ZCreateFeedbackInput,
      },
    },
    async (req, reply) => {
      const { item, duplicate } = await createFeedback(req.scope, req.body);
      return reply.code(duplicate ? 200 : 201).send(item);
    },
  );

  r.post(
    '/api/v1/feedback/bulk',
    {
      config: { permission: 'feedback:write' },
      schema: {
        tags,
        summary: `Create up to ${HTTP_LIMITS.maxBulkItems} feedback items in one transaction`,
        description:
          'Each item is checked on its own and reported by index. mode=atomic (default): if any item is invalid nothing is stored (422). mode=partial: the valid items are stored together and the invalid ones reported (207 when some failed).',
        body: ZBulkCreateFeedbackInput,
      },
    },
    async (req, reply) => {
      const out = await bulkCreateFeedback(req.scope, req.body.items, req.body.mode);
      const status = !out.stored ? 422 : out.invalid > 0 ? 207 : 201;
      return reply.code(status).send(out);
    },
  );

  r.post(
    '/api/v1/feedback/bulk-update',
    {
      config: { permission: 'feedback:write' },
      schema: {
        tags,
        summary: `Tag, add a topic to, assign, open a ticket for or link to an idea up to ${BULK_UPDATE_MAX} items in one transaction`,
        description:
          'addTopic is recorded as a correction of each item (never overwritten by re-analysis); assigneeId must be a member of the workspace (null unassigns). createTicket also needs the tickets:write scope, addToIdea ideas:write. Any unknown id changes nothing (422).',
        body: ZBulkUpdateFeedbackInput,
      },
    },
    async (req) => {
      if (req.body.createTicket && !can(req.actor!, 'tickets:write')) throw forbidden('createTicket needs the tickets:write permission');
      if (req.body.addToIdea && !can(req.actor!, 'ideas:write')) throw forbidden('addToIdea needs the ideas:write permission');
      return bulkUpdateFeedback(req.scope, req.body, req.actor!.userId);
    },
  );

  r.get(
    '/api/v1/feedback',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        summary: 'List feedback, newest first, with filters and cursor pagination',
        description:
          'channel and language take comma-separated lists; q searches normalised text (Persian/Arabic letter variants, digits and diacritics match). The first page (no cursor) also carries total, the matching items counted up to 10,000, and totalCapped when more match.',
        querystring: ZListFeedbackQuery,
      },
    },
    async (req) => listFeedback(req.scope, req.query),
  );

  r.get(
    '/api/v1/feedback/:id',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'Get one feedback item', params: ZIdParams },
    },
    async (req) => getFeedback(req.scope, req.params.id),
  );

  r.patch(
    '/api/v1/feedback/:id',
    {
      config: { permission: 'feedback:write' },
      schema: { tags, summary: 'Update a feedback item (the original text never changes)', params: ZIdParams, body: ZUpdateFeedbackInput },
    },
    async (req) => updateFeedback(req.scope, req.params.id, req.body),
  );
}
