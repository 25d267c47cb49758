import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analysisApi } from '../../api/analysis';
import { type FeedbackItem, SENTIMENTS, type Sentiment } from '@feedloop/contracts/feedback';
import { errorMessage } from '../../lib/errors';
import { CorrectedMark } from '../analysis/AnalysisCard';

/**
 * The item's sentiment as a one-click correction: picking another value saves it through the same
 * correction API as the detail page (marked corrected, kept as a training example).
 */
export function SentimentQuickFix({ item, onUpdated }: { item: FeedbackItem; onUpdated: (item: FeedbackItem) => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function correct(sentiment: Sentiment) {
    setSaving(true);
    setError(null);
    try {
      onUpdated(await analysisApi.correct(item.id, { sentiment }));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <span className="quick-fix">
      <select
        className={`select select-small sentiment-${item.sentiment ?? 'none'}`}
        aria-label={t('explorer.list.correctSentiment')}
        data-testid="quick-sentiment"
        disabled={saving}
        value={item.sentiment ?? ''}
        onChange={(e) => void correct(e.target.value as Sentiment)}
      >
        {!item.sentiment && <option value="">{t('analysis.none')}</option>}
        {SENTIMENTS.map((s) => (
          <option key={s} value={s}>
            {t(`sentiment.${s}`)}
          </option>
        ))}
      </select>
      {item.correctedFields.includes('sentiment') && <CorrectedMark field="sentiment" />}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
