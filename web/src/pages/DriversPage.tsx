import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '@feedloop/contracts/feedback';
import type { DriversResponse } from '@feedloop/contracts/drivers';
import { isAbortError } from '../api/client';
import { driversApi } from '../api/drivers';
import { ExportMenu } from '../components/exports/ExportMenu';
import { Field } from '../components/Field';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { DriverList } from '../components/metrics/DriverList';
import { EvaluateSections } from '../components/metrics/EvaluateSections';
import { MetricNumber } from '../components/metrics/MetricNumber';
import { PeriodPicker, type PeriodPick } from '../components/metrics/PeriodPicker';
import { drillDownHref } from '../lib/metric-drilldown';
import { localToday, periodCalendarOf, presetRange, RANGE_PRESETS, type RangePreset } from '../lib/metric-periods';
import { navigate, paths, useLocation } from '../lib/router';
import { useFormat } from '../lib/useFormat';
import '../styles/overview.css';
import '../styles/metrics.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: DriversResponse };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Topics ranked by how far they pull NPS down, with their figures and the newest complaints about them. */
export function DriversPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { query } = useLocation();
  const calendar = periodCalendarOf(format.prefs);
  const view = useMemo(() => {
    const from = query.get('from') ?? '';
    const to = query.get('to') ?? '';
    const channel = (CHANNELS as readonly string[]).includes(query.get('channel') ?? '') ? (query.get('channel') as Channel) : null;
    if (DAY.test(from) && DAY.test(to) && from <= to) return { range: null, from, to, channel };
    const asked = query.get('range') as RangePreset;
    const range = (RANGE_PRESETS as readonly string[]).includes(asked) ? asked : 'last-30-days';
    return { range, ...presetRange(range, localToday(), calendar), channel };
  }, [query, calendar]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    driversApi
      .drivers({ from: view.from, to: view.to, channel: view.channel ?? undefined }, { signal: abort.signal })
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [view, reloadToken]);

  function change(next: { period?: PeriodPick; channel?: Channel | null }) {
    const q = new URLSearchParams();
    const period = next.period ?? view;
    if (period.range) q.set('range', period.range);
    else {
      q.set('from', period.from);
      q.set('to', period.to);
    }
    const channel = next.channel === undefined ? view.channel : next.channel;
    if (channel) q.set('channel', channel);
    navigate(paths.drivers(`?${q}`), { replace: true });
  }

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('metrics.drivers.title')}</h1>
        <ExportMenu
          subject="drivers"
          filters={(): Record<string, string> => ({ from: view.from, to: view.to, ...(view.channel ? { channel: view.channel } : {}) })}
        />
      </div>
      <EvaluateSections />
      <p className="muted">{t('metrics.drivers.intro')}</p>
      <section className="metric-controls" aria-label={t('metrics.controls')}>
        <PeriodPicker value={view} onChange={(period) => change({ period })} />
        <Field label={t('metrics.dimensions.channel')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="drivers-channel"
              value={view.channel ?? ''}
              onChange={(e) => change({ channel: (e.target.value || null) as Channel | null })}
            >
              <option value="">{t('metrics.drivers.anyChannel')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}
      {load.status === 'ready' && (
        <>
          <section className="card metric-summary" data-testid="drivers-overall">
            <h2 className="card-title">{t('metrics.drivers.overall')}</h2>
            <MetricNumber
              value={load.data.overall.nps}
              unit="nps_points"
              href={drillDownHref({
                metric: 'nps',
                from: load.data.from,
                to: load.data.to,
                breakdown: load.data.channel ? 'channel' : null,
                key: load.data.channel,
              })}
              what={t('metrics.names.nps')}
              testId="drivers-overall-nps"
            />
          </section>
          <DriverList data={load.data} />
        </>
      )}
    </div>
  );
}
