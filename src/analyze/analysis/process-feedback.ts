// The analysis job: runs for every new feedback item (enqueued with it, in its transaction) and
// for re-analysis. It writes language, sentiment, type and topics; fields an agent corrected are
// kept; the original text is never modified. An item whose analysis throws is marked failed with
// the reason (its neighbours are still analysed); if the whole job keeps failing (database
// errors), the queue retries it and the last attempt marks its items failed — never dropped.
import { inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import type { ClaimedJob } from '../../platform/jobs/queue.js';
import type { TAnalyzeFeedbackPayload } from './analyze-feedback.job.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { feedbackItemById } from '../../collect/feedback/feedback-view.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { groupBy } from '../../platform/group-by.js';
import { metrics } from '../../platform/metrics.js';
import { loadAnalysisContext, type AnalysisContext } from './analysis-context.js';
import { analyzeText, prepareAnalysisInput, type AnalysisInput, type Scores, type TextAnalysis } from './analyze-text.js';
import { searchDocument, searchDocumentFromTokens } from '../search/search-document.js';
import { loadAnalysisModels } from './warm-up-analysis.js';
import { emitRuleTriggers } from '../../act/rules/emit-trigger.js';

export async function processFeedback(
  database: Database,
  payload: TAnalyzeFeedbackPayload,
  job?: ClaimedJob,
  analyze = analyzeAndStore,
): Promise<void> {
  const scope = new WorkspaceScope(database, payload.workspaceId);
  const ids = payload.ids;
  if (ids.length === 0) return;
  try {
    await analyze(scope, scope.db, ids);
  } catch (err) {
    if (job && job.attempts >= job.maxAttempts) await markFailed(scope, ids, err);
    throw err;
  }
}

/** Items analysed per statement when several jobs run together. */
const IDS_PER_RUN = 1_000;

/**
 * Several claimed analysis jobs at once: the ids of each workspace are read and written
 * together (one SELECT and one UPDATE per IDS_PER_RUN items instead of per job). If this
 * throws, the worker runs each job on its own (processFeedback), with its own retries.
 */
export async function processFeedbackJobs(database: Database, jobs: Array<{ payload: TAnalyzeFeedbackPayload }>): Promise<void> {
  for (const [workspaceId, group] of groupBy(jobs, (job) => job.payload.workspaceId)) {
    const ids = group.flatMap((job) => job.payload.ids);
    const scope = new WorkspaceScope(database, workspaceId);
    for (let k = 0; k < ids.length; k += IDS_PER_RUN) await analyzeAndStore(scope, scope.db, ids.slice(k, k + IDS_PER_RUN));
  }
}

/**
 * Items whose results are written per statement. Background writes stay short, so a request
 * on the embedded database's one connection never waits long behind one.
 */
const WRITE_BATCH = 100;

/**
 * Analyses the items with these ids: reads them, computes (outside any statement), then writes the
 * results WRITE_BATCH items per statement. Returns how many it found.
 */
export async function analyzeAndStore(scope: WorkspaceScope, tx: DbOrTx, ids: string[], ctx?: AnalysisContext): Promise<number> {
  const items = await scope.database.rows<StoredItem>(
    sql`
    select f.id, f.text, f.language, f.language_confidence as "languageConfidence", f.nps, f.csat, f.ces, f.rating
    from unnest(${pgArray(ids)}::uuid[]) as k(id)
    cross join lateral (${feedbackItemById(scope, sql`k.id`)}) f`,
    tx,
  );
  if (items.length === 0) return 0;
  await loadAnalysisModels();
  const context = ctx ?? (await loadAnalysisContext(scope, tx));
  const rows: AnalysisRow[] = [];
  let slice = performance.now();
  for (const item of items) {
    rows.push(analyzeItem(item, context));
    // Analysis is synchronous CPU work: a long batch yields now and then, so that a server
    // running its workers in-process keeps answering requests meanwhile.
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  for (let k = 0; k < rows.length; k += WRITE_BATCH) {
    const chunk = rows.slice(k, k + WRITE_BATCH);
    await writeAnalyses(scope, tx, chunk);
    await emitRuleTriggers(
      scope,
      tx,
      chunk.filter((r) => !r.error).map((r) => ({ kind: 'feedback_analysed', feedbackId: r.id })),
    );
  }
  metrics.feedbackAnalysed.inc(items.length);
  return items.length;
}

type AnalysisRow = { id: string; searchText: string | null; result?: TextAnalysis; error?: string };
type StoredItem = { id: string; text: string; language: string | null; languageConfidence: number | null } & Scores;

const YIELD_EVERY_MS = 5;

function analyzeItem(item: StoredItem, context: AnalysisContext): AnalysisRow {
  let input: AnalysisInput | null = null;
  try {
    input = prepareAnalysisInput(item.text);
    // A language given by the sender (confidence 1) is kept; otherwise it is detected.
    const given = item.language && item.languageConfidence === 1 ? item.language : null;
    return {
      id: item.id,
      searchText: searchTextOf(item.text, input),
      result: analyzeText(item.text, context, { language: given, scores: item, input }),
    };
  } catch (err) {
    return { id: item.id, searchText: searchTextOf(item.text, input), error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The item becomes searchable here (storing it wrote no search document; see store-feedback).
 * When the analysis read the whole text unaltered, its tokens are the search document's.
 */
function searchTextOf(text: string, input: AnalysisInput | null): string | null {
  if (input?.prepared && input.clean === text) return searchDocumentFromTokens(input.prepared.tokens);
  return attempt(() => searchDocument(text));
}

const attempt = <T>(fn: () => T): T | null => {
  try {
    return fn();
  } catch {
    return null;
  }
};

/**
 * One UPDATE for these rows: per-item values are unnested side by side; the rows to update are
 * those the workspace's probes found, joined on the primary key only (see feedbackItemById).
 */
async function writeAnalyses(scope: WorkspaceScope, tx: DbOrTx, rows: AnalysisRow[]) {
  const col = <T>(fn: (r: TextAnalysis) => T) => rows.map((r) => (r.result ? fn(r.result) : null));
  // Planned for each call, not prepared: a generic plan (array sizes unknown) measured seconds
  // per batch here, against milliseconds with custom plans.
  await tx.execute(sql`
    update feedback_items f set
      language = coalesce(v.language, f.language),
      language_confidence = coalesce(v.language_confidence, f.language_confidence),
      sentiment = case when 'sentiment' = any(f.corrected_fields) or v.error is not null then f.sentiment else v.sentiment end,
      sentiment_score = case when 'sentiment' = any(f.corrected_fields) or v.error is not null then f.sentiment_score else v.sentiment_score end,
      sentiment_confidence = case when 'sentiment' = any(f.corrected_fields) or v.error is not null then f.sentiment_confidence else v.sentiment_confidence end,
      feedback_type = case when 'type' = any(f.corrected_fields) or v.error is not null then f.feedback_type else v.feedback_type end,
      type_confidence = case when 'type' = any(f.corrected_fields) or v.error is not null then f.type_confidence else v.type_confidence end,
      topics = case when 'topics' = any(f.corrected_fields) or v.error is not null then f.topics
               else array(select jsonb_array_elements_text(v.topics::jsonb)) end,
      topic_scores = case when v.error is not null then f.topic_scores else v.topic_scores::jsonb end,
      analysis_version = coalesce(v.analysis_version, f.analysis_version),
      analysis_error = v.error,
      search_text = coalesce(v.search_text, f.search_text),
      status = case when v.error is null then 'processed' else 'failed' end,
      processed_at = now(), updated_at = now()
    from (select t.* from unnest(
      ${pgArray(rows.map((r) => r.id))}::uuid[],
      ${pgArray(col((r) => r.language))}::text[],
      ${pgArray(col((r) => r.languageConfidence))}::real[],
      ${pgArray(col((r) => r.sentiment?.label ?? null))}::text[],
      ${pgArray(col((r) => r.sentiment?.score ?? null))}::real[],
      ${pgArray(col((r) => r.sentiment?.confidence ?? null))}::real[],
      ${pgArray(col((r) => r.type?.label ?? null))}::text[],
      ${pgArray(col((r) => r.type?.confidence ?? null))}::real[],
      ${pgArray(col((r) => JSON.stringify(r.topics)))}::text[],
      ${pgArray(col((r) => JSON.stringify(r.topicScores)))}::text[],
      ${pgArray(col((r) => r.analysisVersion))}::text[],
      ${pgArray(rows.map((r) => r.error?.slice(0, 500) ?? null))}::text[],
      ${pgArray(rows.map((r) => r.searchText))}::text[]
    ) as t(id, language, language_confidence, sentiment, sentiment_score, sentiment_confidence, feedback_type, type_confidence, topics, topic_scores, analysis_version, error, search_text)
      cross join lateral (${feedbackItemById(scope, sql`t.id`)}) found) v
    where f.id = v.id`);
}

async function markFailed(scope: WorkspaceScope, ids: string[], err: unknown) {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
  await scope.db
    .update(feedbackItems)
    .set({ status: 'failed', analysisError: message, updatedAt: new Date() })
    .where(scope.where(feedbackItems, inArray(feedbackItems.id, ids), sql`${feedbackItems.status} = 'pending'`))
    .catch(() => undefined); // the database itself may be what is failing; the job is marked failed anyway
}
