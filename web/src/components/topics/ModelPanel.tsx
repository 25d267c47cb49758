import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { WorkspaceModel } from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import { errorMessage } from '../../lib/errors';
import { usePolling } from '../../lib/usePolling';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { KeyValueList, type KeyValue } from '../KeyValueList';
import { Loading } from '../Loading';
import { ProgressBar } from './ProgressBar';

const BUSY: ReadonlySet<WorkspaceModel['status']> = new Set(['queued', 'training']);

/** The workspace model learnt from corrections and topic examples, with "Retrain now". */
export function ModelPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [model, setModel] = useState<WorkspaceModel | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [requesting, setRequesting] = useState(false);
  const busy = model !== null && BUSY.has(model.status);

  useEffect(() => {
    const abort = new AbortController();
    analysisApi
      .model({ signal: abort.signal })
      .then(setModel)
      .catch((err: unknown) => {
        if (!isAbortError(err)) setError(err);
      });
    return () => abort.abort();
  }, []);

  usePolling(async (signal) => {
    try {
      setModel(await analysisApi.model({ signal }));
      setError(null);
    } catch (err) {
      if (!isAbortError(err)) setError(err);
    }
  }, busy);

  async function train() {
    setRequesting(true);
    setError(null);
    try {
      setModel(await analysisApi.train());
    } catch (err) {
      setError(err);
    } finally {
      setRequesting(false);
    }
  }

  const rows: KeyValue[] = model
    ? [
        { key: 'version', label: t('topics.model.version'), value: format.number(model.version) },
        {
          key: 'status',
          label: t('topics.model.statusLabel'),
          value: (
            <span className={`badge badge-model-${model.status}`} data-testid="model-status" data-status={model.status}>
              {t(`topics.model.status.${model.status}`)}
            </span>
          ),
        },
        ...(model.status === 'training'
          ? [
              {
                key: 'progress',
                label: t('topics.model.progress'),
                value: (
                  <span className="analysis-value">
                    <ProgressBar value={model.progress} max={1} label={t('topics.model.progress')} />
                    {format.percent(model.progress)}
                  </span>
                ),
              },
            ]
          : []),
        { key: 'corrections', label: t('topics.model.corrections'), value: format.number(model.corrections) },
        { key: 'examples', label: t('topics.model.examples'), value: format.number(model.examples) },
        {
          key: 'trainedAt',
          label: t('topics.model.trainedAt'),
          value: model.trainedAt ? (
            <time dateTime={model.trainedAt}>{format.dateTime(model.trainedAt, 'long')}</time>
          ) : (
            <span className="muted">{t('topics.model.never')}</span>
          ),
        },
      ]
    : [];

  return (
    <section className="card topics-panel" aria-labelledby="model-title" data-testid="model-panel">
      <h2 id="model-title" className="card-title">
        {t('topics.model.title')}
      </h2>
      <p className="muted">{t('topics.model.intro')}</p>
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      {model === null && error === null && <Loading />}
      {model && <KeyValueList className="kv-compact" items={rows} />}
      {model?.status === 'failed' && model.error && (
        <Alert>
          <p>{t('topics.model.failed')}</p>
          <p className="pre" dir="auto">
            {model.error}
          </p>
        </Alert>
      )}
      {canEdit && model && (
        <div className="form-actions">
          <button type="button" className="button" data-testid="retrain" disabled={requesting || busy} onClick={() => void train()}>
            {busy ? t('topics.model.training') : t('topics.model.retrain')}
          </button>
        </div>
      )}
    </section>
  );
}
