import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigestPreferences, DigestPreview } from '@feedloop/contracts/digest';
import { digestApi } from '../../api/digest';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { LocaleOptions } from '../LanguageSwitcher';
import { isUiLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import '../../styles/digest.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
// 2024-01-01 was a Monday: ISO weekday n is January n.
const weekdayDate = (isoDay: number) => new Date(Date.UTC(2024, 0, isoDay, 12));

/** The signed-in user's feedback digest: on or off, when, in which language, and its preview. */
export function DigestSettings() {
  const { t } = useTranslation();
  const format = useFormat();
  const [prefs, setPrefs] = useState<DigestPreferences | null>(null);
  const [draft, setDraft] = useState<DigestPreferences | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ digest: DigestPreview; version: number } | null>(null);
  const [previewing, setPreviewing] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    digestApi.preferences({ signal: controller.signal }).then((p) => {
      setPrefs(p);
      setDraft(p);
    }, setError);
    return () => controller.abort();
  }, []);

  const change = (patch: Partial<DigestPreferences>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setStatus('idle');
    setError(null);
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    setStatus('saving');
    try {
      const { enabled, frequency, weekday, hour, timeZone, language } = draft;
      const saved = await digestApi.update({ enabled, frequency, weekday, hour, timeZone: timeZone.trim(), language });
      setPrefs(saved);
      setDraft(saved);
      setStatus('saved');
    } catch (err) {
      setError(err);
      setStatus('idle');
    }
  }

  async function showPreview() {
    setPreviewing(true);
    try {
      const digest = await digestApi.preview();
      setPreview((p) => ({ digest, version: (p?.version ?? 0) + 1 }));
    } catch (err) {
      setError(err);
    } finally {
      setPreviewing(false);
    }
  }

  const weekdayName = (n: number) =>
    new Intl.DateTimeFormat(format.prefs.locale, { weekday: 'long', timeZone: 'UTC' }).format(weekdayDate(n));
  const hourLabel = (h: number) => `${format.number(h, { minimumIntegerDigits: 2 })}:${format.number(0, { minimumIntegerDigits: 2 })}`;

  return (
    <section className="card stack" aria-labelledby="digest-title" data-testid="digest-settings">
      <div>
        <h2 id="digest-title" className="card-title">
          {t('digest.title')}
        </h2>
        <p className="muted">{t('digest.intro')}</p>
      </div>
      {status === 'saved' && <Alert tone="success">{t('digest.saved')}</Alert>}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      {draft && (
        <form className="form" noValidate onSubmit={save} data-testid="digest-form">
          <label className="checkbox">
            <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => change({ enabled: e.target.checked })} />
            {t('digest.enabled')}
          </label>
          <div className="digest-schedule">
            <Field label={t('digest.frequency')}>
              {(props) => (
                <select
                  {...props}
                  className="select"
                  name="frequency"
                  value={draft.frequency}
                  disabled={!draft.enabled}
                  onChange={(e) => change({ frequency: e.target.value as DigestPreferences['frequency'] })}
                >
                  <option value="weekly">{t('digest.weekly')}</option>
                  <option value="monthly">{t('digest.monthly')}</option>
                </select>
              )}
            </Field>
            {draft.frequency === 'weekly' && (
              <Field label={t('digest.weekday')}>
                {(props) => (
                  <select
                    {...props}
                    className="select"
                    name="weekday"
                    value={draft.weekday}
                    disabled={!draft.enabled}
                    onChange={(e) => change({ weekday: Number(e.target.value) })}
                  >
                    {WEEKDAYS.map((d) => (
                      <option key={d} value={d}>
                        {weekdayName(d)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <Field label={t('digest.hour')}>
              {(props) => (
                <select
                  {...props}
                  className="select"
                  name="hour"
                  value={draft.hour}
                  disabled={!draft.enabled}
                  onChange={(e) => change({ hour: Number(e.target.value) })}
                >
                  {HOURS.map((h) => (
                    <option key={h} value={h}>
                      {hourLabel(h)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('digest.timeZone')} hint={t('digest.timeZoneHint')}>
              {(props) => (
                <input
                  {...props}
                  className="input"
                  name="timeZone"
                  dir="ltr"
                  value={draft.timeZone}
                  disabled={!draft.enabled}
                  onChange={(e) => change({ timeZone: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('digest.language')}>
              {(props) => (
                <select
                  {...props}
                  className="select"
                  name="language"
                  value={draft.language}
                  disabled={!draft.enabled}
                  onChange={(e) => isUiLocale(e.target.value) && change({ language: e.target.value })}
                >
                  <LocaleOptions />
                </select>
              )}
            </Field>
          </div>
          <p className="muted" data-testid="digest-next">
            {prefs?.enabled && prefs.nextSendAt ? t('digest.next', { when: format.dateTime(prefs.nextSendAt, 'full') }) : t('digest.off')}
          </p>
          <div className="form-actions digest-actions">
            <button type="submit" className="button button-primary" disabled={status === 'saving'}>
              {status === 'saving' ? t('digest.saving') : t('digest.save')}
            </button>
            <button type="button" className="button" onClick={showPreview} disabled={previewing} data-testid="digest-preview-button">
              {t('digest.preview')}
            </button>
          </div>
        </form>
      )}
      {preview && (
        <div className="stack" data-testid="digest-preview">
          <p>
            <span className="muted">{t('digest.subject')}:</span> <bdi dir="auto">{preview.digest.subject}</bdi>
          </p>
          <iframe
            key={preview.version}
            className="digest-frame"
            title={t('digest.previewTitle')}
            sandbox=""
            src={digestApi.previewUrl()}
            data-testid="digest-frame"
          />
        </div>
      )}
    </section>
  );
}
