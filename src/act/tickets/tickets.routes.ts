// Tickets over REST. Agents and above write; viewers read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zDateTime, zUuid } from '../../platform/http/zod-types.js';
import { agentResolutionStats } from './resolution-stats.js';
import { readsFeedbackText } from '../../platform/auth/permissions.js';
import { ZCreateTicket, ZListTickets, ZUpdateTicket } from './tickets.input.js';
import { createTicket, getTicket, listTickets, updateTicket } from './tickets.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const read = { permission: 'tickets:read' } as const;
const write = { permission: 'tickets:write' } as const;

export async function ticketRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/tickets',
    {
      config: read,
      schema: {
        tags: ['tickets'],
        summary: 'Tickets, newest first; queues: mine, unassigned, breaching, mentions',
        querystring: ZListTickets,
      },
    },
    async (req) => listTickets(req.scope, req.query, req.actor!.userId),
  );
  r.get(
    '/api/v1/tickets/stats/agents',
    {
      config: read,
      schema: {
        tags: ['tickets'],
        summary: 'First-contact resolution per agent (resolved with one public reply, never reopened)',
        querystring: z.strictObject({ since: zDateTime.optional().describe('Only tickets resolved from then on') }),
      },
    },
    async (req) => agentResolutionStats(req.scope, req.query.since ? new Date(req.query.since) : undefined),
  );
  r.post(
    '/api/v1/tickets',
    { config: write, schema: { tags: ['tickets'], summary: 'Open a ticket, optionally from feedback items', body: ZCreateTicket } },
    async (req, reply) => reply.code(201).send(await createTicket(req.scope, req.body, req.actor!.userId)),
  );
  r.get(
    '/api/v1/tickets/:id',
    {
      config: read,
      schema: { tags: ['tickets'], summary: 'A ticket with its feedback items, tasks and compensations', params: ZIdParams },
    },
    async (req) => getTicket(req.scope, req.params.id, { feedbackText: readsFeedbackText(req.actor!) }),
  );
  r.patch(
    '/api/v1/tickets/:id',
    {
      config: write,
      schema: {
        tags: ['tickets'],
        summary: 'Change subject, status, priority, assignee, team, tags or topic',
        params: ZIdParams,
        body: ZUpdateTicket,
      },
    },
    async (req) => updateTicket(req.scope, req.params.id, req.body),
  );
}
