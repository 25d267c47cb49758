import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BEFORE_AFTER_METRICS, type BeforeAfterResponse } from '@feedloop/contracts/before-after';
import type { Idea } from '@feedloop/contracts/ideas';
import type { MetricUnit } from '@feedloop/contracts/metrics';
import { actApi } from '../api/act';
import { isAbortError } from '../api/client';
import { driversApi } from '../api/drivers';
import { ExportMenu } from '../components/exports/ExportMenu';
import { CalendarDateInput } from '../components/feedback/CalendarDateInput';
import { Field } from '../components/Field';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { BeforeAfterTable, type ComparedMetric } from '../components/metrics/BeforeAfterTable';
import { EvaluateSections } from '../components/metrics/EvaluateSections';
import { drillDownHref } from '../lib/metric-drilldown';
import { navigate, paths, useLocation } from '../lib/router';
import { useFormat } from '../lib/useFormat';
import '../styles/metrics.css';

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: BeforeAfterResponse };

const WINDOWS = [7, 14, 30, 60, 90] as const;
const UNITS: Record<(typeof BEFORE_AFTER_METRICS)[number], MetricUnit> = {
  nps: 'nps_points',
  csat: 'percent',
  ces: 'mean_score',
  sentiment_positive_share: 'percent',
  sentiment_negative_share: 'percent',
  sentiment_mean: 'mean_score',
  volume: 'count',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** Each metric over equal windows before and after a change: a day, or the day an idea was done. */
export function BeforeAfterPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { query } = useLocation();
  const view = useMemo(() => {
    const days = Number(query.get('days'));
    const date = query.get('date') ?? '';
    const idea = query.get('idea') ?? '';
    return {
      date: DAY.test(date) ? date : '',
      idea: UUID.test(idea) ? idea : '',
      days: (WINDOWS as readonly number[]).includes(days) ? days : 30,
    };
  }, [query]);
  const [ideas, setIdeas] = useState<Idea[]>([]);
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const [reloadToken, setReloadToken] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    // Without the list, a change is still picked by its day.
    actApi.ideas({ status: 'done', limit: 100 }, { signal: abort.signal }).then(
      (page) => setIdeas(page.data),
      () => undefined,
    );
    return () => abort.abort();
  }, []);

  useEffect(() => {
    if (!view.date && !view.idea) {
      setLoad({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    driversApi
      .beforeAfter(view.idea ? { ideaId: view.idea, days: view.days } : { date: view.date, days: view.days }, { signal: abort.signal })
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [view, reloadToken]);

  const change = (next: Partial<typeof view>) => {
    const merged = { ...view, ...next };
    const q = new URLSearchParams();
    if (merged.idea) q.set('idea', merged.idea);
    else if (merged.date) q.set('date', merged.date);
    q.set('days', String(merged.days));
    navigate(paths.beforeAfter(`?${q}`), { replace: true });
  };

  const rows = useMemo<ComparedMetric[]>(() => {
    if (load.status !== 'ready') return [];
    const { before, after, metrics } = load.data;
    return BEFORE_AFTER_METRICS.map((metric) => ({
      metric,
      unit: UNITS[metric],
      comparison: metrics[metric],
      beforeHref: drillDownHref({ metric, ...before }),
      afterHref: drillDownHref({ metric, ...after }),
    }));
  }, [load]);
  const day = (iso: string) => format.date(`${iso}T12:00:00Z`);

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('metrics.beforeAfter.title')}</h1>
        {(view.idea || view.date) && (
          <ExportMenu
            subject="before_after"
            filters={() => ({ ...(view.idea ? { ideaId: view.idea } : { date: view.date }), days: String(view.days) })}
          />
        )}
      </div>
      <EvaluateSections />
      <section className="metric-controls" aria-label={t('metrics.controls')}>
        <CalendarDateInput
          label={t('metrics.beforeAfter.pickDate')}
          value={view.idea ? '' : view.date}
          onChange={(date) => change({ date, idea: '' })}
          testId="before-after-date"
        />
        <Field label={t('metrics.beforeAfter.pickIdea')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="before-after-idea"
              value={view.idea}
              onChange={(e) => change({ idea: e.target.value })}
            >
              <option value="">{t('metrics.beforeAfter.noIdea')}</option>
              {ideas.map((idea) => (
                <option key={idea.id} value={idea.id}>
                  {idea.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('metrics.beforeAfter.window')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="before-after-days"
              value={view.days}
              onChange={(e) => change({ days: Number(e.target.value) })}
            >
              {WINDOWS.map((d) => (
                <option key={d} value={d}>
                  {format.number(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
      {load.status === 'idle' && <p className="muted">{t('metrics.beforeAfter.pick')}</p>}
      {load.status === 'loading' && <Loading />}
      {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}
      {load.status === 'ready' && (
        <section className="card metric-panel">
          <h2 className="card-title">
            {load.data.idea
              ? t('metrics.beforeAfter.ofIdea', { title: load.data.idea.title })
              : t('metrics.beforeAfter.ofDate', { date: day(load.data.date) })}
          </h2>
          <p className="muted" data-testid="before-after-windows">
            {format.facts([
              t('metrics.beforeAfter.beforeWindow', { from: day(load.data.before.from), to: day(load.data.before.to) }),
              t('metrics.beforeAfter.afterWindow', { from: day(load.data.after.from), to: day(load.data.after.to) }),
            ])}
          </p>
          <BeforeAfterTable rows={rows} />
        </section>
      )}
    </div>
  );
}
