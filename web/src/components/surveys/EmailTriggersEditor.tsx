import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import { adminApi } from '../../api/admin';
import { segmentsApi } from '../../api/segments';
import { BUILT_IN_EVENTS, type SurveyTrigger } from '@feedloop/contracts/survey-sending';
import { surveySendingApi } from '../../api/survey-sending';
import type { Survey } from '@feedloop/contracts/surveys';
import { surveysApi } from '../../api/surveys';
import { errorMessage } from '../../lib/errors';
import {
  DELAY_UNITS,
  blankTriggerForm,
  splitDelay,
  triggerAudience,
  triggerFromForm,
  wholeNumber,
  type TriggerForm,
  type TriggerFormErrors,
} from '../../lib/survey-sending';
import { toLocalDigits } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';
import '../../styles/survey-sending.css';

interface Props {
  survey: Survey;
  readOnly: boolean;
  onSaved: (survey: Survey) => void;
}

type Loaded = { triggers: SurveyTrigger[]; segments: Array<{ id: string; name: string }>; throttleDays: number | null };

/** The survey's email triggers: "when <event>, after <delay>, to <segment>, outside quiet hours". */
export function EmailTriggersEditor({ survey, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // The form's numbers in the reader's digits (any digits are accepted back).
  const local = (text: string) => toLocalDigits(text, fmt.prefs);
  const freshForm = (): TriggerForm => {
    const blank = blankTriggerForm();
    return { ...blank, amount: local(blank.amount), quietStart: local(blank.quietStart), quietEnd: local(blank.quietEnd) };
  };
  const [form, setForm] = useState<TriggerForm>(freshForm);
  const [errors, setErrors] = useState<TriggerFormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [maxPerDay, setMaxPerDay] = useState(survey.settings.maxSendsPerDay ? local(String(survey.settings.maxSendsPerDay)) : '');
  const [maxError, setMaxError] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    const signal = abort.signal;
    Promise.all([
      surveySendingApi.triggers(survey.id, { signal }),
      // A list that cannot load (a role without customers:read) leaves the segment choice empty.
      segmentsApi.list({ signal }).then(
        (r) => r.data.map((s) => ({ id: s.id, name: s.name })),
        (e: unknown) => {
          if (isAbortError(e)) throw e;
          return [];
        },
      ),
      adminApi.workspace().then(
        (w) => w.surveyThrottleDays,
        (e: unknown) => {
          if (isAbortError(e)) throw e;
          return null;
        },
      ),
    ])
      .then(([triggers, segments, throttleDays]) => setLoaded({ triggers: triggers.data, segments, throttleDays }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setLoadError(e);
      });
    return () => abort.abort();
  }, [survey.id]);

  const change = (patch: Partial<TriggerForm>, field?: keyof TriggerFormErrors) => {
    setForm((f) => ({ ...f, ...patch }));
    setNotice(null);
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const errorText = (field: keyof TriggerFormErrors) => (errors[field] ? t(`surveySending.triggers.errors.${errors[field]}`) : null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const built = triggerFromForm(form);
    if (built.errors) return setErrors(built.errors);
    setBusy(true);
    setError(null);
    try {
      const created = await surveySendingApi.addTrigger(survey.id, built.trigger);
      setLoaded((l) => l && { ...l, triggers: [...l.triggers, created] });
      setForm(freshForm());
      setNotice(t('surveySending.triggers.added'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove(trigger: SurveyTrigger) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await surveySendingApi.removeTrigger(survey.id, trigger.id);
      setLoaded((l) => l && { ...l, triggers: l.triggers.filter((x) => x.id !== trigger.id) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function saveLimit(event: FormEvent) {
    event.preventDefault();
    const n = maxPerDay.trim() === '' ? undefined : wholeNumber(maxPerDay);
    if (n === null || n === 0) return setMaxError(true);
    setBusy(true);
    setError(null);
    try {
      // Settings are replaced as a whole: the widget rules and the response cap go along.
      const { maxSendsPerDay: _old, ...rest } = survey.settings;
      onSaved(await surveysApi.update(survey.id, { settings: n === undefined ? rest : { ...rest, maxSendsPerDay: n } }));
      setNotice(t('surveySending.triggers.limitSaved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const eventLabel = (name: string) =>
    (BUILT_IN_EVENTS as readonly string[]).includes(name)
      ? t(`surveySending.triggers.events.${name as (typeof BUILT_IN_EVENTS)[number]}`)
      : name;
  const segmentName = (id: string) => loaded?.segments.find((s) => s.id === id)?.name ?? t('surveySending.triggers.segmentDeleted');
  const delayText = (minutes: number) => {
    if (minutes === 0) return t('surveySending.triggers.rightAway');
    const { amount, unit } = splitDelay(minutes);
    return t(`surveySending.triggers.duration.${unit}`, { count: amount });
  };
  const audienceText = (trigger: SurveyTrigger) => {
    const a = triggerAudience(trigger);
    if (a.kind === 'everyone') return t('surveySending.triggers.everyone');
    if (a.kind === 'other') return t('surveySending.triggers.otherConditions');
    return t(a.kind === 'eq' ? 'surveySending.triggers.inSegmentNamed' : 'surveySending.triggers.notInSegmentNamed', {
      name: segmentName(a.segmentId),
    });
  };
  const time = local;

  return (
    <section className="card stack email-triggers" aria-labelledby={titleId} data-testid="email-triggers">
      <h2 className="card-title" id={titleId}>
        {t('surveySending.triggers.title')}
      </h2>
      <p className="muted">{t('surveySending.triggers.intro')}</p>
      {loadError ? <Alert>{errorMessage(t, loadError)}</Alert> : null}
      {loaded &&
        (loaded.triggers.length === 0 ? (
          <p className="empty-state">{t('surveySending.triggers.none')}</p>
        ) : (
          <ul className="trigger-list" aria-label={t('surveySending.triggers.list')}>
            {loaded.triggers.map((tr) => (
              <li key={tr.id} className="trigger-item" data-testid="email-trigger">
                <dl className="trigger-facts">
                  <div>
                    <dt>{t('surveySending.triggers.event')}</dt>
                    <dd>
                      <bdi>{eventLabel(tr.eventName)}</bdi>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('surveySending.triggers.delay')}</dt>
                    <dd>{delayText(tr.delayMinutes)}</dd>
                  </div>
                  <div>
                    <dt>{t('surveySending.triggers.audience')}</dt>
                    <dd>
                      <bdi>{audienceText(tr)}</bdi>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('surveySending.triggers.quietHours')}</dt>
                    <dd>
                      {tr.quietHours
                        ? t('surveySending.triggers.quietSummary', { start: time(tr.quietHours.start), end: time(tr.quietHours.end) })
                        : t('surveySending.triggers.quietNone')}
                    </dd>
                  </div>
                </dl>
                {!tr.enabled && <span className="badge">{t('surveySending.triggers.paused')}</span>}
                {!readOnly && (
                  <button type="button" className="button button-ghost" disabled={busy} onClick={() => void remove(tr)}>
                    {t('surveySending.triggers.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}

      {!readOnly && loaded && (
        <form className="trigger-form" noValidate onSubmit={(e) => void add(e)}>
          <div className="widget-row">
            <Field label={t('surveySending.triggers.event')}>
              {(props) => (
                <select
                  {...props}
                  value={form.event}
                  onChange={(e) => change({ event: e.target.value as TriggerForm['event'] }, 'customName')}
                >
                  {[...BUILT_IN_EVENTS, 'custom' as const].map((ev) => (
                    <option key={ev} value={ev}>
                      {t(`surveySending.triggers.events.${ev}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {form.event === 'custom' && (
              <Field
                label={t('surveySending.triggers.eventName')}
                hint={t('surveySending.triggers.eventNameHint')}
                error={errorText('customName')}
              >
                {(props) => (
                  <input
                    {...props}
                    dir="auto"
                    value={form.customName}
                    onChange={(e) => change({ customName: e.target.value }, 'customName')}
                  />
                )}
              </Field>
            )}
          </div>
          <div className="widget-row">
            <Field label={t('surveySending.triggers.delay')} hint={t('surveySending.triggers.delayHint')} error={errorText('amount')}>
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  className="narrow-input"
                  value={form.amount}
                  onChange={(e) => change({ amount: e.target.value }, 'amount')}
                />
              )}
            </Field>
            <Field label={t('surveySending.triggers.unit')}>
              {(props) => (
                <select {...props} value={form.unit} onChange={(e) => change({ unit: e.target.value as TriggerForm['unit'] }, 'amount')}>
                  {DELAY_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`surveySending.triggers.units.${u}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="widget-row">
            <Field label={t('surveySending.triggers.audience')}>
              {(props) => (
                <select
                  {...props}
                  value={form.audience}
                  onChange={(e) => change({ audience: e.target.value as TriggerForm['audience'] }, 'segmentId')}
                >
                  <option value="">{t('surveySending.triggers.everyone')}</option>
                  <option value="eq">{t('surveySending.triggers.inSegment')}</option>
                  <option value="neq">{t('surveySending.triggers.notInSegment')}</option>
                </select>
              )}
            </Field>
            {form.audience && (
              <Field
                label={t('surveySending.triggers.segment')}
                error={errorText('segmentId')}
                hint={loaded.segments.length === 0 ? t('surveySending.email.segmentsNone') : undefined}
              >
                {(props) => (
                  <select {...props} dir="auto" value={form.segmentId} onChange={(e) => change({ segmentId: e.target.value }, 'segmentId')}>
                    <option value="">{t('surveySending.email.segmentChoose')}</option>
                    {loaded.segments.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
          <fieldset className="widget-fields">
            <legend className="field-label">{t('surveySending.triggers.quietHours')}</legend>
            <p className="field-hint">{t('surveySending.triggers.quietHoursHint')}</p>
            <label className="checkbox">
              <input type="checkbox" checked={form.quiet} onChange={(e) => change({ quiet: e.target.checked })} />{' '}
              {t('surveySending.triggers.quietHours')}
            </label>
            {form.quiet && (
              <div className="widget-row">
                <Field label={t('surveySending.triggers.quietFrom')} error={errorText('quietStart')}>
                  {(props) => (
                    <input
                      {...props}
                      dir="ltr"
                      className="narrow-input"
                      inputMode="numeric"
                      value={form.quietStart}
                      onChange={(e) => change({ quietStart: e.target.value }, 'quietStart')}
                    />
                  )}
                </Field>
                <Field label={t('surveySending.triggers.quietTo')} error={errorText('quietEnd')}>
                  {(props) => (
                    <input
                      {...props}
                      dir="ltr"
                      className="narrow-input"
                      inputMode="numeric"
                      value={form.quietEnd}
                      onChange={(e) => change({ quietEnd: e.target.value }, 'quietEnd')}
                    />
                  )}
                </Field>
              </div>
            )}
          </fieldset>
          <div>
            <button type="submit" className="button button-primary" disabled={busy} data-testid="add-trigger">
              {t('surveySending.triggers.add')}
            </button>
          </div>
        </form>
      )}

      {loaded && (
        <div className="trigger-limits">
          <p className="muted">
            {loaded.throttleDays === null
              ? null
              : loaded.throttleDays === 0
                ? t('surveySending.triggers.throttleOff')
                : t('surveySending.triggers.throttle', { count: loaded.throttleDays })}
          </p>
          {!readOnly && (
            <form className="widget-row" noValidate onSubmit={(e) => void saveLimit(e)}>
              <Field
                label={t('surveySending.triggers.maxPerDay')}
                hint={t('surveySending.triggers.maxPerDayHint')}
                error={maxError ? t('surveySending.triggers.errors.maxPerDay') : null}
              >
                {(props) => (
                  <input
                    {...props}
                    inputMode="numeric"
                    className="narrow-input"
                    value={maxPerDay}
                    onChange={(e) => {
                      setMaxPerDay(e.target.value);
                      setMaxError(false);
                      setNotice(null);
                    }}
                  />
                )}
              </Field>
              <div className="trigger-limit-save">
                <button type="submit" className="button" disabled={busy}>
                  {t('surveySending.triggers.saveLimit')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      {error ? <Alert>{errorMessage(t, error)}</Alert> : null}
      {notice && <Alert tone="success">{notice}</Alert>}
    </section>
  );
}
