// The queue of drafted replies: an agent edits, approves or discards each. Only a pending draft
// changes; deciding records who and when.
import { and, eq } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { assertTemplateVariables } from '../templates/message-template.js';
import { replyDrafts, replyTemplates, type ReplyDraftStatus } from './reply-drafts.tables.js';

type Draft = typeof replyDrafts.$inferSelect;

const publicDraft = (d: Draft & { feedbackText?: string | null; rating?: number | null }) => ({
  id: d.id,
  feedbackId: d.feedbackId,
  ruleId: d.ruleId,
  language: d.language,
  body: d.body,
  status: d.status,
  feedbackText: d.feedbackText ?? null,
  rating: d.rating ?? null,
  decidedBy: d.decidedBy,
  decidedAt: d.decidedAt,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export async function listReplyDrafts(scope: WorkspaceScope, q: { status: ReplyDraftStatus; limit: number; cursor?: string }) {
  const rows = await scope.db
    .select({ draft: replyDrafts, feedbackText: feedbackItems.text, rating: feedbackItems.rating })
    .from(replyDrafts)
    .innerJoin(feedbackItems, eq(feedbackItems.id, replyDrafts.feedbackId))
    .where(scope.where(replyDrafts, eq(replyDrafts.status, q.status), afterCursor(replyDrafts, q.cursor)))
    .orderBy(...newestFirst(replyDrafts))
    .limit(q.limit + 1);
  return toPage(
    rows.map((r) => ({ ...r.draft, feedbackText: r.feedbackText, rating: r.rating })),
    q.limit,
    publicDraft,
  );
}

/** Edits the text, approves or discards a pending draft. */
export async function decideReplyDraft(
  scope: WorkspaceScope,
  id: string,
  change: { body?: string; status?: 'approved' | 'discarded' },
  userId: string | null,
) {
  return scope.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(replyDrafts)
      .where(scope.where(replyDrafts, eq(replyDrafts.id, id)))
      .for('update');
    if (!current) throw notFound('Reply draft');
    if (current.status !== 'pending')
      throw new AppError(409, 'already_decided', `status: this draft was already ${current.status}`, 'status');
    const now = new Date();
    const [draft] = await tx
      .update(replyDrafts)
      .set({
        ...(change.body !== undefined ? { body: change.body } : {}),
        ...(change.status ? { status: change.status, decidedBy: userId, decidedAt: now } : {}),
        updatedAt: now,
      })
      .where(scope.where(replyDrafts, eq(replyDrafts.id, id)))
      .returning();
    return publicDraft(draft);
  });
}

export async function listReplyTemplates(scope: WorkspaceScope) {
  const rows = await scope.db.select().from(replyTemplates).where(scope.where(replyTemplates));
  return { data: rows.map((r) => ({ language: r.language, topic: r.topic, body: r.body, updatedAt: r.updatedAt })) };
}

/** The workspace's wording for a language and topic ('*': any topic); only the known variables. */
export async function saveReplyTemplate(scope: WorkspaceScope, input: { language: string; topic: string; body: string }) {
  assertTemplateVariables(input.body, 'body');
  const [row] = await scope.db
    .insert(replyTemplates)
    .values(scope.stamp({ id: newId(), ...input }))
    .onConflictDoUpdate({
      target: [replyTemplates.workspaceId, replyTemplates.language, replyTemplates.topic],
      set: { body: input.body, updatedAt: new Date() },
    })
    .returning();
  return { language: row.language, topic: row.topic, body: row.body, updatedAt: row.updatedAt };
}

export async function deleteReplyTemplate(scope: WorkspaceScope, language: string, topic: string) {
  await scope.db
    .delete(replyTemplates)
    .where(scope.where(replyTemplates, and(eq(replyTemplates.language, language), eq(replyTemplates.topic, topic))));
}
