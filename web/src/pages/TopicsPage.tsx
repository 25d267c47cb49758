import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { Topic } from '@feedloop/contracts/analysis';
import { analysisApi } from '../api/analysis';
import { Alert } from '../components/Alert';
import { LoadError } from '../components/LoadError';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { ModelPanel } from '../components/topics/ModelPanel';
import { ReanalysisPanel } from '../components/topics/ReanalysisPanel';
import { TopicCard } from '../components/topics/TopicCard';
import { TopicForm } from '../components/topics/TopicForm';
import { paths } from '../lib/router';
import { useSession } from '../lib/session';
import { canManageTopics, isolate, topicDisplayName } from '../lib/topics';
import '../styles/analysis.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; topics: Topic[] };

/** The workspace's topic taxonomy, re-analysis of past feedback and the learnt model. */
export function TopicsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const canEdit = canManageTopics(me.role);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    analysisApi
      .listTopics({ signal: abort.signal })
      .then(({ data }) => setLoad({ status: 'ready', topics: data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [reloadToken]);

  function changed(message: string) {
    setNotice(message);
    setReloadToken((n) => n + 1);
  }

  return (
    <div className="stack" data-testid="topics-page">
      <Link to={paths.settings()} className="back-link">
        {t('topics.back')}
      </Link>
      <div className="page-head">
        <h1 className="page-title">{t('topics.title')}</h1>
        <p className="muted">{canEdit ? t('topics.intro') : t('topics.readOnly')}</p>
      </div>

      <div className="topics-panels">
        <ReanalysisPanel canEdit={canEdit} />
        <ModelPanel canEdit={canEdit} />
      </div>

      {notice && (
        <Alert tone="success">
          <p data-testid="topics-notice">{notice}</p>
          {canEdit && <p>{t('topics.reanalyseHint')}</p>}
        </Alert>
      )}

      <section className="stack" aria-labelledby="topics-list-title">
        <div className="page-head">
          <h2 id="topics-list-title" className="section-title">
            {load.status === 'ready' ? t('topics.count', { count: load.topics.length }) : t('topics.listTitle')}
          </h2>
          {canEdit && !adding && (
            <button
              type="button"
              className="button button-primary"
              data-testid="topic-add"
              onClick={() => {
                setAdding(true);
                setNotice(null);
              }}
            >
              {t('topics.add')}
            </button>
          )}
        </div>

        {adding && (
          <div className="card">
            <h3 className="card-title">{t('topics.addTitle')}</h3>
            <TopicForm
              onCancel={() => setAdding(false)}
              onSaved={(topic) => {
                setAdding(false);
                changed(t('topics.created', { name: isolate(topicDisplayName(topic.names, topic.key, i18n.language).text) }));
              }}
            />
          </div>
        )}

        {load.status === 'loading' && <Loading />}
        {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}
        {load.status === 'ready' &&
          (load.topics.length === 0 ? (
            <div className="card empty-state">
              <p>{t('topics.empty')}</p>
            </div>
          ) : (
            <ul className="topic-list" data-testid="topic-list">
              {load.topics.map((topic) => (
                <TopicCard
                  key={`${topic.id}:${topic.updatedAt}`}
                  topic={topic}
                  topics={load.topics}
                  canEdit={canEdit}
                  onChanged={changed}
                />
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
