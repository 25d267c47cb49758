import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { QuestionResult, SurveyResults } from '@feedloop/contracts/surveys';
import { surveysApi } from '../api/surveys';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { paths } from '../lib/router';
import { factSeparator, localized, nameIn } from '../lib/surveys';
import { useFormat } from '../lib/useFormat';
import '../styles/surveys.css';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; results: SurveyResults; titles: Map<string, string> };

/** A survey's responses, scores with 95 % intervals, answer distributions and open-text answers. */
export function SurveyResultsPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([surveysApi.results(id, { signal: abort.signal }), surveysApi.get(id, { signal: abort.signal })])
      .then(([results, survey]) => {
        const def = survey.definition;
        // Question titles by id, option labels by `question:option`.
        const titles = new Map(
          def.questions.flatMap((q) => [
            [q.id, localized(q.title, i18n.language, def) || q.id] as const,
            ...(q.options ?? []).map((o) => [`${q.id}:${o.id}`, localized(o.label, i18n.language, def) || o.id] as const),
          ]),
        );
        setLoad({ status: 'ready', results, titles });
      })
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [id, reload, i18n.language]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setReload((n) => n + 1)} />;
  const { results: r, titles } = load;
  const sep = factSeparator(i18n.language);
  const pct = (value: number | null | undefined) => (value == null ? '–' : fmt.percent(value / 100));
  const interval = (ci: { low: number; high: number } | null | undefined, asPercent = false) =>
    ci
      ? t('surveys.interval', { low: asPercent ? pct(ci.low) : fmt.number(ci.low), high: asPercent ? pct(ci.high) : fmt.number(ci.high) })
      : t('surveys.noInterval');

  return (
    <div className="stack survey-results" data-testid="survey-results">
      <Link to={paths.surveyEditor(id)} className="back-link">
        {t('surveys.backToSurvey')}
      </Link>
      <div className="page-head">
        <h1 className="page-title">
          <bdi>{nameIn(r.survey, i18n.language)}</bdi>
        </h1>
        <p className="muted">{t('surveys.resultsIntro')}</p>
      </div>
      <dl className="stat-grid">
        <Stat label={t('surveys.started')} value={fmt.number(r.responses.started)} />
        <Stat label={t('surveys.completed')} value={fmt.number(r.responses.completed)} />
        <Stat label={t('surveys.completionRate')} value={pct(r.responses.completionRate)} />
        <Stat label={t('surveys.emailsSent')} value={fmt.number(r.email.sent)} />
        <Stat label={t('surveys.responseRate')} value={pct(r.email.responseRate)} />
        <Stat label={t('surveys.bounced')} value={fmt.number(r.email.bounced ?? 0)} />
      </dl>
      {r.questions.map((q, k) => (
        <section key={q.id} className="card question-result" data-testid={`result-${q.id}`}>
          <h2 className="card-title">
            <span className="num question-number">{t('surveyEditor.questionNumber', { n: k + 1 })}</span> <bdi>{titles.get(q.id)}</bdi>
          </h2>
          <p className="muted">
            {t(`surveys.types.${q.type}`)}
            {sep}
            {t('surveys.answerCount', { count: q.answers })}
          </p>
          {q.nps && q.nps.nps !== null && (
            <p className="headline-score" data-testid="nps-score">
              {t('surveys.npsValue', { value: fmt.number(q.nps.nps) })} <span className="muted">{interval(q.nps.ci)}</span>
              <span className="nps-split">
                {t('surveys.npsSplit', {
                  promoters: fmt.number(q.nps.promoters),
                  passives: fmt.number(q.nps.passives),
                  detractors: fmt.number(q.nps.detractors),
                })}
              </span>
            </p>
          )}
          {q.csat && q.csat.csat !== null && (
            <p className="headline-score">
              {t('surveys.csatValue', { value: pct(q.csat.csat) })} <span className="muted">{interval(q.csat.ci, true)}</span>
            </p>
          )}
          {q.mean && q.mean.mean !== null && (
            <p className="headline-score">
              {t('surveys.meanValue', { value: fmt.number(q.mean.mean) })} <span className="muted">{interval(q.mean.ci)}</span>
            </p>
          )}
          {q.type !== 'text' && <Distribution q={q} titles={titles} />}
        </section>
      ))}
      <section className="card">
        <h2 className="card-title">{t('surveys.openText')}</h2>
        <p className="muted">
          {t('surveys.answerCount', { count: r.openText.answers })}
          {sep}
          {(['positive', 'neutral', 'negative'] as const)
            .map((s) => `${t(`sentiment.${s}`)} ${fmt.number(r.openText.sentiment[s] ?? 0)}`)
            .join(sep)}
        </p>
        <ul className="open-text-list">
          {r.openText.latest.map((item) => (
            <li key={item.id}>
              <Link to={paths.feedbackDetail(item.id)}>
                <bdi dir="auto">{item.text}</bdi>
              </Link>{' '}
              {item.sentiment && <span className={`badge badge-sentiment-${item.sentiment}`}>{t(`sentiment.${item.sentiment}`)}</span>}{' '}
              <span className="muted">{fmt.date(item.createdAt, 'medium')}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
}

/** Answer counts as horizontal bars; bars grow from the start edge, so RTL mirrors them. */
function Distribution({ q, titles }: { q: QuestionResult; titles: Map<string, string> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const entries = Object.entries(q.distribution).sort(([a], [b]) => (Number.isNaN(Number(a)) ? a.localeCompare(b) : Number(a) - Number(b)));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const label = (value: string) =>
    q.type === 'yes_no'
      ? t(value === 'true' ? 'surveys.yes' : 'surveys.no')
      : (titles.get(`${q.id}:${value}`) ?? fmt.number(Number(value)));
  if (entries.length === 0) return <p className="muted">{t('surveys.noAnswers')}</p>;
  return (
    <table className="distribution">
      <tbody>
        {entries.map(([value, n]) => (
          <tr key={value}>
            <th scope="row">
              <bdi>{label(value)}</bdi>
            </th>
            <td>
              <span className="bar" style={{ inlineSize: `${(100 * n) / max}%` }} />
            </td>
            <td className="num">{fmt.number(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
