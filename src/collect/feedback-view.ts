// The public shape of a feedback item, and loading items with their customer summary.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
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
    tags: f.tags, assigneeId: f.assigneeId,
    correctedFields: f.correctedFields, analysisError: f.analysisError, piiRedacted: f.piiRedacted,
    createdAt: f.createdAt, receivedAt: f.receivedAt, processedAt: f.processedAt, updatedAt: f.updatedAt,
  };
}

export type FeedbackView = ReturnType<typeof publicFeedback>;

// Built once per database (building the query costs more CPU than running it), but sent as an
// unnamed statement, so PostgreSQL plans each call with its ids and the table's current size: a
// plan cached while the table was small would scan it all once it has grown. The ids are a
// semi-join (`in (select unnest(…))`), one primary-key probe each: with `= any(…)` the planner
// may also scan the workspace's whole index and AND the bitmaps, a cost that grows with the table.
const viewQueries = new WeakMap<Database, ReturnType<typeof buildViewQuery>>();

function buildViewQuery(database: Database) {
  return database.db.select({ f: feedbackItems, c: { id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId } })
    .from(feedbackItems).leftJoin(customers, eq(customers.id, feedbackItems.customerId))
    .where(and(eq(feedbackItems.workspaceId, sql.placeholder('workspaceId')), sql`${feedbackItems.id} in (select unnest(${sql.placeholder('ids')}::uuid[]))`))
    .prepare(''); // unnamed: planned anew for each call's ids, as the table grows
}

/** The items with these ids (in this workspace), in the order asked; missing ids are skipped. */
export async function loadFeedbackViews(scope: WorkspaceScope, ids: string[]): Promise<FeedbackView[]> {
  if (ids.length === 0) return [];
  let query = viewQueries.get(scope.database);
  if (!query) {
    query = buildViewQuery(scope.database);
    viewQueries.set(scope.database, query);
  }
  const rows = await query.execute({ workspaceId: scope.workspaceId, ids });
  const byId = new Map(rows.map((r) => [r.f.id, publicFeedback(r.f, r.c?.id ? r.c : null)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
