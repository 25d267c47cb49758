import { useCallback, useRef, useState } from 'react';
import { ExportMenu } from '../components/exports/ExportMenu';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES, type Ticket, type TicketPriority, type TicketStatus } from '@feedloop/contracts/act';
import { INBOX_QUEUES, type InboxQueue, type InboxTicket } from '@feedloop/contracts/inbox';
import { actApi } from '../api/act';
import { inboxApi, type InboxFilters } from '../api/inbox';
import { LinkedFeedback } from '../components/act/LinkedFeedback';
import { InlineStatus } from '../components/act/StatusControls';
import { StatusChangeNotice, useStatusChanges } from '../components/act/StatusChanges';
import { useCursorList } from '../components/customers/useCursorList';
import { CursorListView } from '../components/customers/CursorListView';
import { ShortcutHelp, useShortcutHelp, useShortcuts } from '../components/inbox/shortcuts';
import { useMembers } from '../components/inbox/useMembers';
import { DueTime } from '../components/inbox/DueTime';
import { Link } from '../components/Link';
import { navigate, paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { canWriteFeedback } from '../lib/topics';
import { useFormat } from '../lib/useFormat';
import '../styles/act.css';
import '../styles/inbox.css';

const oneOf = <T extends string>(values: readonly T[], s: string | null): T | undefined =>
  (values as readonly string[]).includes(s ?? '') ? (s as T) : undefined;

/** The inbox: queues (mine, unassigned, breaching soon, mentions), filters kept in the URL, j/k to move and Enter to open. */
export function TicketsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { me } = useSession();
  const canWrite = canWriteFeedback(me.role);
  const members = useMembers();
  const { query } = useLocation();
  const filters: InboxFilters = {
    queue: oneOf<InboxQueue>(INBOX_QUEUES, query.get('queue')),
    status: oneOf<TicketStatus>(TICKET_STATUSES, query.get('status')),
    priority: oneOf<TicketPriority>(TICKET_PRIORITIES, query.get('priority')),
    assigneeId: query.get('assigneeId') ?? undefined,
  };
  const key = JSON.stringify(filters);
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => inboxApi.tickets(JSON.parse(key) as InboxFilters, cursor, { signal }),
    [key],
  );
  const list = useCursorList(key, fetchPage);
  const { message, change, current } = useStatusChanges<InboxTicket>();
  // The selected row, reset to the first when the queue or filters change.
  const [selection, setSelection] = useState({ key, index: 0 });
  const selected = selection.key === key ? selection.index : 0;
  const setSelected = (index: number) => setSelection({ key, index });
  const help = useShortcutHelp();
  const rows = useRef<HTMLUListElement>(null);
  const statusName = (s: TicketStatus) => t(`act.tickets.statuses.${s}`);
  const number = (ticket: Ticket) => fmt.number(ticket.number, { useGrouping: false });
  const nameOf = (userId: string | null) => (userId ? (members.find((m) => m.userId === userId)?.name ?? '') : t('inbox.nobody'));
  const setFilter = (patch: Partial<Record<keyof InboxFilters, string>>) =>
    navigate(paths.inbox({ ...filters, ...patch }), { replace: true });

  const items = list.items;
  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setSelected(next);
    rows.current?.querySelectorAll<HTMLAnchorElement>('[data-testid="ticket-open"]')[next]?.focus();
  };
  const selectedTicket = items[selected] ? current(items[selected]) : undefined;

  const changeStatus = (ticket: InboxTicket, next: TicketStatus) =>
    change(ticket, async () => ({
      // Pending on the customer, resolved or closed: nothing falls due any more.
      saved: {
        ...ticket,
        ...(await actApi.updateTicket(ticket.id, { status: next })),
        dueAt: next === 'new' || next === 'open' ? ticket.dueAt : null,
      },
      text: t('act.tickets.statusChanged', { number: number(ticket), status: statusName(next) }),
    }));
  const assignToMe = (ticket: InboxTicket) =>
    change(ticket, async () => ({
      saved: { ...ticket, ...(await actApi.updateTicket(ticket.id, { assigneeId: me.user.id })) },
      text: t('inbox.assignedToMe', { number: number(ticket) }),
    }));

  useShortcuts({
    next: () => focusRow(selected + 1),
    previous: () => focusRow(selected - 1),
    openTicket: () => selectedTicket && navigate(paths.ticket(selectedTicket.id)),
    assign: () => canWrite && selectedTicket && void assignToMe(selectedTicket),
    help: help.toggle,
  });

  return (
    <div className="stack" data-testid="tickets-page">
      <div className="page-head inbox-head">
        <div>
          <h1 className="page-title">{t('inbox.title')}</h1>
          <p className="muted">{t('inbox.intro')}</p>
        </div>
        {/* The breaching queue is a live view of the clocks: it has nothing fixed to export. */}
        {filters.queue !== 'breaching' && <ExportMenu subject="tickets" filters={() => definedFilters(filters)} />}
        <ShortcutHelp shortcuts={['next', 'previous', 'openTicket', 'assign', 'help']} open={help.open} onToggle={help.setOpen} />
      </div>
      <nav className="inbox-queues" aria-label={t('inbox.queue')} data-testid="inbox-queues">
        {(['all', ...INBOX_QUEUES] as const).map((q) => (
          <Link
            key={q}
            to={paths.inbox({ ...filters, queue: q === 'all' ? undefined : q })}
            className="inbox-queue"
            aria-current={(filters.queue ?? 'all') === q ? 'page' : undefined}
            data-testid={`queue-${q}`}
          >
            {t(`inbox.queues.${q}`)}
          </Link>
        ))}
      </nav>
      <div className="card inbox-filters">
        <label className="act-inline-field">
          <span className="field-label">{t('act.tickets.filterStatus')}</span>
          <select
            className="select"
            data-testid="ticket-status-filter"
            value={filters.status ?? ''}
            onChange={(e) => setFilter({ status: e.target.value })}
          >
            <option value="">{t('act.tickets.allStatuses')}</option>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="act-inline-field">
          <span className="field-label">{t('inbox.filterPriority')}</span>
          <select
            className="select"
            data-testid="ticket-priority-filter"
            value={filters.priority ?? ''}
            onChange={(e) => setFilter({ priority: e.target.value })}
          >
            <option value="">{t('inbox.anyPriority')}</option>
            {TICKET_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`act.tickets.priorities.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="act-inline-field">
          <span className="field-label">{t('inbox.filterAssignee')}</span>
          <select
            className="select"
            data-testid="ticket-assignee-filter"
            value={filters.assigneeId ?? ''}
            onChange={(e) => setFilter({ assigneeId: e.target.value })}
          >
            <option value="">{t('inbox.anyone')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <StatusChangeNotice message={message} testId="ticket-message" />
      <CursorListView
        list={list}
        loadMoreTestId="tickets-load-more"
        empty={
          <div className="card empty-state">
            <p>{filters.queue ? t('inbox.empty') : filters.status ? t('act.tickets.noMatch') : t('act.tickets.empty')}</p>
          </div>
        }
      >
        {(page) => (
          <ul className="act-list" ref={rows}>
            {page.map((original, index) => {
              const ticket = current(original);
              return (
                <li
                  key={ticket.id}
                  className={`card act-card inbox-row${index === selected ? ' inbox-row-selected' : ''}`}
                  data-testid="ticket-row"
                  data-selected={index === selected ? 'true' : undefined}
                >
                  <div className="act-card-head">
                    <span className="act-number">{t('act.tickets.number', { number: number(ticket) })}</span>
                    <h2 className="act-title">
                      <Link to={paths.ticket(ticket.id)} data-testid="ticket-open" onFocus={() => setSelected(index)}>
                        <bdi>{ticket.subject}</bdi>
                      </Link>
                    </h2>
                    <span className={`badge priority-${ticket.priority}`}>{t(`act.tickets.priorities.${ticket.priority}`)}</span>
                    {ticket.unseenMentions > 0 && (
                      <span className="badge inbox-mention" data-testid="ticket-mentions">
                        {t('inbox.unseenMentions', { count: ticket.unseenMentions })}
                      </span>
                    )}
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
                    <span data-testid="ticket-assignee">
                      {t('inbox.view.assignee')}: <bdi>{nameOf(ticket.assigneeId)}</bdi>
                    </span>
                    {ticket.customerId ? (
                      <Link to={paths.customer(ticket.customerId)}>
                        <bdi>{ticket.customerName ?? t('act.tickets.customer')}</bdi>
                      </Link>
                    ) : (
                      <span className="muted">{t('inbox.noCustomer')}</span>
                    )}
                    <DueTime dueAt={ticket.dueAt} />
                    <span className="muted">{t('act.tickets.opened', { date: fmt.dateTime(ticket.createdAt) })}</span>
                  </div>
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

/** The inbox's filters as the export takes them: the ones set, as text. */
function definedFilters(filters: InboxFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
