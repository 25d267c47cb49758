// Compensations over REST. Agents and above write; viewers read (the tickets scopes).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCreateCompensation, ZListCompensations } from './compensations.input.js';
import { createCompensation, listCompensations } from './compensations.service.js';

const read = { permission: 'tickets:read' } as const;
const write = { permission: 'tickets:write' } as const;

export async function compensationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/compensations',
    { config: read, schema: { tags: ['compensations'], summary: 'Compensations given, newest first', querystring: ZListCompensations } },
    async (req) => listCompensations(req.scope, req.query),
  );
  r.post(
    '/api/v1/compensations',
    {
      config: write,
      schema: {
        tags: ['compensations'],
        summary: 'Record a discount code, credit, refund or gift given to a customer',
        body: ZCreateCompensation,
      },
    },
    async (req, reply) => reply.code(201).send(await createCompensation(req.scope, req.body, req.actor!.userId)),
  );
}
