import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import { navigate, paths } from '../../lib/router';
import type { DisplayName } from '../../lib/topics';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';
import { Scores } from '../Scores';
import { ItemAnalysis } from './ItemAnalysis';
import { SearchSnippet } from './SearchSnippet';

export function customerLabel(item: FeedbackItem): string | null {
  const c = item.customer;
  return c?.name || c?.email || c?.externalId || item.customerId || null;
}

interface FeedbackTableProps {
  items: FeedbackItem[];
  busy?: boolean;
  /** Row selection for bulk actions and one-click corrections; absent for those who may not write. */
  selection?: { selected: ReadonlySet<string>; toggle: (ids: string[], on: boolean) => void; onUpdated: (item: FeedbackItem) => void };
  /** Display names of the workspace's members, by user id. */
  memberName: (userId: string) => string | null;
  topicName: (key: string) => DisplayName;
}

export function FeedbackTable({ items, busy = false, selection, memberName, topicName }: FeedbackTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const allSelected = selection !== undefined && items.every((item) => selection.selected.has(item.id));

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // Let real links, controls, modified clicks and text selection behave normally.
    if ((event.target as HTMLElement).closest('a, input, select, label, button') || window.getSelection()?.toString()) return;
    navigate(paths.feedbackDetail(id));
  }

  return (
    <div className={busy ? 'table-wrap card is-busy' : 'table-wrap card'} aria-busy={busy}>
      <table className="table feedback-table" data-testid="feedback-list">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="col-select">
                <label className="check-target">
                  <input
                    type="checkbox"
                    aria-label={t('explorer.bulk.selectAll')}
                    data-testid="select-all"
                    checked={allSelected}
                    onChange={(e) =>
                      selection.toggle(
                        items.map((item) => item.id),
                        e.target.checked,
                      )
                    }
                  />
                </label>
              </th>
            )}
            <th scope="col" className="col-text">
              {t('list.columns.text')}
            </th>
            <th scope="col">{t('list.columns.language')}</th>
            <th scope="col">{t('explorer.list.analysis')}</th>
            <th scope="col">{t('list.columns.channel')}</th>
            <th scope="col">{t('list.columns.scores')}</th>
            <th scope="col">{t('list.columns.customer')}</th>
            <th scope="col">{t('list.columns.date')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const customer = customerLabel(item);
            return (
              <tr key={item.id} className="row-link" data-testid="feedback-row" onClick={(e) => openRow(e, item.id)}>
                {selection && (
                  <td className="col-select">
                    {/* The label widens the hit area well past the box itself (WCAG 2.5.8: at least 24 px). */}
                    <label className="check-target">
                      <input
                        type="checkbox"
                        aria-label={t('explorer.bulk.select')}
                        data-testid="select-row"
                        checked={selection.selected.has(item.id)}
                        onChange={(e) => selection.toggle([item.id], e.target.checked)}
                      />
                    </label>
                  </td>
                )}
                <td className="col-text" data-label={t('list.columns.text')}>
                  <Link
                    to={paths.feedbackDetail(item.id)}
                    className="row-text"
                    dir="auto"
                    lang={item.language && item.language !== 'und' ? item.language : undefined}
                  >
                    {item.snippet ? (
                      <SearchSnippet snippet={item.snippet} fullLength={item.text.length} />
                    ) : item.text.trim() ? (
                      item.text
                    ) : (
                      // A score without a comment: the link still needs words to be found and read.
                      <span className="row-text-empty">{t('explorer.list.scoreOnly')}</span>
                    )}
                  </Link>
                </td>
                <td className="col-language" data-label={t('list.columns.language')}>
                  {item.language && item.language !== 'und' ? (
                    <span
                      title={
                        item.languageConfidence !== null
                          ? t('analysis.confidence', { percent: format.percent(item.languageConfidence) })
                          : undefined
                      }
                    >
                      {format.languageName(item.language)}
                    </span>
                  ) : (
                    <span className="muted">{t('list.unknownLanguage')}</span>
                  )}
                </td>
                <td className="col-analysis" data-label={t('explorer.list.analysis')}>
                  <ItemAnalysis
                    item={item}
                    topicName={topicName}
                    onUpdated={selection?.onUpdated}
                    assignee={item.assigneeId ? memberName(item.assigneeId) : null}
                  />
                </td>
                <td className="col-channel" data-label={t('list.columns.channel')}>
                  <span className="tag">{t(`channel.${item.channel}`)}</span>
                </td>
                <td className="col-scores" data-label={t('list.columns.scores')}>
                  <Scores item={item} emptyText={false} />
                </td>
                <td className="col-customer" data-label={t('list.columns.customer')}>
                  {customer && item.customerId ? (
                    <Link to={paths.customer(item.customerId)} className="row-customer" title={customer} data-testid="row-customer">
                      <bdi>{customer}</bdi>
                    </Link>
                  ) : customer ? (
                    <span className="row-customer" title={customer}>
                      <bdi>{customer}</bdi>
                    </span>
                  ) : (
                    <span className="muted">{t('list.anonymous')}</span>
                  )}
                </td>
                <td data-label={t('list.columns.date')} className="col-date">
                  <time dateTime={item.createdAt} title={format.dateTime(item.createdAt, 'full')}>
                    {format.date(item.createdAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
