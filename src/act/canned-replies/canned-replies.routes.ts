// Canned replies over REST: agents keep them and insert them into replies; viewers read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZSaveCannedReply } from './canned-replies.input.js';
import { createCannedReply, deleteCannedReply, listCannedReplies, renderCannedReply, updateCannedReply } from './canned-replies.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const read = { permission: 'tickets:read' } as const;
const write = { permission: 'tickets:write' } as const;
const tags = ['canned replies'];

export async function cannedReplyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/canned-replies', { config: read, schema: { tags, summary: 'Canned replies, newest first' } }, async (req) =>
    listCannedReplies(req.scope),
  );
  r.post(
    '/api/v1/canned-replies',
    {
      config: write,
      schema: { tags, summary: 'Save a canned reply (variables such as {{customer.name}} are checked)', body: ZSaveCannedReply },
    },
    async (req, reply) => reply.code(201).send(await createCannedReply(req.scope, req.body, req.actor!.userId)),
  );
  r.patch(
    '/api/v1/canned-replies/:id',
    { config: write, schema: { tags, summary: 'Change a canned reply', params: ZIdParams, body: ZSaveCannedReply } },
    async (req) => updateCannedReply(req.scope, req.params.id, req.body),
  );
  r.delete(
    '/api/v1/canned-replies/:id',
    { config: write, schema: { tags, summary: 'Delete a canned reply', params: ZIdParams } },
    async (req, reply) => {
      await deleteCannedReply(req.scope, req.params.id);
      return reply.code(204).send();
    },
  );
  r.post(
    '/api/v1/canned-replies/:id/render',
    {
      config: read,
      schema: {
        tags,
        summary: "A canned reply filled in for a ticket, in its customer's language when the reply has it",
        params: ZIdParams,
        body: z.strictObject({ ticketId: zUuid }),
      },
    },
    async (req) => renderCannedReply(req.scope, req.params.id, req.body.ticketId, req.actor!.userId),
  );
}
