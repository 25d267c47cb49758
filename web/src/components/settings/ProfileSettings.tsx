import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { UpdateMe } from '@feedloop/contracts/auth';
import { Alert } from '../Alert';
import { DigestSettings } from './DigestSettings';
import { Field } from '../Field';
import { KeyValueList } from '../KeyValueList';
import { Link } from '../Link';
import { LocaleOptions } from '../LanguageSwitcher';
import { isUiLocale } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/router';
import type { CalendarPref, DigitsPref, UiLocale } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useFormat } from '../../lib/useFormat';

const SAMPLE_NUMBER = 1234567.89;

/** The signed-in user's own profile, language, calendar and digits. */
export function ProfileSettings() {
  const { t } = useTranslation();
  const { me, updateUser } = useSession();
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState<UiLocale>(me.user.locale);
  const [calendar, setCalendar] = useState<CalendarPref>(me.user.calendar);
  const [digits, setDigits] = useState<DigitsPref>(me.user.digits);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const preview = useFormat({ locale, calendar, digits });
  const [now] = useState(() => new Date());

  // The header's language switcher saves the language on its own; follow it.
  useEffect(() => setLocale(me.user.locale), [me.user.locale]);

  function touched() {
    setStatus('idle');
    setError(null);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    const patch: UpdateMe = {};
    if (name.trim() !== me.user.name) patch.name = name.trim();
    if (locale !== me.user.locale) patch.locale = locale;
    if (calendar !== me.user.calendar) patch.calendar = calendar;
    if (digits !== me.user.digits) patch.digits = digits;
    setStatus('saving');
    setError(null);
    try {
      const { user } = Object.keys(patch).length > 0 ? await api.updateMe(patch) : { user: me.user };
      updateUser(user);
      setStatus('saved');
    } catch (err) {
      setError(err);
      setStatus('idle');
    }
  }

  return (
    <div className="stack">
      {status === 'saved' && <Alert tone="success">{t('settings.saved')}</Alert>}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}

      <form className="card form" data-testid="settings-form" noValidate onSubmit={handleSubmit}>
        <fieldset className="fieldset">
          <legend className="legend">{t('settings.profile')}</legend>
          <Field label={t('settings.name')} error={nameMissing ? t('validation.required') : null}>
            {(props) => (
              <input
                {...props}
                className="input"
                name="name"
                dir="auto"
                autoComplete="name"
                required
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameMissing(false);
                  touched();
                }}
              />
            )}
          </Field>
          <KeyValueList
            className="kv-compact"
            items={[
              { key: 'email', label: t('settings.email'), value: <span dir="ltr">{me.user.email}</span> },
              { key: 'role', label: t('settings.role'), value: t(`role.${me.role}`) },
            ]}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend className="legend">{t('settings.regional')}</legend>
          <Field label={t('settings.locale')}>
            {(props) => (
              <select
                {...props}
                className="select"
                name="locale"
                value={locale}
                onChange={(event) => {
                  if (isUiLocale(event.target.value)) setLocale(event.target.value);
                  touched();
                }}
              >
                <LocaleOptions />
              </select>
            )}
          </Field>
          <Field label={t('settings.calendar')}>
            {(props) => (
              <select
                {...props}
                className="select"
                name="calendar"
                value={calendar}
                onChange={(event) => {
                  setCalendar(event.target.value as CalendarPref);
                  touched();
                }}
              >
                <option value="auto">{t('settings.calendarAuto')}</option>
                <option value="gregorian">{t('settings.calendarGregorian')}</option>
                <option value="persian">{t('settings.calendarPersian')}</option>
                <option value="hijri">{t('settings.calendarHijri')}</option>
              </select>
            )}
          </Field>
          <Field label={t('settings.digits')}>
            {(props) => (
              <select
                {...props}
                className="select"
                name="digits"
                value={digits}
                onChange={(event) => {
                  setDigits(event.target.value as DigitsPref);
                  touched();
                }}
              >
                <option value="auto">{t('settings.digitsAuto')}</option>
                <option value="latin">{t('settings.digitsLatin')}</option>
              </select>
            )}
          </Field>
          <div className="preview" aria-live="polite">
            <span className="preview-label">{t('settings.preview')}</span>
            <span lang={locale}>{preview.dateTime(now, 'full')}</span>
            <span lang={locale}>{preview.number(SAMPLE_NUMBER)}</span>
          </div>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={status === 'saving'}>
            {status === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>

      <DigestSettings />

      <section className="card page-head" aria-labelledby="settings-topics">
        <div>
          <h2 id="settings-topics" className="card-title">
            {t('settings.topicsTitle')}
          </h2>
          <p className="muted">{t('settings.topicsIntro')}</p>
        </div>
        <Link to={paths.topics()} className="button" data-testid="settings-topics-link">
          {t('settings.topicsLink')}
        </Link>
      </section>
    </div>
  );
}
