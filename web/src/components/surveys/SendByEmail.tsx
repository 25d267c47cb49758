import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbortError } from '../../api/client';
import { segmentsApi } from '../../api/segments';
import { type Audience, type EmailPreview, SKIP_REASONS, type SendPreview } from '@feedloop/contracts/survey-sending';
import { surveySendingApi } from '../../api/survey-sending';
import type { Survey, SurveyLanguage } from '@feedloop/contracts/surveys';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { nativeName } from '../LanguageSwitcher';
import { ListProblems } from './ListProblems';

type Mode = 'segment' | 'list';
type Segments = { status: 'loading' | 'error' } | { status: 'ready'; segments: Array<{ id: string; name: string; memberCount: number }> };
type Check = { audience: Audience; respectThrottle: boolean; preview: SendPreview };

/** Email the survey: pick a segment or paste a list, check who gets it, preview the email, confirm, send. */
export function SendByEmail({ survey, onSent }: { survey: Survey; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const [mode, setMode] = useState<Mode>('segment');
  const [segments, setSegments] = useState<Segments>({ status: 'loading' });
  const [segmentId, setSegmentId] = useState('');
  const [list, setList] = useState('');
  const [respectThrottle, setRespectThrottle] = useState(true);
  const [inputError, setInputError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  // The email in the reader's own language first, when the survey has it.
  const [previewLanguage, setPreviewLanguage] = useState<SurveyLanguage>(
    () => survey.definition.languages.find((l) => l === i18n.language) ?? survey.definition.defaultLanguage,
  );
  const [email, setEmail] = useState<EmailPreview | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    segmentsApi
      .list({ signal: abort.signal })
      .then((r) => setSegments({ status: 'ready', segments: r.data.map((s) => ({ id: s.id, name: s.name, memberCount: s.memberCount })) }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setSegments({ status: 'error' });
      });
    return () => abort.abort();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    surveySendingApi
      .emailPreview(survey.id, previewLanguage, { signal: abort.signal })
      .then(setEmail)
      .catch(() => setEmail(null));
    return () => abort.abort();
  }, [survey.id, previewLanguage]);

  /** Any change to who gets it makes the last check stale. */
  function changed() {
    setCheck(null);
    setConfirming(false);
    setInputError(null);
    setError(null);
    setQueued(null);
  }

  const describe = (err: unknown): string => {
    if (err instanceof ApiError) {
      if (err.code === 'no_recipients') return t('surveySending.email.errors.noRecipients');
      if (err.code === 'too_many_recipients') return t('surveySending.email.errors.tooMany');
      if (err.code === 'survey_not_live') return t('surveySending.email.errors.notLive');
    }
    return errorMessage(t, err);
  };

  async function runCheck(event: FormEvent) {
    event.preventDefault();
    changed();
    if (mode === 'segment' && !segmentId) return setInputError(t('surveySending.email.errors.segmentRequired'));
    if (mode === 'list' && !list.trim()) return setInputError(t('surveySending.email.errors.listEmpty'));
    const audience: Audience = mode === 'segment' ? { segmentId } : { list };
    setBusy(true);
    try {
      setCheck({ audience, respectThrottle, preview: await surveySendingApi.previewSend(survey.id, audience, respectThrottle) });
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    if (!check) return;
    setBusy(true);
    setError(null);
    try {
      const result = await surveySendingApi.send(survey.id, check.audience, check.respectThrottle);
      setQueued(result.queued);
      setCheck(null);
      setConfirming(false);
      onSent();
    } catch (err) {
      setError(describe(err));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  const p = check?.preview;
  const languages = p ? (Object.entries(p.languages) as Array<[SurveyLanguage, number]>) : [];
  const skipped = p ? SKIP_REASONS.filter((r) => p.skipped[r]) : [];

  return (
    <section className="card stack" aria-labelledby={titleId} data-testid="send-by-email">
      <h2 className="card-title" id={titleId}>
        {t('surveySending.email.title')}
      </h2>
      <form className="stack" noValidate onSubmit={(e) => void runCheck(e)}>
        <fieldset className="audience-picks">
          <legend className="field-label">{t('surveySending.email.audience')}</legend>
          {(['segment', 'list'] as const).map((m) => (
            <label key={m} className="checkbox">
              <input
                type="radio"
                name="audience"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  changed();
                }}
              />{' '}
              {t(m === 'segment' ? 'surveySending.email.toSegment' : 'surveySending.email.toList')}
            </label>
          ))}
        </fieldset>
        {mode === 'segment' ? (
          <Field
            label={t('surveySending.email.segment')}
            error={inputError}
            hint={segments.status === 'ready' && segments.segments.length === 0 ? t('surveySending.email.segmentsNone') : undefined}
          >
            {(props) => (
              <select
                {...props}
                className="select"
                dir="auto"
                value={segmentId}
                disabled={segments.status !== 'ready'}
                data-testid="send-segment"
                onChange={(e) => {
                  setSegmentId(e.target.value);
                  changed();
                }}
              >
                <option value="">
                  {segments.status === 'loading' ? t('surveySending.email.segmentsLoading') : t('surveySending.email.segmentChoose')}
                </option>
                {segments.status === 'ready' &&
                  segments.segments.map((s) => (
                    <option key={s.id} value={s.id}>
                      {t('surveySending.email.segmentOption', { name: s.name, count: s.memberCount })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        ) : (
          <Field label={t('surveySending.email.list')} hint={t('surveySending.email.listHint')} error={inputError}>
            {(props) => (
              <textarea
                {...props}
                className="recipients-list"
                dir="ltr"
                rows={6}
                value={list}
                data-testid="send-list"
                onChange={(e) => {
                  setList(e.target.value);
                  changed();
                }}
              />
            )}
          </Field>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={respectThrottle}
            onChange={(e) => {
              setRespectThrottle(e.target.checked);
              changed();
            }}
          />{' '}
          {t('surveySending.email.respectThrottle')}
        </label>
        <div>
          <button type="submit" className="button" disabled={busy} data-testid="check-recipients">
            {busy && !check ? t('surveySending.email.checking') : t('surveySending.email.check')}
          </button>
        </div>
      </form>

      {p && (
        <div className="send-check" data-testid="send-check" aria-live="polite">
          <p className="send-headline">
            {p.willSend > 0 ? t('surveySending.email.willSend', { count: p.willSend }) : t('surveySending.email.nobody')}
          </p>
          {languages.length > 0 && (
            <dl className="fact-list" aria-label={t('surveySending.email.byLanguage')}>
              {languages.map(([lang, n]) => (
                <div key={lang}>
                  <dt>{nativeName(lang)}</dt>
                  <dd className="num">{fmt.number(n)}</dd>
                </div>
              ))}
            </dl>
          )}
          {skipped.length > 0 && (
            <>
              <p className="field-label">{t('surveySending.email.skippedTitle')}</p>
              <dl className="fact-list" data-testid="send-skipped">
                {skipped.map((r) => (
                  <div key={r}>
                    <dt>{t(`surveySending.email.skip.${r}`)}</dt>
                    <dd className="num">{fmt.number(p.skipped[r]!)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {p.list && <ListProblems report={p.list} />}
        </div>
      )}

      <div className="stack">
        <div className="email-preview-head">
          <h3 className="field-label">{t('surveySending.email.previewTitle')}</h3>
          <select
            className="select select-compact"
            aria-label={t('surveySending.email.previewLanguage')}
            value={previewLanguage}
            data-testid="email-preview-language"
            onChange={(e) => setPreviewLanguage(e.target.value as SurveyLanguage)}
          >
            {survey.definition.languages.map((l) => (
              <option key={l} value={l}>
                {nativeName(l)}
              </option>
            ))}
          </select>
        </div>
        {email && (
          <p className="email-subject" data-testid="email-subject">
            <span className="muted">{t('surveySending.email.subject')}:</span> <bdi dir="auto">{email.subject}</bdi>
          </p>
        )}
        <iframe
          key={previewLanguage}
          className="email-frame"
          title={t('surveySending.email.previewTitle')}
          sandbox=""
          src={surveySendingApi.emailPreviewUrl(survey.id, previewLanguage)}
          data-testid="email-preview"
        />
      </div>

      {error && <Alert>{error}</Alert>}
      {queued !== null && <Alert tone="success">{t('surveySending.email.queued', { count: queued })}</Alert>}
      {p && p.willSend > 0 && !confirming && (
        <div>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || survey.status !== 'live'}
            onClick={() => setConfirming(true)}
            data-testid="send-survey"
          >
            {t('surveySending.email.send', { count: p.willSend })}
          </button>
        </div>
      )}
      {p && confirming && (
        <div className="confirm-box" role="alertdialog" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`}>{t('surveySending.email.confirm', { count: p.willSend })}</p>
          <div className="confirm-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void send()} data-testid="confirm-send">
              {t('surveySending.email.confirmSend')}
            </button>
            {/* The safe choice has the focus: Enter right after "Send" sends nothing. */}
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)} autoFocus>
              {t('surveySending.email.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
