// Drivers over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DRIVERS_MAX_DAYS, ZDriversQuery } from './drivers.input.js';
import { listDrivers } from './drivers.service.js';

export async function driverRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/drivers',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags: ['evaluate'],
        querystring: ZDriversQuery,
        summary: 'Topics ranked by how much they pull NPS and CSAT down, with their volume, scores and recent negative comments',
        description:
          `Days \`from\`–\`to\` are in the workspace time zone (at most ${DRIVERS_MAX_DAYS}; the last 30 days by default). ` +
          "A topic's impact is how many points the overall NPS (CSAT) would rise without its detractors (answers 1–3); " +
          'positive values pull the score down. Example comments are the newest negative ones (detractors, CSAT 1–2, negative sentiment), with their customer.',
      },
    },
    async (req) => listDrivers(req.scope, req.query),
  );
}
