// Writing on a ticket: a reply to the customer (emailed) or an internal note. Notes complete
// @mentions from the teammates (arrows and Enter, or a click); replies can start from a canned
// reply filled in for this ticket.
import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedReply, MessageKind, TicketMessage } from '@feedloop/contracts/inbox';
import type { Member } from '@feedloop/contracts/workspace';
import { inboxApi } from '../../api/inbox';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../Alert';

export interface ComposerHandle {
  /** Switches to a reply or a note and puts the cursor in the text. */
  start(kind: MessageKind): void;
}

// "@" then the start of a name, right before the cursor.
const MENTION_QUERY = /(^|\s)@([\p{L}\p{N}_.-]*)$/u;

interface Props {
  ticketId: string;
  customerEmail: string | null;
  members: Member[];
  canned: CannedReply[];
  onPosted: (message: TicketMessage) => void;
}

export const Composer = forwardRef<ComposerHandle, Props>(function Composer({ ticketId, customerEmail, members, canned, onPosted }, ref) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<MessageKind>(customerEmail ? 'reply' : 'note');
  const [body, setBody] = useState('');
  const [mentioned, setMentioned] = useState<Member[]>([]);
  const [suggest, setSuggest] = useState<{ query: string; active: number } | null>(null);
  const [cannedId, setCannedId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; error: unknown } | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);

  useImperativeHandle(ref, () => ({
    start(next) {
      setKind(next === 'reply' && !customerEmail ? 'note' : next);
      text.current?.focus();
    },
  }));

  const matches = suggest ? members.filter((m) => m.name.toLocaleLowerCase().includes(suggest.query.toLocaleLowerCase())).slice(0, 6) : [];

  function onInput(value: string, caret: number) {
    setBody(value);
    const query = kind === 'note' ? MENTION_QUERY.exec(value.slice(0, caret)) : null;
    setSuggest(query ? { query: query[2], active: 0 } : null);
  }

  function pick(member: Member) {
    const area = text.current;
    const caret = area?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(MENTION_QUERY, (_m, space: string) => `${space}@${member.name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setMentioned((list) => (list.some((m) => m.userId === member.userId) ? list : [...list, member]));
    setSuggest(null);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(before.length, before.length);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!suggest || matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSuggest({ ...suggest, active: (suggest.active + step + matches.length) % matches.length });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(matches[suggest.active]);
    } else if (event.key === 'Escape') {
      setSuggest(null);
    }
  }

  async function insertCanned() {
    if (!cannedId) return;
    try {
      const filled = await inboxApi.renderCannedReply(cannedId, ticketId);
      setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${filled.body}` : filled.body));
      text.current?.focus();
    } catch (error) {
      setResult({ ok: false, error });
    }
  }

  async function submit() {
    if (!body.trim() || busy) return;
    setBusy(true);
    setResult(null);
    try {
      // Only the teammates whose @name is still in the text.
      const mentions = kind === 'note' ? mentioned.filter((m) => body.includes(`@${m.name}`)).map((m) => m.userId) : [];
      const message = await inboxApi.post(ticketId, { kind, body, mentions });
      onPosted(message);
      setBody('');
      setMentioned([]);
      setResult({
        ok: true,
        text: kind === 'reply' ? t('inbox.conversation.sent', { email: customerEmail }) : t('inbox.conversation.noteAdded'),
      });
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(false);
    }
  }

  const cannedTitle = (c: CannedReply) => {
    const lang = i18n.language as keyof CannedReply['texts'];
    return (c.texts[lang] ?? c.texts.en ?? Object.values(c.texts)[0])?.title ?? '';
  };
  const listId = `mentions-${ticketId}`;

  return (
    <form
      className={`card composer composer-${kind}`}
      data-testid="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="composer-kinds">
        <legend className="visually-hidden">{t('inbox.conversation.kind')}</legend>
        {(['reply', 'note'] as const).map((k) => (
          <label key={k} className="composer-kind">
            <input
              type="radio"
              name={`kind-${ticketId}`}
              value={k}
              checked={kind === k}
              disabled={k === 'reply' && !customerEmail}
              onChange={() => setKind(k)}
              data-testid={`composer-${k}`}
            />
            {t(`inbox.conversation.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'reply' && (
        <div className="composer-canned">
          <label className="act-inline-field">
            <span className="field-label">{t('inbox.conversation.canned')}</span>
            <select
              className="select"
              value={cannedId}
              onChange={(e) => setCannedId(e.target.value)}
              data-testid="canned-picker"
              disabled={canned.length === 0}
            >
              <option value="">{canned.length ? t('inbox.conversation.chooseCanned') : t('inbox.conversation.cannedNone')}</option>
              {canned.map((c) => (
                <option key={c.id} value={c.id}>
                  {cannedTitle(c)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => void insertCanned()}
            disabled={!cannedId}
            data-testid="canned-insert"
          >
            {t('inbox.conversation.insert')}
          </button>
        </div>
      )}
      <label className="field-label" htmlFor={`body-${ticketId}`}>
        {kind === 'reply' ? t('inbox.conversation.toCustomer', { email: customerEmail }) : t('inbox.conversation.noteLabel')}
      </label>
      <div className="composer-text">
        <textarea
          id={`body-${ticketId}`}
          ref={text}
          className="input"
          dir="auto"
          rows={5}
          maxLength={10000}
          value={body}
          data-testid="composer-body"
          aria-describedby={kind === 'note' && matches.length > 0 ? listId : undefined}
          onChange={(e) => onInput(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
        />
        {kind === 'note' && matches.length > 0 && (
          <fieldset className="mention-list" id={listId} data-testid="mention-list">
            <legend className="visually-hidden">{t('inbox.conversation.mentionSuggestions')}</legend>
            {matches.map((m, i) => (
              <button
                key={m.userId}
                type="button"
                tabIndex={-1}
                className="mention-option"
                aria-current={i === suggest?.active ? 'true' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                <bdi>{m.name}</bdi> <span className="muted">{m.email}</span>
              </button>
            ))}
            <span className="visually-hidden" aria-live="polite">
              {suggest ? matches[suggest.active]?.name : ''}
            </span>
          </fieldset>
        )}
      </div>
      <div>
        <button type="submit" className="button button-primary" disabled={busy || !body.trim()} data-testid="composer-send">
          {kind === 'reply' ? t('inbox.conversation.send') : t('inbox.conversation.addNote')}
        </button>
      </div>
      {result?.ok && (
        <p role="status" className="muted" data-testid="composer-done">
          {result.text}
        </p>
      )}
      {result && !result.ok && <Alert>{errorMessage(t, result.error)}</Alert>}
    </form>
  );
});
