// The public shape of a feedback item, and loading items with their customer summary.
import { eq, inArray } from 'drizzle-orm';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { feedbackItems } from './schema.js';
import { customers } from '../customers/schema.js';

type FeedbackRow = typeof feedbackItems.$inferSelect;
type CustomerSummary = { id: string; name: string | null; email: string | null; externalId: string | null } | null;

export function publicFeedback(f: FeedbackRow, customer: CustomerSummary = null) {
  return {
    id: f.id, channel: f.channel, text: f.text, language: f.language, languageConfidence: f.languageConfidence,
    customerId: f.customerId, customer, externalId: f.externalId,
    nps: f.nps, csat: f.csat, ces: f.ces, rating: f.rating, metadata: f.metadata,
    links: { surveyResponseId: f.surveyResponseId, ticketId: f.ticketId, orderId: f.orderId, reviewId: f.reviewId },
    status: f.status, sentiment: f.sentiment, sentimentScore: f.sentimentScore, sentimentConfidence: f.sentimentConfidence,
    type: f.feedbackType, typeConfidence: f.typeConfidence, topics: f.topics, topicScores: f.topicScores,
    correctedFields: f.correctedFields, analysisError: f.analysisError, piiRedacted: f.piiRedacted,
    createdAt: f.createdAt, receivedAt: f.receivedAt, processedAt: f.processedAt, updatedAt: f.updatedAt,
  };
}

export type FeedbackView = ReturnType<typeof publicFeedback>;

/** The items with these ids (in this workspace), in the order asked; missing ids are skipped. */
export async function loadFeedbackViews(scope: WorkspaceScope, ids: string[]): Promise<FeedbackView[]> {
  if (ids.length === 0) return [];
  const rows = await scope.db.select({ f: feedbackItems, c: { id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId } })
    .from(feedbackItems).leftJoin(customers, eq(customers.id, feedbackItems.customerId))
    .where(scope.where(feedbackItems, inArray(feedbackItems.id, ids)));
  const byId = new Map(rows.map((r) => [r.f.id, publicFeedback(r.f, r.c?.id ? r.c : null)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
