// Follow-up tasks over REST. Agents and above write; viewers read (the tickets scopes).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { ZCreateTask, ZListTasks, ZUpdateTask } from './tasks.input.js';
import { createTask, listTasks, updateTask } from './tasks.service.js';

const ZIdParams = z.strictObject({ id: zUuid });
const read = { permission: 'tickets:read' } as const;
const write = { permission: 'tickets:write' } as const;

export async function taskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/tasks',
    { config: read, schema: { tags: ['tasks'], summary: 'Follow-up tasks, newest first', querystring: ZListTasks } },
    async (req) => listTasks(req.scope, req.query),
  );
  r.post(
    '/api/v1/tasks',
    { config: write, schema: { tags: ['tasks'], summary: 'Create a follow-up task', body: ZCreateTask } },
    async (req, reply) => reply.code(201).send(await createTask(req.scope, req.body, req.actor!.userId)),
  );
  r.patch(
    '/api/v1/tasks/:id',
    {
      config: write,
      schema: { tags: ['tasks'], summary: 'Rename, reschedule, reassign or complete a task', params: ZIdParams, body: ZUpdateTask },
    },
    async (req) => updateTask(req.scope, req.params.id, req.body),
  );
}
