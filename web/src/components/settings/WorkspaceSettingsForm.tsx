import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type UpdateWorkspace, WEEK_DAYS, WEEK_STARTS, type WeekDay, type WorkspaceSettings } from '@feedloop/contracts/workspace';
import { adminApi } from '../../api/admin';
import { errorMessage } from '../../lib/errors';
import { focusFirstInvalid, serverFieldErrors } from '../../lib/validation';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { CopyField } from './CopyField';
import { Field } from '../Field';
import { LocaleOptions } from '../LanguageSwitcher';
import { PHONE_COUNTRIES } from '../../lib/phone-countries';
import { toAsciiDigits } from '../../lib/format';

type FieldName = 'name' | 'timezone' | 'surveyThrottleDays' | 'weekendDays';
const FIELDS: readonly FieldName[] = ['name', 'timezone', 'surveyThrottleDays', 'weekendDays'];
/** 2024-01-06 was a Saturday: day i of WEEK_DAYS is 6 + i January 2024. */
const weekdayDate = (day: WeekDay) => new Date(Date.UTC(2024, 0, 6 + WEEK_DAYS.indexOf(day)));

/** Persian and Arabic-Indic digits typed by the user read as 0–9. */

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

/** Every country phone numbers can be read in, by its name in the user's language, with its calling code. */
function countryOptions(locale: string, number: (n: number) => string) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  return (
    Object.entries(PHONE_COUNTRIES)
      .map(([code, calling]) => ({ code, name: names.of(code) ?? code, calling }))
      .sort((a, b) => collator.compare(a.name, b.name))
      // The calling code is isolated left to right, so "+98" keeps its plus in front in Persian and Arabic.
      .map((c) => ({ code: c.code, label: `${c.name} (\u2066+${number(c.calling)}\u2069)` }))
  );
}

interface Props {
  initial: WorkspaceSettings;
  /** Agents and viewers see the settings but cannot change them. */
  readOnly: boolean;
}

