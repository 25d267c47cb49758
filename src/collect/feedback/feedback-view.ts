// The public shape of a feedback item, and loading items with their customer summary.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from './feedback.tables.js';
import { pgArray } from '../../platform/db/pg-array.js';

type FeedbackRow = typeof feedbackItems.$inferSelect;
export type CustomerSummary = { id: string; name: string | null; email: string | null; externalId: string | null } | null;

export function publicFeedback(f: FeedbackRow, customer: CustomerSummary = null) {
  return {
    id: f.id,
    channel: f.channel,
    text: f.text,
    language: f.language,
    languageConfidence: f.languageConfidence,
    customerId: f.customerId,
    customer,
    externalId: f.externalId,
    nps: f.nps,
    csat: f.csat,
    ces: f.ces,
    rating: f.rating,
    metadata: f.metadata,
    links: { surveyResponseId: f.surveyResponseId, ticketId: f.ticketId, orderId: f.orderId, reviewId: f.reviewId },
    status: f.status,
    sentiment: f.sentiment,
    sentimentScore: f.sentimentScore,
    sentimentConfidence: f.sentimentConfidence,
    type: f.feedbackType,
    typeConfidence: f.typeConfidence,
    topics: f.topics,
    topicScores: f.topicScores,
    tags: f.tags,
    assigneeId: f.assigneeId,
    serviceUnitId: f.serviceUnitId,
    correctedFields: f.correctedFields,
    analysisError: f.analysisError,
    piiRedacted: f.piiRedacted,
    createdAt: f.createdAt,
    receivedAt: f.receivedAt,
    processedAt: f.processedAt,
    updatedAt: f.updatedAt,
  };
}

export type FeedbackView = ReturnType<typeof publicFeedback>;

/**
 * The workspace's item whose id is `id` (an SQL expression: a column of the row being joined),
 * for `cross join lateral (…)`: one primary-key probe per id, whatever the planner's statistics
 * say — a LATERAL subquery with OFFSET 0 is never flattened into a join. A plain join or
 * `in (…)` let the planner, with statistics from when the table was small (a fresh install
 * under load, before autoanalyze), scan the whole workspace for every batch of items.
 */
export const feedbackItemById = (scope: WorkspaceScope, id: SQL) =>
  sql`select * from feedback_items fi where fi.id = ${id} and fi.workspace_id = ${scope.workspaceId} offset 0`;

// The select list is built once from the schema; values are mapped the way Drizzle maps them.
const columns = Object.entries(getTableColumns(feedbackItems)).filter(([key]) => key !== 'searchVector' && key !== 'searchText');
/** Every column of the public shape, of the row aliased `f` (a select list or a RETURNING list). */
export const feedbackSelectList = sql.join(
  columns.map(([key, column]) => sql`f.${sql.identifier(column.name)} as ${sql.identifier(key)}`),
  sql`, `,
);

/** A row read with feedbackSelectList, its values mapped the way Drizzle maps them. */
export function feedbackFromRow(r: Record<string, unknown>): FeedbackRow {
  return Object.fromEntries(
    columns.map(([key, column]) => [key, r[key] == null ? r[key] : column.mapFromDriverValue(r[key])]),
  ) as FeedbackRow;
}

/** The items with these ids (in this workspace), in the order asked; missing ids are skipped. */
export async function loadFeedbackViews(scope: WorkspaceScope, ids: string[]): Promise<FeedbackView[]> {
  if (ids.length === 0) return [];
  const rows = await scope.database.rows<Record<string, unknown>>(sql`
    select ${feedbackSelectList}, c.id as "c_id", c.name as "c_name", c.email as "c_email", c.external_id as "c_external_id"
    from unnest(${pgArray(ids)}::uuid[]) with ordinality as k(id, n)
    cross join lateral (${feedbackItemById(scope, sql`k.id`)}) f
    left join lateral (select id, name, email, external_id from customers ci where ci.id = f.customer_id offset 0) c on true
    order by k.n`);
  return rows.map((r) => {
    const item = feedbackFromRow(r);
    const customer = r.c_id
      ? {
          id: String(r.c_id),
          name: r.c_name as string | null,
          email: r.c_email as string | null,
          externalId: r.c_external_id as string | null,
        }
      : null;
    return publicFeedback(item, customer);
  });
}
