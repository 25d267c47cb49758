import type { Role } from '@feedloop/contracts/workspace';
import type { Localized, Question, SurveyDefinition } from '@feedloop/contracts/survey-definition';
import type { QuestionType, SurveyLanguage } from '@feedloop/contracts/surveys';

/** Only admins and owners build, publish and close surveys (the `surveys:manage` scope). */
export function canManageSurveys(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** The text in the UI language when the survey has it, else in the survey's default language. */
export function localized(text: Localized | undefined, language: string, def: SurveyDefinition): string {
  return text?.[language as SurveyLanguage] ?? text?.[def.defaultLanguage] ?? '';
}

/** A survey's name in the UI language, else its fallback name. */
export const nameIn = (survey: { name: string; names?: Localized }, language: string): string =>
  survey.names?.[language as SurveyLanguage] ?? survey.name;

/** Sets one language of a text; an empty value removes that language. */
export function withText(text: Localized | undefined, language: SurveyLanguage, value: string): Localized {
  const next: Localized = { ...text };
  if (value.trim()) next[language] = value;
  else delete next[language];
  return next;
}

/** A question id not used yet, from its type (`nps`, `text_2`, …). */
export function newQuestionId(def: SurveyDefinition, type: QuestionType): string {
  const used = new Set(def.questions.map((q) => q.id));
  if (!used.has(type)) return type;
  for (let n = 2; ; n++) if (!used.has(`${type}_${n}`)) return `${type}_${n}`;
}

/** Every text of the survey a language still lacks (titles, option labels, welcome, thank-you). */
export function missingTexts(def: SurveyDefinition, language: SurveyLanguage): number {
  const texts: Array<Localized | undefined> = [def.welcome, def.thankYou];
  for (const q of def.questions) texts.push(q.title, q.description, q.lowLabel, q.highLabel, ...(q.options ?? []).map((o) => o.label));
  return texts.filter((t) => t && Object.keys(t).length > 0 && !t[language]?.trim()).length;
}

export function blankQuestion(def: SurveyDefinition, type: QuestionType, language: SurveyLanguage, title: string): Question {
  // The default language always gets a text too: the server requires one there.
  const text = (value: string): Localized => ({ [def.defaultLanguage]: value, [language]: value });
  const q: Question = { id: newQuestionId(def, type), type, title: text(title), required: false };
  if (type === 'single' || type === 'multiple')
    q.options = [
      { id: 'option_1', label: text('1') },
      { id: 'option_2', label: text('2') },
    ];
  return q;
}

export { factSeparator } from './format';
