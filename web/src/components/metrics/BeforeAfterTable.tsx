import { useTranslation } from 'react-i18next';
import type { MetricComparison, MetricId, MetricUnit } from '@feedloop/contracts/metrics';
import { formatMetricNumber } from '../../lib/metric-format';
import { useFormat } from '../../lib/useFormat';
import { MetricNumber } from './MetricNumber';

export interface ComparedMetric {
  metric: MetricId;
  unit: MetricUnit;
  /** Volume has no test: its p-value and significance are null. */
  comparison: Pick<MetricComparison, 'before' | 'after' | 'change' | 'pValue' | 'significant'>;
  /** The explorer's URL for the items before and after, when there are items behind the metric. */
  beforeHref?: string | null;
  afterHref?: string | null;
}

/** Each metric before and after a change: both values with n and interval, the change, and whether it is more than chance. */
export function BeforeAfterTable({ rows }: { rows: ComparedMetric[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="metric-table-wrap">
      <table className="table metric-table" data-testid="before-after-table">
        <caption className="visually-hidden">{t('metrics.beforeAfter.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metrics.metric')}</th>
            <th scope="col">{t('metrics.beforeAfter.before')}</th>
            <th scope="col">{t('metrics.beforeAfter.after')}</th>
            <th scope="col">{t('metrics.beforeAfter.change')}</th>
            <th scope="col">{t('metrics.beforeAfter.significance')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ metric, unit, comparison, beforeHref, afterHref }) => {
            const name = t(`metrics.names.${metric}`);
            // A change in percent is in percentage points: written as a plain signed number.
            const change =
              comparison.change === null
                ? null
                : formatMetricNumber(comparison.change, unit === 'percent' ? 'nps_points' : unit, format.prefs);
            const signedChange =
              change !== null && unit !== 'nps_points' && comparison.change! > 0 && !change.startsWith('+') ? `+${change}` : change;
            return (
              <tr key={metric} data-testid="before-after-row">
                <th scope="row">{name}</th>
                <td>
                  <MetricNumber
                    value={comparison.before}
                    unit={unit}
                    href={beforeHref ?? null}
                    what={format.facts([name, t('metrics.beforeAfter.before')])}
                  />
                </td>
                <td>
                  <MetricNumber
                    value={comparison.after}
                    unit={unit}
                    href={afterHref ?? null}
                    what={format.facts([name, t('metrics.beforeAfter.after')])}
                  />
                </td>
                <td data-testid="before-after-change">
                  {signedChange === null ? (
                    <span className="muted">{t('metrics.noData')}</span>
                  ) : unit === 'percent' ? (
                    t('metrics.beforeAfter.points', { value: signedChange })
                  ) : (
                    signedChange
                  )}
                </td>
                <td data-testid="before-after-significance">
                  {unit === 'count' ? (
                    <span className="muted">{t('metrics.beforeAfter.noTest')}</span>
                  ) : comparison.significant === null || comparison.pValue === null ? (
                    <span className="muted">{t('metrics.beforeAfter.tooFew')}</span>
                  ) : (
                    <span className={comparison.significant ? 'significance significant' : 'significance'}>
                      {t(comparison.significant ? 'metrics.beforeAfter.significant' : 'metrics.beforeAfter.chance', {
                        p: format.number(comparison.pValue, { maximumFractionDigits: 3 }),
                      })}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
