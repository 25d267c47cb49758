import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import { segmentsApi } from '../../api/segments';
import type { Survey } from '@feedloop/contracts/surveys';
import { URL_MATCHES, WIDGET_DISPLAYS, WIDGET_PLACEMENTS, WIDGET_TRIGGER_TYPES } from '@feedloop/contracts/widget';
import type { WidgetSettings } from '@feedloop/contracts/widget-settings';
import { surveysApi } from '../../api/surveys';
import { errorMessage } from '../../lib/errors';
import { focusFirstInvalid } from '../../lib/validation';
import {
  MAX_TRIGGERS,
  SEGMENT_AUDIENCES,
  blankTrigger,
  fromForm,
  otherSegmentConditions,
  serverWidgetErrors,
  toForm,
  type TriggerForm,
  type WidgetErrorCode,
  type WidgetErrors,
  type WidgetForm,
} from '../../lib/widget';
import { Alert } from '../Alert';
import { Field } from '../Field';

interface Props {
  survey: Survey;
  readOnly: boolean;
  /** The survey as saved (only its settings changed). */
  onSaved: (survey: Survey) => void;
}

/** Allowed range of each numeric field, for its error message. */
const RANGES: Partial<Record<WidgetErrorCode, [number, number]>> = {
  percent: [1, 100],
  seconds: [1, 3600],
  days: [1, 365],
  sample: [0, 100],
  delay: [0, 600],
};
/** Codes with a message of their own (the rest are ranges). */
type MessageCode = 'required' | 'eventName' | 'regex' | 'tooLong' | 'invalid';
const DISPLAY_KEYS = { once: 'displayOnce', until_answered: 'displayUntilAnswered', every_n_days: 'displayEveryNDays' } as const;
const MATCH_KEYS = { exact: 'urlExact', contains: 'urlContains', regex: 'urlRegex' } as const;
const PLACEMENT_KEYS = { popup: 'placementPopup', slide_in: 'placementSlideIn' } as const;
const AUDIENCE_KEYS = { '': 'audienceEveryone', eq: 'audienceInSegment', neq: 'audienceNotInSegment' } as const;

/** The saved segments to choose from: loaded once the widget is switched on. */
type SegmentList = { status: 'loading' | 'error' } | { status: 'ready'; segments: Array<{ id: string; name: string }> };

