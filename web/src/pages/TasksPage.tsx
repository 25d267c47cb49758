import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskForm } from '../components/tasks/TaskForm';
import { TaskList } from '../components/tasks/TaskList';
import { navigate, paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { canWriteFeedback } from '../lib/topics';
import '../styles/act.css';
import '../styles/tasks.css';

const QUEUES = ['mine', 'overdue', 'all'] as const;
type Queue = (typeof QUEUES)[number];

/** The team's tasks in three queues (mine, overdue, all; kept in the URL), and a form to add one. */
export function TasksPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const canWrite = canWriteFeedback(me.role);
  const { query } = useLocation();
  const asked = query.get('queue');
  const queue: Queue = (QUEUES as readonly string[]).includes(asked ?? '') ? (asked as Queue) : 'mine';
  const [version, setVersion] = useState(0);
  const filter = queue === 'mine' ? { assigneeId: me.user.id } : queue === 'overdue' ? { overdue: true } : {};

  return (
    <div className="stack" data-testid="tasks-page">
      <div className="page-head">
        <h1 className="page-title">{t('tasks.title')}</h1>
        <p className="muted">{t('tasks.intro')}</p>
      </div>
      <nav className="task-queues" aria-label={t('tasks.queues.label')}>
        {QUEUES.map((q) => (
          <a
            key={q}
            href={paths.tasks(q)}
            className={`button${q === queue ? ' button-primary' : ''}`}
            aria-current={q === queue ? 'page' : undefined}
            data-testid={`task-queue-${q}`}
            onClick={(event) => {
              event.preventDefault();
              navigate(paths.tasks(q), { replace: true });
            }}
          >
            {t(`tasks.queues.${q}`)}
          </a>
        ))}
      </nav>
      <div className="tasks-layout">
        <section aria-label={t('tasks.queues.label')}>
          <TaskList query={filter} version={version} canWrite={canWrite} />
        </section>
        {canWrite && <TaskForm onCreated={() => setVersion((n) => n + 1)} />}
      </div>
    </div>
  );
}
