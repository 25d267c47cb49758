import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { FeedbackExplanation, Topic, WeightedWord } from '@feedloop/contracts/analysis';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import { analysisApi } from '../../api/analysis';
import { explanationApi } from '../../api/explanation';
import { errorMessage } from '../../lib/errors';
import { topicNameByKey } from '../../lib/topics';
import { Loading } from '../Loading';
import '../../styles/explanation.css';

type State =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; explanation: FeedbackExplanation; topics: Topic[] };

/**
 * Why the item got its analysis: the words that pushed its sentiment towards its label and away
 * from it, and for each topic the keywords found and the words the model weighed. Words are shown
 * as the customer wrote them, each isolated so Persian/Arabic words read right in any layout.
 */
export function ExplanationCard({ item }: { item: FeedbackItem }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const topicsKey = (item.topics ?? []).join(',');

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    Promise.all([explanationApi.get(item.id, { signal: abort.signal }), analysisApi.listTopics({ signal: abort.signal })])
      .then(([explanation, { data }]) => setState({ status: 'ready', explanation, topics: data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      });
    return () => abort.abort();
  }, [item.id, item.sentiment, topicsKey]);

  const lang = item.language && item.language !== 'und' ? item.language.split('-')[0] : undefined;
  const words = (list: WeightedWord[] | string[], testId: string) =>
    list.length === 0 ? (
      <span className="muted">{t('explanation.noWords')}</span>
    ) : (
      <ul className="chips explanation-words" data-testid={testId}>
        {list.map((w) => {
          const text = typeof w === 'string' ? w : w.text;
          return (
            <li key={text} className="chip">
              <bdi lang={lang}>{text}</bdi>
            </li>
          );
        })}
      </ul>
    );

  let body;
  if (state.status === 'loading') body = <Loading />;
  else if (state.status === 'error')
    body = (
      <p className="muted">
        {t('explanation.failed')} {errorMessage(t, state.error)}
      </p>
    );
  else {
    const { explanation } = state;
    const nameOf = topicNameByKey(state.topics, i18n.language);
    const label = explanation.sentiment ? t(`sentiment.${explanation.sentiment.label}`) : '';
    body = (
      <>
        {explanation.sentiment && (
          <div className="explanation-part" data-testid="explanation-sentiment">
            <h3 className="explanation-heading">{t('explanation.sentimentTitle')}</h3>
            <dl className="explanation-list">
              <dt>{t('explanation.towards', { sentiment: label })}</dt>
              <dd>{words(explanation.sentiment.towards, 'explanation-towards')}</dd>
              <dt>{t('explanation.against', { sentiment: label })}</dt>
              <dd>{words(explanation.sentiment.against, 'explanation-against')}</dd>
            </dl>
          </div>
        )}
        <div className="explanation-part" data-testid="explanation-topics">
          <h3 className="explanation-heading">{t('explanation.topicsTitle')}</h3>
          {explanation.topics.length === 0 ? (
            <p className="muted">{t('explanation.noTopics')}</p>
          ) : (
            explanation.topics.map((topic) => {
              const name = nameOf(topic.key);
              return (
                <div key={topic.key} className="explanation-topic" data-topic={topic.key}>
                  <h4 className="explanation-topic-name" dir="auto" lang={name.lang ?? undefined}>
                    {name.text}
                  </h4>
                  <dl className="explanation-list">
                    <dt>{t('explanation.keywords')}</dt>
                    <dd>{words(topic.keywords, `explanation-keywords-${topic.key}`)}</dd>
                    <dt>{t('explanation.modelWords')}</dt>
                    <dd>{words(topic.words, `explanation-model-${topic.key}`)}</dd>
                  </dl>
                </div>
              );
            })
          )}
        </div>
      </>
    );
  }

  return (
    <section className="card detail-explanation" aria-labelledby="detail-explanation" data-testid="explanation">
      <h2 id="detail-explanation" className="card-title">
        {t('explanation.title')}
      </h2>
      <p className="muted explanation-hint">{t('explanation.hint')}</p>
      {body}
    </section>
  );
}
