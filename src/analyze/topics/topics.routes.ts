// The workspace topic taxonomy over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZCreateTopicInput, ZMergeTopicsInput, ZUpdateTopicInput } from './topics.input.js';
import { createTopic, deleteTopic, getTopic, listTopics, mergeTopics, publicTopic, updateTopic } from './topics.service.js';

const tags = ['topics'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function topicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/topics',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: "The workspace's topics with names in fa/ar/zh/en, keywords and examples" },
    },
    async (req) => ({ data: (await listTopics(req.scope)).map(publicTopic) }),
  );

  r.post(
    '/api/v1/topics',
    {
      config: { permission: 'topics:manage' },
      schema: { tags, summary: 'Add a topic (re-analyse to apply it to past feedback)', body: ZCreateTopicInput },
    },
    async (req, reply) => reply.code(201).send(await createTopic(req.scope, req.body)),
  );

  r.get(
    '/api/v1/topics/:id',
    {
      config: { permission: 'feedback:read' },
      schema: { tags, summary: 'Get a topic', params: ZIdParams },
    },
    async (req) => getTopic(req.scope, req.params.id),
  );

  r.patch(
    '/api/v1/topics/:id',
    {
      config: { permission: 'topics:manage' },
      schema: {
        tags,
        summary: 'Rename a topic or edit its keywords and examples (the key never changes; a null name removes that language)',
        params: ZIdParams,
        body: ZUpdateTopicInput,
      },
    },
    async (req) => updateTopic(req.scope, req.params.id, req.body),
  );

  r.delete(
    '/api/v1/topics/:id',
    {
      config: { permission: 'topics:manage' },
      schema: { tags, summary: 'Delete a topic and remove it from every item', params: ZIdParams },
    },
    async (req, reply) => {
      await deleteTopic(req.scope, req.params.id);
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/topics/:id/merge',
    {
      config: { permission: 'topics:manage' },
      schema: {
        tags,
        summary: 'Merge this topic into another: items, corrections, keywords and examples move over',
        params: ZIdParams,
        body: ZMergeTopicsInput,
      },
    },
    async (req) => mergeTopics(req.scope, req.params.id, req.body.into),
  );
}
