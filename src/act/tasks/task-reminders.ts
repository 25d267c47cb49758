// Reminders before a task is due. Every minute a scan claims the reminders whose time has come
// (marking them sent in the same transaction that queues their jobs, so each goes out once, however
// many workers scan); each job emails the assignee in their language. A task rescheduled or
// reassigned after that gets a reminder of its own (the service clears reminded_at).
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { JobContext } from '../../platform/jobs/define-job.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { chosenCalendar } from '../../platform/workspace/workspace-settings.service.js';
import { LOCALES, type Locale } from '../../contracts/locales.js';
import { tasks } from './tasks.tables.js';
import { TASK_LIMITS } from './limits.js';
import { remindTaskJob, type TRemindTaskPayload } from './remind-task.job.js';
import { formatDue, renderTaskReminder } from './task-reminder-email.js';

/** Queues the reminders that are due now; returns how many. */
export async function queueDueReminders(database: Database): Promise<number> {
  return database.db.transaction(async (tx) => {
    const due = tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.status, 'open'), isNull(tasks.remindedAt), lte(tasks.remindAt, sql`now()`), isNotNull(tasks.assigneeId)))
      .orderBy(tasks.remindAt)
      .limit(TASK_LIMITS.remindersPerScan)
      .for('update', { skipLocked: true });
    const claimed = await tx
      .update(tasks)
      .set({ remindedAt: sql`now()` })
      .where(inArray(tasks.id, due))
      .returning({ id: tasks.id, workspaceId: tasks.workspaceId });
    await remindTaskJob.enqueue(
      tx,
      claimed.map((t) => ({ workspaceId: t.workspaceId, taskId: t.id })),
    );
    return claimed.length;
  });
}

/** Job: email the assignee, unless the task was done, reassigned or rescheduled meanwhile. */
export async function sendTaskReminder(ctx: Pick<JobContext, 'database' | 'mailer' | 'publicUrl'>, payload: TRemindTaskPayload) {
  const scope = new WorkspaceScope(ctx.database, payload.workspaceId);
  const [row] = await scope.db
    .select({ task: tasks, email: users.email, name: users.name, locale: users.locale })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(scope.where(tasks, eq(tasks.id, payload.taskId)));
  if (row?.task.status !== 'open' || !row.task.remindedAt || !row.task.dueAt) return;
  const [workspace] = await scope.db
    .select({ name: workspaces.name, timezone: workspaces.timezone, settings: workspaces.settings, locale: workspaces.defaultLocale })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  const language: Locale = (LOCALES as readonly string[]).includes(row.locale) ? row.locale : 'en';
  const calendar = chosenCalendar(workspace.settings) ?? (workspace.locale === 'fa' ? 'persian' : 'gregorian');
  const email = renderTaskReminder({
    language,
    assigneeName: row.name,
    workspaceName: workspace.name,
    title: row.task.title,
    due: formatDue(row.task.dueAt, language, workspace.timezone, calendar),
    tasksUrl: `${ctx.publicUrl}/tasks`,
  });
  const result = await ctx.mailer.send({
    to: row.email,
    subject: email.subject,
    html: email.html,
    text: email.text,
    // One id per reminder, the same on every retry.
    messageId: `<task-${row.task.id}-${row.task.remindedAt.getTime()}@feedloop>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  if (!result.ok) throw new Error(`task reminder not sent: ${result.reason}`);
}
