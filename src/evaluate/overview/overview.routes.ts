// The overview over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OVERVIEW_MAX_DAYS, ZOverviewQuery } from './overview.input.js';
import { getOverview } from './overview.service.js';

export async function overviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/overview',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags: ['overview'],
        querystring: ZOverviewQuery,
        summary:
          "The home page figures: today's volume, daily volume, NPS and CSAT per day, sentiment, top topics, emerging themes, items needing attention",
        description:
          `Days are counted in the workspace time zone; \`from\`–\`to\` (or the last \`days\` days up to \`to\`) spans at most ${OVERVIEW_MAX_DAYS} days; the last 30 days by default. ` +
          'NPS = % promoters (9–10) − % detractors (0–6); CSAT = % of answers 4–5. Items needing attention are the newest negative ones, detractors and CSAT 1–2.',
      },
    },
    async (req) => getOverview(req.scope, req.query),
  );
}
