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

export type ParsedAnswer = { ok: true; value: AnswerValue | null } | { ok: false; message: string };

/**
 * A raw answer (form field strings or JSON) → the stored value, or why it is refused. `null`
 * means "skipped", allowed only for optional questions. Scores follow the API's one rule
 * (zScore): a whole number, or a string of digits in any script.
 */
export function parseAnswer(question: Question, raw: unknown): ParsedAnswer {
  const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
  if (empty) return question.required ? { ok: false, message: 'an answer is required' } : { ok: true, value: null };
  if (isScoreType(question.type)) {
    const score = zScore(question.type).safeParse(raw);
    return score.success ? { ok: true, value: score.data } : { ok: false, message: score.error.issues[0].message };
  }
  switch (question.type) {
    case 'text': {
      if (typeof raw !== 'string') return { ok: false, message: 'must be text' };
      const text = raw.trim();
      if (text.length > SURVEY_LIMITS.maxAnswerLength)
        return { ok: false, message: `must be at most ${SURVEY_LIMITS.maxAnswerLength} characters` };
      if (text.includes('\u0000')) return { ok: false, message: 'contains a NUL character' };
      return text
        ? { ok: true, value: text }
        : question.required
          ? { ok: false, message: 'an answer is required' }
          : { ok: true, value: null };
    }
    case 'yes_no': {
      const v = raw === true || raw === 'yes' || raw === 'true' ? true : raw === false || raw === 'no' || raw === 'false' ? false : null;
      return v === null ? { ok: false, message: 'must be yes or no' } : { ok: true, value: v };
    }
    case 'single': {
      const ids = new Set(question.options!.map((o) => o.id));
      return typeof raw === 'string' && ids.has(raw) ? { ok: true, value: raw } : { ok: false, message: 'must be one of the options' };
    }
    case 'multiple': {
      const values = Array.isArray(raw) ? raw : [raw];
      const ids = new Set(question.options!.map((o) => o.id));
      if (!values.every((v) => typeof v === 'string' && ids.has(v))) return { ok: false, message: 'must be options of this question' };
      return { ok: true, value: [...new Set(values as string[])] };
    }
    default:
      return { ok: false, message: 'unknown question type' };
  }
}

/** The score question a text follow-up belongs to (its showIf names a score question), if any. */
export function followUpParent(def: SurveyDefinition, question: Question): Question | null {
  if (question.type !== 'text' || !question.showIf) return null;
  const parent = def.questions.find((q) => q.id === question.showIf!.question);
  return parent && isScoreType(parent.type) ? parent : null;
}
