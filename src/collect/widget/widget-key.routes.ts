// Widget keys over REST (owners and admins): create, list, change allowed origins, rotate the
// identity secret, revoke.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { WIDGET_LIMITS } from './limits.js';
import { createWidgetKey, listWidgetKeys, revokeWidgetKey, rotateIdentitySecret, updateWidgetKey } from './widget-key.service.js';

const tags = ['widget'];
const ZIdParams = z.strictObject({ id: zUuid });

/** An origin exactly as browsers send it: scheme://host[:port], nothing after. */
const zOrigin = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '')) return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `${value.slice(0, 100)}: must be an origin such as https://shop.example.com (no path)` });
    return z.NEVER;
  });
const zOrigins = z.array(zOrigin).max(WIDGET_LIMITS.maxOrigins);

export async function widgetKeyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/widget-keys',
    {
      config: { permission: 'keys:manage' },
      schema: {
        tags,
        summary: "The workspace's public widget keys, with their identity secrets",
        description: 'identitySecret signs identities on your server (userHash = hex HMAC-SHA256); keep it there, never in a page.',
      },
    },
    async (req) => ({ data: await listWidgetKeys(req.scope) }),
  );

  // The identity secret is shown in the answer but never kept for an Idempotency-Key replay.
  r.post(
    '/api/v1/widget-keys',
    {
      config: { permission: 'keys:manage', oneTimeSecrets: ['identitySecret'] },
      schema: {
        tags,
        summary: 'Create a public key for the website/in-app widget',
        description:
          'The key is public (it goes into your pages); it only works from allowedOrigins and can only add feedback, answers and events.',
        body: z.strictObject({ name: z.string().trim().min(1).max(100), allowedOrigins: zOrigins.default([]) }),
      },
    },
    async (req, reply) => reply.code(201).send(await createWidgetKey(req.scope, req.body)),
  );

  r.patch(
    '/api/v1/widget-keys/:id',
    {
      config: { permission: 'keys:manage' },
      schema: {
        tags,
        summary: 'Rename a widget key or change its allowed origins',
        params: ZIdParams,
        body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), allowedOrigins: zOrigins.optional() }),
      },
    },
    async (req) => updateWidgetKey(req.scope, req.params.id, req.body),
  );

  r.post(
    '/api/v1/widget-keys/:id/rotate-secret',
    {
      config: { permission: 'keys:manage', oneTimeSecrets: ['identitySecret'] },
      schema: {
        tags,
        summary: 'Replace the identity secret of a widget key',
        description: `The previous secret keeps verifying for keepPreviousHours (default ${WIDGET_LIMITS.previousSecretHours}; 0 ends it at once, for a secret that leaked).`,
        params: ZIdParams,
        body: z
          .strictObject({
            keepPreviousHours: z.number().int().min(0).max(WIDGET_LIMITS.maxPreviousSecretHours).default(WIDGET_LIMITS.previousSecretHours),
          })
          .default({ keepPreviousHours: WIDGET_LIMITS.previousSecretHours }),
      },
    },
    async (req) => rotateIdentitySecret(req.scope, req.params.id, req.body.keepPreviousHours),
  );

  r.delete(
    '/api/v1/widget-keys/:id',
    {
      config: { permission: 'keys:manage' },
      schema: { tags, summary: 'Revoke a widget key (at once)', params: ZIdParams },
    },
    async (req) => revokeWidgetKey(req.scope, req.params.id),
  );
}
