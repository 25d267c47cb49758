import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketDetail, type UpdateTicket } from '@feedloop/contracts/act';
import type { Topic } from '@feedloop/contracts/analysis';
import type { CustomerProfile } from '@feedloop/contracts/customers';
import type { CannedReply, Team, TicketMessage } from '@feedloop/contracts/inbox';
import { actApi } from '../api/act';
import { analysisApi } from '../api/analysis';
import { customersApi } from '../api/customers';
import { inboxApi } from '../api/inbox';
import { Alert } from '../components/Alert';
import { ProfileFlags } from '../components/customers/ProfileCard';
import { Timeline } from '../components/customers/Timeline';
import { Composer, type ComposerHandle } from '../components/inbox/Composer';
import { Conversation } from '../components/inbox/Conversation';
import { SlaClock } from '../components/sla/SlaClock';
import { ShortcutHelp, useShortcutHelp, useShortcuts } from '../components/inbox/shortcuts';
import { useMembers } from '../components/inbox/useMembers';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { errorMessage } from '../lib/errors';
import { paths } from '../lib/router';
import { useSession } from '../lib/session';
import { canWriteFeedback, topicNameByKey } from '../lib/topics';
import { useFormat } from '../lib/useFormat';
import { ServiceUnitPicker } from '../components/service-units/ServiceUnitPicker';
import '../styles/act.css';
import '../styles/customers.css';
import '../styles/inbox.css';

interface Loaded {
  ticket: TicketDetail;
  messages: TicketMessage[];
  customer: CustomerProfile | null;
  teams: Team[];
  topics: Topic[];
  canned: CannedReply[];
}