export function WorkspaceSettingsForm({ initial, readOnly }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState({ ...initial, surveyThrottleDays: String(initial.surveyThrottleDays) });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const weekdayName = (day: WeekDay) =>
    new Intl.DateTimeFormat(format.prefs.locale, { weekday: 'long', timeZone: 'UTC' }).format(weekdayDate(day));
  const countries = useMemo(() => countryOptions(format.prefs.locale, format.number), [format.prefs.locale, format.number]);

  function change<K extends keyof typeof form>(key: K, value: (typeof form)[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setStatus('idle');
  }

  function toggleWeekend(day: WeekDay, on: boolean) {
    const days = on ? [...form.weekendDays, day] : form.weekendDays.filter((d) => d !== day);
    change(
      'weekendDays',
      WEEK_DAYS.filter((d) => days.includes(d)),
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!form.name.trim()) found.name = t('validation.required');
    if (!isTimeZone(form.timezone.trim())) found.timezone = t('admin.workspace.timezoneInvalid');
    const throttle = toAsciiDigits(form.surveyThrottleDays);
    const days = /^\s*\d+\s*$/.test(throttle) ? Number(throttle) : NaN;
    if (!(days >= 0 && days <= 365)) found.surveyThrottleDays = t('admin.workspace.throttleInvalid', { max: format.number(365) });
    if (form.weekendDays.length > 3) found.weekendDays = t('admin.workspace.weekendTooMany');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const patch: UpdateWorkspace = {
      name: form.name.trim(),
      defaultLocale: form.defaultLocale,
      timezone: form.timezone.trim(),
      calendar: form.calendar,
      weekStart: form.weekStart,
      weekendDays: form.weekendDays,
      piiRedaction: form.piiRedaction,
      surveyThrottleDays: days,
      defaultCountry: form.defaultCountry,
    };
    setStatus('saving');
    setError(null);
    try {
      const saved = await adminApi.updateWorkspace(patch);
      setForm({ ...saved, surveyThrottleDays: String(saved.surveyThrottleDays) });
      setStatus('saved');
    } catch (err) {
      const marked = serverFieldErrors(err, FIELDS);
      setErrors(Object.fromEntries(Object.keys(marked).map((k) => [k, t('validation.invalid')])));
      setError(err);
      setStatus('idle');
    }
  }

  return (
    <form ref={formRef} className="card form" data-testid="workspace-form" noValidate onSubmit={submit}>
      {readOnly && <Alert tone="info">{t('admin.readOnly')}</Alert>}
      {status === 'saved' && <Alert tone="success">{t('admin.workspace.saved')}</Alert>}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      <fieldset className="fieldset" disabled={readOnly}>
        <legend className="legend">{t('admin.workspace.general')}</legend>
        <Field label={t('admin.workspace.name')} error={errors.name}>
          {(props) => (
            <input {...props} className="input" name="name" dir="auto" value={form.name} onChange={(e) => change('name', e.target.value)} />
          )}
        </Field>
        <Field label={t('admin.workspace.defaultLocale')} hint={t('admin.workspace.defaultLocaleHint')}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="defaultLocale"
              value={form.defaultLocale}
              onChange={(e) => change('defaultLocale', e.target.value as typeof form.defaultLocale)}
            >
              <LocaleOptions />
            </select>
          )}
        </Field>
        <Field label={t('admin.workspace.defaultCountry')} hint={t('admin.workspace.defaultCountryHint')}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="defaultCountry"
              value={form.defaultCountry ?? ''}
              onChange={(e) => change('defaultCountry', e.target.value || null)}
            >
              <option value="">{t('admin.workspace.noCountry')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      {/* Never disabled: whoever may see the settings may copy the slug. */}
      <fieldset className="fieldset">
        <legend className="legend">{t('admin.workspace.commandLine')}</legend>
        <div className="field">
          <CopyField label={t('admin.workspace.slug')} value={initial.slug} testId="workspace-slug" />
          <p className="field-hint">
            {t('admin.workspace.slugHint')}{' '}
            <code className="command" dir="ltr">
              feedloop import FILE --workspace {initial.slug}
            </code>
          </p>
        </div>
      </fieldset>
      <fieldset className="fieldset" disabled={readOnly}>
        <legend className="legend">{t('admin.workspace.regional')}</legend>
        <Field label={t('admin.workspace.calendar')} hint={t('admin.workspace.calendarHint')}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="calendar"
              value={form.calendar}
              onChange={(e) => change('calendar', e.target.value as typeof form.calendar)}
            >
              <option value="persian">{t('admin.workspace.calendarPersian')}</option>
              <option value="gregorian">{t('admin.workspace.calendarGregorian')}</option>
              <option value="hijri">{t('admin.workspace.calendarHijri')}</option>
            </select>
          )}
        </Field>
        <Field label={t('admin.workspace.timezone')} hint={t('admin.workspace.timezoneHint')} error={errors.timezone}>
          {(props) => (
            <input
              {...props}
              className="input"
              name="timezone"
              dir="ltr"
              value={form.timezone}
              onChange={(e) => change('timezone', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('admin.workspace.weekStart')}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="weekStart"
              value={form.weekStart}
              onChange={(e) => change('weekStart', e.target.value as typeof form.weekStart)}
            >
              {WEEK_STARTS.map((day) => (
                <option key={day} value={day}>
                  {weekdayName(day)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="weekend-days" aria-describedby={errors.weekendDays ? 'weekend-error' : undefined}>
          <legend className="field-label">{t('admin.workspace.weekendDays')}</legend>
          {WEEK_DAYS.map((day) => (
            <label key={day} className="checkbox">
              <input
                type="checkbox"
                name={`weekend-${day}`}
                checked={form.weekendDays.includes(day)}
                onChange={(e) => toggleWeekend(day, e.target.checked)}
              />
              {weekdayName(day)}
            </label>
          ))}
          {errors.weekendDays && (
            <p className="field-error" id="weekend-error">
              {errors.weekendDays}
            </p>
          )}
        </fieldset>
      </fieldset>
      <fieldset className="fieldset" disabled={readOnly}>
        <legend className="legend">{t('admin.workspace.privacy')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            name="piiRedaction"
            checked={form.piiRedaction}
            onChange={(e) => change('piiRedaction', e.target.checked)}
          />
          {t('admin.workspace.piiRedaction')}
        </label>
        <p className="field-hint">{t('admin.workspace.piiRedactionHint')}</p>
        <Field label={t('admin.workspace.throttle')} hint={t('admin.workspace.throttleHint')} error={errors.surveyThrottleDays}>
          {(props) => (
            <input
              {...props}
              className="input input-short"
              name="surveyThrottleDays"
              inputMode="numeric"
              value={form.surveyThrottleDays}
              onChange={(e) => change('surveyThrottleDays', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={status === 'saving'} data-testid="save-workspace">
            {status === 'saving' ? t('admin.saving') : t('admin.save')}
          </button>
        </div>
      )}
    </form>
  );
}
