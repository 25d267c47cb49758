import { useTranslation } from 'react-i18next';
import type { SegmentPreview } from '@feedloop/contracts/segments';
import { errorMessage } from '../../lib/errors';

export type PreviewState =
  | { status: 'idle' | 'loading' | 'invalid' }
  | { status: 'ready'; preview: SegmentPreview; refreshing: boolean }
  | { status: 'error'; error: unknown };

/** The live count of matching customers and a few of them, next to the builder. */
export function SegmentPreviewPanel({ state }: { state: PreviewState }) {
  const { t } = useTranslation();
  return (
    <aside className="card segment-preview" aria-labelledby="segment-preview-title" data-testid="segment-preview">
      <h2 className="card-title" id="segment-preview-title">
        {t('segments.previewTitle')}
      </h2>
      <div aria-live="polite">
        {state.status === 'invalid' && <p className="muted">{t('segments.previewInvalid')}</p>}
        {(state.status === 'loading' || state.status === 'idle') && <p className="muted">{t('segments.previewLoading')}</p>}
        {state.status === 'error' && <p className="field-error">{errorMessage(t, state.error)}</p>}
        {state.status === 'ready' && (
          <p
            className="segment-preview-count"
            data-testid="segment-preview-count"
            data-count={state.preview.count}
            aria-busy={state.refreshing || undefined}
          >
            {t('segments.previewCount', { count: state.preview.count })}
          </p>
        )}
      </div>
      {state.status === 'ready' && state.preview.sample.length > 0 && (
        <>
          <h3 className="segment-sample-title">{t('segments.sampleTitle')}</h3>
          <ul className="segment-sample" data-testid="segment-sample">
            {state.preview.sample.map((customer) => (
              <li key={customer.id}>
                <bdi>{customer.name || customer.email || customer.externalId || t('segments.unnamed')}</bdi>
                {customer.name && customer.email && (
                  <span className="muted segment-sample-email">
                    <bdi>{customer.email}</bdi>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
