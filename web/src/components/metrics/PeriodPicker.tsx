import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RANGE_PRESETS, localToday, namedPeriods, periodCalendarOf, type NamedPeriod, type RangePreset } from '../../lib/metric-periods';
import { useFormat } from '../../lib/useFormat';
import { Field } from '../Field';

export interface PeriodChoice {
  /** A preset, or null for the days in `from`/`to`. */
  range: RangePreset | null;
  from: string;
  to: string;
}

/** A preset by name, or a named month, quarter or year by its days and kind. */
export type PeriodPick = { range: RangePreset } | { range: null; from: string; to: string; kind: NamedPeriod['kind'] };

interface PeriodPickerProps {
  value: PeriodChoice;
  onChange: (choice: PeriodPick) => void;
  testId?: string;
}

/** Presets and the recent months, quarters and years, named in the user's calendar (Jalali seasons for Persian readers). */
export function PeriodPicker({ value, onChange, testId = 'period-picker' }: PeriodPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const named = useMemo(
    () =>
      namedPeriods(localToday(), format.prefs, (quarter, year) =>
        // A Jalali quarter is a season: Persian speakers name it so.
        periodCalendarOf(format.prefs) === 'persian'
          ? t(`metrics.seasons.${quarter as 1 | 2 | 3 | 4}`, { year })
          : t('metrics.quarterName', { quarter: format.number(quarter), year }),
      ),
    [format, t],
  );
  const selected = value.range ?? `${value.from}/${value.to}`;

  function pick(choice: string) {
    if ((RANGE_PRESETS as readonly string[]).includes(choice)) {
      onChange({ range: choice as RangePreset });
      return;
    }
    const period = named.find((p) => `${p.from}/${p.to}` === choice);
    if (period) onChange({ range: null, from: period.from, to: period.to, kind: period.kind });
  }

  const group = (kind: NamedPeriod['kind'], label: string) => (
    <optgroup label={label}>
      {named
        .filter((p) => p.kind === kind)
        .map((p) => (
          <option key={`${p.from}/${p.to}`} value={`${p.from}/${p.to}`}>
            {p.name}
          </option>
        ))}
    </optgroup>
  );

  return (
    <Field label={t('metrics.period')}>
      {(props) => (
        <select {...props} className="select" data-testid={testId} value={selected} onChange={(e) => pick(e.target.value)}>
          <optgroup label={t('metrics.presetsGroup')}>
            {RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(`metrics.presets.${preset}`)}
              </option>
            ))}
          </optgroup>
          {group('month', t('metrics.monthsGroup'))}
          {group('quarter', t('metrics.quartersGroup'))}
          {group('year', t('metrics.yearsGroup'))}
          {!value.range && !named.some((p) => `${p.from}/${p.to}` === selected) && (
            <option value={selected}>{`${format.date(`${value.from}T12:00:00Z`)} – ${format.date(`${value.to}T12:00:00Z`)}`}</option>
          )}
        </select>
      )}
    </Field>
  );
}
