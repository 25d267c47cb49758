import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@feedloop/contracts/customers';
import { SCORE_TYPES } from '@feedloop/contracts/feedback';
import { customersApi } from '../../api/customers';
import { paths } from '../../lib/router';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';
import { isolate } from '../../lib/topics';
import { formatMoney } from './money';
import { useCursorList } from './useCursorList';
import { CursorListView } from './CursorListView';

function EntryBody({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  switch (entry.kind) {
    case 'feedback':
      return (
        <>
          <Link to={paths.feedbackDetail(entry.id)} className="timeline-text">
            <bdi>{entry.text}</bdi>
          </Link>
          <ul className="chips">
            <li className="chip">{t(`channel.${entry.channel}`, { defaultValue: entry.channel })}</li>
            {SCORE_TYPES.filter((s) => entry[s] !== null).map((s) => (
              <li key={s} className="chip">
                <span className="chip-label">{t(`score.${s}`)}</span> <span className="chip-value">{fmt.number(entry[s] as number)}</span>
              </li>
            ))}
          </ul>
        </>
      );
    case 'survey_response':
      return (
        <p>
          <Link to={paths.surveyResults(entry.surveyId)}>
            <bdi>{entry.surveyName}</bdi>
          </Link>{' '}
          <span className="badge">{t(`customer360.responseStatus.${entry.status}`)}</span>
        </p>
      );
    case 'event':
      return (
        <p>
          <code dir="auto">{entry.name}</code>
          {Object.keys(entry.properties).length > 0 && (
            <code className="timeline-props" dir="ltr">
              {JSON.stringify(entry.properties)}
            </code>
          )}
        </p>
      );
    case 'order':
      return (
        <p>
          {t('customer360.orderSummary', {
            id: isolate(entry.externalId),
            amount: formatMoney(entry.amount, entry.currency, fmt.prefs, t),
          })}
          {entry.status && (
            <>
              {' '}
              <span className="badge">
                <bdi>{entry.status}</bdi>
              </span>
            </>
          )}
        </p>
      );
    case 'ticket':
      return (
        <p>
          <Link to={paths.tickets()}>{t('act.timeline.ticket', { number: fmt.number(entry.number, { useGrouping: false }) })}</Link>{' '}
          <bdi>{entry.subject}</bdi> <span className="badge">{t(`act.tickets.statuses.${entry.status}`)}</span>{' '}
          <span className="badge">{t(`act.tickets.priorities.${entry.priority}`)}</span>
        </p>
      );
    case 'task':
      return (
        <p>
          <bdi>{entry.title}</bdi> <span className="badge">{t(`act.timeline.taskStatuses.${entry.status}`)}</span>
          {entry.dueAt && (
            <>
              {' '}
              <span className="muted">{t('act.timeline.taskDue', { date: fmt.date(entry.dueAt) })}</span>
            </>
          )}
        </p>
      );
    case 'compensation':
      return (
        <p>
          {t(`act.timeline.compensationKinds.${entry.compensationKind}`)}
          {entry.amount !== null && entry.currency && <> {formatMoney(entry.amount, entry.currency, fmt.prefs, t)}</>}
          {entry.code && (
            <>
              {' '}
              <code dir="ltr">{entry.code}</code>
            </>
          )}
          {entry.note && (
            <>
              {' '}
              <bdi className="muted">{entry.note}</bdi>
            </>
          )}{' '}
          <span className="muted" data-testid="timeline-compensation-status">
            {entry.approvedAt
              ? t('compensations.approvedOn', { date: fmt.dateTime(entry.approvedAt) })
              : t(`compensations.statuses.${entry.status}`)}
          </span>
        </p>
      );
    case 'notification':
      return (
        <p>
          {entry.purpose === 'survey_invitation'
            ? t('act.timeline.surveyInvitation', { survey: isolate(entry.surveyName) })
            : t('act.timeline.ideaUpdate', {
                idea: isolate(entry.ideaTitle ?? ''),
                status: t(`act.ideas.statuses.${entry.ideaStatus}`),
              })}{' '}
          <span className="badge">{t(`act.timeline.sendStatuses.${entry.status}`)}</span>
        </p>
      );
  }
}

/** Everything the customer did or said, newest first, one page at a time. */
export function Timeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => customersApi.timeline(customerId, cursor, { signal }),
    [customerId],
  );
  const list = useCursorList(customerId, fetchPage);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 className="card-title" id="timeline-title">
        {t('customer360.timeline')}
      </h2>
      <CursorListView list={list} loadMoreTestId="timeline-load-more" empty={<p className="muted">{t('customer360.timelineEmpty')}</p>}>
        {(items) => (
          <ol className="timeline" data-testid="timeline">
            {items.map((entry) => (
              <li
                key={`${entry.kind}-${entry.id}`}
                className={`timeline-entry timeline-${entry.kind}`}
                data-testid="timeline-entry"
                data-kind={entry.kind}
              >
                <div className="timeline-meta">
                  <span className="timeline-kind">{t(`customer360.kind.${entry.kind}`)}</span>
                  <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
                </div>
                <div className="timeline-body">
                  <EntryBody entry={entry} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </CursorListView>
    </section>
  );
}
