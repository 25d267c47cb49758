// The path through a survey given the answers so far (follow-ups shown by score, skip logic).
// Imports types only, so the website widget bundles these same functions without the server's
// validation code.
import type { Condition, Question, SurveyDefinition } from './survey-definition.js';

export type AnswerValue = number | string | string[] | boolean;
export type Answers = Record<string, AnswerValue>;

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.question];
  if (value === undefined) return false;
  if (condition.anyOf) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.some((v) => condition.anyOf!.includes(v as string | boolean))) return false;
  }
  if (condition.min !== undefined || condition.max !== undefined) {
    if (typeof value !== 'number') return false;
    if (condition.min !== undefined && value < condition.min) return false;
    if (condition.max !== undefined && value > condition.max) return false;
  }
  return true;
}

/** The question to show after `afterId` (or the first one), or null when the survey is done. */
export function nextQuestion(def: SurveyDefinition, answers: Answers, afterId?: string): Question | null {
  let start = 0;
  if (afterId) {
    const i = def.questions.findIndex((q) => q.id === afterId);
    const jump = def.questions[i]?.logic?.find((rule) => conditionHolds(rule.if, answers));
    if (jump?.goTo === 'end') return null;
    start = jump ? def.questions.findIndex((q) => q.id === jump.goTo) : i + 1;
  }
  for (let i = start; i < def.questions.length; i++) {
    const q = def.questions[i];
    if (!q.showIf || conditionHolds(q.showIf, answers)) return q;
  }
  return null;
}

/** The questions on the respondent's path given the answers so far, in order. */
export function questionPath(def: SurveyDefinition, answers: Answers): Question[] {
  const path: Question[] = [];
  for (let q = nextQuestion(def, answers); q; q = nextQuestion(def, answers, q.id)) {
    path.push(q);
    if (answers[q.id] === undefined) break; // the path beyond an unanswered question is unknown
  }
  return path;
}

/**
 * The first question on the path still to answer (a required one without an answer, or one not
 * yet seen), or null when the response can be completed.
 */
export function firstOpenQuestion(def: SurveyDefinition, answers: Answers, seen: ReadonlySet<string>): Question | null {
  for (const q of questionPath(def, answers)) if (answers[q.id] === undefined && !seen.has(q.id)) return q;
  return null;
}

/**
 * An answer to `question` that brings as many of its follow-ups (questions shown by its answer)
 * as any answer can, from the values their conditions name; undefined when none depends on it.
 */
function answerWithMostFollowUps(def: SurveyDefinition, question: Question): AnswerValue | undefined {
  const conditions = def.questions.flatMap((q) => (q.showIf?.question === question.id ? [q.showIf] : []));
  if (conditions.length === 0) return undefined;
  const named = conditions.flatMap((c) => [c.min, c.max, ...(c.anyOf ?? [])]).filter((v) => v !== undefined);
  // Several options can be chosen at once: all of them bring every follow-up that names one.
  const candidates: AnswerValue[] = question.type === 'multiple' ? [named.filter((v): v is string => typeof v === 'string')] : named;
  let best: AnswerValue | undefined;
  let most = 0;
  for (const value of candidates) {
    const brought = conditions.filter((c) => conditionHolds(c, { [question.id]: value })).length;
    if (brought > most) {
      best = value;
      most = brought;
    }
  }
  return best;
}

/**
 * Every question the respondent will see: the path taken so far, then the rest as it stands. A
 * question not answered yet counts the follow-ups its answer may bring (one of "what went
 * wrong?" / "what did you like?") and no skip: the count changes only when an answer makes it.
 */
export function projectedPath(def: SurveyDefinition, answers: Answers, seen: ReadonlySet<string> = new Set()): Question[] {
  const assumed: Answers = { ...answers };
  const path: Question[] = [];
  for (let i = 0; i < def.questions.length; ) {
    const q = def.questions[i];
    if (q.showIf && !conditionHolds(q.showIf, assumed)) {
      i++;
      continue;
    }
    path.push(q);
    if (answers[q.id] === undefined && !seen.has(q.id)) {
      const likely = answerWithMostFollowUps(def, q);
      if (likely !== undefined) assumed[q.id] = likely;
      i++;
      continue;
    }
    const jump = q.logic?.find((rule) => conditionHolds(rule.if, answers));
    if (jump?.goTo === 'end') break;
    i = jump ? def.questions.findIndex((x) => x.id === jump.goTo) : i + 1;
  }
  return path;
}
