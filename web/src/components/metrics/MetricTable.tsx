import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/useFormat';
import type { ChartProps } from './MetricCharts';
import { MetricNumber } from './MetricNumber';

/** Every value: one row per period, one column per series, the whole range last; each cell links to its items. */
export function MetricTable({ data, periodNames, seriesName, hrefOf }: Omit<ChartProps, 'periodTicks'>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card metric-panel">
      <h2 className="card-title" id="metric-table-title">
        {t('metrics.table')}
      </h2>
      <div className="metric-table-wrap">
        <table className="table metric-table" aria-labelledby="metric-table-title" data-testid="metric-table">
          <thead>
            <tr>
              <th scope="col">{t('metrics.periodColumn')}</th>
              {data.series.map((s) => (
                <th key={s.key ?? ''} scope="col" dir="auto">
                  {seriesName(s.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.periods.map((period, i) => (
              <tr key={period.key}>
                <th scope="row">{periodNames[i]}</th>
                {data.series.map((s, j) => (
                  <td key={s.key ?? ''}>
                    <MetricNumber
                      value={s.points[i].value}
                      unit={data.unit}
                      href={hrefOf(s.key, i)}
                      what={format.facts([periodNames[i], seriesName(s.key)])}
                      testId={`metric-cell-${i}-${j}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('metrics.overall')}</th>
              {data.series.map((s, j) => (
                <td key={s.key ?? ''}>
                  <MetricNumber
                    value={s.total}
                    unit={data.unit}
                    href={hrefOf(s.key, null)}
                    what={format.facts([t('metrics.overall'), seriesName(s.key)])}
                    testId={`metric-total-${j}`}
                  />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
