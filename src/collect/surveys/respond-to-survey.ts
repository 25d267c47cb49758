// A respondent's side of a survey: open (or resume) a response and save answers. Each answered
// question is committed at once, so a respondent who stops half-way leaves a partial response.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../feedback/feedback.tables.js';
import { emitRuleTriggers } from '../../act/rules/emit-trigger.js';
import { AppError } from '../../platform/http/errors.js';
import { newId, randomToken, sha256 } from '../../platform/ids.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { surveyAnswers, surveyResponses, surveyVersions } from './surveys.tables.js';
import { personalResumeToken } from './survey-links.js';
import { feedbackOwner, syncAnswerFeedback } from './answer-feedback.js';
import { answerNewResponseCoalesced } from './answer-batcher.js';
import { readSurveyByToken } from './survey-by-token.js';
import { conditionHolds, firstOpenQuestion, parseAnswer, type AnswerProblem, type Answers, type AnswerValue } from './survey-flow.js';
import type { Question, SurveyDefinition } from '../../contracts/survey-definition.js';
import { currentVersion, type SurveyRow, type VersionRow } from './surveys.service.js';

export type { VersionRow };

export type ResponseRow = typeof surveyResponses.$inferSelect;

export interface RespondentSurvey {
  survey: SurveyRow;
  scope: WorkspaceScope;
  /** The survey's current version, read with it (saves a query on every page and answer). */
  current?: VersionRow;
  /** Added to the metadata of the answers' feedback items (the widget: how the respondent was identified). */
  itemMetadata?: Record<string, unknown>;
}

/** The survey behind a public link token; its workspace comes from the survey, never the request. */
export async function surveyByPublicToken(database: Database, publicToken: string): Promise<RespondentSurvey | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(publicToken)) return null;
  const row = await readSurveyByToken(database, publicToken);
  return row
    ? { survey: row.survey, scope: new WorkspaceScope(database, row.survey.workspaceId), current: row.version ?? undefined }
    : null;
}

/** The current version, from the survey's own read when it was made with it. */
export async function respondentVersion(rs: RespondentSurvey): Promise<VersionRow> {
  return rs.current?.version === rs.survey.currentVersion ? rs.current : currentVersion(rs.scope, rs.survey);
}

/** A version by id; `known` (usually the current version, already read) saves the query. */
async function versionById(scope: WorkspaceScope, versionId: string, db: DbOrTx = scope.db, known?: VersionRow): Promise<VersionRow> {
  if (known?.id === versionId) return known;
  const [v] = await db
    .select()
    .from(surveyVersions)
    .where(scope.where(surveyVersions, eq(surveyVersions.id, versionId)));
  return v;
}

/** The version a response answers: usually the current one, already read. */
export const responseVersion = (rs: RespondentSurvey, response: ResponseRow): Promise<VersionRow> =>
  versionById(rs.scope, response.versionId, rs.scope.db, rs.current);

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
export async function openResponse(
  rs: RespondentSurvey,
  input: OpenResponseInput,
): Promise<{ response: ResponseRow; resumeToken: string }> {
  const { survey, scope } = rs;
  assertOpen(survey);
  const resumeToken = input.personalKey ? personalResumeToken(survey.signingKey, input.personalKey) : randomToken(18);
  const byPersonalKey = (key: string) =>
    scope.db
      .select()
      .from(surveyResponses)
      .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.personalKey, key)));
  // With a response cap, an existing personal response is looked up first (it is never refused as
  // "full"); without one, the insert below finds it as a conflict, one query fewer for new respondents.
  if (input.personalKey && survey.settings.maxResponses) {
    const [existing] = await byPersonalKey(input.personalKey);
    if (existing) return { response: existing, resumeToken };
  }
  if (survey.settings.maxResponses) {
    const [{ n }] = await scope.db
      .select({ n: count() })
      .from(surveyResponses)
      .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, survey.id)));
    if (n >= survey.settings.maxResponses) throw new AppError(409, 'survey_full', 'This survey has all the answers it needs');
  }
  const version = await respondentVersion(rs);
  const [created] = await scope.db
    .insert(surveyResponses)
    .values(
      scope.stamp({
        id: newId(),
        surveyId: survey.id,
        versionId: version.id,
        customerId: input.customerId,
        channel: input.channel,
        language: input.language,
        resumeTokenHash: sha256(resumeToken),
        personalKey: input.personalKey,
        hidden: input.hidden,
      }),
    )
    .onConflictDoNothing()
    .returning();
  if (created) return { response: created, resumeToken };
  // The personal response exists (opened before, or by another tab at the same moment).
  if (input.personalKey) {
    const [existing] = await byPersonalKey(input.personalKey);
    if (existing) return { response: existing, resumeToken };
  }
  const [existing] = await scope.db
    .select()
    .from(surveyResponses)
    .where(scope.where(surveyResponses, eq(surveyResponses.resumeTokenHash, sha256(resumeToken))));
  return { response: existing, resumeToken };
}

export async function responseByResumeToken({ survey, scope }: RespondentSurvey, token: string): Promise<ResponseRow | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const [r] = await scope.db
    .select()
    .from(surveyResponses)
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