/** One ticket: its controls, the conversation with the customer and the team's notes, and the customer's whole history beside it. */
export function TicketPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { me } = useSession();
  const canWrite = canWriteFeedback(me.role);
  const members = useMembers();
  const [load, setLoad] = useState<{ status: 'loading' } | { status: 'error'; error: unknown } | ({ status: 'ready' } & Loaded)>({
    status: 'loading',
  });
  const [version, setVersion] = useState(0);
  const [saved, setSaved] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const [tags, setTags] = useState('');
  const composer = useRef<ComposerHandle>(null);
  const help = useShortcutHelp();

  useEffect(() => {
    const abort = new AbortController();
    const signal = abort.signal;
    (async () => {
      const ticket = await actApi.ticket(id, { signal });
      const [messages, customer, teams, topics, canned] = await Promise.all([
        inboxApi.messages(id, { signal }),
        ticket.customerId ? customersApi.profile(ticket.customerId, { signal }) : null,
        inboxApi.teams({ signal }),
        analysisApi.listTopics({ signal }),
        inboxApi.cannedReplies({ signal }),
      ]);
      setTags(ticket.tags.join(', '));
      setLoad({ status: 'ready', ticket, messages: messages.data, customer, teams: teams.data, topics: topics.data, canned: canned.data });
    })().catch((error: unknown) => {
      if (!signal.aborted) setLoad({ status: 'error', error });
    });
    return () => abort.abort();
  }, [id, version]);

  const ready = load.status === 'ready' ? load : null;
  async function update(patch: UpdateTicket) {
    if (!ready) return;
    setSaved(null);
    try {
      const record = await actApi.updateTicket(id, patch);
      setLoad({ ...ready, ticket: { ...ready.ticket, ...record } });
      setTags(record.tags.join(', '));
      setSaved({ ok: true });
    } catch (error) {
      setSaved({ ok: false, error });
    }
  }

  /** A reply may move the ticket on (a new ticket becomes open): show the ticket as it is now. */
  async function posted(message: TicketMessage) {
    setLoad((l) => (l.status === 'ready' ? { ...l, messages: [...l.messages, message] } : l));
    if (message.kind !== 'reply') return;
    const record = await actApi.ticket(id).catch(() => null);
    if (record) setLoad((l) => (l.status === 'ready' ? { ...l, ticket: record } : l));
  }

  useShortcuts({
    reply: () => canWrite && composer.current?.start('reply'),
    note: () => canWrite && composer.current?.start('note'),
    assign: () => canWrite && void update({ assigneeId: me.user.id }),
    help: help.toggle,
  });

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setVersion((v) => v + 1)} />;
  const { ticket, messages, customer, teams, topics, canned } = load;
  const topicName = topicNameByKey(topics, i18n.language);
  const number = fmt.number(ticket.number, { useGrouping: false });
  const customerEmail = customer?.customer.email ?? null;

  return (
    <div className="stack ticket-page" data-testid="ticket-page">
      <Link to={paths.tickets()} className="back-link">
        {t('inbox.view.back')}
      </Link>
      <div className="page-head inbox-head">
        <div>
          <h1 className="page-title">
            <span className="act-number">{t('act.tickets.number', { number })}</span> <bdi>{ticket.subject}</bdi>
          </h1>
          <p className="muted">
            {t('act.tickets.opened', { date: fmt.dateTime(ticket.createdAt) })}
            {ticket.firstContactResolution && (
              <>
                {' '}
                <span className="badge" data-testid="ticket-fcr">
                  {t('inbox.view.firstContact')}
                </span>
              </>
            )}
          </p>
        </div>
        <ShortcutHelp shortcuts={['reply', 'note', 'assign', 'help']} open={help.open} onToggle={help.setOpen} />
      </div>
      <div className="ticket-layout">
        <div className="stack ticket-main">
          <SlaClock ticketId={ticket.id} version={`${ticket.status}/${ticket.priority}/${ticket.firstResponseAt ?? ''}`} />
          <section className="card ticket-controls" aria-label={t('inbox.view.status')} data-testid="ticket-controls">
            <Select
              label={t('inbox.view.status')}
              testId="ticket-view-status"
              value={ticket.status}
              disabled={!canWrite}
              onChange={(v) => update({ status: v as TicketDetail['status'] })}
            >
              {TICKET_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`act.tickets.statuses.${s}`)}
                </option>
              ))}
            </Select>
            <Select
              label={t('inbox.view.priority')}
              testId="ticket-view-priority"
              value={ticket.priority}
              disabled={!canWrite}
              onChange={(v) => update({ priority: v as TicketDetail['priority'] })}
            >
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`act.tickets.priorities.${p}`)}
                </option>
              ))}
            </Select>
            <Select
              label={t('inbox.view.assignee')}
              testId="ticket-view-assignee"
              value={ticket.assigneeId ?? ''}
              disabled={!canWrite}
              onChange={(v) => update({ assigneeId: v || null })}
            >
              <option value="">{t('inbox.nobody')}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </Select>
            <Select
              label={t('inbox.view.team')}
              testId="ticket-view-team"
              value={ticket.teamId ?? ''}
              disabled={!canWrite}
              onChange={(v) => update({ teamId: v || null })}
            >
              <option value="">{t('inbox.view.noTeam')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </Select>
            <Select
              label={t('inbox.view.topic')}
              testId="ticket-view-topic"
              value={ticket.topic ?? ''}
              disabled={!canWrite}
              onChange={(v) => update({ topic: v || null })}
            >
              <option value="">{t('inbox.view.noTopic')}</option>
              {topics.map((topic) => (
                <option key={topic.key} value={topic.key}>
                  {topicName(topic.key).text}
                </option>
              ))}
            </Select>
            <ServiceUnitPicker
              value={ticket.serviceUnitId}
              canEdit={canWrite}
              onSave={(unit) =>
                actApi
                  .updateTicket(id, { serviceUnitId: unit })
                  .then((record) => setLoad((l) => (l.status === 'ready' ? { ...l, ticket: { ...l.ticket, ...record } } : l)))
              }
            />
            <form
              className="ticket-tags"
              onSubmit={(e) => {
                e.preventDefault();
                void update({
                  tags: tags
                    .split(/[,،，]/)
                    .map((tag) => tag.trim())
                    .filter(Boolean),
                });
              }}
            >
              <label className="act-inline-field">
                <span className="field-label">{t('inbox.view.tags')}</span>
                <input
                  className="input"
                  dir="auto"
                  value={tags}
                  onChange={(e) => setTags(e.target.value)}
                  disabled={!canWrite}
                  aria-describedby="tags-hint"
                  data-testid="ticket-view-tags"
                />
              </label>
              <span id="tags-hint" className="muted">
                {t('inbox.view.tagsHint')}
              </span>
              {canWrite && (
                <button type="submit" className="button button-ghost button-small">
                  {t('inbox.view.saveTags')}
                </button>
              )}
            </form>
            {canWrite && ticket.assigneeId !== me.user.id && (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => void update({ assigneeId: me.user.id })}
                data-testid="ticket-assign-me"
              >
                {t('inbox.view.assignToMe')} <kbd dir="ltr">a</kbd>
              </button>
            )}
            {saved?.ok && (
              <p role="status" className="muted" data-testid="ticket-saved">
                {t('inbox.view.saved')}
              </p>
            )}
            {saved && !saved.ok && <Alert>{errorMessage(t, saved.error)}</Alert>}
          </section>
          <Conversation messages={messages} />
          {canWrite && (
            <Composer
              ref={composer}
              ticketId={ticket.id}
              customerEmail={customerEmail}
              members={members}
              canned={canned}
              onPosted={(message) => void posted(message)}
            />
          )}
        </div>
        <aside className="stack ticket-aside" aria-labelledby="history-title" data-testid="customer-history">
          <h2 className="section-title" id="history-title">
            {t('inbox.view.history')}
          </h2>
          {customer ? (
            <>
              <div className="card">
                <p>
                  <Link to={paths.customer(customer.customer.id)} data-testid="ticket-customer">
                    <bdi>{customer.customer.name ?? customer.customer.email ?? customer.customer.externalId}</bdi>
                  </Link>
                </p>
                {customerEmail && (
                  <p className="muted" dir="ltr">
                    {customerEmail}
                  </p>
                )}
                <ProfileFlags flags={customer.flags} />
              </div>
              <Timeline customerId={customer.customer.id} />
            </>
          ) : (
            <p className="card muted">{t('inbox.view.noCustomer')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}

function Select({
  label,
  testId,
  value,
  disabled,
  onChange,
  children,
}: {
  label: string;
  testId: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label className="act-inline-field">
      <span className="field-label">{label}</span>
      <select className="select" value={value} disabled={disabled} data-testid={testId} onChange={(e) => void onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}
