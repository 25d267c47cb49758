import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ExportJob, ExportSubject } from '@feedloop/contracts/exports';
import { exportsApi } from '../../api/exports';
import { usePolling } from '../../lib/usePolling';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../Alert';
import './exports.css';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'pdf'];

interface ExportMenuProps {
  subject: ExportSubject;
  /** The list's query parameters as the API takes them (no paging). */
  filters: () => Record<string, string>;
}

/** "Export" → CSV / Excel / PDF; the export runs on the server, its progress shown until the link is ready. */
export function ExportMenu({ subject, filters }: ExportMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = job !== null && (job.status === 'queued' || job.status === 'running');

  usePolling(async (signal) => {
    if (!job) return;
    setJob(await exportsApi.get(job.id, { signal }));
  }, running);

  async function start(choice: ExportFormat) {
    setOpen(false);
    setError(null);
    setJob(null);
    try {
      setJob(await exportsApi.create({ subject, format: choice, filters: filters() }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="export-menu" data-testid="export-menu">
      <button
        type="button"
        className="button button-small"
        aria-haspopup="true"
        aria-expanded={open}
        data-testid="export-button"
        disabled={running}
        onClick={() => setOpen((o) => !o)}
      >
        {t('exports.button')}
      </button>
      {open && (
        <ul className="export-choices" aria-label={t('exports.choose')}>
          {FORMATS.map((f) => (
            <li key={f}>
              <button type="button" className="button button-ghost button-small" data-testid={`export-${f}`} onClick={() => void start(f)}>
                {t(`exports.format.${f}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite" className="export-status">
        {running && (
          <span data-testid="export-progress">
            {job.percent !== null
              ? t('exports.progressPercent', { percent: job.percent })
              : job.rows > 0
                ? t('exports.progressRows', { count: job.rows })
                : t('exports.preparing')}
          </span>
        )}
        {job?.status === 'done' && job.downloadUrl && (
          <a
            className="button button-small button-primary"
            href={new URL(job.downloadUrl).pathname}
            download={job.fileName ?? true}
            data-testid="export-download"
          >
            {t('exports.download', { format: t(`exports.format.${job.format}`), count: job.rows })}
          </a>
        )}
        {job?.status === 'failed' && <Alert>{t('exports.failed')}</Alert>}
        {job?.status === 'expired' && <span>{t('exports.expired')}</span>}
      </div>
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
    </div>
  );
}
