import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { AnalysisRun } from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import { errorMessage } from '../../lib/errors';
import { usePolling } from '../../lib/usePolling';
import { factSeparator } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { ProgressBar } from './ProgressBar';

/** "Re-analyse past feedback" with the latest run's progress, polled while it runs. */
export function ReanalysisPanel({ canEdit, onFinished }: { canEdit: boolean; onFinished?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [run, setRun] = useState<AnalysisRun | null | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = run?.status === 'running';

  useEffect(() => {
    const abort = new AbortController();
    analysisApi
      .latestRun({ signal: abort.signal })
      .then((result) => setRun(result.run))
      .catch((err: unknown) => {
        if (!isAbortError(err)) setError(err);
      });
    return () => abort.abort();
  }, []);

  usePolling(async (signal) => {
    try {
      const { run: latest } = await analysisApi.latestRun({ signal });
      setRun(latest);
      setError(null);
      if (latest && latest.status !== 'running') onFinished?.();
    } catch (err) {
      if (!isAbortError(err)) setError(err);
    }
  }, running);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      setRun(await analysisApi.reanalyze());
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  }

  return (
    <section className="card topics-panel" aria-labelledby="reanalysis-title" data-testid="reanalysis-panel">
      <h2 id="reanalysis-title" className="card-title">
        {t('topics.reanalysis.title')}
      </h2>
      <p className="muted">{t('topics.reanalysis.intro')}</p>
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      {run && (
        <div className="run-status" aria-live="polite" data-testid="reanalysis-status" data-status={run.status}>
          <ProgressBar value={run.done} max={run.total} label={t('topics.reanalysis.title')} />
          <p>
            {format.facts([
              t('topics.reanalysis.progress', { count: run.total, done: format.number(run.done) }),
              t(`topics.reanalysis.status.${run.status}`),
            ])}
            {run.finishedAt && run.status === 'done' && (
              <>
                {factSeparator(format.prefs.locale)}
                <time dateTime={run.finishedAt}>{format.dateTime(run.finishedAt, 'medium')}</time>
              </>
            )}
          </p>
        </div>
      )}
      {run === null && <p className="muted">{t('topics.reanalysis.never')}</p>}
      {canEdit && (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="reanalyze"
            disabled={starting || running}
            onClick={() => void start()}
          >
            {running ? t('topics.reanalysis.running') : t('topics.reanalysis.start')}
          </button>
        </div>
      )}
    </section>
  );
}
