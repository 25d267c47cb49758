// SLA over REST: policies (owners and admins set them, everyone reads) and a ticket's clock.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZSlaPolicies } from './sla.input.js';
import { listSlaPolicies, replaceSlaPolicies } from './sla-policies.service.js';
import { ticketSlaState } from './sla-clock.js';

export async function slaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/sla/policies',
    { config: { permission: 'workspace:read' }, schema: { tags: ['sla'], summary: 'SLA targets per priority and segment' } },
    async (req) => listSlaPolicies(req.scope),
  );
  r.put(
    '/api/v1/sla/policies',
    { config: { permission: 'workspace:manage' }, schema: { tags: ['sla'], summary: 'Replace the SLA policies', body: ZSlaPolicies } },
    async (req) => replaceSlaPolicies(req.scope, req.body),
  );
  r.get(
    '/api/v1/tickets/:id/sla',
    {
      config: { permission: 'tickets:read' },
      schema: {
        tags: ['sla'],
        summary: "A ticket's SLA: due times, business minutes left, paused, breached",
        params: z.strictObject({ id: zUuid }),
      },
    },
    async (req) => ticketSlaState(req.scope, req.params.id),
  );
}
