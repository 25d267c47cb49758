import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortTable as Cohorts } from '@feedloop/contracts/metrics';
import { cohortsApi } from '../../api/metrics';
import { isAbortError } from '../../api/client';
import { formatMetricNumber } from '../../lib/metric-format';
import { monthName } from '../../lib/metric-periods';
import { useFormat } from '../../lib/useFormat';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: Cohorts };

/**
 * Order cohorts as a heat table: one row per first-order month (the workspace calendar), one
 * column per month since, each cell the share of the cohort ordering then, darker the higher.
 * The table follows the page's direction, so month 0 sits at the start of the line in RTL.
 */
export function CohortTable({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    cohortsApi
      .get({ from, to }, { signal: abort.signal })
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [from, to, reloadToken]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />;
  const { cohorts, calendar } = load.data;
  const width = Math.max(0, ...cohorts.map((c) => c.months.length));
  return (
    <section className="card metric-panel" data-testid="cohort-table">
      <h2 className="card-title">{t('metrics.cohorts.title')}</h2>
      <p className="muted">{t('metrics.cohorts.caption')}</p>
      {cohorts.length === 0 ? (
        <p className="muted">{t('metrics.cohorts.empty')}</p>
      ) : (
        <div className="metric-table-wrap">
          <table className="table metric-table cohort-table">
            <caption className="visually-hidden">{t('metrics.cohorts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('metrics.cohorts.cohort')}</th>
                <th scope="col">{t('metrics.cohorts.customers')}</th>
                {Array.from({ length: width }, (_, n) => (
                  <th scope="col" key={n}>
                    {t('metrics.cohorts.monthsSince', { n: format.number(n) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.first}>
                  <th scope="row">{monthName(cohort.first, format.prefs, calendar)}</th>
                  <td>{format.number(cohort.customers)}</td>
                  {Array.from({ length: width }, (_, n) => {
                    const month = cohort.months[n];
                    const share = month?.share ?? null;
                    return (
                      <td
                        key={n}
                        className="cohort-cell"
                        data-share={share ?? ''}
                        // At most 45 % of the accent: the figure stays readable in the page's own text colour.
                        style={
                          share === null
                            ? undefined
                            : { backgroundColor: `color-mix(in srgb, var(--accent) ${Math.round(share * 0.45)}%, transparent)` }
                        }
                      >
                        {share === null ? '' : formatMetricNumber(share, 'percent', format.prefs)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
