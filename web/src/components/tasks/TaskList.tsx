// Tasks as cards: title, due date in the user's calendar (overdue ones marked), assignee, the
// customer, and "Mark done" / "Reopen" in place.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@feedloop/contracts/act';
import type { Member } from '@feedloop/contracts/workspace';
import { api } from '../../api/endpoints';
import { tasksApi, type TaskQuery } from '../../api/tasks';
import { paths } from '../../lib/router';
import { useFormat } from '../../lib/useFormat';
import { StatusChangeNotice, useStatusChanges } from '../act/StatusChanges';
import { CursorListView } from '../customers/CursorListView';
import { useCursorList } from '../customers/useCursorList';
import { Link } from '../Link';

interface TaskListProps {
  query: TaskQuery;
  /** Changes when the list must be read again (a task was added). */
  version?: number;
  canWrite: boolean;
  showCustomer?: boolean;
}

export function TaskList({ query, version = 0, canWrite, showCustomer = true }: TaskListProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = `${JSON.stringify(query)}:${version}`;
  const { assigneeId, customerId, ticketId, overdue } = query;
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => tasksApi.tasks({ assigneeId, customerId, ticketId, overdue, cursor }, { signal }),
    [assigneeId, customerId, ticketId, overdue],
  );
  const list = useCursorList(key, fetchPage);
  const { message, change, current } = useStatusChanges<Task>();

  useEffect(() => {
    const abort = new AbortController();
    api
      .listMembers({ signal: abort.signal })
      .then((members) => setNames(new Map(members.data.map((m: Member) => [m.userId, m.name]))))
      .catch(() => undefined);
    return () => abort.abort();
  }, []);

  const toggle = (task: Task) =>
    change(task, async () => {
      const next = task.status === 'open' ? 'done' : 'open';
      const saved = await tasksApi.updateTask(task.id, { status: next });
      return { saved, text: t(next === 'done' ? 'tasks.completed' : 'tasks.reopened', { title: task.title }) };
    });

  return (
    <>
      <StatusChangeNotice message={message} testId="task-message" />
      <CursorListView
        list={list}
        loadMoreTestId="tasks-load-more"
        empty={
          <div className="card empty-state">
            <p>{t('tasks.empty')}</p>
          </div>
        }
      >
        {(items) => (
          <ul className="act-list">
            {items.map((original) => {
              const task = current(original);
              const overdue = task.status === 'open' && task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
              return (
                <li key={task.id} className={`card act-card task-card${task.status === 'done' ? ' task-done' : ''}`} data-testid="task-row">
                  <div className="act-card-head">
                    <h3 className="act-title">
                      <bdi>{task.title}</bdi>
                    </h3>
                    {overdue && <span className="badge badge-overdue">{t('tasks.overdue')}</span>}
                  </div>
                  <div className="act-card-meta">
                    <span data-testid="task-due">{task.dueAt ? t('tasks.due', { date: fmt.dateTime(task.dueAt) }) : t('tasks.noDue')}</span>
                    <span className="muted">
                      {task.assigneeId ? t('tasks.assignedTo', { name: names.get(task.assigneeId) ?? '…' }) : t('tasks.unassigned')}
                    </span>
                    {showCustomer && task.customerId && <Link to={paths.customer(task.customerId)}>{t('tasks.customer')}</Link>}
                    {task.status === 'done' && task.completedAt && (
                      <span className="muted">{t('tasks.doneOn', { date: fmt.dateTime(task.completedAt) })}</span>
                    )}
                    {canWrite && (
                      <button type="button" className="button" onClick={() => void toggle(task)} data-testid="task-toggle">
                        {task.status === 'open' ? t('tasks.complete') : t('tasks.reopen')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CursorListView>
    </>
  );
}
