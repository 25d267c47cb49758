// Before/after over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BEFORE_AFTER_MAX_DAYS, ZBeforeAfterQuery } from './before-after.input.js';
import { compareBeforeAfter } from './before-after.service.js';

export async function beforeAfterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/before-after',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags: ['evaluate'],
        querystring: ZBeforeAfterQuery,
        summary: 'NPS, CSAT, CES, sentiment and volume over equal windows before and after a date or an idea marked done',
        description:
          `Windows are \`days\` local days (at most ${BEFORE_AFTER_MAX_DAYS}) in the workspace time zone; "after" starts on the date and ends today at the latest, ` +
          'and "before" is cut to the same length. Each metric has its values, n, change, p-value and significance at 5 % ' +
          "(NPS: z test; CSAT and sentiment shares: two-proportion z test; CES and sentiment mean: Welch's t test). No data is null.",
      },
    },
    async (req) => compareBeforeAfter(req.scope, req.query),
  );
}
