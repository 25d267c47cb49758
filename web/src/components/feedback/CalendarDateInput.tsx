import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDay, parseCalendarDay, resolveCalendar, toAsciiDigits } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { Field } from '../Field';

interface CalendarDateInputProps {
  label: string;
  /** Gregorian ISO day (YYYY-MM-DD) or ''. */
  value: string;
  /** Called with a Gregorian ISO day, or '' when the input is emptied; never with an invalid day. */
  onChange: (value: string) => void;
  hint?: string;
  testId?: string;
}

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A day in the user's calendar. Gregorian: the browser's native date input. Persian: a text input
 * taking a Jalali day (۱۴۰۵/۰۹/۰۳, 1405-9-3…) in any digits; the value stays a Gregorian ISO day.
 */
export function CalendarDateInput({ label, value, onChange, hint, testId }: CalendarDateInputProps) {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  const persian = resolveCalendar(prefs.locale, prefs.calendar) === 'persian';
  const shown = value ? formatCalendarDay(value, prefs) : '';
  const [draft, setDraft] = useState(shown);
  const [touched, setTouched] = useState(false);
  const [synced, setSynced] = useState({ value, shown });

  // A new value from outside (cleared filters, a saved view, another calendar): show it.
  // What the user is typing is kept as long as it means the current value.
  if (synced.value !== value || synced.shown !== shown) {
    setSynced({ value, shown });
    if (synced.value === value || parseCalendarDay(draft, prefs) !== value) {
      setDraft(shown);
      setTouched(false);
    }
  }

  if (!persian) {
    return (
      <Field label={label} hint={hint}>
        {(props) => (
          <input
            {...props}
            className="input"
            type="date"
            data-testid={testId}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </Field>
    );
  }

  const parsed = parseCalendarDay(draft, prefs);
  // Complete-looking input is checked as it is typed; anything else once the user leaves the field.
  const complete = /^\s*\d{4}\D+\d{1,2}\D+\d{1,2}\s*$/.test(toAsciiDigits(draft));
  const example = formatCalendarDay(todayIso(), prefs);
  const error = parsed === null && (touched || complete) ? t('explorer.filters.dateInvalid', { example }) : null;

  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <input
          {...props}
          className="input"
          type="text"
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={example}
          data-testid={testId}
          value={draft}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            const iso = parseCalendarDay(text, prefs);
            if (iso !== null && iso !== value) onChange(iso);
          }}
          onBlur={() => setTouched(true)}
        />
      )}
    </Field>
  );
}
