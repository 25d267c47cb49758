// Events and orders over REST: what customers do, recorded against their profile.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HTTP_LIMITS } from '../../platform/http/limits.js';
import { ZRecordEventInput, ZRecordOrderInput } from './customers.input.js';
import { recordEvents, recordOrder } from './record-activity.js';
import { recordEventCoalesced } from './event-batcher.js';

export async function activityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/events',
    {
      config: { permission: 'events:write' },
      schema: { tags: ['events'], summary: 'Record a behavioural event (purchase, login, cart_abandoned, …)', body: ZRecordEventInput },
    },
    async (req, reply) => reply.code(201).send(await recordEventCoalesced(req.scope, req.body)),
  );

  r.post(
    '/api/v1/events/bulk',
    {
      config: { permission: 'events:write' },
      schema: {
        tags: ['events'],
        summary: `Record up to ${HTTP_LIMITS.maxBulkItems} events in one transaction`,
        body: z.strictObject({ events: z.array(ZRecordEventInput).min(1).max(HTTP_LIMITS.maxBulkItems) }),
      },
    },
    async (req, reply) => reply.code(201).send({ data: await recordEvents(req.scope, req.body.events) }),
  );

  r.post(
    '/api/v1/orders',
    {
      config: { permission: 'events:write' },
      schema: { tags: ['orders'], summary: 'Record or update (by externalId) an order', body: ZRecordOrderInput },
    },
    async (req, reply) => {
      const { order, created } = await recordOrder(req.scope, req.body);
      return reply.code(created ? 201 : 200).send(order);
    },
  );
}
