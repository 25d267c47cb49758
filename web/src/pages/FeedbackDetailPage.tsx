import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbortError } from '../api/client';
import { api } from '../api/endpoints';
import type { FeedbackItem, FeedbackLinks } from '@feedloop/contracts/feedback';
import { Alert } from '../components/Alert';
import { AnalysisCard } from '../components/analysis/AnalysisCard';
import { ExplanationCard } from '../components/analysis/ExplanationCard';
import { KeyValueList, formatUnknown, type KeyValue } from '../components/KeyValueList';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { Scores, StatusBadge } from '../components/Scores';
import { WidgetIdentity } from '../components/feedback/WidgetIdentity';
import { errorMessage } from '../lib/errors';
import { paths } from '../lib/router';
import { useFormat } from '../lib/useFormat';
import { useSession } from '../lib/session';
import { canWriteFeedback } from '../lib/topics';
import { unitAssignmentApi } from '../api/service-units';
import { ServiceUnitPicker } from '../components/service-units/ServiceUnitPicker';

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; item: FeedbackItem };

const LINK_KEYS: (keyof FeedbackLinks)[] = ['surveyResponseId', 'ticketId', 'orderId', 'reviewId'];

export function FeedbackDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, setState] = useState<State>({ status: 'loading' });
  const { me } = useSession();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api
      .getFeedback(id, { signal: abort.signal })
      .then((item) => setState({ status: 'ready', item }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      });
    return () => abort.abort();
  }, [id, attempt]);

  const back = (
    <Link to={paths.feedbackList()} className="back-link">
      {t('detail.back')}
    </Link>
  );

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    const notFound = state.error instanceof ApiError && state.error.status === 404;
    return (
      <div className="stack">
        {back}
        <Alert
          action={
            !notFound && (
              <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                {t('app.retry')}
              </button>
            )
          }
        >
          {notFound ? t('detail.notFound') : errorMessage(t, state.error)}
        </Alert>
      </div>
    );
  }

  const { item } = state;
  const overview: KeyValue[] = [
    {
      key: 'language',
      label: t('detail.language'),
      value: item.language && item.language !== 'und' ? format.languageName(item.language) : t('list.unknownLanguage'),
    },
    ...(item.languageConfidence !== null
      ? [{ key: 'confidence', label: t('detail.confidence'), value: format.percent(item.languageConfidence) }]
      : []),
    { key: 'channel', label: t('detail.channel'), value: t(`channel.${item.channel}`) },
    { key: 'status', label: t('detail.status'), value: <StatusBadge status={item.status} /> },
    { key: 'scores', label: t('detail.scores'), value: <Scores item={item} /> },
    {
      key: 'created',
      label: t('detail.created'),
      hint: t('detail.createdHint'),
      value: <time dateTime={item.createdAt}>{format.dateTime(item.createdAt, 'long')}</time>,
    },
    {
      key: 'received',
      label: t('detail.received'),
      hint: t('detail.receivedHint'),
      value: <time dateTime={item.receivedAt}>{format.dateTime(item.receivedAt, 'long')}</time>,
    },
    {
      key: 'processed',
      label: t('detail.processed'),
      value: item.processedAt ? (
        <time dateTime={item.processedAt}>{format.dateTime(item.processedAt, 'long')}</time>
      ) : (
        <span className="muted">{t('detail.notProcessed')}</span>
      ),
    },
    ...(item.tags.length > 0
      ? [
          {
            key: 'tags',
            label: t('explorer.filters.tag'),
            value: (
              <ul className="chips" data-testid="detail-tags">
                {item.tags.map((tag) => (
                  <li key={tag} className="chip">
                    <bdi>{tag}</bdi>
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    { key: 'id', label: t('detail.id'), value: <code dir="ltr">{item.id}</code> },
  ];

  const customer: KeyValue[] = item.customer
    ? [
        { key: 'name', label: t('detail.customerName'), value: item.customer.name },
        { key: 'email', label: t('detail.customerEmail'), value: item.customer.email },
        { key: 'externalId', label: t('detail.customerExternalId'), value: item.customer.externalId },
      ]
        .filter((row) => row.value)
        .map((row) => ({ ...row, value: <span dir="auto">{row.value}</span> }))
    : [];

  const metadata: KeyValue[] = Object.entries(item.metadata ?? {}).map(([key, value]) => ({
    key,
    label: <span dir="auto">{key}</span>,
    value:
      value !== null && typeof value === 'object' ? (
        <code className="pre code-block" dir="ltr">
          {formatUnknown(value)}
        </code>
      ) : (
        <span className="pre" dir="auto">
          {formatUnknown(value)}
        </span>
      ),
  }));

  const links: KeyValue[] = LINK_KEYS.filter((key) => item.links?.[key]).map((key) => ({
    key,
    label: t(`detail.${key}`),
    value: <code dir="ltr">{item.links[key]}</code>,
  }));

  return (
    <div className="stack" data-testid="feedback-detail">
      {back}
      <h1 className="page-title">{t('detail.title')}</h1>
      <div className="detail-grid">
        <div className="stack">
          <section className="card detail-text" aria-labelledby="detail-text">
            <h2 id="detail-text" className="card-title">
              {t('detail.text')}
            </h2>
            <p className="feedback-text" dir="auto" lang={item.language && item.language !== 'und' ? item.language : undefined}>
              {item.text}
            </p>
          </section>
          <AnalysisCard item={item} onUpdated={(updated) => setState({ status: 'ready', item: updated })} />
          {item.status === 'processed' && item.text && <ExplanationCard item={item} />}
          <section className="card detail-metadata" aria-labelledby="detail-metadata">
            <h2 id="detail-metadata" className="card-title">
              {t('detail.metadata')}
            </h2>
            {metadata.length > 0 ? <KeyValueList items={metadata} /> : <p className="muted">{t('detail.noMetadata')}</p>}
          </section>
        </div>
        <div className="stack">
          <section className="card detail-overview" aria-labelledby="detail-overview">
            <h2 id="detail-overview" className="card-title">
              {t('detail.overview')}
            </h2>
            <KeyValueList items={overview} />
            <ServiceUnitPicker
              value={item.serviceUnitId}
              canEdit={canWriteFeedback(me.role)}
              onSave={(unit) => unitAssignmentApi.feedback(item.id, unit).then((updated) => setState({ status: 'ready', item: updated }))}
            />
          </section>
          <section className="card detail-customer" aria-labelledby="detail-customer">
            <h2 id="detail-customer" className="card-title">
              {t('detail.customer')}
            </h2>
            {customer.length > 0 ? (
              <KeyValueList items={customer} />
            ) : (
              !item.customerId && <p className="muted">{t('detail.noCustomer')}</p>
            )}
            {item.customerId && (
              <p className="detail-customer-link">
                <Link to={paths.customer(item.customerId)} data-testid="detail-customer-link">
                  {t('detail.openCustomer')}
                </Link>
              </p>
            )}
            <WidgetIdentity item={item} />
          </section>
          {links.length > 0 && (
            <section className="card detail-links" aria-labelledby="detail-links">
              <h2 id="detail-links" className="card-title">
                {t('detail.links')}
              </h2>
              <KeyValueList items={links} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
