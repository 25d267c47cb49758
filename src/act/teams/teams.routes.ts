// Teams over REST: everyone who reads tickets sees them; admins change them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZSaveTeam } from './teams.input.js';
import { deleteTeam, listTeams, saveTeam } from './teams.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const tags = ['teams'];

export async function teamRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/teams', { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Teams and their members' } }, async (req) =>
    listTeams(req.scope),
  );
  r.post(
    '/api/v1/teams',
    { config: { permission: 'workspace:manage' }, schema: { tags, summary: 'Create a team', body: ZSaveTeam } },
    async (req, reply) => reply.code(201).send(await saveTeam(req.scope, null, req.body)),
  );
  r.patch(
    '/api/v1/teams/:id',
    {
      config: { permission: 'workspace:manage' },
      schema: { tags, summary: 'Rename a team, set its members', params: ZIdParams, body: ZSaveTeam },
    },
    async (req) => saveTeam(req.scope, req.params.id, req.body),
  );
  r.delete(
    '/api/v1/teams/:id',
    { config: { permission: 'workspace:manage' }, schema: { tags, summary: 'Delete a team', params: ZIdParams } },
    async (req, reply) => {
      await deleteTeam(req.scope, req.params.id);
      return reply.code(204).send();
    },
  );
}
