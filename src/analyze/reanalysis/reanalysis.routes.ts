// Re-analysis of past feedback over REST: start one, follow its progress.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { getRun, latestRun, startReanalysis } from './reanalysis.service.js';

const tags = ['analysis'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function reanalysisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/analysis/reanalyze',
    {
      config: { permission: 'topics:manage' },
      schema: { tags, summary: 'Re-analyse all past feedback with the current taxonomy and model (202; a running one is superseded)' },
    },
    async (req, reply) => reply.code(202).send(await startReanalysis(req.scope, req.actor!.userId)),
  );

  r.get(
    '/api/v1/analysis/runs/latest',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'The latest re-analysis run and its progress (null if none)' },
    },
    async (req) => ({ run: await latestRun(req.scope) }),
  );

  r.get(
    '/api/v1/analysis/runs/:id',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'A re-analysis run and its progress', params: ZIdParams },
    },
    async (req) => getRun(req.scope, req.params.id),
  );
}
