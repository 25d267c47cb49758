// Analysis over REST: analyse any text, correct an item's analysis, the workspace model and
// re-analysis of past feedback.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zUuid } from '../platform/http/zod-types.js';
import { notifyJobsEnqueued } from '../platform/jobs/queue.js';
import { ZAnalyzeTextInput, ZCorrectAnalysisInput } from './analysis.schemas.js';
import { analyzeText } from './analyze-text.js';
import { loadLanguageDetector } from './detect-language.js';
import { loadAnalysisContext } from './analysis-context.js';
import { correctAnalysis, listCorrections } from './corrections.service.js';
import { getWorkspaceModel, scheduleWorkspaceTraining } from './workspace-model.js';
import { getRun, latestRun, startReanalysis } from './reanalyze.js';
import { explainFeedback } from './explanation.service.js';

const tags = ['analysis'];
const ZIdParams = z.strictObject({ id: zUuid });

export async function analysisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/analyze', {
    config: { permission: 'feedback:read' },
    schema: {
      tags, summary: 'Analyse a text without storing it',
      description: "Language, sentiment (label, score in [-1, 1], confidence), feedback type and topics from this workspace's taxonomy and learnt model.",
      body: ZAnalyzeTextInput,
    },
  }, async (req) => {
    await loadLanguageDetector();
    return analyzeText(req.body.text, await loadAnalysisContext(req.scope), { language: req.body.language });
  });

  r.post('/api/v1/feedback/:id/analysis', {
    config: { permission: 'feedback:write' },
    schema: {
      tags, summary: "Correct an item's sentiment, type or topics",
      description: 'The correction is applied at once, never overwritten by re-analysis, and kept as a labelled example: the workspace model is retrained in the background from all corrections.',
      params: ZIdParams, body: ZCorrectAnalysisInput,
    },
  }, async (req) => correctAnalysis(req.scope, req.params.id, req.body, req.actor!.userId));

  r.get('/api/v1/feedback/:id/explanation', {
    config: { permission: 'feedback:read' },
    schema: {
      tags, summary: "Why an item got its sentiment and topics",
      description: "The words of the item's text that pushed its sentiment towards its label and away from it (up to five each, strongest first, from the shipped model's weights), and for each of its topics the keywords that matched and the words the model weighed. Needs the same scope as reading the item's text.",
      params: ZIdParams,
    },
  }, async (req) => explainFeedback(req.scope, req.params.id));

  r.get('/api/v1/analysis/corrections', {
    config: { permission: 'feedback:read' },
    schema: { tags, summary: 'Recent corrections (the workspace’s labelled examples), newest first', querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  }, async (req) => ({ data: await listCorrections(req.scope, req.query.limit) }));

  r.get('/api/v1/analysis/model', {
    config: { permission: 'feedback:read' },
    schema: { tags, summary: "The workspace model: version, training status and progress, examples learnt" },
  }, async (req) => getWorkspaceModel(req.scope));

  r.post('/api/v1/analysis/model/train', {
    config: { permission: 'topics:manage' },
    schema: { tags, summary: 'Retrain the workspace model now (202; follow progress with GET /analysis/model)' },
  }, async (req, reply) => {
    await req.scope.transaction((tx) => scheduleWorkspaceTraining(req.scope, tx));
    notifyJobsEnqueued();
    return reply.code(202).send(await getWorkspaceModel(req.scope));
  });

  r.post('/api/v1/analysis/reanalyze', {
    config: { permission: 'topics:manage' },
    schema: { tags, summary: 'Re-analyse all past feedback with the current taxonomy and model (202; a running one is superseded)' },
  }, async (req, reply) => reply.code(202).send(await startReanalysis(req.scope, req.actor!.userId)));

  r.get('/api/v1/analysis/runs/latest', {
    config: { permission: 'feedback:read' },
    schema: { tags, summary: 'The latest re-analysis run and its progress (null if none)' },
  }, async (req) => ({ run: await latestRun(req.scope) }));

  r.get('/api/v1/analysis/runs/:id', {
    config: { permission: 'feedback:read' },
    schema: { tags, summary: 'A re-analysis run and its progress', params: ZIdParams },
  }, async (req) => getRun(req.scope, req.params.id));
}

