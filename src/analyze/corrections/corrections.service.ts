// Agents' corrections of an item's analysis. A correction updates the item at once, is kept as
// a labelled example of the workspace (analysis_corrections), marks the field as corrected (so
// re-analysis never overwrites it) and schedules the workspace model's update.
import { desc, eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Tx } from '../../platform/db/client.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { analysisCorrections } from './corrections.tables.js';
import { topics } from '../topics/topics.tables.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { loadFeedbackViews } from '../../collect/feedback/feedback-view.js';
import { scheduleWorkspaceTraining } from '../workspace-model/workspace-model.service.js';
import { ensureDefaultTopics } from '../topics/topics.service.js';
import type { TCorrectAnalysisInput } from './corrections.input.js';

const SENTIMENT_SCORE = { negative: -1, neutral: 0, positive: 1 } as const;

type FeedbackRow = typeof feedbackItems.$inferSelect;

export async function correctAnalysis(scope: WorkspaceScope, feedbackId: string, input: TCorrectAnalysisInput, userId: string | null) {
  await scope.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(feedbackItems)
      .where(scope.where(feedbackItems, eq(feedbackItems.id, feedbackId)))
      .for('update');
    if (!item) throw notFound('Feedback item');
    if (input.topics) await assertKnownTopics(scope, tx, input.topics, 'topics');
    await applyCorrection(scope, tx, item, input, userId);
    await scheduleWorkspaceTraining(scope, tx);
  });
  notifyJobsEnqueued();
  const [view] = await loadFeedbackViews(scope, [feedbackId]);
  return view;
}

/** 422 naming `field` unless every key is a topic of the workspace's taxonomy. */
export async function assertKnownTopics(scope: WorkspaceScope, tx: Tx, keys: string[], field: string) {
  await ensureDefaultTopics(scope, tx);
  const known = new Set((await tx.select({ key: topics.key }).from(topics).where(scope.where(topics))).map((t) => t.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) throw new AppError(422, 'unknown_topic', `${field}: no topic "${unknown[0]}" in this workspace`, field);
}

/**
 * Applies a correction (topics already checked) to an item the caller's transaction has locked:
 * updates it, marks the fields corrected and stores the labelled examples. The caller schedules training.
 */
export async function applyCorrection(
  scope: WorkspaceScope,
  tx: Tx,
  item: FeedbackRow,
  input: TCorrectAnalysisInput,
  userId: string | null,
) {
  const patch: Partial<typeof feedbackItems.$inferInsert> = { updatedAt: new Date() };
  const corrected = new Set(item.correctedFields);
  const examples: Array<{ field: string; labels: string[] }> = [];
  if (input.sentiment) {
    Object.assign(patch, { sentiment: input.sentiment, sentimentScore: SENTIMENT_SCORE[input.sentiment], sentimentConfidence: 1 });
    examples.push({ field: 'sentiment', labels: [input.sentiment] });
  }
  if (input.type) {
    Object.assign(patch, { feedbackType: input.type, typeConfidence: 1 });
    examples.push({ field: 'type', labels: [input.type] });
  }
  if (input.topics) {
    const keys = [...new Set(input.topics)].sort();
    patch.topics = keys;
    examples.push({ field: 'topics', labels: keys });
  }
  for (const e of examples) corrected.add(e.field);
  patch.correctedFields = [...corrected].sort();
  await tx
    .update(feedbackItems)
    .set(patch)
    .where(scope.where(feedbackItems, eq(feedbackItems.id, item.id)));
  for (const e of examples) {
    await tx
      .insert(analysisCorrections)
      .values(
        scope.stamp({
          id: newId(),
          feedbackId: item.id,
          field: e.field,
          labels: e.labels,
          text: item.text,
          language: item.language,
          userId,
        }),
      )
      .onConflictDoUpdate({
        target: [analysisCorrections.workspaceId, analysisCorrections.feedbackId, analysisCorrections.field],
        targetWhere: sql`feedback_id is not null`,
        set: { labels: e.labels, userId, createdAt: new Date() },
      });
  }
}

export async function listCorrections(scope: WorkspaceScope, limit: number) {
  const rows = await scope.db
    .select()
    .from(analysisCorrections)
    .where(scope.where(analysisCorrections))
    .orderBy(desc(analysisCorrections.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    feedbackId: r.feedbackId,
    field: r.field,
    labels: r.labels,
    text: r.text,
    language: r.language,
    userId: r.userId,
    createdAt: r.createdAt,
  }));
}
