import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUSINESS_HOURS_PRESETS,
  ISO_WEEKDAYS,
  PRESET_HOURS,
  type BusinessHours,
  type BusinessHoursPreset,
  type Holiday,
  type IsoWeekday,
  type OpenPeriod,
} from '@feedloop/contracts/business-hours';
import { ApiError } from '../../api/client';
import { slaApi, type SavedBusinessHours } from '../../api/sla';
import { errorMessage } from '../../lib/errors';
import { toAsciiDigits, toLocalDigits } from '../../lib/format';
import { focusFirstInvalid } from '../../lib/validation';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { HolidayPicker, useHolidayLabel } from './HolidayPicker';
import { weekdayName } from './calendar-names';

interface Day {
  open: boolean;
  start: string;
  end: string;
  /** Further periods of the day (e.g. after a lunch break), set through the API: kept as they are. */
  more: OpenPeriod[];
}
type Week = Record<IsoWeekday, Day>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** The editor changes a weekday's first period; a day with none is closed. */
function weekOf(weekly: OpenPeriod[]): Week {
  const week = {} as Week;
  for (const d of ISO_WEEKDAYS) {
    const [p, ...more] = weekly.filter((w) => w.weekday === d);
    week[d] = p ? { open: true, start: p.start, end: p.end, more } : { open: false, start: '09:00', end: '17:00', more: [] };
  }
  return week;
}

