// Ideas over REST: group feedback items that ask for the same thing and track their status.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { readsFeedbackText } from '../../platform/auth/permissions.js';
import { ZCreateIdea, ZIdeaFeedback, ZListIdeas, ZUpdateIdea } from './ideas.input.js';
import { createIdea, getIdea, linkFeedback, listIdeas, unlinkFeedback, updateIdea } from './ideas.service.js';

const tags = ['ideas'];
const ZIdParams = z.strictObject({ id: zUuid });
const read = { permission: 'ideas:read' } as const;
const write = { permission: 'ideas:write' } as const;

export async function ideaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/ideas',
    { config: read, schema: { tags, summary: 'Ideas with how many items and customers back them, newest first', querystring: ZListIdeas } },
    async (req) => listIdeas(req.scope, req.query),
  );
  r.post(
    '/api/v1/ideas',
    { config: write, schema: { tags, summary: 'Create an idea, optionally from feedback items', body: ZCreateIdea } },
    async (req, reply) => reply.code(201).send(await createIdea(req.scope, req.body, req.actor!.userId)),
  );
  r.get(
    '/api/v1/ideas/:id',
    { config: read, schema: { tags, summary: 'An idea with its feedback items', params: ZIdParams } },
    async (req) => getIdea(req.scope, req.params.id, { feedbackText: readsFeedbackText(req.actor!) }),
  );
  r.patch(
    '/api/v1/ideas/:id',
    {
      config: write,
      schema: { tags, summary: 'Rename, describe or move an idea to another status', params: ZIdParams, body: ZUpdateIdea },
    },
    async (req) => updateIdea(req.scope, req.params.id, req.body),
  );
  r.post(
    '/api/v1/ideas/:id/feedback',
    {
      config: write,
      schema: {
        tags,
        summary: 'Link feedback items to the idea (linking one twice changes nothing)',
        params: ZIdParams,
        body: ZIdeaFeedback,
      },
    },
    async (req) => linkFeedback(req.scope, req.params.id, req.body.feedbackIds),
  );
  r.post(
    '/api/v1/ideas/:id/feedback/remove',
    { config: write, schema: { tags, summary: 'Unlink feedback items from the idea', params: ZIdParams, body: ZIdeaFeedback } },
    async (req) => unlinkFeedback(req.scope, req.params.id, req.body.feedbackIds),
  );
}
