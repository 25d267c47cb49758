// Metrics over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCohortQuery, ZLeagueQuery, ZMetricsQuery } from './metrics.input.js';
import { getCohortTable } from './order-metrics.js';
import { getLeagueTable } from './league-table.js';
import { getMetrics } from './metrics.service.js';

export async function metricsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/metrics',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags: ['metrics'],
        querystring: ZMetricsQuery,
        summary:
          'A metric per period (day, week, month, quarter, year of a calendar) and per key of a breakdown, with totals and 95 % intervals',
        description:
          'Days are counted in the workspace time zone; a value over no responses is null. Filters name keys of a dimension, comma-separated ' +
          '(`channel=email,widget&topic=delivery`). Definitions of each metric: docs/metrics.md.',
      },
    },
    async (req) => getMetrics(req.scope, req.actor, req.query),
  );

  r.get(
    '/api/v1/metrics/league',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags: ['metrics'],
        querystring: ZLeagueQuery,
        summary:
          'The keys of a dimension (agents, channels, products…) ranked by a metric over a range of days, each with n and its 95 % interval',
      },
    },
    async (req) => getLeagueTable(req.scope, req.query),
  );

  r.get(
    '/api/v1/metrics/cohorts',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags: ['metrics'],
        querystring: ZCohortQuery,
        summary:
          "Order cohorts by first-order month of the workspace calendar: each cohort's customers and the share ordering N months later",
      },
    },
    async (req) => getCohortTable(req.scope, req.query),
  );
}
