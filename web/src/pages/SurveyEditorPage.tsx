import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { Localized, Question, SurveyDefinition } from '@feedloop/contracts/survey-definition';
import { QUESTION_TYPES, type QuestionType, SURVEY_LANGUAGES, type Survey, type SurveyLanguage } from '@feedloop/contracts/surveys';
import { surveysApi } from '../api/surveys';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { nativeName } from '../components/LanguageSwitcher';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { EmailTriggersEditor } from '../components/surveys/EmailTriggersEditor';
import { QuestionEditor } from '../components/surveys/QuestionEditor';
import { WidgetSettingsEditor } from '../components/surveys/WidgetSettingsEditor';
import { isRtl, isUiLocale } from '../i18n';
import { errorMessage } from '../lib/errors';
import { paths } from '../lib/router';
import { useSession } from '../lib/session';
import { blankQuestion, canManageSurveys, missingTexts, nameIn, withText } from '../lib/surveys';

const dirOf = (language: SurveyLanguage) => (isRtl(language) ? 'rtl' : 'ltr');
import '../styles/surveys.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready' };

/** The survey builder: questions, their texts in every language, follow-ups, preview, publish. */
export function SurveyEditorPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const canEdit = canManageSurveys(me.role);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [names, setNames] = useState<Localized>({});
  const [def, setDef] = useState<SurveyDefinition | null>(null);
  const [language, setLanguage] = useState<SurveyLanguage>('en');
  const [previewLanguage, setPreviewLanguage] = useState<SurveyLanguage>('en');
  const [newType, setNewType] = useState<QuestionType>('text');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [previewToken, setPreviewToken] = useState(0);
  const [hiddenText, setHiddenText] = useState('');

  function adopt(s: Survey) {
    setSurvey(s);
    setNames(s.names ?? {});
    setDef(s.definition);
    setHiddenText(s.definition.hiddenFields.join(', '));
    setDirty(false);
    setPreviewToken((n) => n + 1);
  }

  useEffect(() => {
    const abort = new AbortController();
    surveysApi
      .get(id, { signal: abort.signal })
      .then((s) => {
        adopt(s);
        const ui = isUiLocale(i18n.language) ? i18n.language : s.definition.defaultLanguage;
        const start = s.definition.languages.includes(ui) ? ui : s.definition.defaultLanguage;
        setLanguage(start);
        setPreviewLanguage(start);
        setLoad({ status: 'ready' });
      })
      .catch((e: unknown) => {
        if (!isAbortError(e)) setLoad({ status: 'error', error: e });
      });
    return () => abort.abort();
    // The UI language only picks the first tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, reload]);

  if (load.status === 'loading' || (load.status === 'ready' && (!survey || !def))) return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setReload((n) => n + 1)} />;
  const s = survey!;
  const d = def!;

  function change(next: SurveyDefinition) {
    setDef(next);
    setDirty(true);
    setNotice(null);
  }
  const setQuestion = (k: number, q: Question) => change({ ...d, questions: d.questions.map((x, j) => (j === k ? q : x)) });
  function move(k: number, delta: -1 | 1) {
    const questions = [...d.questions];
    [questions[k], questions[k + delta]] = [questions[k + delta], questions[k]];
    change({ ...d, questions });
  }
  function toggleLanguage(l: SurveyLanguage) {
    const languages = d.languages.includes(l)
      ? d.languages.filter((x) => x !== l)
      : SURVEY_LANGUAGES.filter((x) => x === l || d.languages.includes(x));
    if (languages.length === 0) return;
    change({ ...d, languages, defaultLanguage: languages.includes(d.defaultLanguage) ? d.defaultLanguage : languages[0] });
    if (!languages.includes(language)) setLanguage(languages[0]);
  }

  async function run(action: () => Promise<Survey>, message: string) {
    setBusy(true);
    setError(null);
    try {
      adopt(await action());
      setNotice(message);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  // `name` stays the fallback: the default language's name when it has one.
  const save = () =>
    run(() => surveysApi.update(s.id, { names, name: names[d.defaultLanguage]?.trim() || s.name, definition: d }), t('surveys.saved'));

  return (
    <div className="stack survey-editor" data-testid="survey-editor">
      <Link to={paths.surveys()} className="back-link">
        {t('surveys.back')}
      </Link>
      <div className="page-head survey-head">
        <div>
          <h1 className="page-title">
            <bdi>{nameIn(s, i18n.language)}</bdi>
          </h1>
          <p className="muted">
            <span className={`badge badge-survey-${s.status}`} data-testid="survey-status">
              {t(`surveys.status.${s.status}`)}
            </span>{' '}
            {t('surveys.version', { version: s.version })}
          </p>
        </div>
        <div className="survey-row-actions">
          <Link to={paths.surveyResults(s.id)} className="button">
            {t('surveys.results')}
          </Link>
          {canEdit && (
            <Link to={paths.surveySend(s.id)} className="button" data-testid="send-and-share">
              {t('surveyEditor.sendAndShare')}
            </Link>
          )}
          {canEdit && s.status !== 'live' && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy || dirty}
              onClick={() => run(() => surveysApi.publish(s.id), t('surveys.published'))}
            >
              {t('surveys.publish')}
            </button>
          )}
          {canEdit && s.status === 'live' && (
            <button type="button" className="button" disabled={busy} onClick={() => run(() => surveysApi.close(s.id), t('surveys.closed'))}>
              {t('surveys.close')}
            </button>
          )}
        </div>
      </div>
      {s.status === 'live' && (
        <p className="card public-link">
          {t('surveys.publicLink')}{' '}
          <a href={s.url} target="_blank" rel="noreferrer" dir="ltr" data-testid="public-link">
            {s.url}
          </a>
        </p>
      )}
      {s.status === 'live' && canEdit && <p className="muted">{t('surveys.liveEditHint')}</p>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {error ? <Alert>{errorMessage(t, error)}</Alert> : null}

      <div className="survey-columns">
        <div className="stack">
          <div className="card stack">
            <fieldset className="language-picks" disabled={!canEdit}>
              <legend className="field-label">{t('surveys.languages')}</legend>
              {SURVEY_LANGUAGES.map((l) => (
                <label key={l} className="checkbox">
                  <input type="checkbox" checked={d.languages.includes(l)} onChange={() => toggleLanguage(l)} /> {nativeName(l)}
                </label>
              ))}
            </fieldset>
            <Field label={t('surveys.defaultLanguage')} hint={t('surveys.defaultLanguageHint')}>
              {(props) => (
                <select
                  {...props}
                  value={d.defaultLanguage}
                  disabled={!canEdit}
                  onChange={(e) => change({ ...d, defaultLanguage: e.target.value as SurveyLanguage })}
                >
                  {d.languages.map((l) => (
                    <option key={l} value={l}>
                      {nativeName(l)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('surveys.hiddenFields')} hint={t('surveys.hiddenFieldsHint')}>
              {(props) => (
                <input
                  {...props}
                  dir="ltr"
                  disabled={!canEdit}
                  value={hiddenText}
                  onChange={(e) => {
                    setHiddenText(e.target.value);
                    change({ ...d, hiddenFields: e.target.value.split(/[,\s]+/).filter(Boolean) });
                  }}
                />
              )}
            </Field>
            <Field label={t('surveys.display')}>
              {(props) => (
                <select
                  {...props}
                  value={d.display}
                  disabled={!canEdit}
                  onChange={(e) => change({ ...d, display: e.target.value as SurveyDefinition['display'] })}
                >
                  <option value="one_per_screen">{t('surveys.displayOnePerScreen')}</option>
                  <option value="all_on_one_page">{t('surveys.displayAllOnOnePage')}</option>
                </select>
              )}
            </Field>
          </div>

          <div className="language-tabs" role="tablist" aria-label={t('surveys.editingLanguage')}>
            {d.languages.map((l) => {
              const missing = missingTexts(d, l);
              return (
                <button
                  key={l}
                  type="button"
                  role="tab"
                  aria-selected={language === l}
                  className={language === l ? 'tab active' : 'tab'}
                  onClick={() => setLanguage(l)}
                >
                  {nativeName(l)}
                  {missing > 0 && (
                    <span className="badge badge-missing" title={t('surveys.missing', { count: missing })}>
                      {missing}
                    </span>
                  )}
                </button>
              );
            })}
          </div>

          <div className="card stack">
            <Field label={t('surveyEditor.name')} hint={t('surveyEditor.nameHint', { fallback: s.name })}>
              {(props) => (
                <input
                  {...props}
                  disabled={!canEdit}
                  dir={dirOf(language)}
                  lang={language}
                  value={names[language] ?? ''}
                  placeholder={s.name}
                  data-testid="survey-name"
                  onChange={(e) => {
                    setNames(withText(names, language, e.target.value));
                    setDirty(true);
                    setNotice(null);
                  }}
                />
              )}
            </Field>
            <Field label={t('surveys.welcome')}>
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  disabled={!canEdit}
                  dir={dirOf(language)}
                  lang={language}
                  value={d.welcome?.[language] ?? ''}
                  placeholder={d.welcome?.[d.defaultLanguage] ?? ''}
                  onChange={(e) => change({ ...d, welcome: withText(d.welcome, language, e.target.value) })}
                />
              )}
            </Field>
            <Field label={t('surveys.thankYou')}>
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  disabled={!canEdit}
                  dir={dirOf(language)}
                  lang={language}
                  value={d.thankYou?.[language] ?? ''}
                  placeholder={d.thankYou?.[d.defaultLanguage] ?? ''}
                  onChange={(e) => change({ ...d, thankYou: withText(d.thankYou, language, e.target.value) })}
                />
              )}
            </Field>
          </div>

          {d.questions.map((q, k) => (
            <QuestionEditor
              key={q.id}
              question={q}
              index={k}
              definition={d}
              language={language}
              readOnly={!canEdit}
              onChange={(next) => setQuestion(k, next)}
              onMove={(delta) => move(k, delta)}
              onRemove={() => change({ ...d, questions: d.questions.filter((_, j) => j !== k) })}
            />
          ))}

          {canEdit && (
            <div className="card add-question">
              <Field label={t('surveys.newQuestionType')}>
                {(props) => (
                  <select {...props} value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)}>
                    {QUESTION_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`surveys.types.${type}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="button"
                onClick={() =>
                  change({ ...d, questions: [...d.questions, blankQuestion(d, newType, language, t('surveys.newQuestionTitle'))] })
                }
              >
                {t('surveys.addQuestion')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={busy || !dirty}
                onClick={() => void save()}
                data-testid="save-survey"
              >
                {t('surveys.save')}
              </button>
            </div>
          )}

          <WidgetSettingsEditor key={s.id} survey={s} readOnly={!canEdit} onSaved={setSurvey} />
          <EmailTriggersEditor key={`triggers-${s.id}`} survey={s} readOnly={!canEdit} onSaved={setSurvey} />
        </div>

        <aside className="card survey-preview" aria-label={t('surveys.preview')}>
          <div className="preview-head">
            <h2 className="card-title">{t('surveys.preview')}</h2>
            <select
              aria-label={t('surveys.previewLanguage')}
              value={previewLanguage}
              onChange={(e) => setPreviewLanguage(e.target.value as SurveyLanguage)}
            >
              {d.languages.map((l) => (
                <option key={l} value={l}>
                  {nativeName(l)}
                </option>
              ))}
            </select>
          </div>
          {dirty && <p className="muted">{t('surveys.previewSaved')}</p>}
          <iframe
            key={`${previewToken}-${previewLanguage}`}
            title={t('surveys.preview')}
            src={surveysApi.previewUrl(s.id, previewLanguage)}
            className="preview-frame"
            data-testid="survey-preview"
          />
        </aside>
      </div>
    </div>
  );
}
