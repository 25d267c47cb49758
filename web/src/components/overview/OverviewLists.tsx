import { useTranslation } from 'react-i18next';
import type { Overview } from '@feedloop/contracts/overview';
import { topicDisplayName } from '../../lib/topics';
import { paths } from '../../lib/router';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';

const SENTIMENTS = ['positive', 'neutral', 'negative', 'unanalysed'] as const;

/** Shares of positive, neutral, negative and not yet analysed items, as one stacked bar. */
export function SentimentSplit({ sentiment }: { sentiment: Overview['sentiment'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = SENTIMENTS.reduce((sum, key) => sum + sentiment[key], 0);
  return (
    <section className="card overview-panel" data-testid="overview-sentiment">
      <h2 className="card-title">{t('overview.sentiment.title')}</h2>
      {total === 0 ? (
        <p className="muted">{t('overview.empty')}</p>
      ) : (
        <>
          <div className="sentiment-bar" aria-hidden="true">
            {SENTIMENTS.map(
              (key) =>
                sentiment[key] > 0 && (
                  <span key={key} className={`sentiment-bar-part sentiment-${key}`} style={{ flexGrow: sentiment[key] }} />
                ),
            )}
          </div>
          <ul className="overview-legend">
            {SENTIMENTS.map((key) => (
              <li key={key} data-testid={`sentiment-${key}`}>
                <span className={`legend-swatch sentiment-${key}`} aria-hidden="true" />
                <span>{t(`overview.sentiment.${key}`)}</span>
                <span className="legend-count">{format.number(sentiment[key])}</span>
                <span className="muted">{format.percent(sentiment[key] / total)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The most frequent topics, named in the UI language, each with a bar of its count. */
export function TopTopics({ topics }: { topics: Overview['topTopics'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = Math.max(1, ...topics.map((topic) => topic.count));
  return (
    <section className="card overview-panel" data-testid="overview-topics">
      <h2 className="card-title">{t('overview.topics.title')}</h2>
      {topics.length === 0 ? (
        <p className="muted">{t('overview.empty')}</p>
      ) : (
        <ol className="bar-list">
          {topics.map((topic) => {
            const name = topicDisplayName(topic.names ?? {}, topic.key, format.prefs.locale);
            return (
              <li key={topic.key} data-testid="overview-topic">
                <Link to={paths.feedbackList(`?topic=${encodeURIComponent(topic.key)}`)} className="bar-list-label">
                  <bdi lang={name.lang ?? undefined}>{name.text}</bdi>
                </Link>
                <span className="bar-list-count">{format.number(topic.count)}</span>
                <span className="bar-list-bar" style={{ inlineSize: `${(100 * topic.count) / max}%` }} aria-hidden="true" />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Recurring phrases no topic covers yet, linking to the themes page. */
export function EmergingThemes({ themes }: { themes: Overview['themes'] }) {
  const { t } = useTranslation();
  return (
    <section className="card overview-panel" data-testid="overview-themes">
      <h2 className="card-title">{t('overview.themes.title')}</h2>
      {themes.length === 0 ? (
        <p className="muted">{t('overview.themes.empty')}</p>
      ) : (
        <ul className="overview-list">
          {themes.map((theme) => (
            <li key={`${theme.language}:${theme.phrase}`} data-testid="overview-theme">
              <bdi lang={theme.language}>{theme.phrase}</bdi>{' '}
              <span className="muted">{t('overview.themes.items', { count: theme.count })}</span>
            </li>
          ))}
        </ul>
      )}
      <Link to={paths.themes()} className="overview-more">
        {t('overview.themes.all')}
      </Link>
    </section>
  );
}

/** The newest negative items, detractors and low CSAT answers. */
export function NeedsAttention({ items }: { items: Overview['attention'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card overview-panel overview-attention" data-testid="overview-attention">
      <h2 className="card-title">{t('overview.attention.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('overview.attention.empty')}</p>
      ) : (
        <ul className="overview-list">
          {items.map((item) => (
            <li key={item.id} data-testid="attention-item">
              <Link to={paths.feedbackDetail(item.id)} className="attention-text" dir="auto" lang={item.language ?? undefined}>
                {item.text || t('overview.attention.noText')}
              </Link>
              <span className="attention-meta muted">
                {item.nps !== null && <span className="tag">{t('overview.attention.nps', { score: format.number(item.nps) })}</span>}
                {item.csat !== null && <span className="tag">{t('overview.attention.csat', { score: format.number(item.csat) })}</span>}
                <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
