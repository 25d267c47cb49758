// Follow-up tasks: something a teammate must do by a date, usually for one customer (call back,
// send a replacement), optionally tied to a ticket or a feedback item.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { tasks } from './tasks.tables.js';
import { assertMember, assertTicket, loadFeedbackRefs, resolveCustomer } from '../references.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import type { TCreateTask, TUpdateTask, ZListTasks } from './tasks.input.js';

type Task = typeof tasks.$inferSelect;

export const publicTask = (t: Task) => ({
  id: t.id,
  title: t.title,
  status: t.status,
  dueAt: t.dueAt,
  assigneeId: t.assigneeId,
  customerId: t.customerId,
  ticketId: t.ticketId,
  feedbackId: t.feedbackId,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  completedAt: t.completedAt,
});

export async function createTask(scope: WorkspaceScope, input: TCreateTask, userId: string | null) {
  return scope.transaction(async (tx) => {
    const [item] = input.feedbackId ? await loadFeedbackRefs(scope, tx, [input.feedbackId], 'feedbackId') : [];
    await assertMember(scope, tx, input.assigneeId, 'assigneeId');
    await assertTicket(scope, tx, input.ticketId);
    const customerId = input.customerId !== undefined ? await resolveCustomer(scope, tx, input.customerId) : (item?.customerId ?? null);
    const [task] = await tx
      .insert(tasks)
      .values(
        scope.stamp({
          id: newId(),
          title: input.title,
          dueAt: input.dueAt ?? null,
          assigneeId: input.assigneeId ?? null,
          customerId,
          ticketId: input.ticketId ?? null,
          feedbackId: input.feedbackId ?? null,
          createdBy: userId,
        }),
      )
      .returning();
    return publicTask(task);
  });
}

export async function listTasks(scope: WorkspaceScope, q: z.infer<typeof ZListTasks>) {
  const rows = await scope.db
    .select()
    .from(tasks)
    .where(
      scope.where(
        tasks,
        q.status ? eq(tasks.status, q.status) : undefined,
        q.customerId ? eq(tasks.customerId, q.customerId) : undefined,
        q.assigneeId ? eq(tasks.assigneeId, q.assigneeId) : undefined,
        q.ticketId ? eq(tasks.ticketId, q.ticketId) : undefined,
        afterCursor(tasks, q.cursor),
      ),
    )
    .orderBy(...newestFirst(tasks))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, publicTask);
}

export async function updateTask(scope: WorkspaceScope, id: string, input: TUpdateTask) {
  return scope.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tasks)
      .where(scope.where(tasks, eq(tasks.id, id)))
      .for('update');
    if (!current) throw notFound('Task');
    await assertMember(scope, tx, input.assigneeId, 'assigneeId');
    const patch: Partial<Task> = { ...input };
    if (input.status && input.status !== current.status) patch.completedAt = input.status === 'done' ? new Date() : null;
    const [task] = await tx
      .update(tasks)
      .set(patch)
      .where(scope.where(tasks, eq(tasks.id, id)))
      .returning();
    return publicTask(task);
  });
}