/** The survey's website/in-app widget rules: triggers, how often, to whom and where it appears. */
export function WidgetSettingsEditor({ survey, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<WidgetForm>(() => toForm(survey.settings?.widget));
  const [errors, setErrors] = useState<WidgetErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [segmentList, setSegmentList] = useState<SegmentList>({ status: 'loading' });
  const segmentsLoaded = useRef(false);
  const previous = survey.settings?.widget;

  useEffect(() => {
    if (!form.enabled || segmentsLoaded.current) return;
    const abort = new AbortController();
    segmentsApi
      .list({ signal: abort.signal })
      .then((r) => {
        segmentsLoaded.current = true;
        setSegmentList({ status: 'ready', segments: r.data.map((s) => ({ id: s.id, name: s.name })) });
      })
      .catch((err: unknown) => {
        // A list that cannot load leaves the choice as it is (disabled, with a note), not the form broken.
        if (isAbortError(err)) return;
        segmentsLoaded.current = true;
        setSegmentList({ status: 'error' });
      });
    return () => abort.abort();
  }, [form.enabled]);

  const errorText = (path: string): string | null => {
    const code = errors[path];
    if (!code) return null;
    const range = RANGES[code];
    if (range)
      return code === 'sample'
        ? t('surveys.widget.errors.rangeNumber', { min: range[0], max: range[1] })
        : t('surveys.widget.errors.range', { min: range[0], max: range[1] });
    return t(`surveys.widget.errors.${code as MessageCode}`);
  };

  function update(next: WidgetForm, changed?: string) {
    setForm(next);
    setSaved(false);
    if (changed && errors[changed]) {
      const rest = { ...errors };
      delete rest[changed];
      setErrors(rest);
    }
  }
  const setTrigger = (k: number, patch: Partial<TriggerForm>, changed?: string) =>
    update({ ...form, triggers: form.triggers.map((tr, j) => (j === k ? { ...tr, ...patch } : tr)) }, changed);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    const built = fromForm(form, previous);
    let widget: WidgetSettings | undefined;
    if (form.enabled) {
      setErrors(built.errors);
      if (!built.settings) {
        setError(null);
        focusFirstInvalid(formRef.current);
        return;
      }
      widget = built.settings;
    } else {
      // Switched off: keep the rules for later when they are complete, else the stored ones.
      setErrors({});
      widget = built.settings ?? (previous ? { ...previous, enabled: false } : undefined);
    }
    setBusy(true);
    setError(null);
    try {
      // Settings are replaced as a whole: send the survey's other settings along.
      const next = await surveysApi.update(survey.id, { settings: { ...survey.settings, widget } });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
      setErrors(serverWidgetErrors(err, form));
      focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
  }

  function segmentHint(): string | undefined {
    if (segmentList.status === 'error') return t('surveys.widget.segmentLoadError');
    if (segmentList.status === 'ready' && segmentList.segments.length === 0) return t('surveys.widget.segmentNone');
    return undefined;
  }

  const clientInvalid = Object.keys(errors).length > 0 && !error;

  return (
    <form
      ref={formRef}
      className="card stack widget-settings"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="widget-settings"
    >
      <h2 className="card-title" id={titleId}>
        {t('surveys.widget.title')}
      </h2>
      <p className="muted">{t('surveys.widget.hint')}</p>
      <fieldset className="widget-fields" disabled={readOnly || busy}>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(e) =>
              update({
                ...form,
                enabled: e.target.checked,
                triggers: e.target.checked && form.triggers.length === 0 ? [blankTrigger()] : form.triggers,
              })
            }
          />{' '}
          {t('surveys.widget.enabled')}
        </label>
        {form.enabled && (
          <>
            <div className="widget-triggers">
              <p className="field-label">{t('surveys.widget.triggers')}</p>
              <p className="field-hint">{t('surveys.widget.triggersHint')}</p>
              {errors.triggers && <p className="field-error">{t('surveys.widget.errors.noTriggers')}</p>}
              {form.triggers.map((tr, k) => (
                <fieldset key={tr.key} className="widget-trigger" data-testid="widget-trigger">
                  <legend className="field-label">{t('surveys.widget.trigger', { n: k + 1 })}</legend>
                  <div className="widget-row">
                    <Field label={t('surveys.widget.triggerType')}>
                      {(props) => (
                        <select {...props} value={tr.type} onChange={(e) => setTrigger(k, { type: e.target.value as TriggerForm['type'] })}>
                          {WIDGET_TRIGGER_TYPES.map((type) => (
                            <option key={type} value={type}>
                              {t(`surveys.widget.types.${type}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    {tr.type === 'click' && (
                      <Field label={t('surveys.widget.selector')} error={errorText(`triggers.${k}.selector`)}>
                        {(props) => (
                          <input
                            {...props}
                            dir="ltr"
                            value={tr.selector}
                            placeholder="#buy-button"
                            onChange={(e) => setTrigger(k, { selector: e.target.value }, `triggers.${k}.selector`)}
                          />
                        )}
                      </Field>
                    )}
                    {tr.type === 'scroll' && (
                      <Field label={t('surveys.widget.percent')} error={errorText(`triggers.${k}.percent`)}>
                        {(props) => (
                          <input
                            {...props}
                            type="number"
                            min={1}
                            max={100}
                            value={tr.percent}
                            onChange={(e) => setTrigger(k, { percent: e.target.value }, `triggers.${k}.percent`)}
                          />
                        )}
                      </Field>
                    )}
                    {tr.type === 'time_on_page' && (
                      <Field label={t('surveys.widget.seconds')} error={errorText(`triggers.${k}.seconds`)}>
                        {(props) => (
                          <input
                            {...props}
                            type="number"
                            min={1}
                            max={3600}
                            value={tr.seconds}
                            onChange={(e) => setTrigger(k, { seconds: e.target.value }, `triggers.${k}.seconds`)}
                          />
                        )}
                      </Field>
                    )}
                    {tr.type === 'event' && (
                      <Field
                        label={t('surveys.widget.eventName')}
                        hint={t('surveys.widget.eventNameHint')}
                        error={errorText(`triggers.${k}.name`)}
                      >
                        {(props) => (
                          <input
                            {...props}
                            dir="auto"
                            value={tr.name}
                            onChange={(e) => setTrigger(k, { name: e.target.value }, `triggers.${k}.name`)}
                          />
                        )}
                      </Field>
                    )}
                  </div>
                  <div className="widget-row">
                    <Field label={t('surveys.widget.urlMatch')}>
                      {(props) => (
                        <select
                          {...props}
                          value={tr.urlMatch}
                          onChange={(e) => setTrigger(k, { urlMatch: e.target.value as TriggerForm['urlMatch'] }, `triggers.${k}.urlValue`)}
                        >
                          <option value="">{t('surveys.widget.urlAny')}</option>
                          {URL_MATCHES.map((m) => (
                            <option key={m} value={m}>
                              {t(`surveys.widget.${MATCH_KEYS[m]}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    {tr.urlMatch && (
                      <Field label={t('surveys.widget.urlValue')} error={errorText(`triggers.${k}.urlValue`)}>
                        {(props) => (
                          <input
                            {...props}
                            dir="ltr"
                            value={tr.urlValue}
                            onChange={(e) => setTrigger(k, { urlValue: e.target.value }, `triggers.${k}.urlValue`)}
                          />
                        )}
                      </Field>
                    )}
                  </div>
                  <div>
                    <button
                      type="button"
                      className="button button-ghost"
                      onClick={() => update({ ...form, triggers: form.triggers.filter((_, j) => j !== k) })}
                    >
                      {t('surveys.widget.removeTrigger')}
                    </button>
                  </div>
                </fieldset>
              ))}
              {form.triggers.length < MAX_TRIGGERS && (
                <div>
                  <button
                    type="button"
                    className="button"
                    onClick={() => update({ ...form, triggers: [...form.triggers, blankTrigger()] }, 'triggers')}
                  >
                    {t('surveys.widget.addTrigger')}
                  </button>
                </div>
              )}
            </div>

            <div className="widget-row">
              <Field label={t('surveys.widget.display')}>
                {(props) => (
                  <select
                    {...props}
                    value={form.display}
                    onChange={(e) => update({ ...form, display: e.target.value as WidgetForm['display'] }, 'everyDays')}
                  >
                    {WIDGET_DISPLAYS.map((d) => (
                      <option key={d} value={d}>
                        {t(`surveys.widget.${DISPLAY_KEYS[d]}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {form.display === 'every_n_days' && (
                <Field label={t('surveys.widget.everyDays')} error={errorText('everyDays')}>
                  {(props) => (
                    <input
                      {...props}
                      type="number"
                      min={1}
                      max={365}
                      value={form.everyDays}
                      onChange={(e) => update({ ...form, everyDays: e.target.value }, 'everyDays')}
                    />
                  )}
                </Field>
              )}
            </div>
            <div className="widget-row">
              <Field label={t('surveys.widget.sample')} hint={t('surveys.widget.sampleHint')} error={errorText('samplePercent')}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    value={form.samplePercent}
                    onChange={(e) => update({ ...form, samplePercent: e.target.value }, 'samplePercent')}
                  />
                )}
              </Field>
              <Field label={t('surveys.widget.placement')}>
                {(props) => (
                  <select
                    {...props}
                    value={form.placement}
                    onChange={(e) => update({ ...form, placement: e.target.value as WidgetForm['placement'] })}
                  >
                    {WIDGET_PLACEMENTS.map((p) => (
                      <option key={p} value={p}>
                        {t(`surveys.widget.${PLACEMENT_KEYS[p]}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('surveys.widget.delay')} error={errorText('delaySeconds')}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    max={600}
                    value={form.delaySeconds}
                    onChange={(e) => update({ ...form, delaySeconds: e.target.value }, 'delaySeconds')}
                  />
                )}
              </Field>
            </div>
            <div className="widget-row">
              <Field label={t('surveys.widget.audience')} hint={t('surveys.widget.audienceHint')}>
                {(props) => (
                  <select
                    {...props}
                    value={form.audience}
                    disabled={segmentList.status === 'error'}
                    onChange={(e) => update({ ...form, audience: e.target.value as WidgetForm['audience'] }, 'segmentId')}
                  >
                    {SEGMENT_AUDIENCES.map((a) => (
                      <option key={a} value={a}>
                        {t(`surveys.widget.${AUDIENCE_KEYS[a]}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {(form.audience || segmentList.status === 'error') && (
                <Field label={t('surveys.widget.segment')} hint={segmentHint()} error={errorText('segmentId')}>
                  {(props) => (
                    <select
                      {...props}
                      dir="auto"
                      value={form.segmentId}
                      disabled={segmentList.status !== 'ready'}
                      onChange={(e) => update({ ...form, segmentId: e.target.value }, 'segmentId')}
                    >
                      <option value="">
                        {segmentList.status === 'loading' ? t('surveys.widget.segmentLoading') : t('surveys.widget.segmentChoose')}
                      </option>
                      {segmentList.status === 'ready' &&
                        segmentList.segments.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      {form.segmentId && !(segmentList.status === 'ready' && segmentList.segments.some((s) => s.id === form.segmentId)) && (
                        <option value={form.segmentId}>
                          {segmentList.status === 'ready' ? t('surveys.widget.segmentMissing') : t('surveys.widget.segmentSaved')}
                        </option>
                      )}
                    </select>
                  )}
                </Field>
              )}
            </div>
            {otherSegmentConditions(previous).length > 0 && <p className="muted">{t('surveys.widget.segmentKept')}</p>}
          </>
        )}
      </fieldset>
      {clientInvalid && <Alert>{t('surveys.widget.errors.summary')}</Alert>}
      {error ? <Alert>{errorMessage(t, error)}</Alert> : null}
      {saved && <Alert tone="success">{t('surveys.widget.saved')}</Alert>}
      <div>
        <button type="submit" className="button button-primary" disabled={readOnly || busy} data-testid="save-widget">
          {t('surveys.widget.save')}
        </button>
      </div>
    </form>
  );
}
