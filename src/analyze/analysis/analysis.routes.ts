// Analysis over REST: analyse any text without storing it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAnalyzeTextInput } from './analysis.input.js';
import { analyzeTextSoon } from './warm-up-analysis.js';
import { loadAnalysisContext } from './analysis-context.js';

const tags = ['analysis'];

export async function analysisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/analyze',
    {
      config: { permission: 'feedback:read' },
      schema: {
        tags,
        summary: 'Analyse a text without storing it',
        description:
          "Language, sentiment (label, score in [-1, 1], confidence), feedback type and topics from this workspace's taxonomy and learnt model.",
        body: ZAnalyzeTextInput,
      },
    },
    async (req) => {
      return analyzeTextSoon(req.body.text, await loadAnalysisContext(req.scope), { language: req.body.language });
    },
  );
}
