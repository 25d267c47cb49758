// What a survey asks: its questions, their texts in every language, follow-ups and skip logic.
// A definition is stored whole in one survey version and never changes once answered. The
// server validates with these schemas; the dashboard and the widget import the types only.
import { z } from 'zod';
import { isScoreType, QUESTION_TYPES, SURVEY_CONTENT_LIMITS, SURVEY_LANGUAGES, type QuestionType, type SurveyLanguage } from './surveys.js';

export { isScoreType, QUESTION_TYPES, SURVEY_LANGUAGES, type QuestionType, type SurveyLanguage };

const zLocale = z.enum(SURVEY_LANGUAGES);

const zKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'use 1–40 lower-case letters, digits or _ (starting with a letter)');

/** One text in several languages: { en: '…', fa: '…' }. */
export const zLocalized = z.partialRecord(zLocale, z.string().trim().min(1).max(SURVEY_CONTENT_LIMITS.maxTextLength));
export type Localized = z.infer<typeof zLocalized>;

/** When a rule applies, judged on one earlier answer: a score range, or one of some values. */
const zCondition = z
  .strictObject({
    question: zKey,
    min: z.number().optional(),
    max: z.number().optional(),
    anyOf: z
      .array(z.union([z.string().max(40), z.boolean()]))
      .min(1)
      .max(50)
      .optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined || c.anyOf !== undefined, { message: 'give min/max or anyOf' });
export type Condition = z.infer<typeof zCondition>;

const zOption = z.strictObject({ id: zKey, label: zLocalized });

export const zQuestion = z.strictObject({
  id: zKey,
  type: z.enum(QUESTION_TYPES),
  title: zLocalized,
  description: zLocalized.optional(),
  required: z.boolean().default(false),
  options: z.array(zOption).min(2).max(SURVEY_CONTENT_LIMITS.maxOptions).optional(),
  /** Labels at the two ends of a score scale ("not at all likely" … "extremely likely"). */
  lowLabel: zLocalized.optional(),
  highLabel: zLocalized.optional(),
  /** Shown only when this holds (a follow-up chosen by score: detractors get "what went wrong?"). */
  showIf: zCondition.optional(),
  /** Skip logic after this question: the first rule that holds jumps to a later question or the end. */
  logic: z
    .array(z.strictObject({ if: zCondition, goTo: z.union([zKey, z.literal('end')]) }))
    .max(20)
    .optional(),
});
export type Question = z.infer<typeof zQuestion>;

export const zSurveyDefinition = z
  .strictObject({
    languages: z.array(zLocale).min(1).max(SURVEY_LANGUAGES.length),
    defaultLanguage: zLocale,
    welcome: zLocalized.optional(),
    thankYou: zLocalized.optional(),
    questions: z.array(zQuestion).min(1).max(SURVEY_CONTENT_LIMITS.maxQuestions),
    /** Names of hidden fields a link may carry (?plan=pro): kept on the response and its feedback. */
    hiddenFields: z.array(zKey).max(20).default([]),
    display: z.enum(['one_per_screen', 'all_on_one_page']).default('one_per_screen'),
  })
  .superRefine((d, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (new Set(d.languages).size !== d.languages.length) issue(['languages'], 'languages repeat');
    if (!d.languages.includes(d.defaultLanguage)) issue(['defaultLanguage'], 'must be one of languages');
    const needsDefault = (text: Localized | undefined, path: PropertyKey[]) => {
      if (text && !text[d.defaultLanguage]) issue(path, `needs a ${d.defaultLanguage} text (the default language)`);
      for (const lang of Object.keys(text ?? {}))
        if (!d.languages.includes(lang as SurveyLanguage)) issue([...path, lang], 'not one of the survey languages');
    };
    needsDefault(d.welcome, ['welcome']);
    needsDefault(d.thankYou, ['thankYou']);
    const position = new Map<string, number>();
    d.questions.forEach((q, i) => {
      const at = ['questions', i];
      if (position.has(q.id)) issue([...at, 'id'], `question id ${q.id} repeats`);
      position.set(q.id, i);
      needsDefault(q.title, [...at, 'title']);
      needsDefault(q.description, [...at, 'description']);
      needsDefault(q.lowLabel, [...at, 'lowLabel']);
      needsDefault(q.highLabel, [...at, 'highLabel']);
      const hasOptions = q.type === 'single' || q.type === 'multiple';
      if (hasOptions && !q.options) issue([...at, 'options'], `a ${q.type} question needs options`);
      if (!hasOptions && q.options) issue([...at, 'options'], `a ${q.type} question has no options`);
      q.options?.forEach((o, k) => needsDefault(o.label, [...at, 'options', k, 'label']));
      if (q.options && new Set(q.options.map((o) => o.id)).size !== q.options.length) issue([...at, 'options'], 'option ids repeat');
      const earlier = (c: Condition, path: PropertyKey[]) => {
        const ref = position.get(c.question);
        if (ref === undefined || ref >= i + (path.includes('logic') ? 1 : 0))
          issue([...path, 'question'], `must name an earlier question${path.includes('logic') ? ' or this one' : ''}`);
      };
      if (q.showIf) earlier(q.showIf, [...at, 'showIf']);
      q.logic?.forEach((rule, k) => earlier(rule.if, [...at, 'logic', k, 'if']));
    });
    d.questions.forEach((q, i) =>
      q.logic?.forEach((rule, k) => {
        if (rule.goTo !== 'end' && !((position.get(rule.goTo) ?? -1) > i))
          issue(['questions', i, 'logic', k, 'goTo'], 'must name a later question or "end"');
      }),
    );
  });
export type SurveyDefinition = z.infer<typeof zSurveyDefinition>;
/** A definition as a request may give it: `required`, `hiddenFields` and `display` have defaults. */
export type SurveyDefinitionInput = z.input<typeof zSurveyDefinition>;

/** The text in `lang`, else in the survey's default language. */
export const localize = (text: Localized | undefined, lang: SurveyLanguage, def: SurveyDefinition): string =>
  text?.[lang] ?? text?.[def.defaultLanguage] ?? '';

/** A survey's name in `lang`, else its fallback name. */
export const nameIn = (survey: { name: string; names: Localized }, lang: SurveyLanguage): string => survey.names[lang] ?? survey.name;
