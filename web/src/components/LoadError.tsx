import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { Alert } from './Alert';

/** A failed load, explained in the user's language, with a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      action={
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      }
    >
      {errorMessage(t, error)}
    </Alert>
  );
}
