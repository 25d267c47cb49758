// Settings → Canned replies: a title and a text per language, with the variables a reply may
// name; a text naming an unknown variable is pointed out before saving (the server refuses it too).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedReply, CannedReplyText } from '@feedloop/contracts/inbox';
import { LOCALES, type Locale } from '@feedloop/contracts/locales';
import { inboxApi } from '../../api/inbox';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import '../../styles/inbox.css';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
type Draft = Record<Locale, { title: string; body: string }>;
const emptyDraft = (): Draft => Object.fromEntries(LOCALES.map((l) => [l, { title: '', body: '' }])) as Draft;

export function CannedRepliesSettings({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; replies: CannedReply[]; variables: string[] }
  >({
    status: 'loading',
  });
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; error: unknown } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    inboxApi.cannedReplies({ signal: abort.signal }).then(
      (list) => setState({ status: 'ready', replies: list.data, variables: list.variables }),
      (error: unknown) => !abort.signal.aborted && setState({ status: 'error', error }),
    );
    return () => abort.abort();
  }, [version]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={() => setVersion((v) => v + 1)} />;
  const known = new Set(state.variables);
  const unknownIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !known.has(name));
  const filled = LOCALES.filter((l) => draft[l].title.trim() && draft[l].body.trim());
  const problems = LOCALES.flatMap((l) => [...unknownIn(draft[l].title), ...unknownIn(draft[l].body)]);
  const titleOf = (c: CannedReply) => (c.texts[i18n.language as Locale] ?? c.texts.en ?? Object.values(c.texts)[0])?.title ?? '';

  function edit(reply: CannedReply | null) {
    setEditing(reply ? reply.id : 'new');
    setResult(null);
    const next = emptyDraft();
    for (const l of LOCALES) if (reply?.texts[l]) next[l] = { ...reply.texts[l]! };
    setDraft(next);
  }

  async function save() {
    if (filled.length === 0 || problems.length > 0) return;
    const texts: CannedReplyText = Object.fromEntries(filled.map((l) => [l, draft[l]]));
    try {
      if (editing === 'new') await inboxApi.createCannedReply({ texts });
      else if (editing) await inboxApi.updateCannedReply(editing, { texts });
      setEditing(null);
      setResult({ ok: true, text: t('inbox.canned.saved') });
      setVersion((v) => v + 1);
    } catch (error) {
      setResult({ ok: false, error });
    }
  }

  async function remove(id: string) {
    try {
      await inboxApi.deleteCannedReply(id);
      setResult({ ok: true, text: t('inbox.canned.deleted') });
      setVersion((v) => v + 1);
    } catch (error) {
      setResult({ ok: false, error });
    }
  }

  return (
    <section className="card stack" aria-labelledby="canned-title" data-testid="canned-settings">
      <h2 className="card-title" id="canned-title">
        {t('inbox.canned.title')}
      </h2>
      <p className="muted">{t('inbox.canned.intro')}</p>
      <p className="muted">
        {t('inbox.canned.variables')}{' '}
        {state.variables.map((v) => (
          <code key={v} dir="ltr" className="canned-variable">{`{{${v}}}`}</code>
        ))}
      </p>
      {state.replies.length === 0 ? (
        <p className="muted">{t('inbox.canned.empty')}</p>
      ) : (
        <ul className="canned-list">
          {state.replies.map((c) => (
            <li key={c.id} className="topic-owner-row" data-testid="canned-row">
              <strong>
                <bdi>{titleOf(c)}</bdi>
              </strong>
              <span className="muted">
                {LOCALES.filter((l) => c.texts[l])
                  .map((l) => t(`inbox.languages.${l}`))
                  .join(' / ')}
              </span>
              {canWrite && (
                <>
                  <button type="button" className="button button-ghost button-small" onClick={() => edit(c)}>
                    {t('inbox.canned.edit')}
                  </button>
                  <button type="button" className="button button-ghost button-small" onClick={() => void remove(c.id)}>
                    {t('inbox.canned.delete')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && editing === null && (
        <div>
          <button type="button" className="button" onClick={() => edit(null)} data-testid="canned-new">
            {t('inbox.canned.new')}
          </button>
        </div>
      )}
      {editing !== null && (
        <form
          className="canned-texts"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {LOCALES.map((l) => (
            <fieldset key={l} className="card canned-texts" lang={l} dir={l === 'fa' || l === 'ar' ? 'rtl' : 'ltr'}>
              <legend>{t(`inbox.languages.${l}`)}</legend>
              <Field label={t('inbox.canned.titleLabel')}>
                {(props) => (
                  <input
                    {...props}
                    className="input"
                    dir="auto"
                    maxLength={200}
                    value={draft[l].title}
                    data-testid={`canned-title-${l}`}
                    onChange={(e) => setDraft({ ...draft, [l]: { ...draft[l], title: e.target.value } })}
                  />
                )}
              </Field>
              <Field
                label={t('inbox.canned.bodyLabel')}
                error={
                  unknownIn(draft[l].body).length
                    ? t('inbox.canned.unknownVariable', {
                        names: unknownIn(draft[l].body)
                          .map((n) => `{{${n}}}`)
                          .join(', '),
                      })
                    : null
                }
              >
                {(props) => (
                  <textarea
                    {...props}
                    className="input"
                    dir="auto"
                    rows={4}
                    maxLength={5000}
                    value={draft[l].body}
                    data-testid={`canned-body-${l}`}
                    onChange={(e) => setDraft({ ...draft, [l]: { ...draft[l], body: e.target.value } })}
                  />
                )}
              </Field>
            </fieldset>
          ))}
          {filled.length === 0 && <p className="muted">{t('inbox.canned.needOne')}</p>}
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              disabled={filled.length === 0 || problems.length > 0}
              data-testid="canned-save"
            >
              {t('inbox.canned.save')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setEditing(null)}>
              {t('inbox.canned.cancel')}
            </button>
          </div>
        </form>
      )}
      {result?.ok && (
        <p role="status" className="muted" data-testid="canned-done">
          {result.text}
        </p>
      )}
      {result && !result.ok && <Alert>{errorMessage(t, result.error)}</Alert>}
    </section>
  );
}