export async function responseState(
  scope: WorkspaceScope,
  response: ResponseRow,
  db: DbOrTx = scope.db,
  knownVersion?: VersionRow,
): Promise<ResponseState & { items: Map<string, string> }> {
  const v = await versionById(scope, response.versionId, db, knownVersion);
  const rows = await db
    .select()
    .from(surveyAnswers)
    .where(scope.where(surveyAnswers, eq(surveyAnswers.responseId, response.id)));
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
  constructor(
    readonly questionId: string,
    message: string,
    readonly problem: AnswerProblem = 'invalid',
  ) {
    super(400, 'invalid_answer', `${questionId}: ${message}`, questionId);
  }
}

export interface PlannedAnswer {
  question: Question;
  value: AnswerValue | null;
}

/**
 * Checks the given answers against the response's state, in survey order (so a follow-up sent
 * together with its score question sees that score), and applies them to `state`. Returns the
 * answers to write; throws an AnswerError, before anything is written, if one is invalid.
 */
function planAnswers(def: SurveyDefinition, state: { answers: Answers; seen: Set<string> }, raw: Record<string, unknown>): PlannedAnswer[] {
  for (const questionId of Object.keys(raw)) {
    if (!def.questions.some((q) => q.id === questionId)) throw new AnswerError(questionId, 'no such question in this survey');
  }
  const planned: PlannedAnswer[] = [];
  for (const question of def.questions.filter((q) => q.id in raw)) {
    const questionId = question.id;
    // A follow-up meant for other answers (a promoter question after a score of 3) is refused.
    if (question.showIf && !conditionHolds(question.showIf, state.answers))
      throw new AnswerError(questionId, 'this question does not apply to your earlier answers', 'notApplicable');
    const parsed = parseAnswer(question, raw[questionId]);
    if (!parsed.ok) throw new AnswerError(questionId, parsed.message, parsed.problem);
    const before = state.answers[questionId];
    if (state.seen.has(questionId) && JSON.stringify(before ?? null) === JSON.stringify(parsed.value)) continue;
    if (parsed.value === null) delete state.answers[questionId];
    else state.answers[questionId] = parsed.value;
    state.seen.add(questionId);
    planned.push({ question, value: parsed.value });
  }
  return planned;
}

/**
 * Writes planned answers and their feedback items. Each item sees the answers up to its own
 * question, as if they had been sent one by one.
 */
async function writeAnswers(
  scope: WorkspaceScope,
  tx: Tx,
  ctx: {
    survey: SurveyRow;
    version: number;
    definition: SurveyDefinition;
    response: ResponseRow;
    answers: Answers;
    items: Map<string, string>;
    itemMetadata?: Record<string, unknown>;
  },
  planned: PlannedAnswer[],
): Promise<void> {
  const { survey, definition: def, response } = ctx;
  const answers: Answers = { ...ctx.answers };
  const feedbackCtx = {
    survey,
    version: ctx.version,
    definition: def,
    response,
    answers,
    items: ctx.items,
    itemMetadata: ctx.itemMetadata,
  };
  for (const { question, value } of planned) {
    const questionId = question.id;
    if (value === null) delete answers[questionId];
    else answers[questionId] = value;
    const owner = feedbackOwner(def, question);
    // A question that owns its feedback item (a score) gets the item first and is written with
    // its id in one statement; a follow-up updates the item and links it to its score's answer.
    const ownItemId = owner?.id === questionId ? await syncAnswerFeedback(scope, tx, feedbackCtx, owner) : null;
    await tx
      .insert(surveyAnswers)
      .values(
        scope.stamp({
          responseId: response.id,
          surveyId: survey.id,
          questionId,
          value,
          ...(ownItemId ? { feedbackItemId: ownItemId } : {}),
        }),
      )
      .onConflictDoUpdate({
        target: [surveyAnswers.responseId, surveyAnswers.questionId],
        set: {
          value: sql`excluded.value`,
          answeredAt: sql`now()`,
          ...(ownItemId ? { feedbackItemId: sql`excluded.feedback_item_id` } : {}),
        },
      });
    if (owner && owner.id !== questionId) {
      const linked = ctx.items.get(owner.id);
      const itemId = await syncAnswerFeedback(scope, tx, feedbackCtx, owner);
      // Already linked to this item: nothing to update.
      if (itemId && itemId !== linked)
        await tx
          .update(surveyAnswers)
          .set({ feedbackItemId: itemId })
          .where(and(eq(surveyAnswers.responseId, response.id), eq(surveyAnswers.questionId, owner.id)));
    }
  }
}

/**
 * Saves the given answers (question id → raw value) in one transaction. The response row is
 * locked first, so a double submit waits for the first and then finds its answer: saving the
 * same answer twice changes nothing. A completed response accepts no more answers.
 */
