// Compensations over REST. Agents and above write; viewers read (the tickets scopes). Approving
// and setting the approval limits are for owners and admins, signed in: a decision a person takes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { can } from '../../platform/auth/permissions.js';
import { ZApprovalLimits, ZCreateCompensation, ZListCompensations } from './compensations.input.js';
import {
  approveCompensation,
  createCompensation,
  getApprovalLimits,
  listCompensations,
  setApprovalLimits,
} from './compensations.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const read = { permission: 'tickets:read' } as const;
const write = { permission: 'tickets:write' } as const;
const approve = { permission: 'workspace:manage' } as const;

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
        summary:
          "Record a discount code, credit, refund or gift given to a customer (above the currency's limit, an agent's waits for approval)",
        body: ZCreateCompensation,
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const giver = { userId: actor.userId, mayApprove: actor.kind === 'user' && can(actor, 'workspace:manage') };
      return reply.code(201).send(await createCompensation(req.scope, req.body, giver));
    },
  );
  r.post(
    '/api/v1/compensations/:id/approve',
    { config: approve, schema: { tags: ['compensations'], summary: 'Approve a pending compensation', params: ZIdParams } },
    async (req) => approveCompensation(req.scope, req.params.id, req.actor!.userId!),
  );
  r.get(
    '/api/v1/compensations/approval-limits',
    {
      config: read,
      schema: { tags: ['compensations'], summary: "The amounts per currency above which an agent's compensation needs approval" },
    },
    async (req) => getApprovalLimits(req.scope),
  );
  r.put(
    '/api/v1/compensations/approval-limits',
    { config: approve, schema: { tags: ['compensations'], summary: 'Replace the approval limits', body: ZApprovalLimits } },
    async (req) => setApprovalLimits(req.scope, req.body),
  );
}
