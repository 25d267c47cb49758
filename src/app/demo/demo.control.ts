// The running server's side of `feedloop demo` when it owns the embedded database: it seeds the
// demo workspace and its own worker analyses the feedback.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ControlDeps } from '../../platform/control/control-server.js';
import { seedDemo } from './seed-demo.js';

export const ZDemoInput = z.strictObject({ name: z.string().trim().min(1).max(200) });

export async function demoControlRoutes(app: FastifyInstance, { database, config }: ControlDeps) {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/demo', { schema: { body: ZDemoInput } }, async (req) => {
    const { workspace, ...counts } = await seedDemo(database, req.body.name, new Date(), config.publicUrl);
    return { workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, ...counts };
  });
}
