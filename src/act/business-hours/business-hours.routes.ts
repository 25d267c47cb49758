// Business hours over REST: everyone reads them (due times depend on them); owners and admins set them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZBusinessHours } from './business-hours.input.js';
import { getBusinessHours, saveBusinessHours } from './business-hours.service.js';

export async function businessHoursRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/business-hours',
    { config: { permission: 'workspace:read' }, schema: { tags: ['sla'], summary: 'Weekly open hours, time zone and holidays' } },
    async (req) => getBusinessHours(req.scope),
  );
  r.put(
    '/api/v1/business-hours',
    {
      config: { permission: 'workspace:manage' },
      schema: { tags: ['sla'], summary: 'Replace the weekly open hours, time zone and holidays', body: ZBusinessHours },
    },
    async (req) => saveBusinessHours(req.scope, req.body),
  );
}
