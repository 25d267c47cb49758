// A respondent's side of a survey: open (or resume) a response and save answers. Each answered
// question is committed at once, so a respondent who stops half-way leaves a partial response.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { newId, randomToken, sha256 } from '../../platform/ids.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { surveyAnswers, surveyResponses, surveys, surveyVersions } from './schema.js';
import { personalResumeToken } from './survey-links.js';
import { feedbackOwner, syncAnswerFeedback } from './answer-feedback.js';
import { conditionHolds, firstOpenQuestion, parseAnswer, type Answers } from './survey-flow.js';
import type { Question, SurveyDefinition } from './survey-definition.js';
import type { SurveyRow } from './survey.service.js';

export type ResponseRow = typeof surveyResponses.$inferSelect;

export interface RespondentSurvey {
  survey: SurveyRow;
  scope: WorkspaceScope;
}

/** The survey behind a public link token; its workspace comes from the survey, never the request. */
export async function surveyByPublicToken(database: Database, publicToken: string): Promise<RespondentSurvey | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(publicToken)) return null;
  const [survey] = await database.db.select().from(surveys).where(eq(surveys.publicToken, publicToken));
  return survey ? { survey, scope: new WorkspaceScope(database, survey.workspaceId) } : null;
}

export async function versionDefinition(scope: WorkspaceScope, versionId: string) {
  const [v] = await scope.db.select().from(surveyVersions).where(scope.where(surveyVersions, eq(surveyVersions.id, versionId)));
  return v;
}

export async function currentVersion(scope: WorkspaceScope, survey: SurveyRow, db: Tx | WorkspaceScope['db'] = scope.db) {
  const [v] = await db.select().from(surveyVersions)
    .where(scope.where(surveyVersions, eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.version, survey.currentVersion)));
  return v;
}

export function assertOpen(survey: SurveyRow): void {
  if (survey.status === 'closed') throw new AppError(409, 'survey_closed', 'This survey is closed and no longer accepts answers');
  if (survey.status !== 'live') throw new AppError(409, 'survey_not_live', 'This survey is not open yet');
}

export interface OpenResponseInput {
  customerId: string | null;
  /** set for personal links and email sends: the same key always reaches the same response */
  personalKey: string | null;
  channel: 'link' | 'email' | 'widget' | 'api';
  language: string;
  hidden: Record<string, string>;
}

/** Finds the personal response or starts a new one; returns it with its resume token. */
export async function openResponse({ survey, scope }: RespondentSurvey, input: OpenResponseInput): Promise<{ response: ResponseRow; resumeToken: string }> {
  assertOpen(survey);
  const resumeToken = input.personalKey ? personalResumeToken(survey.signingKey, input.personalKey) : randomToken(18);
  if (input.personalKey) {
    const [existing] = await scope.db.select().from(surveyResponses).where(scope.where(surveyResponses, eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.personalKey, input.personalKey)));
    if (existing) return { response: existing, resumeToken };
  }
  if (survey.settings.maxResponses) {
    const [{ n }] = await scope.db.select({ n: count() }).from(surveyResponses).where(scope.where(surveyResponses, eq(surveyResponses.surveyId, survey.id)));
    if (n >= survey.settings.maxResponses) throw new AppError(409, 'survey_full', 'This survey has all the answers it needs');
  }
  const version = await currentVersion(scope, survey);
  const [created] = await scope.db.insert(surveyResponses).values(scope.stamp({
    id: newId(), surveyId: survey.id, versionId: version.id, customerId: input.customerId, channel: input.channel,
    language: input.language, resumeTokenHash: sha256(resumeToken), personalKey: input.personalKey, hidden: input.hidden,
  })).onConflictDoNothing().returning();
  if (created) return { response: created, resumeToken };
  // Two tabs opened the same personal link at once: the other one created it.
  const [existing] = await scope.db.select().from(surveyResponses).where(scope.where(surveyResponses, eq(surveyResponses.resumeTokenHash, sha256(resumeToken))));
  return { response: existing, resumeToken };
}

export async function responseByResumeToken({ survey, scope }: RespondentSurvey, token: string): Promise<ResponseRow | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const [r] = await scope.db.select().from(surveyResponses)
    .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.resumeTokenHash, sha256(token))));
  return r ?? null;
}

