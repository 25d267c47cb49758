// The workspace model over REST: its status, and training it now.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { getWorkspaceModel, scheduleWorkspaceTraining } from './workspace-model.service.js';

const tags = ['analysis'];

export async function workspaceModelRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/analysis/model',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'The workspace model: version, training status and progress, examples learnt' },
    },
    async (req) => getWorkspaceModel(req.scope),
  );

  r.post(
    '/api/v1/analysis/model/train',
    {
      config: { permission: 'topics:manage' },
      schema: { tags, summary: 'Retrain the workspace model now (202; follow progress with GET /analysis/model)' },
    },
    async (req, reply) => {
      await req.scope.transaction((tx) => scheduleWorkspaceTraining(req.scope, tx));
      notifyJobsEnqueued();
      return reply.code(202).send(await getWorkspaceModel(req.scope));
    },
  );
}
