// A ticket's conversation over REST: agents reply and write notes; viewers read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZNewTicketMessage } from './conversation.input.js';
import { listTicketMessages, postTicketMessage } from './conversation.service.js';

const ZTicketParams = z.strictObject({ id: zUuid });
const tags = ['tickets'];

export async function conversationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/tickets/:id/messages',
    {
      config: { permission: 'tickets:read' },
      schema: { tags, summary: "A ticket's replies and notes, oldest first", params: ZTicketParams },
    },
    async (req) => listTicketMessages(req.scope, req.params.id, req.actor!.userId),
  );
  r.post(
    '/api/v1/tickets/:id/messages',
    {
      config: { permission: 'tickets:write' },
      schema: {
        tags,
        summary: 'Reply to the customer by email, or add an internal note (with @mentions)',
        params: ZTicketParams,
        body: ZNewTicketMessage,
      },
    },
    async (req, reply) => reply.code(201).send(await postTicketMessage(req.scope, req.params.id, req.body, req.actor!.userId)),
  );
}
