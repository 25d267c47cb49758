// Corrections over REST: correct an item's analysis, list the workspace's labelled examples.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZCorrectAnalysisInput } from './corrections.input.js';
import { correctAnalysis, listCorrections } from './corrections.service.js';

const tags = ['analysis'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function correctionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/feedback/:id/analysis',
    {
      config: { permission: 'feedback:write' },
      schema: {
        tags,
        summary: "Correct an item's sentiment, type or topics",
        description:
          'The correction is applied at once, never overwritten by re-analysis, and kept as a labelled example: the workspace model is retrained in the background from all corrections.',
        params: ZIdParams,
        body: ZCorrectAnalysisInput,
      },
    },
    async (req) => correctAnalysis(req.scope, req.params.id, req.body, req.actor!.userId),
  );

  r.get(
    '/api/v1/analysis/corrections',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        summary: 'Recent corrections (the workspace’s labelled examples), newest first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (req) => ({ data: await listCorrections(req.scope, req.query.limit) }),
  );
}
