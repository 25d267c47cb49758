import { useTranslation } from 'react-i18next';
import { type FeedbackItem, SCORE_TYPES } from '@feedloop/contracts/feedback';
import { useFormat } from '../lib/useFormat';

/** The scores a feedback item carries, as small label/value chips. */
export function Scores({ item, emptyText = true }: { item: FeedbackItem; emptyText?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const present = SCORE_TYPES.filter((type) => item[type] !== null && item[type] !== undefined);
  if (present.length === 0) {
    return emptyText ? <span className="muted">{t('score.none')}</span> : null;
  }
  return (
    <ul className="chips">
      {present.map((type) => (
        <li key={type} className={`chip chip-${type}`}>
          <span className="chip-label">{t(`score.${type}`)}</span>
          <span className="chip-value">{format.number(item[type] as number)}</span>
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: FeedbackItem['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
