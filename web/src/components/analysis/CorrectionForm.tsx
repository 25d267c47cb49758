import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { CorrectAnalysis, Topic } from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import { FEEDBACK_TYPES, type FeedbackItem, type FeedbackType, SENTIMENTS, type Sentiment } from '@feedloop/contracts/feedback';
import { errorMessage } from '../../lib/errors';
import { sameSet, topicDisplayName } from '../../lib/topics';
import { Alert } from '../Alert';
import { Field } from '../Field';

type FieldName = 'sentiment' | 'type' | 'topics';

interface Problem {
  /** Messages next to the fields the server complained about. */
  fields: Partial<Record<FieldName, string>>;
  /** A message for the whole form, when no field explains it. */
  general: string | null;
}

/** The server's complaint in the user's language, attached to the field it is about. */
function describeError(t: TFunction, error: unknown): Problem {
  if (!(error instanceof ApiError)) return { fields: {}, general: errorMessage(t, error) };
  if (error.code === 'unknown_topic') return { fields: { topics: t('analysis.errors.unknownTopic') }, general: null };
  if (error.status === 400 || error.status === 422) {
    const fields: Problem['fields'] = {};
    for (const name of error.fields) {
      if (name === 'sentiment' || name === 'type' || name === 'topics') fields[name] = t(`analysis.errors.${name}`);
    }
    if (Object.keys(fields).length > 0) return { fields, general: null };
  }
  return { fields: {}, general: errorMessage(t, error) };
}

/** One-click correction of an item's sentiment, type and topics; only changed fields are sent. */
export function CorrectionForm({ item, topics, onSaved }: { item: FeedbackItem; topics: Topic[]; onSaved: (item: FeedbackItem) => void }) {
  const { t, i18n } = useTranslation();
  const [sentiment, setSentiment] = useState<Sentiment | ''>(item.sentiment ?? '');
  const [type, setType] = useState<FeedbackType | ''>(item.type ?? '');
  const [selected, setSelected] = useState<string[]>(item.topics ?? []);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<Problem | null>(null);

  // A saved correction (or a reload) brings a new item: start from its values.
  useEffect(() => {
    setSentiment(item.sentiment ?? '');
    setType(item.type ?? '');
    setSelected(item.topics ?? []);
  }, [item]);

  const correction: CorrectAnalysis = {};
  if (sentiment && sentiment !== item.sentiment) correction.sentiment = sentiment;
  if (type && type !== item.type) correction.type = type;
  if (!sameSet(selected, item.topics ?? [])) correction.topics = [...selected];
  const changed = Object.keys(correction).length > 0;

  // Topics the item has but the taxonomy no longer lists still get a checkbox, so they can be removed.
  const known = new Set(topics.map((topic) => topic.key));
  const options = [
    ...topics.map((topic) => ({ key: topic.key, name: topicDisplayName(topic.names, topic.key, i18n.language) })),
    ...(item.topics ?? []).filter((key) => !known.has(key)).map((key) => ({ key, name: { text: key, lang: null } })),
  ];

  function touched() {
    setStatus('idle');
    setProblem(null);
  }

  function toggle(key: string, on: boolean) {
    setSelected((current) => (on ? [...current.filter((k) => k !== key), key] : current.filter((k) => k !== key)));
    touched();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!changed) return;
    setStatus('saving');
    setProblem(null);
    try {
      const updated = await analysisApi.correct(item.id, correction);
      onSaved(updated);
      setStatus('saved');
    } catch (error) {
      setProblem(describeError(t, error));
      setStatus('idle');
    }
  }

  return (
    <form className="correction-form" data-testid="correction-form" noValidate onSubmit={handleSubmit}>
      <h3 className="correction-title">{t('analysis.correctTitle')}</h3>
      <p className="field-hint">{t('analysis.correctHint')}</p>
      {status === 'saved' && <Alert tone="success">{t('analysis.saved')}</Alert>}
      {problem?.general && <Alert>{problem.general}</Alert>}
      <div className="form-row">
        <Field label={t('analysis.sentiment')} error={problem?.fields.sentiment}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="sentiment"
              value={sentiment}
              onChange={(event) => {
                setSentiment(event.target.value as Sentiment);
                touched();
              }}
            >
              {!item.sentiment && (
                <option value="" disabled>
                  {t('analysis.choose')}
                </option>
              )}
              {SENTIMENTS.map((value) => (
                <option key={value} value={value}>
                  {t(`sentiment.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('analysis.type')} error={problem?.fields.type}>
          {(props) => (
            <select
              {...props}
              className="select"
              name="type"
              value={type}
              onChange={(event) => {
                setType(event.target.value as FeedbackType);
                touched();
              }}
            >
              {!item.type && (
                <option value="" disabled>
                  {t('analysis.choose')}
                </option>
              )}
              {FEEDBACK_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`feedbackType.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset
        className="topic-choices"
        data-testid="topic-choices"
        aria-invalid={problem?.fields.topics ? true : undefined}
        aria-describedby={problem?.fields.topics ? 'topic-choices-error' : undefined}
      >
        <legend className="field-label">{t('analysis.topics')}</legend>
        {options.length === 0 ? (
          <p className="muted">{t('analysis.noTopicsDefined')}</p>
        ) : (
          <ul className="checkbox-list">
            {options.map(({ key, name }) => (
              <li key={key}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="topics"
                    value={key}
                    checked={selected.includes(key)}
                    onChange={(event) => toggle(key, event.target.checked)}
                  />
                  <span dir="auto" lang={name.lang ?? undefined}>
                    {name.text}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {problem?.fields.topics && (
          <p className="field-error" id="topic-choices-error">
            {problem.fields.topics}
          </p>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="correction-save" disabled={!changed || status === 'saving'}>
          {status === 'saving' ? t('analysis.saving') : t('analysis.save')}
        </button>
      </div>
    </form>
  );
}
