import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import { SURVEY_LANGUAGES, type Survey, type SurveyLanguage, type SurveyTemplate } from '@feedloop/contracts/surveys';
import { surveysApi } from '../api/surveys';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { nativeName } from '../components/LanguageSwitcher';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { isUiLocale } from '../i18n';
import { errorMessage } from '../lib/errors';
import { navigate, paths } from '../lib/router';
import { useSession } from '../lib/session';
import { canManageSurveys, factSeparator, localized, nameIn } from '../lib/surveys';
import { useFormat } from '../lib/useFormat';
import '../styles/surveys.css';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; surveys: Survey[]; templates: SurveyTemplate[] };

/** Every survey of the workspace, and a new survey from one of the shipped templates. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const fmt = useFormat();
  const canEdit = canManageSurveys(me.role);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([surveysApi.list({ signal: abort.signal }), surveysApi.templates({ signal: abort.signal })])
      .then(([surveys, templates]) => setLoad({ status: 'ready', surveys: surveys.data, templates: templates.data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [reload]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setReload((n) => n + 1)} />;

  return (
    <div className="stack" data-testid="surveys-page">
      <div className="page-head">
        <h1 className="page-title">{t('surveys.title')}</h1>
        <p className="muted">{t('surveys.intro')}</p>
      </div>
      {canEdit && <NewSurveyForm templates={load.templates} />}
      {load.surveys.length === 0 ? (
        <p className="empty-state">{t('surveys.empty')}</p>
      ) : (
        <ul className="survey-list" aria-label={t('surveys.title')}>
          {load.surveys.map((s) => (
            <li key={s.id} className="card survey-row">
              <div>
                <h2 className="card-title">
                  <bdi>{nameIn(s, i18n.language)}</bdi>
                </h2>
                <p className="muted">
                  <span className={`badge badge-survey-${s.status}`}>{t(`surveys.status.${s.status}`)}</span>{' '}
                  {[
                    t('surveys.summary', { count: s.definition.questions.length, version: s.version }),
                    new Intl.ListFormat(i18n.language, { type: 'unit', style: 'narrow' }).format(
                      s.definition.languages.map((l) => nativeName(l)),
                    ),
                    fmt.date(s.updatedAt, 'medium'),
                  ].join(factSeparator(i18n.language))}
                </p>
                <p className="muted survey-first-question">
                  <bdi>{localized(s.definition.questions[0]?.title, i18n.language, s.definition)}</bdi>
                </p>
              </div>
              <div className="survey-row-actions">
                <Link to={paths.surveyEditor(s.id)} className="button">
                  {canEdit ? t('surveys.edit') : t('surveys.view')}
                </Link>
                <Link to={paths.surveyResults(s.id)} className="button">
                  {t('surveys.results')}
                </Link>
                {canEdit && (
                  <Link to={paths.surveySend(s.id)} className="button">
                    {t('surveyEditor.sendAndShare')}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewSurveyForm({ templates }: { templates: SurveyTemplate[] }) {
  const { t, i18n } = useTranslation();
  const uiLanguage: SurveyLanguage = isUiLocale(i18n.language) ? i18n.language : 'en';
  const [template, setTemplate] = useState(templates[0]?.key ?? '');
  const [languages, setLanguages] = useState<SurveyLanguage[]>([...SURVEY_LANGUAGES]);
  const [defaultLanguage, setDefaultLanguage] = useState<SurveyLanguage>(uiLanguage);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function toggle(language: SurveyLanguage) {
    setLanguages((current) =>
      current.includes(language)
        ? current.filter((l) => l !== language)
        : SURVEY_LANGUAGES.filter((l) => l === language || current.includes(l)),
    );
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fallback = languages.includes(defaultLanguage) ? defaultLanguage : languages[0];
      const survey = await surveysApi.createFromTemplate(template, languages, fallback);
      navigate(paths.surveyEditor(survey.id));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form className="card new-survey" onSubmit={create} aria-labelledby="new-survey-title">
      <h2 className="card-title" id="new-survey-title">
        {t('surveys.new')}
      </h2>
      <Field label={t('surveys.template')}>
        {(props) => (
          <select {...props} value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="template-select">
            {templates.map((tpl) => (
              <option key={tpl.key} value={tpl.key}>
                {tpl.name[uiLanguage]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="language-picks">
        <legend className="field-label">{t('surveys.languages')}</legend>
        {SURVEY_LANGUAGES.map((l) => (
          <label key={l} className="checkbox">
            <input type="checkbox" checked={languages.includes(l)} onChange={() => toggle(l)} /> {nativeName(l)}
          </label>
        ))}
      </fieldset>
      <Field label={t('surveys.defaultLanguage')} hint={t('surveys.defaultLanguageHint')}>
        {(props) => (
          <select {...props} value={defaultLanguage} onChange={(e) => setDefaultLanguage(e.target.value as SurveyLanguage)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {nativeName(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {error ? <Alert>{errorMessage(t, error)}</Alert> : null}
      <button type="submit" className="button button-primary" disabled={busy || languages.length === 0 || !template}>
        {t('surveys.create')}
      </button>
    </form>
  );
}
