// A customer's (or a ticket's) compensations: what was given, whether it waits for approval, who
// approved it and when; owners and admins approve in place.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compensation } from '@feedloop/contracts/act';
import { api } from '../../api/endpoints';
import { tasksApi } from '../../api/tasks';
import { useFormat } from '../../lib/useFormat';
import { StatusChangeNotice, useStatusChanges } from '../act/StatusChanges';
import { CursorListView } from '../customers/CursorListView';
import { formatMoney } from '../customers/money';
import { useCursorList } from '../customers/useCursorList';

interface CompensationListProps {
  customerId: string;
  /** Changes when the list must be read again (one was added). */
  version?: number;
  canApprove: boolean;
}

export function CompensationList({ customerId, version = 0, canApprove }: CompensationListProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = `${customerId}:${version}`;
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => tasksApi.compensations({ customerId, cursor }, { signal }),
    [customerId],
  );
  const list = useCursorList(key, fetchPage);
  const { message, change, current } = useStatusChanges<Compensation>();

  useEffect(() => {
    const abort = new AbortController();
    api
      .listMembers({ signal: abort.signal })
      .then((members) => setNames(new Map(members.data.map((m) => [m.userId, m.name]))))
      .catch(() => undefined);
    return () => abort.abort();
  }, []);

  const approve = (c: Compensation) =>
    change(c, async () => ({ saved: await tasksApi.approveCompensation(c.id), text: t('compensations.approved') }));

  return (
    <>
      <StatusChangeNotice message={message} testId="compensation-message" />
      <CursorListView list={list} loadMoreTestId="compensations-load-more" empty={<p className="muted">{t('compensations.empty')}</p>}>
        {(items) => (
          <ul className="act-list">
            {items.map((original) => {
              const c = current(original);
              return (
                <li key={c.id} className="card act-card" data-testid="compensation-row">
                  <div className="act-card-head">
                    <h3 className="act-title">{t(`act.timeline.compensationKinds.${c.kind}`)}</h3>
                    {c.amount !== null && c.currency && <span>{formatMoney(c.amount, c.currency, fmt.prefs, t)}</span>}
                    {c.code && <code dir="ltr">{c.code}</code>}
                    <span className={`badge badge-${c.status === 'approved' ? 'approved' : 'pending'}`} data-testid="compensation-status">
                      {t(`compensations.statuses.${c.status}`)}
                    </span>
                  </div>
                  <div className="act-card-meta">
                    {c.note && <bdi className="muted">{c.note}</bdi>}
                    {c.approvedAt && (
                      <span className="muted" data-testid="compensation-approved">
                        {t('compensations.approvedOn', { date: fmt.dateTime(c.approvedAt) })}
                        {c.approvedBy && names.get(c.approvedBy) ? ` — ${names.get(c.approvedBy)}` : ''}
                      </span>
                    )}
                    {canApprove && c.status === 'pending_approval' && (
                      <button
                        type="button"
                        className="button button-primary"
                        onClick={() => void approve(c)}
                        data-testid="compensation-approve"
                      >
                        {t('compensations.approve')}
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
