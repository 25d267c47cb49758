import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeagueTable, MetricDimension, MetricId } from '@feedloop/contracts/metrics';
import { isAbortError } from '../api/client';
import { leagueApi } from '../api/metrics';
import { ExportMenu } from '../components/exports/ExportMenu';
import { Field } from '../components/Field';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { EvaluateSections } from '../components/metrics/EvaluateSections';
import { MetricNumber } from '../components/metrics/MetricNumber';
import { PeriodPicker } from '../components/metrics/PeriodPicker';
import { useBreakdownNames } from '../components/metrics/useBreakdownNames';
import { useUnitKinds } from '../components/service-units/useUnitKinds';
import { drillDownHref } from '../lib/metric-drilldown';
import { periodCalendarOf, localToday } from '../lib/metric-periods';
import { OFFERED_METRICS, breakdownsOf, viewFromQuery, viewToSearch } from '../lib/metrics-url';

/** Metrics with keys to rank. */
const RANKED_METRICS = OFFERED_METRICS.filter((id) => breakdownsOf(id).length > 0);
import { navigate, paths, useLocation } from '../lib/router';
import { useFormat } from '../lib/useFormat';
import '../styles/metrics.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: LeagueTable };
/** Fewer answers than this and a key is listed, but not ranked: one happy customer is no lead. */
const MIN_N = 5;

/** A league table: the agents, channels, products… ranked by a metric, each with n and its interval. */
export function LeaguePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { query } = useLocation();
  const calendar = periodCalendarOf(format.prefs);
  const view = useMemo(() => {
    const base = viewFromQuery(query, localToday(), calendar);
    const ranked = breakdownsOf(base.metric);
    return { ...base, breakdown: base.breakdown ?? (ranked.includes('agent') ? 'agent' : (ranked[0] ?? 'agent')) };
  }, [query, calendar]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);
  const names = useBreakdownNames(view.breakdown);
  const byUnit = view.breakdown === 'service_unit';
  // Service units: the level ranked (all stores, all branches); none ranks every unit.
  const level = byUnit ? query.get('level') || undefined : undefined;
  const kinds = useUnitKinds(byUnit);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    leagueApi
      .get({ metric: view.metric, dimension: view.breakdown, from: view.from, to: view.to, minN: MIN_N, level }, { signal: abort.signal })
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [view, level, reloadToken]);

  const change = (next: Partial<typeof view>, nextLevel = level) => {
    const search = viewToSearch({ ...view, ...next });
    const keepLevel = (next.breakdown ?? view.breakdown) === 'service_unit' && nextLevel;
    navigate(paths.league(keepLevel ? `${search}&${new URLSearchParams({ level: nextLevel })}` : search), { replace: true });
  };

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('metrics.league.title')}</h1>
        <ExportMenu
          subject="league"
          filters={() => ({ metric: view.metric, dimension: view.breakdown, from: view.from, to: view.to, minN: String(MIN_N) })}
        />
      </div>
      <EvaluateSections />
      <p className="muted">{t('metrics.league.intro', { n: format.number(MIN_N) })}</p>
      <section className="metric-controls" aria-label={t('metrics.controls')}>
        <Field label={t('metrics.metric')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="league-metric"
              value={view.metric}
              onChange={(e) => {
                const metric = e.target.value as MetricId;
                change({ metric, breakdown: breakdownsOf(metric).includes(view.breakdown) ? view.breakdown : breakdownsOf(metric)[0]! });
              }}
            >
              {RANKED_METRICS.map((id) => (
                <option key={id} value={id}>
                  {t(`metrics.names.${id}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PeriodPicker value={view} onChange={(p) => change(p.range ? { range: p.range } : { range: null, from: p.from, to: p.to })} />
        <Field label={t('metrics.league.rank')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="league-dimension"
              value={view.breakdown}
              onChange={(e) => change({ breakdown: e.target.value as MetricDimension })}
            >
              {breakdownsOf(view.metric).map((d) => (
                <option key={d} value={d}>
                  {t(`metrics.dimensions.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {byUnit && (
          <Field label={t('units.level')}>
            {(props) => (
              <select
                {...props}
                className="select"
                data-testid="league-level"
                value={level ?? ''}
                onChange={(e) => change({}, e.target.value || undefined)}
              >
                <option value="">{t('units.allLevels')}</option>
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kind}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </section>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}
      {load.status === 'ready' && (
        <section className="card metric-panel">
          <div className="metric-table-wrap">
            <table className="table metric-table" data-testid="league-table">
              <caption className="visually-hidden">{t('metrics.league.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('metrics.league.position')}</th>
                  <th scope="col">{t(`metrics.dimensions.${load.data.dimension}`)}</th>
                  <th scope="col">{t(`metrics.names.${load.data.metric}`)}</th>
                </tr>
              </thead>
              <tbody>
                {load.data.rows.map((row) => (
                  <tr key={row.key} data-testid="league-row">
                    <td>{row.rank === null ? <span className="muted">{t('metrics.league.unranked')}</span> : format.number(row.rank)}</td>
                    <th scope="row" dir="auto">
                      {names(row.key)}
                    </th>
                    <td>
                      <MetricNumber
                        value={row.value}
                        unit={load.data.unit}
                        href={drillDownHref({
                          metric: load.data.metric,
                          from: load.data.from,
                          to: load.data.to,
                          breakdown: load.data.dimension,
                          key: row.key,
                        })}
                        what={names(row.key)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {load.data.rows.length === 0 && <p className="muted">{t('metrics.nothingYet')}</p>}
        </section>
      )}
    </div>
  );
}
