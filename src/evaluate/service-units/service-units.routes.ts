// Service units over REST: everyone who reads the workspace sees the hierarchy; admins shape it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZCreateServiceUnit, ZUpdateServiceUnit } from './service-units.input.js';
import { createServiceUnit, listServiceUnits, updateServiceUnit } from './service-units.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const tags = ['service-units'];

export async function serviceUnitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/service-units',
    { config: { permission: 'workspace:read' }, schema: { tags, summary: 'The service units as a tree (archived ones flagged)' } },
    async (req) => listServiceUnits(req.scope),
  );
  r.post(
    '/api/v1/service-units',
    { config: { permission: 'workspace:manage' }, schema: { tags, summary: 'Create a service unit', body: ZCreateServiceUnit } },
    async (req, reply) => reply.code(201).send(await createServiceUnit(req.scope, req.body)),
  );
  r.patch(
    '/api/v1/service-units/:id',
    {
      config: { permission: 'workspace:manage' },
      schema: {
        tags,
        summary: 'Rename, move (parentId; never under itself or a descendant), archive or restore a service unit',
        params: ZIdParams,
        body: ZUpdateServiceUnit,
      },
    },
    async (req) => updateServiceUnit(req.scope, req.params.id, req.body),
  );
}
