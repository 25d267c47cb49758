import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { SendSummary, SurveySend } from '@feedloop/contracts/survey-sending';
import { surveySendingApi } from '../../api/survey-sending';
import { errorMessage } from '../../lib/errors';
import { usePolling } from '../../lib/usePolling';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { nativeName } from '../LanguageSwitcher';

const KNOWN_REASONS = ['survey_not_live', 'opted_out'] as const;

/** The survey's emails: how far sending got, how many bounced, how many answered, the latest ones. */
export function SendProgress({ surveyId, refreshKey }: { surveyId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const [state, setState] = useState<{ data: SurveySend[]; summary: SendSummary } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setState(await surveySendingApi.sends(surveyId, { signal }));
        setError(null);
      } catch (err) {
        if (!isAbortError(err)) setError(err);
      }
    },
    [surveyId],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load, refreshKey]);
  // While emails wait in the queue, follow them as the workers send.
  usePolling(load, (state?.summary.queued ?? 0) > 0, 1500);

  const s = state?.summary;
  const pct = (value: number | null) => (value === null ? '–' : fmt.percent(value / 100));
  const done = s ? s.total - s.queued : 0;
  const reason = (r: string | null) =>
    r && (KNOWN_REASONS as readonly string[]).includes(r) ? t(`surveySending.sends.reason.${r as (typeof KNOWN_REASONS)[number]}`) : r;

  return (
    <section className="card stack" aria-labelledby={titleId} data-testid="send-progress">
      <h2 className="card-title" id={titleId}>
        {t('surveySending.sends.title')}
      </h2>
      {error ? <Alert>{errorMessage(t, error)}</Alert> : null}
      {s && s.total === 0 && <p className="empty-state">{t('surveySending.sends.none')}</p>}
      {s && s.total > 0 && (
        <>
          <div>
            <p className="muted" data-testid="send-progress-text">
              {s.queued > 0 ? `${t('surveySending.sends.inProgress')} ` : ''}
              {t('surveySending.sends.progress', { done, total: s.total })}
            </p>
            <div
              className="progress-bar"
              role="progressbar"
              aria-labelledby={titleId}
              aria-valuemin={0}
              aria-valuemax={s.total}
              aria-valuenow={done}
            >
              <span style={{ inlineSize: `${(100 * done) / s.total}%` }} />
            </div>
          </div>
          <dl className="stat-grid" data-testid="send-stats">
            {(['sent', 'bounced', 'failed', 'skipped', 'queued'] as const)
              .filter((k) => k === 'sent' || s[k] > 0)
              .map((k) => (
                <div key={k} className="stat">
                  <dt>{t(`surveySending.sends.status.${k}`)}</dt>
                  <dd className="num">{fmt.number(s[k])}</dd>
                </div>
              ))}
            <div className="stat">
              <dt>{t('surveySending.sends.responses')}</dt>
              <dd className="num">{fmt.number(s.responses)}</dd>
            </div>
            <div className="stat">
              <dt>{t('surveySending.sends.responseRate')}</dt>
              <dd className="num" data-testid="response-rate">
                {pct(s.responseRate)}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('surveySending.sends.bounceRate')}</dt>
              <dd className="num">{pct(s.bounceRate)}</dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="table" aria-label={t('surveySending.sends.latest')}>
              <thead>
                <tr>
                  <th scope="col">{t('surveySending.sends.recipient')}</th>
                  <th scope="col">{t('surveySending.sends.language')}</th>
                  <th scope="col">{t('surveySending.sends.state')}</th>
                  <th scope="col">{t('surveySending.sends.when')}</th>
                </tr>
              </thead>
              <tbody>
                {state!.data.map((send) => (
                  <tr key={send.id} data-testid="send-row">
                    <td className="col-text entry" data-label={t('surveySending.sends.recipient')}>
                      <bdi dir="ltr">{send.email}</bdi>
                    </td>
                    <td data-label={t('surveySending.sends.language')}>{nativeName(send.language)}</td>
                    <td data-label={t('surveySending.sends.state')}>
                      {t(`surveySending.sends.status.${send.status}`)}
                      {send.reason && (
                        <span className="muted">
                          {' '}
                          (<bdi>{reason(send.reason)}</bdi>)
                        </span>
                      )}
                    </td>
                    <td data-label={t('surveySending.sends.when')}>{fmt.dateTime(send.sentAt ?? send.createdAt, 'short')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
