// When a ticket's next target falls due, or since when it is overdue.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';

export function DueTime({ dueAt }: { dueAt: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!dueAt) return null;
  const overdue = new Date(dueAt).getTime() < Date.now();
  return (
    <span className={overdue ? 'inbox-due inbox-overdue' : 'inbox-due'} data-testid="ticket-due">
      {t(overdue ? 'inbox.overdue' : 'inbox.due', { time: fmt.dateTime(dueAt) })}
    </span>
  );
}
