import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import { useFormat } from '../../lib/useFormat';
import { SentimentQuickFix } from './SentimentQuickFix';
import { isolate, type DisplayName } from '../../lib/topics';

interface ItemAnalysisProps {
  item: FeedbackItem;
  /** Given to those who may write: the sentiment becomes a one-click correction. */
  onUpdated?: (item: FeedbackItem) => void;
  topicName: (key: string) => DisplayName;
  assignee: string | null;
}

/** A list row's analysis (with confidence), tags and assignee, compact. */
export function ItemAnalysis({ item, onUpdated, topicName, assignee }: ItemAnalysisProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const confidence = (value: number | null) =>
    value === null ? null : (
      <span className="muted analysis-confidence">{t('analysis.confidence', { percent: format.percent(value) })}</span>
    );

  return (
    <div className="item-analysis" data-testid="item-analysis">
      <span className="item-analysis-line">
        {onUpdated && item.status !== 'pending' ? (
          <SentimentQuickFix item={item} onUpdated={onUpdated} />
        ) : (
          item.sentiment && <span className={`tag sentiment-${item.sentiment}`}>{t(`sentiment.${item.sentiment}`)}</span>
        )}
        {confidence(item.sentimentConfidence)}
      </span>
      {item.type && (
        <span className="item-analysis-line">
          <span className="tag">{t(`feedbackType.${item.type}`)}</span>
          {confidence(item.typeConfidence)}
        </span>
      )}
      {(item.topics.length > 0 || item.tags.length > 0) && (
        <ul className="chips">
          {item.topics.map((key) => {
            const name = topicName(key);
            return (
              <li key={`topic-${key}`} className="chip" data-topic={key}>
                <span className="chip-label" dir="auto" lang={name.lang ?? undefined}>
                  {name.text}
                </span>
              </li>
            );
          })}
          {item.tags.map((tag) => (
            <li key={`tag-${tag}`} className="chip chip-tag" data-tag={tag}>
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      )}
      {assignee && (
        <span className="muted" data-testid="item-assignee">
          {t('explorer.list.assignedTo', { name: isolate(assignee) })}
        </span>
      )}
    </div>
  );
}
