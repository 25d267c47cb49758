// Ideas: feedback items that ask for the same thing, grouped under one title with a status
// (new → under review → planned → in progress → done / declined). An item can back several
// ideas; linking the same item twice changes nothing.
import { emitRuleTriggers } from '../../act/rules/emit-trigger.js';
import { count, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { loadFeedbackRefs } from '../../act/references.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import { ideaFeedback, ideas } from './ideas.tables.js';
import type { TCreateIdea, TUpdateIdea, ZListIdeas } from './ideas.input.js';
import { queueIdeaNotifications } from './notify-idea.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';

type Idea = typeof ideas.$inferSelect;

export const publicIdea = (i: Idea) => ({
  id: i.id,
  title: i.title,
  description: i.description,
  status: i.status,
  createdBy: i.createdBy,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
  statusChangedAt: i.statusChangedAt,
});

/** Links the items (checked to be this workspace's) to the idea; returns how many were new. */
export async function linkFeedbackIn(scope: WorkspaceScope, tx: Tx, ideaId: string, feedbackIds: readonly string[]): Promise<number> {
  const items = await loadFeedbackRefs(scope, tx, feedbackIds, 'feedbackIds');
  if (items.length === 0) return 0;
  const added = await tx
    .insert(ideaFeedback)
    .values(items.map((i) => scope.stamp({ ideaId, feedbackId: i.id })))
    .onConflictDoNothing()
    .returning({ id: ideaFeedback.feedbackId });
  await tx
    .update(ideas)
    .set({ updatedAt: new Date() })
    .where(scope.where(ideas, eq(ideas.id, ideaId)));
  return added.length;
}

export async function createIdeaIn(scope: WorkspaceScope, tx: Tx, input: TCreateIdea, userId: string | null) {
  const [idea] = await tx
    .insert(ideas)
    .values(scope.stamp({ id: newId(), title: input.title, description: input.description, createdBy: userId }))
    .returning();
  await linkFeedbackIn(scope, tx, idea.id, input.feedbackIds);
  const counts = await backing(scope, tx, [idea.id]);
  return { ...publicIdea(idea), ...counts(idea.id) };
}

export function createIdea(scope: WorkspaceScope, input: TCreateIdea, userId: string | null) {
  return scope.transaction((tx) => createIdeaIn(scope, tx, input, userId));
}

/** The idea (locked for the rest of the transaction), or 404. */
export async function lockIdea(scope: WorkspaceScope, tx: Tx, id: string): Promise<Idea> {
  const [idea] = await tx
    .select()
    .from(ideas)
    .where(scope.where(ideas, eq(ideas.id, id)))
    .for('update');
  if (!idea) throw notFound('Idea');
  return idea;
}

/** How many feedback items and distinct customers back each of these ideas (zero when none). */
async function backing(scope: WorkspaceScope, db: Tx | WorkspaceScope['db'], ideaIds: string[]) {
  const rows =
    ideaIds.length === 0
      ? []
      : await db
          .select({
            ideaId: ideaFeedback.ideaId,
            items: count(),
            customers: countDistinct(feedbackItems.customerId),
          })
          .from(ideaFeedback)
          .innerJoin(feedbackItems, eq(feedbackItems.id, ideaFeedback.feedbackId))
          .where(scope.where(ideaFeedback, inArray(ideaFeedback.ideaId, ideaIds)))
          .groupBy(ideaFeedback.ideaId);
  const byIdea = new Map(rows.map((r) => [r.ideaId, { feedbackCount: Number(r.items), customerCount: Number(r.customers) }]));
  return (ideaId: string) => byIdea.get(ideaId) ?? { feedbackCount: 0, customerCount: 0 };
}

export async function listIdeas(scope: WorkspaceScope, q: z.infer<typeof ZListIdeas>) {
  const rows = await scope.db
    .select()
    .from(ideas)
    .where(scope.where(ideas, q.status ? eq(ideas.status, q.status) : undefined, afterCursor(ideas, q.cursor)))
    .orderBy(...newestFirst(ideas))
    .limit(q.limit + 1);
  const counts = await backing(
    scope,
    scope.db,
    rows.map((r) => r.id),
  );
  return toPage(rows, q.limit, (i) => ({ ...publicIdea(i), ...counts(i.id) }));
}

/** The idea with its feedback items (newest first, first 100; their text only with `feedbackText`). */
export async function getIdea(scope: WorkspaceScope, id: string, { feedbackText }: { feedbackText: boolean }) {
  const [idea] = await scope.db
    .select()
    .from(ideas)
    .where(scope.where(ideas, eq(ideas.id, id)));
  if (!idea) throw notFound('Idea');
  const items = await scope.db
    .select({
      id: feedbackItems.id,
      channel: feedbackItems.channel,
      text: feedbackText ? sql<string | null>`left(${feedbackItems.text}, 500)` : sql<null>`null`,
      language: feedbackItems.language,
      customerId: feedbackItems.customerId,
      createdAt: feedbackItems.createdAt,
    })
    .from(ideaFeedback)
    .innerJoin(feedbackItems, eq(feedbackItems.id, ideaFeedback.feedbackId))
    .where(scope.where(ideaFeedback, eq(ideaFeedback.ideaId, id)))
    .orderBy(desc(feedbackItems.createdAt))
    .limit(100);
  const counts = await backing(scope, scope.db, [id]);
  return { ...publicIdea(idea), ...counts(id), feedback: items };
}

/** Changes the idea; a new status is news for the customers behind it (see notify-idea.ts). */
export async function updateIdea(scope: WorkspaceScope, id: string, input: TUpdateIdea) {
  const { notifyCustomers, ...changes } = input;
  const result = await scope.transaction(async (tx) => {
    const current = await lockIdea(scope, tx, id);
    const now = new Date();
    const patch: Partial<Idea> = { ...changes, updatedAt: now };
    const newStatus = changes.status && changes.status !== current.status ? changes.status : null;
    if (newStatus) patch.statusChangedAt = now;
    const [idea] = await tx
      .update(ideas)
      .set(patch)
      .where(scope.where(ideas, eq(ideas.id, id)))
      .returning();
    if (newStatus) await emitRuleTriggers(scope, tx, [{ kind: 'idea_status_changed', ideaId: id, from: current.status, to: newStatus }]);
    const notified =
      newStatus && newStatus !== 'new' && notifyCustomers
        ? await queueIdeaNotifications(scope, tx, id, newStatus)
        : { queued: 0, skipped: 0 };
    return { ...publicIdea(idea), notified };
  });
  if (result.notified.queued > 0) notifyJobsEnqueued();
  return result;
}

export async function linkFeedback(scope: WorkspaceScope, id: string, feedbackIds: string[]) {
  return scope.transaction(async (tx) => {
    await lockIdea(scope, tx, id);
    return { linked: await linkFeedbackIn(scope, tx, id, feedbackIds) };
  });
}

export async function unlinkFeedback(scope: WorkspaceScope, id: string, feedbackIds: string[]) {
  return scope.transaction(async (tx) => {
    await lockIdea(scope, tx, id);
    const gone = await tx
      .delete(ideaFeedback)
      .where(scope.where(ideaFeedback, eq(ideaFeedback.ideaId, id), inArray(ideaFeedback.feedbackId, feedbackIds)))
      .returning({ id: ideaFeedback.feedbackId });
    return { unlinked: gone.length };
  });
}
