import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '@feedloop/contracts/act';
import { actApi } from '../api/act';
import { LinkedFeedback } from '../components/act/LinkedFeedback';
import { InlineStatus, StatusFilter } from '../components/act/StatusControls';
import { StatusChangeNotice, useStatusChanges } from '../components/act/StatusChanges';
import { useCursorList } from '../components/customers/useCursorList';
import { SlaClock } from '../components/sla/SlaClock';
import { Link } from '../components/Link';
import { navigate, paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { canWriteFeedback } from '../lib/topics';
import { useFormat } from '../lib/useFormat';
import '../styles/act.css';
import { CursorListView } from '../components/customers/CursorListView';

const isStatus = (s: string | null): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s ?? '');

/** The workspace's tickets, newest first, filtered by status (kept in the URL); agents change the status in place. */
export function TicketsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { me } = useSession();
  const canWrite = canWriteFeedback(me.role);
  const { query } = useLocation();
  const status = isStatus(query.get('status')) ? (query.get('status') as TicketStatus) : undefined;
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => actApi.tickets({ status, cursor }, { signal }),
    [status],
  );
  const list = useCursorList(status ?? '', fetchPage);
  const { message, change, current } = useStatusChanges<Ticket>();
  const statusName = (s: TicketStatus) => t(`act.tickets.statuses.${s}`);
  const number = (ticket: Ticket) => fmt.number(ticket.number, { useGrouping: false });

  const changeStatus = (ticket: Ticket, next: TicketStatus) =>
    change(ticket, async () => ({
      saved: { ...ticket, ...(await actApi.updateTicket(ticket.id, { status: next })) },
      text: t('act.tickets.statusChanged', { number: number(ticket), status: statusName(next) }),
    }));

  return (
    <div className="stack" data-testid="tickets-page">
      <div className="page-head">
        <h1 className="page-title">{t('act.tickets.title')}</h1>
        <p className="muted">{t('act.tickets.intro')}</p>
      </div>
      <StatusFilter
        id="ticket-status"
        label={t('act.tickets.filterStatus')}
        allLabel={t('act.tickets.allStatuses')}
        testId="ticket-status-filter"
        statuses={TICKET_STATUSES}
        labelOf={statusName}
        value={status}
        onChange={(value) => navigate(paths.tickets(value), { replace: true })}
      />
      <StatusChangeNotice message={message} testId="ticket-message" />
      <CursorListView
        list={list}
        loadMoreTestId="tickets-load-more"
        empty={
          <div className="card empty-state">
            <p>{status ? t('act.tickets.noMatch') : t('act.tickets.empty')}</p>
          </div>
        }
      >
        {(items) => (
          <ul className="act-list">
            {items.map((original) => {
              const ticket = current(original);
              return (
                <li key={ticket.id} className="card act-card" data-testid="ticket-row">
                  <div className="act-card-head">
                    <span className="act-number">{t('act.tickets.number', { number: number(ticket) })}</span>
                    <h2 className="act-title">
                      <bdi>{ticket.subject}</bdi>
                    </h2>
                    <span className={`badge priority-${ticket.priority}`}>{t(`act.tickets.priorities.${ticket.priority}`)}</span>
                  </div>
                  <div className="act-card-meta">
                    <InlineStatus
                      canWrite={canWrite}
                      label={t('act.tickets.status')}
                      testId="ticket-status"
                      statuses={TICKET_STATUSES}
                      labelOf={statusName}
                      value={ticket.status}
                      onChange={(next) => void changeStatus(ticket, next)}
                    />
                    {ticket.customerId && <Link to={paths.customer(ticket.customerId)}>{t('act.tickets.customer')}</Link>}
                    <span className="muted">{t('act.tickets.opened', { date: fmt.dateTime(ticket.createdAt) })}</span>
                  </div>
                  <SlaClock ticketId={ticket.id} version={`${ticket.status}/${ticket.priority}`} />
                  <LinkedFeedback
                    load={() => actApi.ticket(ticket.id)}
                    label={t('act.tickets.itemCount', { count: ticket.feedbackCount })}
                    emptyLabel={t('act.tickets.noItems')}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </CursorListView>
    </div>
  );
}
