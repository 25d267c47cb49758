// Segments over REST: saved definitions, their members, and a preview for the builder.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { ZAddSegmentMembersInput, ZCreateSegmentInput, ZPreviewSegmentInput, ZUpdateSegmentInput } from './segments.input.js';
import {
  createSegment,
  deleteSegment,
  getSegment,
  listSegmentMembers,
  listSegments,
  previewSegment,
  updateSegment,
} from './segments.service.js';
import { addSegmentMembers, removeSegmentMember } from './segment-members.js';

const tags = ['segments'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function segmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/segments',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'List segments with their member counts' },
    },
    async (req) => listSegments(req.scope),
  );

  r.post(
    '/api/v1/segments',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Save a segment: { name, definition: { match: all|any, conditions } }', body: ZCreateSegmentInput },
    },
    async (req, reply) => reply.code(201).send(await createSegment(req.scope, req.actor?.userId ?? null, req.body)),
  );

  r.post(
    '/api/v1/segments/preview',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'Count the customers a definition matches, with a sample of up to 5', body: ZPreviewSegmentInput },
    },
    async (req) => previewSegment(req.scope, req.body.definition),
  );

  r.get(
    '/api/v1/segments/:id',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'Get a segment with its member count', params: ZIdParams },
    },
    async (req) => getSegment(req.scope, req.params.id),
  );

  r.patch(
    '/api/v1/segments/:id',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Rename a segment or change its definition', params: ZIdParams, body: ZUpdateSegmentInput },
    },
    async (req) => updateSegment(req.scope, req.params.id, req.body),
  );

  r.delete(
    '/api/v1/segments/:id',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Delete a segment', params: ZIdParams },
    },
    async (req, reply) => {
      await deleteSegment(req.scope, req.params.id);
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/segments/:id/customers',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'The customers in a segment, newest first (cursor pagination)',
        params: ZIdParams,
        querystring: z.strictObject(zPageQuery),
      },
    },
    async (req) => listSegmentMembers(req.scope, req.params.id, req.query),
  );

  r.post(
    '/api/v1/segments/:id/members',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Add customers to a segment by hand, on top of those its definition matches (adding twice keeps one)',
        params: ZIdParams,
        body: ZAddSegmentMembersInput,
      },
    },
    async (req) => addSegmentMembers(req.scope, req.scope.db, req.params.id, req.body.customerIds, { userId: req.actor?.userId ?? null }),
  );

  r.delete(
    '/api/v1/segments/:id/members/:customerId',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Take back a customer added to a segment (a customer the definition matches stays in it)',
        params: z.strictObject({ id: zUuid, customerId: zUuid }),
      },
    },
    async (req, reply) => {
      await removeSegmentMember(req.scope, req.params.id, req.params.customerId);
      return reply.code(204).send();
    },
  );
}