/** "9:00" or "۰۹:۰۰" → "09:00"; unreadable text stays as typed, for the error to name it. */
function clock(text: string): string {
  const ascii = toAsciiDigits(text)
    .trim()
    .replace(/^(\d):/, '0$1:');
  return ascii;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export function BusinessHoursForm({ initial, readOnly }: { initial: SavedBusinessHours; readOnly: boolean }) {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const holidayLabel = useHolidayLabel();
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [weekStart, setWeekStart] = useState<IsoWeekday>(initial.weekStart);
  const [week, setWeek] = useState<Week>(() => weekOf(initial.weekly));
  const [holidays, setHolidays] = useState<Holiday[]>(initial.holidays);
  const [configured, setConfigured] = useState(initial.configured);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const ordered = ISO_WEEKDAYS.map((_, i) => (((weekStart - 1 + i) % 7) + 1) as IsoWeekday);
  const local = (text: string) => toLocalDigits(text, prefs);

  function edited() {
    setStatus('idle');
    setErrors({});
  }
  function setDay(d: IsoWeekday, change: Partial<Day>) {
    setWeek((w) => ({ ...w, [d]: { ...w[d], ...change } }));
    edited();
  }
  function applyPreset(preset: BusinessHoursPreset) {
    setWeek(weekOf(PRESET_HOURS[preset].weekly));
    setWeekStart(PRESET_HOURS[preset].weekStart);
    edited();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isTimeZone(timeZone.trim())) found.timeZone = t('sla.hours.timeZoneInvalid');
    const weekly: OpenPeriod[] = [];
    for (const d of ordered) {
      const day = week[d];
      if (!day.open) continue;
      const [start, end] = [clock(day.start), clock(day.end)];
      if (!CLOCK.test(start) || !CLOCK.test(end) || start === '24:00') found[`day-${d}`] = t('sla.hours.timeFormat');
      else if (end <= start) found[`day-${d}`] = t('sla.hours.endBeforeStart');
      weekly.push({ weekday: d, start, end }, ...day.more);
    }
    if (weekly.length === 0) found.weekly = t('sla.hours.noneOpen');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const hours: BusinessHours = { timeZone: timeZone.trim(), weekStart, weekly, holidays };
    setStatus('saving');
    setError(null);
    try {
      const saved = await slaApi.saveBusinessHours(hours);
      setWeek(weekOf(saved.weekly));
      setHolidays(saved.holidays);
      setConfigured(saved.configured);
      setStatus('saved');
    } catch (err) {
      setStatus('idle');
      const field = err instanceof ApiError ? (err.field ?? '') : '';
      const [head, index] = field.split('.');
      if (head === 'timeZone') setErrors({ timeZone: t('sla.hours.timeZoneInvalid') });
      else if (head === 'holidays' && index) setErrors({ [`holiday-${index}`]: t('sla.holidays.impossible') });
      else if (head === 'weekly' && index) setErrors({ [`day-${weekly[Number(index)]?.weekday}`]: t('sla.hours.endBeforeStart') });
      else setError(err);
    }
  }

  return (
    <form ref={formRef} className="card form business-hours" data-testid="business-hours-form" noValidate onSubmit={submit}>
      {readOnly && <Alert tone="info">{t('admin.readOnly')}</Alert>}
      {status === 'saved' && <Alert tone="success">{t('sla.hours.saved')}</Alert>}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      {!configured && <p className="muted">{t('sla.hours.notConfigured')}</p>}
      <fieldset className="fieldset" disabled={readOnly}>
        <legend className="legend">{t('sla.hours.title')}</legend>
        <p className="muted">{t('sla.hours.intro')}</p>
        <div className="preset-row">
          <span className="muted">{t('sla.hours.presets')}</span>
          {BUSINESS_HOURS_PRESETS.map((p) => (
            <button key={p} type="button" className="button button-small" data-testid={`preset-${p}`} onClick={() => applyPreset(p)}>
              {t(`sla.hours.preset.${p}`)}
            </button>
          ))}
        </div>
        <Field label={t('sla.hours.timeZone')} hint={t('sla.hours.timeZoneHint')} error={errors.timeZone}>
          {(props) => (
            <input
              {...props}
              className="input"
              name="timeZone"
              dir="ltr"
              value={timeZone}
              onChange={(e) => {
                setTimeZone(e.target.value);
                edited();
              }}
            />
          )}
        </Field>
        <Field label={t('sla.hours.weekStart')}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="weekStart"
              value={weekStart}
              onChange={(e) => setWeekStart(Number(e.target.value) as IsoWeekday)}
            >
              {ISO_WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {weekdayName(d, prefs)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="table-scroll">
          <table className="week-table" data-testid="week-table">
            <thead>
              <tr>
                <th scope="col">{t('sla.hours.day')}</th>
                <th scope="col">{t('sla.hours.open')}</th>
                <th scope="col">{t('sla.hours.opens')}</th>
                <th scope="col">{t('sla.hours.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((d) => {
                const day = week[d];
                const name = weekdayName(d, prefs);
                return (
                  <tr key={d} data-testid={`day-${d}`} className={day.open ? undefined : 'closed'}>
                    <th scope="row">{name}</th>
                    <td>
                      <input
                        type="checkbox"
                        name={`open-${d}`}
                        aria-label={`${t('sla.hours.open')}: ${name}`}
                        checked={day.open}
                        onChange={(e) => setDay(d, { open: e.target.checked })}
                      />
                    </td>
                    <td>
                      <input
                        className="input time-input"
                        name={`start-${d}`}
                        dir="ltr"
                        inputMode="numeric"
                        aria-label={`${t('sla.hours.opens')}: ${name}`}
                        aria-invalid={errors[`day-${d}`] ? true : undefined}
                        disabled={!day.open}
                        value={local(day.start)}
                        onChange={(e) => setDay(d, { start: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        className="input time-input"
                        name={`end-${d}`}
                        dir="ltr"
                        inputMode="numeric"
                        aria-label={`${t('sla.hours.closes')}: ${name}`}
                        aria-invalid={errors[`day-${d}`] ? true : undefined}
                        disabled={!day.open}
                        value={local(day.end)}
                        onChange={(e) => setDay(d, { end: e.target.value })}
                      />
                      {errors[`day-${d}`] && <p className="field-error">{errors[`day-${d}`]}</p>}
                      {day.open && day.more.length > 0 && (
                        <p className="muted more-periods">
                          {/* Each time isolated, so a range reads from its start in either direction. */}
                          {new Intl.ListFormat(prefs.locale, { type: 'unit' }).format(
                            day.more.map((p) => `\u2068${local(p.start)}\u2069–\u2068${local(p.end)}\u2069`),
                          )}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {errors.weekly && <p className="field-error">{errors.weekly}</p>}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="legend">{t('sla.holidays.title')}</legend>
        <p className="muted">{t('sla.holidays.intro')}</p>
        {holidays.length === 0 ? (
          <p className="muted">{t('sla.holidays.empty')}</p>
        ) : (
          <ul className="holiday-list" data-testid="holiday-list">
            {holidays.map((h, i) => (
              <li key={`${h.calendar}-${h.year}-${h.month}-${h.day}-${h.name}`} data-testid="holiday">
                <bdi className="holiday-name">{h.name}</bdi>
                <span>{holidayLabel(h)}</span>
                <span className="muted">{t(`sla.holidays.calendars.${h.calendar}`)}</span>
                {errors[`holiday-${i}`] && <span className="field-error">{errors[`holiday-${i}`]}</span>}
                {!readOnly && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      setHolidays((list) => list.filter((_, j) => j !== i));
                      edited();
                    }}
                  >
                    {t('sla.holidays.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <HolidayPicker
            disabled={readOnly}
            onAdd={(h) => {
              setHolidays((list) => [...list, h]);
              edited();
            }}
          />
        )}
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={status === 'saving'} data-testid="save-business-hours">
            {t('sla.hours.save')}
          </button>
        </div>
      )}
    </form>
  );
}