export interface ResponseState {
  definition: SurveyDefinition;
  version: number;
  answers: Answers;
  seen: Set<string>;
  next: Question | null;
}

export async function responseState(scope: WorkspaceScope, response: ResponseRow, db: Tx | WorkspaceScope['db'] = scope.db): Promise<ResponseState & { items: Map<string, string> }> {
  const [v] = await db.select().from(surveyVersions).where(scope.where(surveyVersions, eq(surveyVersions.id, response.versionId)));
  const rows = await db.select().from(surveyAnswers).where(scope.where(surveyAnswers, eq(surveyAnswers.responseId, response.id)));
  const answers: Answers = {};
  const items = new Map<string, string>();
  for (const r of rows) {
    if (r.value !== null) answers[r.questionId] = r.value;
    if (r.feedbackItemId) items.set(r.questionId, r.feedbackItemId);
  }
  const seen = new Set(rows.map((r) => r.questionId));
  return { definition: v.definition, version: v.version, answers, seen, items, next: firstOpenQuestion(v.definition, answers, seen) };
}

export class AnswerError extends AppError {
  constructor(readonly questionId: string, message: string) {
    super(400, 'invalid_answer', `${questionId}: ${message}`, questionId);
  }
}

/**
 * Saves the given answers (question id → raw value) in one transaction. The response row is
 * locked first, so a double submit waits for the first and then finds its answer: saving the
 * same answer twice changes nothing. A completed response accepts no more answers.
 */
export async function saveAnswers({ survey, scope }: RespondentSurvey, responseId: string, raw: Record<string, unknown>): Promise<ResponseState & { completed: boolean }> {
  assertOpen(survey);
  const out = await scope.transaction(async (tx) => {
    const [response] = await tx.select().from(surveyResponses).where(scope.where(surveyResponses, eq(surveyResponses.id, responseId))).for('update');
    if (!response) throw new AppError(404, 'not_found', 'Response not found');
    if (response.status === 'completed') throw new AppError(409, 'response_completed', 'This response was already submitted');
    const state = await responseState(scope, response, tx);
    const { definition: def } = state;
    for (const questionId of Object.keys(raw)) {
      if (!def.questions.some((q) => q.id === questionId)) throw new AnswerError(questionId, 'no such question in this survey');
    }
    // In survey order, so a follow-up sent together with its score question sees that score.
    for (const question of def.questions.filter((q) => q.id in raw)) {
      const questionId = question.id;
      const value = raw[questionId];
      // A follow-up meant for other answers (a promoter question after a score of 3) is refused.
      if (question.showIf && !conditionHolds(question.showIf, state.answers)) throw new AnswerError(questionId, 'this question does not apply to your earlier answers');
      const parsed = parseAnswer(question, value);
      if (!parsed.ok) throw new AnswerError(questionId, parsed.message);
      const before = state.answers[questionId];
      if (state.seen.has(questionId) && JSON.stringify(before ?? null) === JSON.stringify(parsed.value)) continue;
      if (parsed.value === null) delete state.answers[questionId];
      else state.answers[questionId] = parsed.value;
      state.seen.add(questionId);
      await tx.insert(surveyAnswers).values(scope.stamp({ responseId, surveyId: survey.id, questionId, value: parsed.value }))
        .onConflictDoUpdate({ target: [surveyAnswers.responseId, surveyAnswers.questionId], set: { value: sql`excluded.value`, answeredAt: sql`now()` } });
      const owner = feedbackOwner(def, question);
      if (owner) {
        const itemId = await syncAnswerFeedback(scope, tx, { survey, version: state.version, definition: def, response, answers: state.answers, items: state.items }, owner);
        if (itemId) await tx.update(surveyAnswers).set({ feedbackItemId: itemId }).where(and(eq(surveyAnswers.responseId, responseId), eq(surveyAnswers.questionId, owner.id)));
      }
    }
    const next = firstOpenQuestion(def, state.answers, state.seen);
    const completed = next === null;
    await tx.update(surveyResponses).set({ updatedAt: new Date(), ...(completed ? { status: 'completed', completedAt: new Date() } : {}) })
      .where(scope.where(surveyResponses, eq(surveyResponses.id, responseId)));
    return { ...state, next, completed };
  });
  notifyJobsEnqueued();
  return out;
}
