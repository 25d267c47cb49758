import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../api/types';
import { navigate, paths } from '../../lib/router';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';
import { Scores } from '../Scores';
import { SearchSnippet } from './SearchSnippet';

export function customerLabel(item: FeedbackItem): string | null {
  const c = item.customer;
  return c?.name || c?.email || c?.externalId || item.customerId || null;
}

export function FeedbackTable({ items, busy = false }: { items: FeedbackItem[]; busy?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // Let real links, modified clicks and text selection behave normally.
    if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
    navigate(paths.feedbackDetail(id));
  }

  return (
    <div className={busy ? 'table-wrap card is-busy' : 'table-wrap card'} aria-busy={busy}>
      <table className="table feedback-table" data-testid="feedback-list">
        <thead>
          <tr>
            <th scope="col" className="col-text">{t('list.columns.text')}</th>
            <th scope="col">{t('list.columns.language')}</th>
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
                <td className="col-text" data-label={t('list.columns.text')}>
                  <Link to={paths.feedbackDetail(item.id)} className="row-text" dir="auto" lang={item.language && item.language !== 'und' ? item.language : undefined}>
                    {item.snippet ? <SearchSnippet snippet={item.snippet} fullLength={item.text.length} /> : item.text}
                  </Link>
                </td>
                <td data-label={t('list.columns.language')}>
                  {item.language && item.language !== 'und' ? (
                    <span>{format.languageName(item.language)}</span>
                  ) : (
                    <span className="muted">{t('list.unknownLanguage')}</span>
                  )}
                </td>
                <td data-label={t('list.columns.channel')}>
                  <span className="tag">{t(`channel.${item.channel}`)}</span>
                </td>
                <td data-label={t('list.columns.scores')}>
                  <Scores item={item} emptyText={false} />
                </td>
                <td className="col-customer" data-label={t('list.columns.customer')}>
                  {customer ? (
                    <span dir="auto">{customer}</span>
                  ) : (
                    <span className="muted">{t('list.anonymous')}</span>
                  )}
                </td>
                <td data-label={t('list.columns.date')} className="nowrap">
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
