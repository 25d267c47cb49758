import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Question, SurveyDefinition } from '@feedloop/contracts/survey-definition';
import { isScoreType, type SurveyLanguage } from '@feedloop/contracts/surveys';
import { isRtl } from '../../i18n';
import { localized, withText } from '../../lib/surveys';
import { useFormat } from '../../lib/useFormat';
import { Field } from '../Field';

interface Props {
  question: Question;
  index: number;
  definition: SurveyDefinition;
  language: SurveyLanguage;
  readOnly: boolean;
  onChange: (next: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question: its texts in the language being edited, required flag, options and follow-up rule. */
export function QuestionEditor({ question: q, index, definition, language, readOnly, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dir = isRtl(language) ? 'rtl' : 'ltr';
  const fallback = (text: Partial<Record<SurveyLanguage, string>> | undefined) => text?.[definition.defaultLanguage] ?? '';
  const scoreQuestions = definition.questions.slice(0, index).filter((p) => isScoreType(p.type));
  const parent = q.showIf ? definition.questions.find((p) => p.id === q.showIf!.question) : undefined;

  return (
    <fieldset className="card question-editor" data-testid={`question-${q.id}`} disabled={readOnly}>
      <legend className="question-legend">
        <span className="num">{fmt.number(index + 1)}</span> <span className="badge">{t(`surveys.types.${q.type}`)}</span>{' '}
        <code>{q.id}</code>
      </legend>
      <Field label={t('surveys.questionTitle')}>
        {(props) => (
          <input
            {...props}
            dir={dir}
            lang={language}
            value={q.title[language] ?? ''}
            placeholder={fallback(q.title)}
            onChange={(e) => onChange({ ...q, title: withText(q.title, language, e.target.value) })}
          />
        )}
      </Field>
      <Field label={t('surveys.questionDescription')}>
        {(props) => (
          <input
            {...props}
            dir={dir}
            lang={language}
            value={q.description?.[language] ?? ''}
            placeholder={fallback(q.description)}
            onChange={(e) => onChange({ ...q, description: withText(q.description, language, e.target.value) })}
          />
        )}
      </Field>
      {q.options && (
        <div className="option-list">
          <p className="field-label">{t('surveys.options')}</p>
          {q.options.map((o, k) => (
            <div key={o.id} className="option-row">
              <input
                aria-label={t('surveys.optionLabel', { n: k + 1 })}
                dir={dir}
                lang={language}
                value={o.label[language] ?? ''}
                placeholder={fallback(o.label)}
                onChange={(e) =>
                  onChange({
                    ...q,
                    options: q.options!.map((x, j) => (j === k ? { ...x, label: withText(x.label, language, e.target.value) } : x)),
                  })
                }
              />
              <button
                type="button"
                className="button button-ghost"
                disabled={q.options!.length <= 2}
                onClick={() => onChange({ ...q, options: q.options!.filter((_, j) => j !== k) })}
              >
                {t('surveys.removeOption')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => {
              const used = new Set(q.options!.map((o) => o.id));
              let n = q.options!.length + 1;
              while (used.has(`option_${n}`)) n++;
              onChange({
                ...q,
                options: [...q.options!, { id: `option_${n}`, label: { [definition.defaultLanguage]: String(n), [language]: String(n) } }],
              });
            }}
          >
            {t('surveys.addOption')}
          </button>
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} />{' '}
        {t('surveys.required')}
      </label>
      {q.type === 'text' && scoreQuestions.length > 0 && (
        <div className="follow-up">
          <Field label={t('surveys.followUpOf')} hint={t('surveys.followUpHint')}>
            {(props) => (
              <select
                {...props}
                value={q.showIf?.question ?? ''}
                onChange={(e) =>
                  onChange({
                    ...q,
                    showIf: e.target.value
                      ? {
                          question: e.target.value,
                          min: undefined,
                          max: undefined,
                          ...(q.showIf?.question === e.target.value ? q.showIf : { max: 6 }),
                        }
                      : undefined,
                  })
                }
              >
                <option value="">{t('surveys.always')}</option>
                {scoreQuestions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {questionOption(t, definition, p, language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {parent && (
            <div className="score-range">
              <label>
                {t('surveys.fromScore')}{' '}
                <input
                  type="number"
                  value={q.showIf!.min ?? ''}
                  onChange={(e) =>
                    onChange({ ...q, showIf: { ...q.showIf!, min: e.target.value === '' ? undefined : Number(e.target.value) } })
                  }
                />
              </label>
              <label>
                {t('surveys.toScore')}{' '}
                <input
                  type="number"
                  value={q.showIf!.max ?? ''}
                  onChange={(e) =>
                    onChange({ ...q, showIf: { ...q.showIf!, max: e.target.value === '' ? undefined : Number(e.target.value) } })
                  }
                />
              </label>
            </div>
          )}
        </div>
      )}
      {q.type !== 'text' && (
        <LogicEditor
          question={q}
          definition={definition}
          later={definition.questions.slice(index + 1)}
          language={language}
          onChange={(logic) => onChange({ ...q, logic: logic.length ? logic : undefined })}
        />
      )}
      <div className="question-actions">
        <button type="button" className="button button-ghost" onClick={() => onMove(-1)} disabled={index === 0}>
          {t('surveys.moveUp')}
        </button>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => onMove(1)}
          disabled={index === definition.questions.length - 1}
        >
          {t('surveys.moveDown')}
        </button>
        <button type="button" className="button button-danger" onClick={onRemove} disabled={definition.questions.length <= 1}>
          {t('surveys.removeQuestion')}
        </button>
      </div>
    </fieldset>
  );
}

type Rule = NonNullable<Question['logic']>[number];

/** A question as a choice in a list: its number in the survey and its text in the language being edited. */
function questionOption(t: TFunction, def: SurveyDefinition, q: Question, language: SurveyLanguage): string {
  // The title is isolated (FSI … PDI), so an English title keeps its order in a right-to-left list.
  return t('surveyEditor.questionOption', {
    n: def.questions.indexOf(q) + 1,
    title: `\u2068${localized(q.title, language, def) || q.id}\u2069`,
  });
}

/** Skip logic after a question: "if the answer is …, go to a later question or the end". */
function LogicEditor({
  question: q,
  definition,
  later,
  language,
  onChange,
}: {
  question: Question;
  definition: SurveyDefinition;
  later: Question[];
  language: SurveyLanguage;
  onChange: (logic: Rule[]) => void;
}) {
  const { t } = useTranslation();
  const rules = q.logic ?? [];
  const set = (k: number, rule: Rule) => onChange(rules.map((r, j) => (j === k ? rule : r)));
  const fresh = (): Rule => ({
    if: isScoreType(q.type)
      ? { question: q.id, max: 6 }
      : q.type === 'yes_no'
        ? { question: q.id, anyOf: [false] }
        : { question: q.id, anyOf: [q.options?.[0]?.id ?? ''] },
    goTo: later[0]?.id ?? 'end',
  });
  const number = (v: string) => (v === '' ? undefined : Number(v));
  return (
    <div className="logic-editor">
      <p className="field-label">{t('surveys.logic')}</p>
      {rules.map((rule, k) => (
        <div key={k} className="logic-row" data-testid="logic-rule">
          <span>{t('surveys.ifAnswer')}</span>
          {isScoreType(q.type) && (
            <>
              <input
                type="number"
                aria-label={t('surveys.fromScore')}
                value={rule.if.min ?? ''}
                onChange={(e) => set(k, { ...rule, if: { ...rule.if, min: number(e.target.value) } })}
              />
              <span>{t('surveys.toScore')}</span>
              <input
                type="number"
                aria-label={t('surveys.toScore')}
                value={rule.if.max ?? ''}
                onChange={(e) => set(k, { ...rule, if: { ...rule.if, max: number(e.target.value) } })}
              />
            </>
          )}
          {q.type === 'yes_no' && (
            <select
              aria-label={t('surveys.ifAnswer')}
              value={String(rule.if.anyOf?.[0] ?? false)}
              onChange={(e) => set(k, { ...rule, if: { question: q.id, anyOf: [e.target.value === 'true'] } })}
            >
              <option value="true">{t('surveys.yes')}</option>
              <option value="false">{t('surveys.no')}</option>
            </select>
          )}
          {q.options && (
            <select
              aria-label={t('surveys.ifAnswer')}
              value={String(rule.if.anyOf?.[0] ?? '')}
              onChange={(e) => set(k, { ...rule, if: { question: q.id, anyOf: [e.target.value] } })}
            >
              {q.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {localized(o.label, language, definition) || o.id}
                </option>
              ))}
            </select>
          )}
          <span>{t('surveys.goTo')}</span>
          <select aria-label={t('surveys.goTo')} value={rule.goTo} onChange={(e) => set(k, { ...rule, goTo: e.target.value })}>
            {later.map((l) => (
              <option key={l.id} value={l.id}>
                {questionOption(t, definition, l, language)}
              </option>
            ))}
            <option value="end">{t('surveys.end')}</option>
          </select>
          <button type="button" className="button button-ghost" onClick={() => onChange(rules.filter((_, j) => j !== k))}>
            {t('surveys.removeRule')}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rules, fresh()])}>
        {t('surveys.addRule')}
      </button>
    </div>
  );
}
