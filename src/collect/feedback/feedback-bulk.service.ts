// Bulk actions of the feedback explorer: tag, add a topic (as a correction), assign, open one
// ticket for the items or link them to an idea — any of these together, in one transaction.
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from './feedback.tables.js';
import { AppError } from '../../platform/http/errors.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { applyCorrection, assertKnownTopics } from '../../analyze/corrections/corrections.service.js';
import { scheduleWorkspaceTraining } from '../../analyze/workspace-model/workspace-model.service.js';
import type { TBulkUpdateFeedbackInput } from './feedback.input.js';
import { createTicketIn } from '../../act/tickets/tickets.service.js';
import { assertMember } from '../../act/references.js';
import { createIdeaIn, linkFeedbackIn, lockIdea } from '../../loop/ideas/ideas.service.js';

export async function bulkUpdateFeedback(scope: WorkspaceScope, input: TBulkUpdateFeedbackInput, userId: string | null) {
  const ids = [...new Set(input.ids)];
  const idSet = sql`${feedbackItems.id} in (select unnest(${pgArray(ids)}::uuid[]))`;
  const outcome = await scope.transaction(async (tx) => {
    // Locked in id order, so two overlapping bulk updates cannot deadlock.
    const items = await tx.select().from(feedbackItems).where(scope.where(feedbackItems, idSet)).orderBy(feedbackItems.id).for('update');
    if (items.length !== ids.length) {
      throw new AppError(422, 'unknown_feedback', 'ids: some items do not exist in this workspace', 'ids');
    }
    await assertMember(scope, tx, input.assigneeId, 'assigneeId');
    if (input.addTags || input.removeTags || input.assigneeId !== undefined) {
      const set: Record<string, unknown> = { updatedAt: new Date() };
      if (input.addTags || input.removeTags) {
        // Union with the added tags minus the removed ones, sorted and without duplicates.
        set.tags = sql`coalesce((select array_agg(t order by t) from (
          select unnest(${feedbackItems.tags} || ${pgArray(input.addTags ?? [])}::text[])
          except select unnest(${pgArray(input.removeTags ?? [])}::text[])) as changed(t)), '{}'::text[])`;
      }
      if (input.assigneeId !== undefined) set.assigneeId = input.assigneeId;
      await tx.update(feedbackItems).set(set).where(scope.where(feedbackItems, idSet));
    }
    if (input.addTopic) {
      const topic = input.addTopic;
      await assertKnownTopics(scope, tx, [topic], 'addTopic');
      for (const item of items) await applyCorrection(scope, tx, item, { topics: [...item.topics, topic] }, userId);
      await scheduleWorkspaceTraining(scope, tx);
    }
    const ticket = input.createTicket ? await createTicketIn(scope, tx, { ...input.createTicket, feedbackIds: ids }, userId) : undefined;
    let idea;
    if (input.addToIdea && 'ideaId' in input.addToIdea) {
      const existing = await lockIdea(scope, tx, input.addToIdea.ideaId).catch((err: unknown) => {
        if (err instanceof AppError && err.status === 404)
          throw new AppError(422, 'unknown_idea', 'addToIdea.ideaId: no such idea in this workspace', 'addToIdea.ideaId');
        throw err;
      });
      await linkFeedbackIn(scope, tx, existing.id, ids);
      idea = { id: existing.id, title: existing.title, status: existing.status };
    } else if (input.addToIdea) {
      const created = await createIdeaIn(scope, tx, { title: input.addToIdea.title, description: '', feedbackIds: ids }, userId);
      idea = { id: created.id, title: created.title, status: created.status };
    }
    return { ticket: ticket && { id: ticket.id, number: ticket.number, subject: ticket.subject }, idea };
  });
  if (input.addTopic) notifyJobsEnqueued();
  return { updated: ids.length, ...outcome };
}
