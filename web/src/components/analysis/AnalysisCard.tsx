import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { Topic } from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { canWriteFeedback, isolate, topicNameByKey } from '../../lib/topics';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { KeyValueList, type KeyValue } from '../KeyValueList';
import { CorrectionForm } from './CorrectionForm';
import '../../styles/analysis.css';

type TopicsState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; topics: Topic[] };

/** Small marker on a field an agent corrected by hand (re-analysis never overwrites it). */
export function CorrectedMark({ field }: { field: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge-corrected" data-testid={`corrected-${field}`} title={t('analysis.correctedHint')}>
      {t('analysis.corrected')}
    </span>
  );
}

/** Sentiment, type and topics of a feedback item, with a correction form for those who may write. */
export function AnalysisCard({ item, onUpdated }: { item: FeedbackItem; onUpdated: (item: FeedbackItem) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const [topics, setTopics] = useState<TopicsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setTopics({ status: 'loading' });
    analysisApi
      .listTopics({ signal: abort.signal })
      .then(({ data }) => setTopics({ status: 'ready', topics: data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setTopics({ status: 'error', error });
      });
    return () => abort.abort();
  }, [attempt]);

  const corrected = new Set(item.correctedFields ?? []);
  const nameOf = topicNameByKey(topics.status === 'ready' ? topics.topics : [], i18n.language);
  const confidence = (value: number | null) =>
    value === null ? null : <span className="analysis-confidence">{t('analysis.confidence', { percent: format.percent(value) })}</span>;

  const rows: KeyValue[] = [
    {
      key: 'sentiment',
      label: t('analysis.sentiment'),
      value: item.sentiment ? (
        <span className="analysis-value" data-testid="analysis-sentiment">
          <span className={`tag sentiment-${item.sentiment}`}>{t(`sentiment.${item.sentiment}`)}</span>
          {item.sentimentScore !== null && (
            <span className="analysis-score" title={t('analysis.scoreHint')}>
              {t('analysis.score', {
                score: isolate(
                  format.number(item.sentimentScore, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                ),
              })}
            </span>
          )}
          {confidence(item.sentimentConfidence)}
          {corrected.has('sentiment') && <CorrectedMark field="sentiment" />}
        </span>
      ) : (
        <span className="muted">{t('analysis.none')}</span>
      ),
    },
    {
      key: 'type',
      label: t('analysis.type'),
      value: item.type ? (
        <span className="analysis-value" data-testid="analysis-type">
          <span className="tag">{t(`feedbackType.${item.type}`)}</span>
          {confidence(item.typeConfidence)}
          {corrected.has('type') && <CorrectedMark field="type" />}
        </span>
      ) : (
        <span className="muted">{t('analysis.none')}</span>
      ),
    },
    {
      key: 'topics',
      label: t('analysis.topics'),
      value: (
        <span className="analysis-value" data-testid="analysis-topics">
          {(item.topics ?? []).length > 0 ? (
            <ul className="chips">
              {item.topics.map((key) => {
                const name = nameOf(key);
                const score = item.topicScores?.[key];
                return (
                  <li key={key} className="chip" data-topic={key}>
                    <span className="chip-label" dir="auto" lang={name.lang ?? undefined}>
                      {name.text}
                    </span>
                    {score !== undefined && <span className="chip-value">{format.percent(score)}</span>}
                  </li>
                );
              })}
            </ul>
          ) : (
            <span className="muted">{t('analysis.noTopics')}</span>
          )}
          {corrected.has('topics') && <CorrectedMark field="topics" />}
        </span>
      ),
    },
  ];

  return (
    <section className="card detail-analysis" aria-labelledby="detail-analysis" data-testid="analysis-card">
      <h2 id="detail-analysis" className="card-title">
        {t('analysis.title')}
      </h2>
      {item.status === 'pending' && <p className="muted">{t('analysis.pending')}</p>}
      {item.status === 'failed' && (
        <Alert>
          <p>{t('analysis.failed')}</p>
          {item.analysisError && (
            <p className="pre" dir="auto" data-testid="analysis-error">
              {item.analysisError}
            </p>
          )}
        </Alert>
      )}
      <KeyValueList items={rows} />
      {topics.status === 'error' && (
        <Alert
          action={
            <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
              {t('app.retry')}
            </button>
          }
        >
          {t('analysis.topicsUnavailable')} {errorMessage(t, topics.error)}
        </Alert>
      )}
      {canWriteFeedback(me.role) && topics.status === 'ready' && <CorrectionForm item={item} topics={topics.topics} onSaved={onUpdated} />}
    </section>
  );
}
