import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { Survey } from '@feedloop/contracts/surveys';
import { surveysApi } from '../api/surveys';
import { Alert } from '../components/Alert';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PersonalLinks } from '../components/surveys/PersonalLinks';
import { SendByEmail } from '../components/surveys/SendByEmail';
import { SendProgress } from '../components/surveys/SendProgress';
import { paths } from '../lib/router';
import { nameIn } from '../lib/surveys';
import '../styles/surveys.css';
import '../styles/survey-sending.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; survey: Survey };

/** Send and share a survey: email it to a segment or a pasted list, follow the sends, make personal links. */
export function SurveySendPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [sent, setSent] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    surveysApi
      .get(id, { signal: abort.signal })
      .then((survey) => setLoad({ status: 'ready', survey }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [id, reload]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setReload((n) => n + 1)} />;
  const { survey } = load;

  return (
    <div className="stack send-page" data-testid="survey-send-page">
      <Link to={paths.surveyEditor(id)} className="back-link">
        {t('surveySending.back')}
      </Link>
      <div className="page-head">
        <h1 className="page-title">
          {t('surveySending.title')}: <bdi>{nameIn(survey, i18n.language)}</bdi>
        </h1>
        <p className="muted">{t('surveySending.intro')}</p>
      </div>
      {survey.status !== 'live' && <Alert tone="info">{t('surveySending.notLive')}</Alert>}
      <SendByEmail survey={survey} onSent={() => setSent((n) => n + 1)} />
      <SendProgress surveyId={survey.id} refreshKey={sent} />
      <PersonalLinks survey={survey} />
    </div>
  );
}
