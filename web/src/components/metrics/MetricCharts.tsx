import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsResponse, MetricSeries } from '@feedloop/contracts/metrics';
import { isRtl } from '../../i18n';
import { formatMetricNumber } from '../../lib/metric-format';
import { navigate } from '../../lib/router';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';
import { TrendChart, type TrendSeries } from '../overview/TrendChart';
import { MetricNumber } from './MetricNumber';

/** Lines drawn besides all feedback: more would be unreadable (the table lists every key). */
export const MAX_LINES = 4;
const COLORS = ['#4f46e5', '#0d9488', '#d97706', '#db2777', '#0284c7'];
const SENTIMENT_ORDER = ['positive', 'neutral', 'negative'];
/** The overview's sentiment colours, so a sentiment reads the same everywhere. */
const SENTIMENT_COLORS: Record<string, string> = { positive: '#16a34a', neutral: '#94a3b8', negative: '#dc2626' };

export interface ChartProps {
  data: MetricsResponse;
  periodNames: string[];
  periodTicks: string[];
  seriesName: (key: string | null) => string;
  /** The explorer's URL for one value (series key, period index or null for the whole range). */
  hrefOf: (key: string | null, period: number | null) => string | null;
}

/** The metric over time: all feedback, and the largest keys of the breakdown. Time runs right to left in fa and ar. */
export function MetricTrend({ data, periodNames, periodTicks, seriesName, hrefOf }: ChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const series = useMemo<TrendSeries[]>(
    () =>
      data.series.slice(0, MAX_LINES + 1).map((s, i) => ({
        label: seriesName(s.key),
        values: s.points.map((p) => p.value.value),
        color: (data.breakdown === 'sentiment' && s.key && SENTIMENT_COLORS[s.key]) || COLORS[i % COLORS.length],
      })),
    [data, seriesName],
  );
  const formatValue = useCallback((value: number) => formatMetricNumber(value, data.unit, format.prefs) ?? '–', [data.unit, format.prefs]);
  const yRange = useMemo<[number, number] | undefined>(
    () => (data.unit === 'nps_points' ? [-100, 100] : data.unit === 'percent' ? [0, 100] : undefined),
    [data.unit],
  );
  const canOpen = hrefOf(null, 0) !== null;
  return (
    <section className="card metric-panel">
      <h2 className="card-title">{t('metrics.overTime')}</h2>
      {canOpen && <p className="muted metric-hint">{t('metrics.pointHint')}</p>}
      <TrendChart
        testId="metric-trend"
        ariaLabel={t('metrics.overTime')}
        dayLabels={periodTicks}
        dayNames={periodNames}
        dayTitle={t('metrics.periodColumn')}
        series={series}
        formatValue={formatValue}
        rtl={isRtl(format.prefs.locale)}
        yRange={yRange}
        onSelect={
          canOpen
            ? (index) => {
                const href = hrefOf(null, index);
                if (href) navigate(href);
              }
            : undefined
        }
      />
    </section>
  );
}

/** Each key's value over the whole period, as bars that start at the reading edge; each links to its items. */
export function BreakdownBars({ data, seriesName, hrefOf }: Omit<ChartProps, 'periodNames' | 'periodTicks'>) {
  const { t } = useTranslation();
  const keys = data.series.filter((s) => s.key !== null);
  const values = keys.map((s) => Math.abs(s.total.value ?? 0));
  const scale = Math.max(...values, data.unit === 'nps_points' || data.unit === 'percent' ? 100 : 0, 1);
  if (!data.breakdown || keys.length === 0) return null;
  return (
    <section className="card metric-panel">
      <h2 className="card-title">{t('metrics.byDimension', { dimension: t(`metrics.dimensions.${data.breakdown}`) })}</h2>
      <ul className="metric-bars" data-testid="metric-bars">
        {keys.map((s) => (
          <li key={s.key} className="metric-bar-row" data-testid="metric-bar">
            <span className="metric-bar-name" dir="auto">
              {seriesName(s.key)}
            </span>
            <span className="metric-bar-track" aria-hidden="true">
              {s.total.value !== null && (
                <span
                  className={s.total.value < 0 ? 'metric-bar negative' : 'metric-bar'}
                  style={{ inlineSize: `${(Math.abs(s.total.value) / scale) * 100}%` }}
                />
              )}
            </span>
            <MetricNumber value={s.total} unit={data.unit} href={hrefOf(s.key, null)} what={seriesName(s.key)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** With a sentiment breakdown: each period's items split into positive, neutral and negative, stacked. */
export function SentimentSplit({ data, periodNames, seriesName, hrefOf }: ChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (data.breakdown !== 'sentiment') return null;
  const parts = SENTIMENT_ORDER.map((key) => data.series.find((s) => s.key === key)).filter((s): s is MetricSeries => Boolean(s));
  return (
    <section className="card metric-panel">
      <h2 className="card-title">{t('metrics.split')}</h2>
      <ul className="overview-legend metric-split-legend">
        {parts.map((s) => (
          <li key={s.key}>
            <span className={`legend-swatch sentiment-${s.key}`} aria-hidden="true" />
            {seriesName(s.key)}
          </li>
        ))}
      </ul>
      <ul className="metric-split" data-testid="metric-split">
        {data.periods.map((period, i) => {
          const total = parts.reduce((sum, s) => sum + (s.points[i]?.value.n ?? 0), 0);
          return (
            <li key={period.key} className="metric-split-row">
              <span className="metric-bar-name">{periodNames[i]}</span>
              <span className="metric-split-bar">
                {total === 0 && <span className="muted">{t('metrics.noData')}</span>}
                {parts.map((s) => {
                  const n = s.points[i]?.value.n ?? 0;
                  if (n === 0 || total === 0) return null;
                  const label = `${seriesName(s.key)}: ${format.number(n)}`;
                  const href = hrefOf(s.key, i);
                  const style = { inlineSize: `${(n / total) * 100}%` };
                  const className = `metric-split-part sentiment-${s.key}`;
                  return href ? (
                    <Link key={s.key} to={href} className={className} style={style} title={label} aria-label={label} />
                  ) : (
                    <span key={s.key} className={className} style={style} title={label} />
                  );
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
