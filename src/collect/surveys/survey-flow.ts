// Walking a survey: which answer values a question takes, and which question comes next given
// the answers so far (follow-ups shown by score, skip logic). Pure functions, shared by the link
// page, the email one-click and the API.
import { SURVEY_LIMITS } from './limits.js';
import { zScore } from '../feedback/feedback.input.js';
import { isScoreType, type Question, type SurveyDefinition } from '../../contracts/survey-definition.js';

import type { AnswerValue } from '../../contracts/survey-walk.js';

export {
  conditionHolds,
  nextQuestion,
  questionPath,
  projectedPath,
  firstOpenQuestion,
  type AnswerValue,
  type Answers,
} from '../../contracts/survey-walk.js';

/** Why an answer is refused, for the respondent's own words (the link page says it in their language). */
export type AnswerProblem = 'required' | 'outOfScale' | 'tooLong' | 'notApplicable' | 'invalid';
export type ParsedAnswer = { ok: true; value: AnswerValue | null } | { ok: false; message: string; problem: AnswerProblem };

const refused = (message: string, problem: AnswerProblem = 'invalid'): ParsedAnswer => ({ ok: false, message, problem });
const REQUIRED = refused('an answer is required', 'required');

/**
 * A raw answer (form field strings or JSON) → the stored value, or why it is refused. `null`
 * means "skipped", allowed only for optional questions. Scores follow the API's one rule
 * (zScore): a whole number, or a string of digits in any script.
 */
export function parseAnswer(question: Question, raw: unknown): ParsedAnswer {
  const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
  if (empty) return question.required ? REQUIRED : { ok: true, value: null };
  if (isScoreType(question.type)) {
    const score = zScore(question.type).safeParse(raw);
    return score.success ? { ok: true, value: score.data } : refused(score.error.issues[0].message, 'outOfScale');
  }
  switch (question.type) {
    case 'text': {
      if (typeof raw !== 'string') return refused('must be text');
      const text = raw.trim();
      if (text.length > SURVEY_LIMITS.maxAnswerLength)
        return refused(`must be at most ${SURVEY_LIMITS.maxAnswerLength} characters`, 'tooLong');
      if (text.includes('\u0000')) return refused('contains a NUL character');
      return text ? { ok: true, value: text } : question.required ? REQUIRED : { ok: true, value: null };
    }
    case 'yes_no': {
      const v = raw === true || raw === 'yes' || raw === 'true' ? true : raw === false || raw === 'no' || raw === 'false' ? false : null;
      return v === null ? refused('must be yes or no') : { ok: true, value: v };
    }
    case 'single': {
      const ids = new Set(question.options!.map((o) => o.id));
      return typeof raw === 'string' && ids.has(raw) ? { ok: true, value: raw } : refused('must be one of the options');
    }
    case 'multiple': {
      const values = Array.isArray(raw) ? raw : [raw];
      const ids = new Set(question.options!.map((o) => o.id));
      if (!values.every((v) => typeof v === 'string' && ids.has(v))) return refused('must be options of this question');
      return { ok: true, value: [...new Set(values as string[])] };
    }
    default:
      return refused('unknown question type');
  }
}

/** The score question a text follow-up belongs to (its showIf names a score question), if any. */
export function followUpParent(def: SurveyDefinition, question: Question): Question | null {
  if (question.type !== 'text' || !question.showIf) return null;
  const parent = def.questions.find((q) => q.id === question.showIf!.question);
  return parent && isScoreType(parent.type) ? parent : null;
}
