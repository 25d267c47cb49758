// Assignment settings over REST: who owns which topic, and how new tickets are assigned.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZSaveAssignmentSettings } from './assignment.input.js';
import { getAssignmentSettings, saveAssignmentSettings } from './assignment.service.js';

const tags = ['assignment'];

export async function assignmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/assignment',
    { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Automatic assignment of new tickets and the owners of topics' } },
    async (req) => getAssignmentSettings(req.scope),
  );
  r.patch(
    '/api/v1/assignment',
    {
      config: { permission: 'workspace:manage' },
      schema: {
        tags,
        summary: 'Set automatic assignment (off, topic, round_robin, least_loaded) and topic owners',
        body: ZSaveAssignmentSettings,
      },
    },
    async (req) => saveAssignmentSettings(req.scope, req.body),
  );
}
