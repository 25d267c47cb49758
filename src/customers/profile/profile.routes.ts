// The Customer 360 over REST: a customer's timeline and profile.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { readsFeedbackText } from '../../platform/auth/permissions.js';
import { customerTimeline } from './customer-timeline.js';
import { customerProfile } from './profile.service.js';

const tags = ['customers'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function profileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/customers/:id/timeline',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'Feedback, survey responses, events and orders of a customer, newest first',
        params: ZIdParams,
        querystring: z.strictObject(zPageQuery),
      },
    },
    async (req) => customerTimeline(req.scope, req.params.id, req.query, { feedbackText: readsFeedbackText(req.actor!) }),
  );

  r.get(
    '/api/v1/customers/:id/profile',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'Customer 360 profile: the customer, NPS/CSAT history, VIP and churn-risk flags', params: ZIdParams },
    },
    async (req) => customerProfile(req.scope, req.params.id),
  );
}
