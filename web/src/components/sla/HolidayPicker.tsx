import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_CALENDARS, type Holiday, type HolidayCalendar } from '@feedloop/contracts/business-hours';
import { jalaliToIsoDay, toAsciiDigits } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { Field } from '../Field';
import { currentYear, digits, longestMonth, monthNames, ownHolidayCalendar } from './calendar-names';

/** "1 Farvardin, every year" / "۳۰ اسفند ۱۴۰۳": a holiday in its own calendar, the user's language and digits. */
export function useHolidayLabel() {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  return (h: Holiday) =>
    `${digits(h.day, prefs)} ${monthNames(h.calendar, prefs)[h.month - 1]} ${h.year === null ? `(${t('sla.holidays.everyYear')})` : digits(h.year, prefs)}`;
}

/**
 * Picks a holiday's day in the calendar it is kept in: Jalali by default for Persian users,
 * Hijri for those who chose it, Gregorian otherwise; any of the three can be chosen.
 */
export function HolidayPicker({ onAdd, disabled }: { onAdd: (holiday: Holiday) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  const [calendar, setCalendar] = useState<HolidayCalendar>(ownHolidayCalendar(prefs));
  const [month, setMonth] = useState(1);
  const [day, setDay] = useState(1);
  const [everyYear, setEveryYear] = useState(true);
  const [year, setYear] = useState(() => digits(currentYear(ownHolidayCalendar(prefs)), prefs));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ name?: string; year?: string; day?: string }>({});
  const months = monthNames(calendar, prefs);
  const days = longestMonth(calendar, month);

  function pickCalendar(next: HolidayCalendar) {
    setCalendar(next);
    setYear(digits(currentYear(next), prefs));
    setDay((d) => Math.min(d, longestMonth(next, month)));
  }

  function add() {
    const found: typeof errors = {};
    const y = Number(toAsciiDigits(year).trim());
    if (!name.trim()) found.name = t('sla.holidays.nameRequired');
    if (!everyYear && !(Number.isInteger(y) && y > 0)) found.year = t('sla.holidays.yearInvalid');
    else if (!everyYear && calendar === 'jalali' && !jalaliToIsoDay(y, month, day)) found.day = t('sla.holidays.impossible');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onAdd({ name: name.trim(), calendar, year: everyYear ? null : y, month, day });
    setName('');
  }

  return (
    <fieldset className="holiday-picker" disabled={disabled} data-testid="holiday-picker">
      <Field label={t('sla.holidays.name')} error={errors.name}>
        {(props) => (
          <input {...props} className="input" name="holiday-name" dir="auto" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label={t('sla.holidays.calendar')}>
        {(props) => (
          <select
            {...props}
            className="select"
            name="holiday-calendar"
            value={calendar}
            onChange={(e) => pickCalendar(e.target.value as HolidayCalendar)}
          >
            {HOLIDAY_CALENDARS.map((c) => (
              <option key={c} value={c}>
                {t(`sla.holidays.calendars.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sla.holidays.day')} error={errors.day}>
        {(props) => (
          <select {...props} className="select" name="holiday-day" value={day} onChange={(e) => setDay(Number(e.target.value))}>
            {Array.from({ length: days }, (_, i) => i + 1).map((d) => (
              <option key={d} value={d}>
                {digits(d, prefs)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sla.holidays.month')}>
        {(props) => (
          <select
            {...props}
            className="select"
            name="holiday-month"
            value={month}
            onChange={(e) => {
              const m = Number(e.target.value);
              setMonth(m);
              setDay((d) => Math.min(d, longestMonth(calendar, m)));
            }}
          >
            {months.map((label, i) => (
              <option key={label} value={i + 1}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox holiday-yearly">
        <input type="checkbox" name="holiday-every-year" checked={everyYear} onChange={(e) => setEveryYear(e.target.checked)} />
        {t('sla.holidays.everyYear')}
      </label>
      {!everyYear && (
        <Field label={t('sla.holidays.year')} error={errors.year}>
          {(props) => (
            <input
              {...props}
              className="input holiday-year"
              name="holiday-year"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value)}
            />
          )}
        </Field>
      )}
      <button type="button" className="button" data-testid="add-holiday" onClick={add}>
        {t('sla.holidays.add')}
      </button>
    </fieldset>
  );
}
