import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { BulkUpdateFeedback, BulkUpdateFeedbackResult } from '@feedloop/contracts/feedback';
import { TICKET_PRIORITIES, type TicketPriority } from '@feedloop/contracts/act';
import { actApi } from '../../api/act';
import { errorMessage } from '../../lib/errors';
import { isolate, topicDisplayName } from '../../lib/topics';
import { Alert } from '../Alert';
import { Field } from '../Field';
import type { ExplorerOptions } from './useExplorerOptions';
import { useFormat } from '../../lib/useFormat';

interface BulkBarProps {
  ids: string[];
  options: ExplorerOptions;
  onClear: () => void;
  /** After a successful update: the list reloads to show the new tags, topics and assignees. */
  onUpdated: () => void;
}

const TAG_MAX = 50;
const UNASSIGN = 'none';
const NEW_IDEA = 'new';

/** Actions on the selected items: add/remove a tag, add a topic (as a correction), assign, open a ticket, add to an idea. */
export function BulkBar({ ids, options, onClear, onUpdated }: BulkBarProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [tag, setTag] = useState('');
  const [tagTouched, setTagTouched] = useState(false);
  const [topic, setTopic] = useState('');
  const [assignee, setAssignee] = useState('');
  const [subject, setSubject] = useState('');
  const [subjectError, setSubjectError] = useState(false);
  const [priority, setPriority] = useState<TicketPriority>('normal');
  // Only what the picker shows of each idea.
  const [ideas, setIdeas] = useState<Array<{ id: string; title: string }>>([]);
  const [idea, setIdea] = useState('');
  const [ideaTitle, setIdeaTitle] = useState('');
  const [ideaError, setIdeaError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; count: number; note?: string } | { ok: false; error: unknown } | null>(null);

  // The ideas to add to: the most recently created ones (the list is for picking, not browsing).
  useEffect(() => {
    const abort = new AbortController();
    actApi.ideas({ limit: 100 }, { signal: abort.signal }).then(
      (page) => setIdeas(page.data),
      () => setIdeas([]),
    );
    return () => abort.abort();
  }, []);

  const trimmed = tag.trim();
  const tagError = !tagTouched
    ? null
    : !trimmed || trimmed.includes(',') || trimmed.length > TAG_MAX
      ? t('explorer.bulk.tagInvalid')
      : null;

  async function run(change: Omit<BulkUpdateFeedback, 'ids'>, note?: (r: BulkUpdateFeedbackResult) => string) {
    setBusy(true);
    setResult(null);
    try {
      const outcome = await api.bulkUpdateFeedback({ ids, ...change });
      setResult({ ok: true, count: outcome.updated, note: note?.(outcome) });
      onUpdated();
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(false);
    }
  }

  function tagAction(kind: 'addTags' | 'removeTags') {
    setTagTouched(true);
    if (!trimmed || trimmed.includes(',') || trimmed.length > TAG_MAX) return;
    void run({ [kind]: [trimmed] });
  }

  function openTicket() {
    if (!subject.trim()) return setSubjectError(true);
    void run({ createTicket: { subject: subject.trim(), priority } }, (r) => {
      setSubject('');
      return t('act.bulk.ticketOpened', { number: r.ticket ? fmt.number(r.ticket.number, { useGrouping: false }) : '' });
    });
  }

  function addToIdea() {
    if (!idea || (idea === NEW_IDEA && !ideaTitle.trim())) return setIdeaError(true);
    const target = idea === NEW_IDEA ? { title: ideaTitle.trim() } : { ideaId: idea };
    void run({ addToIdea: target }, (r) => {
      const added = r.idea;
      if (added && idea === NEW_IDEA) {
        setIdeas((list) => [added, ...list]);
        setIdea(added.id);
        setIdeaTitle('');
      }
      return t('act.bulk.addedToIdea', { title: isolate(added?.title ?? '') });
    });
  }

  return (
    <section className="card bulk-bar" aria-label={t('explorer.bulk.title')} data-testid="bulk-bar">
      <div className="bulk-bar-head">
        <p aria-live="polite" data-testid="bulk-count">
          {t('explorer.bulk.selected', { count: ids.length })}
        </p>
        <button type="button" className="button button-ghost button-small" onClick={onClear}>
          {t('explorer.bulk.clear')}
        </button>
      </div>
      <div className="bulk-bar-actions">
        <div className="bulk-action">
          <Field label={t('explorer.bulk.tag')} error={tagError}>
            {(props) => (
              <input {...props} className="input" dir="auto" data-testid="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
            )}
          </Field>
          <button
            type="button"
            className="button button-small"
            data-testid="bulk-add-tag"
            disabled={busy}
            onClick={() => tagAction('addTags')}
          >
            {t('explorer.bulk.addTag')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            data-testid="bulk-remove-tag"
            disabled={busy}
            onClick={() => tagAction('removeTags')}
          >
            {t('explorer.bulk.removeTag')}
          </button>
        </div>
        <div className="bulk-action">
          <Field label={t('explorer.bulk.topic')}>
            {(props) => (
              <select {...props} className="select" data-testid="bulk-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
                <option value="">{t('explorer.bulk.chooseTopic')}</option>
                {options.topics.map((tp) => (
                  <option key={tp.key} value={tp.key}>
                    {topicDisplayName(tp.names, tp.key, i18n.language).text}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="button button-small"
            data-testid="bulk-add-topic"
            disabled={busy || !topic}
            onClick={() => void run({ addTopic: topic })}
          >
            {t('explorer.bulk.addTopic')}
          </button>
        </div>
        <div className="bulk-action">
          <Field label={t('explorer.bulk.assignee')}>
            {(props) => (
              <select
                {...props}
                className="select"
                data-testid="bulk-assignee"
                value={assignee}
                onChange={(e) => setAssignee(e.target.value)}
              >
                <option value="">{t('explorer.bulk.chooseAssignee')}</option>
                {options.members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name || m.email}
                  </option>
                ))}
                <option value={UNASSIGN}>{t('explorer.bulk.unassign')}</option>
              </select>
            )}
          </Field>
          <button
            type="button"
            className="button button-small"
            data-testid="bulk-assign"
            disabled={busy || !assignee}
            onClick={() => void run({ assigneeId: assignee === UNASSIGN ? null : assignee })}
          >
            {t('explorer.bulk.assign')}
          </button>
        </div>
        <div className="bulk-action">
          <Field label={t('act.bulk.ticketSubject')} error={subjectError ? t('act.bulk.subjectRequired') : null}>
            {(props) => (
              <input
                {...props}
                className="input"
                dir="auto"
                maxLength={200}
                data-testid="bulk-ticket-subject"
                value={subject}
                onChange={(e) => {
                  setSubject(e.target.value);
                  setSubjectError(false);
                }}
              />
            )}
          </Field>
          <Field label={t('act.bulk.ticketPriority')}>
            {(props) => (
              <select
                {...props}
                className="select"
                data-testid="bulk-ticket-priority"
                value={priority}
                onChange={(e) => setPriority(e.target.value as TicketPriority)}
              >
                {TICKET_PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`act.tickets.priorities.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="button button-small" data-testid="bulk-open-ticket" disabled={busy} onClick={openTicket}>
            {t('act.bulk.openTicket')}
          </button>
        </div>
        <div className="bulk-action">
          <Field label={t('act.bulk.idea')} error={ideaError && idea !== NEW_IDEA ? t('act.bulk.ideaTitleRequired') : null}>
            {(props) => (
              <select
                {...props}
                className="select"
                data-testid="bulk-idea"
                value={idea}
                onChange={(e) => {
                  setIdea(e.target.value);
                  setIdeaError(false);
                }}
              >
                <option value="">{t('act.bulk.chooseIdea')}</option>
                {ideas.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
                <option value={NEW_IDEA}>{t('act.bulk.newIdea')}</option>
              </select>
            )}
          </Field>
          {idea === NEW_IDEA && (
            <Field label={t('act.bulk.newIdeaTitle')} error={ideaError ? t('act.bulk.ideaTitleRequired') : null}>
              {(props) => (
                <input
                  {...props}
                  className="input"
                  dir="auto"
                  maxLength={200}
                  data-testid="bulk-idea-title"
                  value={ideaTitle}
                  onChange={(e) => {
                    setIdeaTitle(e.target.value);
                    setIdeaError(false);
                  }}
                />
              )}
            </Field>
          )}
          <button type="button" className="button button-small" data-testid="bulk-add-to-idea" disabled={busy} onClick={addToIdea}>
            {t('act.bulk.addToIdea')}
          </button>
        </div>
      </div>
      {result?.ok && (
        <p className="muted" role="status" data-testid="bulk-done">
          {result.note ?? t('explorer.bulk.done', { count: result.count })}
        </p>
      )}
      {result && !result.ok && <Alert>{errorMessage(t, result.error)}</Alert>}
    </section>
  );
}
