import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_GRAINS, type MetricDimension, type MetricId, type PeriodGrain } from '@feedloop/contracts/metrics';
import { RANGE_PRESETS, PRESET_GRAIN, localToday, namedPeriods, periodCalendarOf, type RangePreset } from '../../lib/metric-periods';
import { OFFERED_DIMENSIONS, OFFERED_METRICS, type MetricsView } from '../../lib/metrics-url';
import { useFormat } from '../../lib/useFormat';
import { Field } from '../Field';

interface MetricControlsProps {
  view: MetricsView;
  onChange: (view: MetricsView) => void;
  /** The metrics the API offers. */
  metrics?: readonly MetricId[];
}

const GRAIN_OF_NAMED = { month: 'day', quarter: 'month', year: 'month' } as const;

/** The metric, the period (presets and named months, quarters, years in the user's calendar), the grain and the breakdown. */
export function MetricControls({ view, onChange, metrics = OFFERED_METRICS }: MetricControlsProps) {
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
  const rangeValue = view.range ?? `${view.from}/${view.to}`;

  function pickRange(value: string) {
    if ((RANGE_PRESETS as readonly string[]).includes(value)) {
      const range = value as RangePreset;
      onChange({ ...view, range, grain: PRESET_GRAIN[range] });
      return;
    }
    const period = named.find((p) => `${p.from}/${p.to}` === value);
    if (period) onChange({ ...view, range: null, from: period.from, to: period.to, grain: GRAIN_OF_NAMED[period.kind] });
  }

  const group = (kind: 'month' | 'quarter' | 'year', label: string) => (
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
    <section className="metric-controls" aria-label={t('metrics.controls')}>
      <Field label={t('metrics.metric')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="metric-picker"
            value={view.metric}
            onChange={(e) => onChange({ ...view, metric: e.target.value as MetricId })}
          >
            {metrics.map((id) => (
              <option key={id} value={id}>
                {t(`metrics.names.${id}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('metrics.period')}>
        {(props) => (
          <select {...props} className="select" data-testid="period-picker" value={rangeValue} onChange={(e) => pickRange(e.target.value)}>
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
            {!view.range && !named.some((p) => `${p.from}/${p.to}` === rangeValue) && (
              <option value={rangeValue}>{`${format.date(`${view.from}T12:00:00Z`)} – ${format.date(`${view.to}T12:00:00Z`)}`}</option>
            )}
          </select>
        )}
      </Field>
      <Field label={t('metrics.grain')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="grain-picker"
            value={view.grain}
            onChange={(e) => onChange({ ...view, grain: e.target.value as PeriodGrain })}
          >
            {PERIOD_GRAINS.map((grain) => (
              <option key={grain} value={grain}>
                {t(`metrics.grains.${grain}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('metrics.breakdown')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="breakdown-picker"
            value={view.breakdown ?? ''}
            onChange={(e) => onChange({ ...view, breakdown: (e.target.value || null) as MetricDimension | null })}
          >
            <option value="">{t('metrics.noBreakdown')}</option>
            {OFFERED_DIMENSIONS.map((dimension) => (
              <option key={dimension} value={dimension}>
                {t(`metrics.dimensions.${dimension}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </section>
  );
}
