// Follow-up tasks: something a teammate must do by a date, usually for one customer (call back,
// send a replacement), optionally tied to a ticket or a feedback item. A due date is an instant
// or "in N business hours" on the workspace's calendar; the assignee is reminded by email before it.
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { tasks } from './tasks.tables.js';
import { assertMember, assertTicket, loadFeedbackRefs, resolveCustomer } from '../references.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import { addBusinessMinutes, workspaceBusinessCalendar } from '../business-hours/business-time.js';
import { TASK_LIMITS } from './limits.js';
import type { TCreateTask, TUpdateTask, ZListTasks } from './tasks.input.js';

type Task = typeof tasks.$inferSelect;

export const publicTask = (t: Task) => ({
  id: t.id,
  title: t.title,
  status: t.status,
  dueAt: t.dueAt,
  remindMinutesBefore: t.remindMinutesBefore,
  remindedAt: t.remindedAt,
  assigneeId: t.assigneeId,
  customerId: t.customerId,
  ticketId: t.ticketId,
  feedbackId: t.feedbackId,
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  completedAt: t.completedAt,
});

/** The due instant a request asks for: as given, or business hours from now on the workspace's calendar. */
async function dueDateOf(
  scope: WorkspaceScope,
  tx: DbOrTx,
  input: { dueAt?: Date | null; dueInBusinessHours?: number },
): Promise<Date | null | undefined> {
  if (input.dueInBusinessHours === undefined) return input.dueAt;
  return addBusinessMinutes(await workspaceBusinessCalendar(scope, tx), new Date(), input.dueInBusinessHours * 60);
}

const reminderTime = (dueAt: Date | null, minutesBefore: number | null) =>
  dueAt && minutesBefore !== null ? new Date(dueAt.getTime() - minutesBefore * 60_000) : null;

export async function createTask(scope: WorkspaceScope, input: TCreateTask, userId: string | null) {
  return scope.transaction(async (tx) => {
    const [item] = input.feedbackId ? await loadFeedbackRefs(scope, tx, [input.feedbackId], 'feedbackId') : [];
    await assertMember(scope, tx, input.assigneeId, 'assigneeId');
    await assertTicket(scope, tx, input.ticketId);
    const customerId = input.customerId !== undefined ? await resolveCustomer(scope, tx, input.customerId) : (item?.customerId ?? null);
    const dueAt = (await dueDateOf(scope, tx, input)) ?? null;
    const remindMinutesBefore =
      input.remindMinutesBefore === undefined ? TASK_LIMITS.defaultRemindMinutesBefore : input.remindMinutesBefore;
    const [task] = await tx
      .insert(tasks)
      .values(
        scope.stamp({
          id: newId(),
          title: input.title,
          dueAt,
          remindMinutesBefore,
          remindAt: reminderTime(dueAt, remindMinutesBefore),
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
        q.overdue === true ? and(eq(tasks.status, 'open'), isNotNull(tasks.dueAt), lt(tasks.dueAt, sql`now()`)) : undefined,
        q.overdue === false ? sql`not (${tasks.status} = 'open' and ${tasks.dueAt} is not null and ${tasks.dueAt} < now())` : undefined,
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
    const { dueInBusinessHours: _, ...fields } = input;
    const patch: Partial<Task> = { ...fields, dueAt: await dueDateOf(scope, tx, input) };
    if (patch.dueAt === undefined) delete patch.dueAt;
    if (input.status && input.status !== current.status) patch.completedAt = input.status === 'done' ? new Date() : null;
    // A new due time, lead or assignee deserves its own reminder.
    if (patch.dueAt !== undefined || input.remindMinutesBefore !== undefined || input.assigneeId !== undefined) {
      const dueAt = patch.dueAt === undefined ? current.dueAt : patch.dueAt;
      const lead = input.remindMinutesBefore === undefined ? current.remindMinutesBefore : input.remindMinutesBefore;
      patch.remindAt = reminderTime(dueAt, lead);
      patch.remindedAt = null;
    }
    const [task] = await tx
      .update(tasks)
      .set(patch)
      .where(scope.where(tasks, eq(tasks.id, id)))
      .returning();
    return publicTask(task);
  });
}
