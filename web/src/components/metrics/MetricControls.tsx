import { useTranslation } from 'react-i18next';
import { PERIOD_GRAINS, type MetricDimension, type MetricId, type PeriodGrain } from '@feedloop/contracts/metrics';
import { PRESET_GRAIN } from '../../lib/metric-periods';
import { OFFERED_METRICS, breakdownsOf, type MetricsView } from '../../lib/metrics-url';
import { Field } from '../Field';
import { PeriodPicker, type PeriodPick } from './PeriodPicker';

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

  function pickRange(choice: PeriodPick) {
    if (choice.range) onChange({ ...view, range: choice.range, grain: PRESET_GRAIN[choice.range] });
    else onChange({ ...view, range: null, from: choice.from, to: choice.to, grain: GRAIN_OF_NAMED[choice.kind] });
  }

  return (
    <section className="metric-controls" aria-label={t('metrics.controls')}>
      <Field label={t('metrics.metric')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="metric-picker"
            value={view.metric}
            onChange={(e) => {
              const metric = e.target.value as MetricId;
              // A breakdown the new metric does not have is dropped, not sent to be refused.
              const breakdown = view.breakdown && breakdownsOf(metric).includes(view.breakdown) ? view.breakdown : null;
              onChange({ ...view, metric, breakdown });
            }}
          >
            {metrics.map((id) => (
              <option key={id} value={id}>
                {t(`metrics.names.${id}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PeriodPicker value={view} onChange={pickRange} />
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
            {breakdownsOf(view.metric).map((dimension) => (
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
