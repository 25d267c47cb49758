/**
 * Write coalescing for new respondents' first answers, as create-batcher does for feedback: the
 * answers that arrive while a transaction is in flight are written together in one transaction
 * (one multi-row insert each for responses, feedback items and answers, one analysis job), and
 * each request is answered only after that commit. With no concurrency an answer is written at
 * once. If a shared transaction fails, each answer is retried on its own, so one bad answer never
 * fails its neighbours.
 */
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { coalescingLanes, takeDistinct } from '../../platform/db/coalescing-lanes.js';
import { storeFeedback } from '../feedback/store-feedback.js';
import type { TCreateFeedbackInput } from '../feedback/feedback.input.js';
import { surveyAnswers, surveyResponses } from './surveys.tables.js';
import { feedbackOwner, newFeedbackInput } from './answer-feedback.js';
import type { Answers } from './survey-flow.js';
import type { NewResponse, ResponseRow } from './respond-to-survey.js';

const MAX_IN_FLIGHT = 2; // concurrent transactions per workspace (each batch is a multi-statement transaction)
const MAX_BATCH = 200;

export type Answered = { response: ResponseRow; resumeToken: string } | null;
type WriteAlone = (tx: Tx, p: NewResponse) => Promise<ResponseRow | null>;
interface Pending {
  p: NewResponse;
  alone: WriteAlone;
  resolve(r: Answered): void;
  reject(e: unknown): void;
}

const personalKey = (p: NewResponse) => (p.row.personalKey ? `${p.row.surveyId}|${p.row.personalKey}` : '');

const lanes = coalescingLanes<Pending>({
  maxInFlight: MAX_IN_FLIGHT,
  // A personal key already in the batch (a double submit) waits for the next one; unique keys
  // inserted in one order by every transaction: concurrent batches cannot deadlock.
  takeBatch(waiting) {
    const { batch, rest } = takeDistinct(waiting, MAX_BATCH, (w) => personalKey(w.p));
    return { batch: batch.sort((a, b) => (personalKey(a.p) < personalKey(b.p) ? -1 : personalKey(a.p) > personalKey(b.p) ? 1 : 0)), rest };
  },
  flush,
});

/** Resolves once the answer's transaction committed; null if the response already existed (nothing written). */
export function answerNewResponseCoalesced(p: NewResponse, alone: WriteAlone): Promise<Answered> {
  return new Promise<Answered>((resolve, reject) => lanes.push(p.scope.workspaceId, { p, alone, resolve, reject }));
}

async function flush(batch: Pending[]) {
  const { scope } = batch[0].p;
  let created: Array<ResponseRow | null>;
  try {
    created = await scope.transaction((tx) =>
      writeBatch(
        scope,
        tx,
        batch.map((w) => w.p),
      ),
    );
  } catch (err) {
    // Nothing of this batch was committed: retry each answer on its own.
    if (batch.length === 1) return batch[0].reject(err);
    for (const w of batch) {
      await scope
        .transaction((tx) => w.alone(tx, w.p))
        .then((response) => {
          if (response) notifyJobsEnqueued();
          w.resolve(response ? { response, resumeToken: w.p.resumeToken } : null);
        }, w.reject);
    }
    return;
  }
  notifyJobsEnqueued();
  batch.forEach((w, i) => {
    const response = created[i];
    w.resolve(response ? { response, resumeToken: w.p.resumeToken } : null);
  });
}

/**
 * The rows writeNewResponse() writes for each answer, for the whole batch at once. Only answers
 * whose questions own their feedback item come here, so each item is created once, from its own
 * question's answer, and nothing is updated afterwards.
 */
async function writeBatch(scope: WorkspaceScope, tx: Tx, batch: NewResponse[]): Promise<Array<ResponseRow | null>> {
  const inserted = await tx
    .insert(surveyResponses)
    .values(batch.map((p) => p.row))
    .onConflictDoNothing()
    .returning();
  const byId = new Map(inserted.map((r) => [r.id, r]));
  const created = batch.map((p) => byId.get(p.row.id!) ?? null);
  const answerRows: Array<typeof surveyAnswers.$inferInsert> = [];
  const items: TCreateFeedbackInput[] = [];
  const itemAnswer: Array<typeof surveyAnswers.$inferInsert> = [];
  batch.forEach((p, i) => {
    const response = created[i];
    if (!response) return;
    const def = p.version.definition;
    const answers: Answers = {};
    const ctx = {
      survey: p.survey,
      version: p.version.version,
      definition: def,
      response,
      answers,
      items: new Map<string, string>(),
      itemMetadata: p.itemMetadata,
    };
    for (const { question, value } of p.planned) {
      if (value === null) delete answers[question.id];
      else answers[question.id] = value;
      const row = scope.stamp({
        responseId: response.id,
        surveyId: p.survey.id,
        questionId: question.id,
        value,
        feedbackItemId: null as string | null,
      });
      answerRows.push(row);
      const item = feedbackOwner(def, question)?.id === question.id ? newFeedbackInput(ctx, question) : null;
      if (item) {
        items.push(item);
        itemAnswer.push(row);
      }
    }
  });
  if (items.length > 0) {
    const results = await storeFeedback(scope, tx, items);
    results.forEach((result, k) => {
      if (!result.ok) throw new Error(`survey answer not stored: ${result.message}`);
      itemAnswer[k].feedbackItemId = result.id;
    });
  }
  if (answerRows.length > 0) await tx.insert(surveyAnswers).values(answerRows);
  return created;
}
