import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import {
  TOPIC_LANGUAGES,
  type Topic,
  type TopicKeywords,
  type TopicLanguage,
  type TopicNames,
  type UpdateTopic,
} from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import { errorMessage } from '../../lib/errors';
import { parseKeywords, parseLines, sameList } from '../../lib/topics';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';

type PerLanguage = Record<TopicLanguage, string>;
type FieldName = 'names' | 'keywords' | 'examples';

// How a list is shown for editing: each language's own comma.
const SEPARATOR: Record<TopicLanguage, string> = { fa: '، ', ar: '، ', zh: '、', en: ', ' };

function perLanguage(read: (lang: TopicLanguage) => string): PerLanguage {
  return Object.fromEntries(TOPIC_LANGUAGES.map((lang) => [lang, read(lang)])) as PerLanguage;
}

/** The server's complaint in the user's language, attached to the part of the form it is about. */
function describeError(t: TFunction, error: unknown): { field: FieldName | null; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 409 || error.fields.includes('key')) return { field: 'names', message: t('topics.errors.duplicate') };
    if (error.status === 400 || error.status === 422) {
      const field = (['names', 'keywords', 'examples'] as const).find((name) => error.fields.includes(name));
      if (field) return { field, message: t(`topics.errors.${field}`) };
    }
  }
  return { field: null, message: errorMessage(t, error) };
}

interface TopicFormProps {
  /** The topic to edit; a new topic is added when absent. */
  topic?: Topic;
  onSaved: (topic: Topic) => void;
  onCancel: () => void;
}

/** Add or edit a topic: a name and keywords per language, and example texts. */
export function TopicForm({ topic, onSaved, onCancel }: TopicFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [names, setNames] = useState<PerLanguage>(() => perLanguage((lang) => topic?.names[lang] ?? ''));
  const [keywords, setKeywords] = useState<PerLanguage>(() => perLanguage((lang) => (topic?.keywords[lang] ?? []).join(SEPARATOR[lang])));
  const [examples, setExamples] = useState(() => (topic?.examples ?? []).join('\n'));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ field: FieldName | null; message: string } | null>(null);
  const testId = topic ? 'topic-edit-form' : 'topic-create-form';

  function buildCreate() {
    const outNames: TopicNames = {};
    const outKeywords: TopicKeywords = {};
    for (const lang of TOPIC_LANGUAGES) {
      if (names[lang].trim()) outNames[lang] = names[lang].trim();
      const list = parseKeywords(keywords[lang]);
      if (list.length > 0) outKeywords[lang] = list;
    }
    return { names: outNames, keywords: outKeywords, examples: parseLines(examples) };
  }

  function buildPatch(current: Topic): UpdateTopic {
    const patch: UpdateTopic = {};
    const outNames: NonNullable<UpdateTopic['names']> = {};
    const outKeywords: TopicKeywords = {};
    for (const lang of TOPIC_LANGUAGES) {
      const name = names[lang].trim();
      if (name !== (current.names[lang] ?? '')) outNames[lang] = name || null;
      const list = parseKeywords(keywords[lang]);
      if (!sameList(list, current.keywords[lang] ?? [])) outKeywords[lang] = list;
    }
    if (Object.keys(outNames).length > 0) patch.names = outNames;
    if (Object.keys(outKeywords).length > 0) patch.keywords = outKeywords;
    const list = parseLines(examples);
    if (!sameList(list, current.examples)) patch.examples = list;
    return patch;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (TOPIC_LANGUAGES.every((lang) => !names[lang].trim())) {
      setProblem({ field: 'names', message: t('topics.errors.nameRequired') });
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      if (topic) {
        const patch = buildPatch(topic);
        onSaved(Object.keys(patch).length > 0 ? await analysisApi.updateTopic(topic.id, patch) : topic);
      } else {
        onSaved(await analysisApi.createTopic(buildCreate()));
      }
    } catch (error) {
      setProblem(describeError(t, error));
      setSaving(false);
    }
  }

  return (
    <form className="form topic-form" data-testid={testId} noValidate onSubmit={handleSubmit}>
      {problem && problem.field !== 'examples' && <Alert>{problem.message}</Alert>}
      <div className="topic-form-languages">
        {TOPIC_LANGUAGES.map((lang) => (
          <fieldset key={lang} className="fieldset topic-form-language">
            <legend className="legend">{format.languageName(lang)}</legend>
            <Field label={t('topics.form.name')}>
              {(props) => (
                <input
                  {...props}
                  className="input"
                  name={`name-${lang}`}
                  data-testid={`topic-name-${lang}`}
                  dir="auto"
                  lang={lang}
                  maxLength={80}
                  value={names[lang]}
                  onChange={(event) => setNames((current) => ({ ...current, [lang]: event.target.value }))}
                />
              )}
            </Field>
            <Field label={t('topics.form.keywords')} hint={t('topics.form.keywordsHint')}>
              {(props) => (
                <textarea
                  {...props}
                  className="input textarea"
                  name={`keywords-${lang}`}
                  data-testid={`topic-keywords-${lang}`}
                  dir="auto"
                  lang={lang}
                  rows={2}
                  value={keywords[lang]}
                  onChange={(event) => setKeywords((current) => ({ ...current, [lang]: event.target.value }))}
                />
              )}
            </Field>
          </fieldset>
        ))}
      </div>
      <Field
        label={t('topics.form.examples')}
        hint={t('topics.form.examplesHint')}
        error={problem?.field === 'examples' ? problem.message : null}
      >
        {(props) => (
          <textarea
            {...props}
            className="input textarea"
            name="examples"
            data-testid="topic-examples"
            dir="auto"
            rows={3}
            value={examples}
            onChange={(event) => setExamples(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={saving}>
          {t('topics.cancel')}
        </button>
        <button type="submit" className="button button-primary" data-testid="topic-save" disabled={saving}>
          {saving ? t('topics.saving') : topic ? t('topics.form.saveChanges') : t('topics.form.create')}
        </button>
      </div>
    </form>
  );
}
