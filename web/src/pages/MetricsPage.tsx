import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsResponse } from '@feedloop/contracts/metrics';
import { isAbortError } from '../api/client';
import { metricsApi } from '../api/metrics';
import { ExportMenu } from '../components/exports/ExportMenu';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { BreakdownBars, MetricTrend, SentimentSplit, type ChartProps } from '../components/metrics/MetricCharts';
import { EvaluateSections } from '../components/metrics/EvaluateSections';
import { MetricControls } from '../components/metrics/MetricControls';
import { MetricNumber } from '../components/metrics/MetricNumber';
import { MetricTable } from '../components/metrics/MetricTable';
import { useBreakdownNames } from '../components/metrics/useBreakdownNames';
import { drillDownHref } from '../lib/metric-drilldown';
import { periodName, periodTick, type PeriodWords } from '../lib/metric-format';
import { localToday, periodCalendarOf } from '../lib/metric-periods';
import { COHORT_METRICS, viewFromQuery, viewToSearch, type MetricsView } from '../lib/metrics-url';
import { CohortTable } from '../components/metrics/CohortTable';
import { navigate, paths, useLocation } from '../lib/router';
import { useFormat } from '../lib/useFormat';
import '../styles/overview.css';
import '../styles/metrics.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: MetricsResponse };

/** Metrics over time in the user's calendar, broken down, each number linked to the feedback behind it. */
export function MetricsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { query } = useLocation();
  const calendar = periodCalendarOf(format.prefs);
  const view = useMemo(() => viewFromQuery(query, localToday(), calendar), [query, calendar]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    metricsApi
      .get(
        { metric: view.metric, from: view.from, to: view.to, grain: view.grain, calendar, breakdown: view.breakdown ?? undefined },
        { signal: abort.signal },
      )
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [view, calendar, reloadToken]);

  const change = (next: MetricsView) => navigate(paths.metrics(viewToSearch(next)), { replace: true });

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('metrics.title')}</h1>
        <ExportMenu
          subject="metrics"
          filters={() => ({
            metric: view.metric,
            from: view.from,
            to: view.to,
            grain: view.grain,
            calendar,
            ...(view.breakdown ? { breakdown: view.breakdown } : {}),
          })}
        />
      </div>
      <EvaluateSections />
      <MetricControls view={view} onChange={change} />
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}
      {load.status === 'ready' && <MetricFigures data={load.data} />}
      {COHORT_METRICS.has(view.metric) && <CohortTable from={view.from} to={view.to} />}
    </div>
  );
}

function MetricFigures({ data }: { data: MetricsResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const seriesName = useBreakdownNames(data.breakdown);
  const words = useMemo<PeriodWords>(
    () => ({
      quarter: (quarter, year, calendar) =>
        calendar === 'persian'
          ? t(`metrics.seasons.${quarter as 1 | 2 | 3 | 4}`, { year })
          : t('metrics.quarterName', { quarter: format.number(quarter), year }),
      week: (day) => t('metrics.week', { day }),
    }),
    [t, format],
  );
  const periodNames = useMemo(() => data.periods.map((p) => periodName(p, format.prefs, words)), [data, format.prefs, words]);
  const periodTicks = useMemo(() => data.periods.map((p) => periodTick(p, format.prefs, words)), [data, format.prefs, words]);
  const hrefOf = useCallback(
    (key: string | null, index: number | null) => {
      const period = index === null ? null : data.periods[index];
      // A period may reach past the range asked for (a month that started before it): the items are the range's.
      const from = period && period.first > data.from ? period.first : data.from;
      const to = period && period.last < data.to ? period.last : data.to;
      return drillDownHref({ metric: data.metric, from, to, breakdown: data.breakdown, key });
    },
    [data],
  );
  const chart: ChartProps = { data, periodNames, periodTicks, seriesName, hrefOf };

  return (
    <>
      <section className="card metric-summary" data-testid="metric-summary">
        <h2 className="card-title">{t(`metrics.names.${data.metric}`)}</h2>
        <MetricNumber value={data.total} unit={data.unit} href={hrefOf(null, null)} what={t('metrics.overall')} testId="metric-total" />
        {data.total.n === 0 && <p className="muted">{t('metrics.nothingYet')}</p>}
      </section>
      <MetricTrend {...chart} />
      <BreakdownBars data={data} seriesName={seriesName} hrefOf={hrefOf} />
      <SentimentSplit {...chart} />
      <MetricTable data={data} periodNames={periodNames} seriesName={seriesName} hrefOf={hrefOf} />
    </>
  );
}
