// Why a stored feedback item got its sentiment and topics (GET /feedback/{id}/explanation): the
// item's text explained by the model's weights (model/explain.ts) and the workspace's keywords.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { getFeedback } from '../../collect/feedback/feedback.service.js';
import { loadAnalysisContext } from '../analysis/analysis-context.js';
import { prepareAnalysisInput } from '../analysis/analyze-text.js';
import { explainPrediction } from '../model/explain.js';
import type { FeedbackExplanation } from '../../contracts/analysis.js';

export async function explainFeedback(scope: WorkspaceScope, id: string): Promise<FeedbackExplanation> {
  const item = await getFeedback(scope, id);
  const text = item.text ?? '';
  const language = item.language ?? 'und';
  const { clean, prepared } = prepareAnalysisInput(text);
  const context = await loadAnalysisContext(scope);
  const matched = prepared ? context.matcher.match(clean, prepared, language) : new Map<string, string[]>();
  const topics = (item.topics ?? []) as string[];
  const explained = explainPrediction(clean, language, {
    sentiment: item.sentiment ? { label: item.sentiment } : null,
    topics,
    matchedKeywords: Object.fromEntries([...matched].filter(([key]) => topics.includes(key))),
  });
  return { feedbackId: item.id, language: explained.language, sentiment: explained.sentiment, topics: explained.topics };
}
