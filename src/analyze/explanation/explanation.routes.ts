// Why an item got its sentiment and topics, over REST.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../../platform/http/zod-types.js';
import { explainFeedback } from './explanation.service.js';

const tags = ['analysis'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function explanationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/feedback/:id/explanation',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        summary: 'Why an item got its sentiment and topics',
        description:
          "The words of the item's text that pushed its sentiment towards its label and away from it (up to five each, strongest first, from the shipped model's weights), and for each of its topics the keywords that matched and the words the model weighed. Needs the same scope as reading the item's text.",
        params: ZIdParams,
      },
    },
    async (req) => explainFeedback(req.scope, req.params.id),
  );
}
