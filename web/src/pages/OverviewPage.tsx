import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { Overview } from '@feedloop/contracts/overview';
import { overviewApi } from '../api/overview';
import { ExportMenu } from '../components/exports/ExportMenu';
import { Field } from '../components/Field';
import { FirstSteps } from '../components/FirstSteps';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { EmergingThemes, NeedsAttention, SentimentSplit, TopTopics } from '../components/overview/OverviewLists';
import { TrendChart, type TrendSeries } from '../components/overview/TrendChart';
import { isRtl } from '../i18n';
import { dateLocaleTag, formatDate, type FormatPrefs } from '../lib/format';
import { navigate, paths, useLocation } from '../lib/router';
import { useFormat } from '../lib/useFormat';
import '../styles/overview.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; overview: Overview };

const PERIODS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;
const NPS_RANGE: [number, number] = [-100, 100];
const COLORS = { volume: '#6366f1', nps: '#4f46e5', csat: '#0d9488' };

// Days are calendar days of the workspace: format them at UTC midnight so no offset moves them.
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayTick = (day: string, prefs: FormatPrefs) =>
  new Intl.DateTimeFormat(dateLocaleTag(prefs), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(dayDate(day));

export function OverviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);
  const requested = Number(useLocation().query.get('days'));
  const days = (PERIODS as readonly number[]).includes(requested) ? requested : DEFAULT_DAYS;

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    overviewApi
      .get({ days }, { signal: abort.signal })
      .then((overview) => setLoad({ status: 'ready', overview }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [days, reloadToken]);

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('overview.title')}</h1>
        <ExportMenu subject="overview" filters={() => ({ days: String(days) })} />
        {load.status === 'ready' && (
          <p className="muted" data-testid="overview-window">
            {t('overview.window', {
              from: formatDate(dayDate(load.overview.window.from), { ...format.prefs, timeZone: 'UTC' }),
              to: formatDate(dayDate(load.overview.window.to), { ...format.prefs, timeZone: 'UTC' }),
            })}
          </p>
        )}
        <Field label={t('themes.window')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="overview-days"
              value={days}
              onChange={(event) => {
                const next = Number(event.target.value);
                navigate(paths.overview() + (next === DEFAULT_DAYS ? '' : `?days=${next}`), { replace: true });
              }}
            >
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t('themes.lastDays', { count: d })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}
      {load.status === 'ready' && (load.overview.hasFeedback ? <OverviewFigures overview={load.overview} /> : <FirstSteps />)}
    </div>
  );
}

function OverviewFigures({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rtl = isRtl(format.prefs.locale);
  const total = overview.volume.reduce((sum, point) => sum + point.count, 0);
  const { totals } = overview;

  const dayLabels = useMemo(() => overview.volume.map((point) => dayTick(point.day, format.prefs)), [overview, format.prefs]);
  const dayNames = useMemo(
    () => overview.volume.map((point) => formatDate(dayDate(point.day), { ...format.prefs, timeZone: 'UTC' })),
    [overview, format.prefs],
  );
  const formatValue = useCallback((value: number) => format.number(value, { maximumFractionDigits: 1 }), [format]);
  const volumeSeries = useMemo<TrendSeries[]>(
    () => [{ label: t('overview.volume.series'), values: overview.volume.map((p) => p.count), color: COLORS.volume, bars: true }],
    [overview, t],
  );
  const scoreSeries = useMemo<TrendSeries[]>(
    () => [
      { label: t('overview.scores.nps'), values: overview.scores.map((p) => p.nps), color: COLORS.nps },
      { label: t('overview.scores.csat'), values: overview.scores.map((p) => p.csat), color: COLORS.csat },
    ],
    [overview, t],
  );

  return (
    <>
      <section className="figure-cards" aria-label={t('overview.figures')}>
        <Figure
          testId="figure-today"
          label={t('overview.today.label')}
          value={format.number(overview.today.count)}
          note={t('overview.today.note')}
        />
        <Figure
          testId="figure-volume"
          label={t('overview.volume.label')}
          value={format.number(total)}
          note={t('overview.volume.note', { count: overview.volume.length })}
        />
        <Figure
          testId="figure-nps"
          label={t('overview.scores.nps')}
          value={totals.nps === null ? '–' : format.number(totals.nps, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })}
          note={t('overview.scores.npsNote', {
            count: totals.npsCount,
            promoters: format.number(totals.promoters),
            detractors: format.number(totals.detractors),
          })}
        />
        <Figure
          testId="figure-csat"
          label={t('overview.scores.csat')}
          value={totals.csat === null ? '–' : format.percent(totals.csat / 100)}
          note={t('overview.scores.csatNote', { count: totals.csatCount, satisfied: format.number(totals.satisfied) })}
        />
      </section>

      <section className="card overview-panel">
        <h2 className="card-title">{t('overview.volume.title')}</h2>
        <TrendChart
          testId="chart-volume"
          ariaLabel={t('overview.volume.title')}
          dayLabels={dayLabels}
          dayNames={dayNames}
          dayTitle={t('overview.date')}
          series={volumeSeries}
          formatValue={formatValue}
          rtl={rtl}
        />
      </section>
      <section className="card overview-panel">
        <h2 className="card-title">{t('overview.scores.title')}</h2>
        <TrendChart
          testId="chart-scores"
          ariaLabel={t('overview.scores.title')}
          dayLabels={dayLabels}
          dayNames={dayNames}
          dayTitle={t('overview.date')}
          series={scoreSeries}
          formatValue={formatValue}
          rtl={rtl}
          yRange={NPS_RANGE}
        />
      </section>

      <div className="overview-grid">
        <SentimentSplit sentiment={overview.sentiment} />
        <TopTopics topics={overview.topTopics} />
        <EmergingThemes themes={overview.themes} />
      </div>
      <NeedsAttention items={overview.attention} />
    </>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="card figure-card" data-testid={testId}>
      <span className="figure-label">{label}</span>
      <span className="figure-value" data-testid={`${testId}-value`}>
        {value}
      </span>
      <span className="figure-note muted">{note}</span>
    </div>
  );
}
