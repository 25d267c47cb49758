// Saved views of the feedback explorer over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZCreateSavedView, ZUpdateSavedView } from './saved-views.input.js';
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from './saved-views.service.js';

const tags = ['saved views'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function savedViewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/saved-views',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'Your saved views and those shared with the workspace, by name' },
    },
    async (req) => listSavedViews(req.scope, req.actor!.userId),
  );

  r.post(
    '/api/v1/saved-views',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'Save the explorer filters under a name (shared: visible to the whole workspace)', body: ZCreateSavedView },
    },
    async (req, reply) => reply.code(201).send(await createSavedView(req.scope, req.actor!.userId, req.body)),
  );

  r.patch(
    '/api/v1/saved-views/:id',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'Rename, re-filter or (un)share your own view', params: ZIdParams, body: ZUpdateSavedView },
    },
    async (req) => updateSavedView(req.scope, req.actor!.userId, req.params.id, req.body),
  );

  r.delete(
    '/api/v1/saved-views/:id',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'Delete your own view', params: ZIdParams },
    },
    async (req, reply) => {
      await deleteSavedView(req.scope, req.actor!.userId, req.params.id);
      return reply.code(204).send();
    },
  );
}