export async function saveAnswers(
  { survey, scope, current, itemMetadata }: RespondentSurvey,
  responseId: string,
  raw: Record<string, unknown>,
): Promise<ResponseState & { completed: boolean }> {
  assertOpen(survey);
  const out = await scope.transaction(async (tx) => {
    const [response] = await tx
      .select()
      .from(surveyResponses)
      .where(scope.where(surveyResponses, eq(surveyResponses.id, responseId)))
      .for('update');
    if (!response) throw new AppError(404, 'not_found', 'Response not found');
    if (response.status === 'completed') throw new AppError(409, 'response_completed', 'This response was already submitted');
    const state = await responseState(scope, response, tx, current);
    const { definition: def } = state;
    const initial = { ...state.answers };
    const planned = planAnswers(def, state, raw);
    await writeAnswers(
      scope,
      tx,
      { survey, version: state.version, definition: def, response, answers: initial, items: state.items, itemMetadata },
      planned,
    );
    const next = firstOpenQuestion(def, state.answers, state.seen);
    const completed = next === null;
    await tx
      .update(surveyResponses)
      .set({ updatedAt: new Date(), ...(completed ? { status: 'completed', completedAt: new Date() } : {}) })
      .where(scope.where(surveyResponses, eq(surveyResponses.id, responseId)));
    if (completed) await responseCompleted(scope, tx, survey.id, responseId);
    return { ...state, next, completed };
  });
  notifyJobsEnqueued();
  return out;
}

/** A new respondent's first answers, checked and ready to write (see answerNewResponse). */
export interface NewResponse {
  scope: WorkspaceScope;
  survey: SurveyRow;
  version: VersionRow;
  planned: PlannedAnswer[];
  row: typeof surveyResponses.$inferInsert;
  resumeToken: string;
  itemMetadata?: Record<string, unknown>;
}

/**
 * A new respondent's first answers, in one transaction with the response itself: the same rows
 * as openResponse() followed by saveAnswers(), in fewer statements. Returns null, having written
 * nothing, when that shortcut does not apply: the survey caps its responses, an answer is invalid
 * (the two steps then report it with the response kept for the retry), or the response already
 * exists (a double submit: the two steps find it and wait for its lock).
 */
export async function answerNewResponse(
  rs: RespondentSurvey,
  input: OpenResponseInput,
  raw: Record<string, unknown>,
): Promise<{ response: ResponseRow; resumeToken: string } | null> {
  const { survey, scope } = rs;
  assertOpen(survey);
  if (survey.settings.maxResponses) return null;
  const version = await respondentVersion(rs);
  const def = version.definition;
  const state = { answers: {} as Answers, seen: new Set<string>() };
  let planned: PlannedAnswer[];
  try {
    planned = planAnswers(def, state, raw);
  } catch (err) {
    if (err instanceof AnswerError) return null;
    throw err;
  }
  const completed = firstOpenQuestion(def, state.answers, state.seen) === null;
  const resumeToken = input.personalKey ? personalResumeToken(survey.signingKey, input.personalKey) : randomToken(18);
  const now = new Date();
  const row = scope.stamp({
    id: newId(),
    surveyId: survey.id,
    versionId: version.id,
    customerId: input.customerId,
    channel: input.channel,
    language: input.language,
    resumeTokenHash: sha256(resumeToken),
    personalKey: input.personalKey,
    hidden: input.hidden,
    updatedAt: now,
    ...(completed ? { status: 'completed', completedAt: now } : {}),
  });
  const prepared: NewResponse = { scope, survey, version, planned, row, resumeToken, itemMetadata: rs.itemMetadata };
  // Answers that only create their own items (the usual first page) are written together with
  // other respondents' answers arriving at the same moment; anything else alone, as before.
  if (
    planned.every(({ question }) => {
      const owner = feedbackOwner(def, question);
      return !owner || owner.id === question.id;
    })
  ) {
    return answerNewResponseCoalesced(prepared, writeNewResponse);
  }
  const response = await scope.transaction((tx) => writeNewResponse(tx, prepared));
  if (!response) return null;
  notifyJobsEnqueued();
  return { response, resumeToken };
}

/** Writes one prepared new response in the caller's transaction; null if the response already exists. */
export async function writeNewResponse(tx: Tx, p: NewResponse): Promise<ResponseRow | null> {
  const [created] = await tx.insert(surveyResponses).values(p.row).onConflictDoNothing().returning();
  if (!created) return null;
  await writeAnswers(
    p.scope,
    tx,
    {
      survey: p.survey,
      version: p.version.version,
      definition: p.version.definition,
      response: created,
      answers: {},
      items: new Map(),
      itemMetadata: p.itemMetadata,
    },
    p.planned,
  );
  if (created.status === 'completed') await responseCompleted(p.scope, tx, p.survey.id, created.id);
  return created;
}

/** Rules listening for completed responses hear of it with the response's first feedback item. */
async function responseCompleted(scope: WorkspaceScope, tx: Tx, surveyId: string, responseId: string) {
  const [item] = await tx
    .select({ id: feedbackItems.id })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, eq(feedbackItems.surveyResponseId, responseId)))
    .limit(1);
  if (item) await emitRuleTriggers(scope, tx, [{ kind: 'survey_response_completed', surveyId, feedbackId: item.id }]);
}
