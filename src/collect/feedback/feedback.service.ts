// Creating, listing, reading and updating feedback items.
import { desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from './feedback.tables.js';
import { customers, orders } from '../../customers/customers/customers.tables.js';
import { surveyResponses } from '../surveys/surveys.tables.js';
import { loadSegment, segmentMembersSql } from '../../customers/segments/segment-sql.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { HTTP_LIMITS } from '../../platform/http/limits.js';
import { decodeCursor, describeZodError, encodeCursor } from '../../platform/http/zod-types.js';
import { olderThan } from '../../platform/http/page.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { SEARCH_LIMITS } from '../../analyze/search/limits.js';
import {
  afterRelevanceCursor,
  decodeRelevanceCursor,
  encodeRelevanceCursor,
  feedbackSearch,
} from '../../analyze/search/feedback-search.js';
import { buildSnippet } from '../../analyze/search/build-snippet.js';
import { redactFeedbackPii } from '../../analyze/pii/redact-feedback-pii.js';
import { piiRedactionEnabled } from '../../platform/workspace/workspace-settings.service.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { metrics } from '../../platform/metrics.js';
import { storeFeedback, type StoreResult } from './store-feedback.js';
import { assertTicket } from '../../act/references.js';
import { storeOneCoalesced } from './create-batcher.js';
import { loadFeedbackViews, publicFeedback } from './feedback-view.js';

export { publicFeedback };
import { ZCreateFeedbackInput, type TCreateFeedbackInput, type TListFeedbackQuery, type TUpdateFeedbackInput } from './feedback.input.js';
import { assertServiceUnit } from '../../evaluate/service-units/service-unit-refs.js';
import { loadUnitTree } from '../../evaluate/service-units/unit-tree.js';
import { expandUnitFilter } from '../../evaluate/service-units/unit-rollups.js';

type FeedbackRow = typeof feedbackItems.$inferSelect;

function refError(r: Extract<StoreResult, { ok: false }>) {
  return new AppError(r.code === 'duplicate' ? 409 : r.code === 'invalid_phone' ? 400 : 422, r.code, r.message, r.field);
}

export async function createFeedback(scope: WorkspaceScope, input: TCreateFeedbackInput) {
  const { result, item } = await storeOneCoalesced(scope, input);
  if (!result.ok) throw refError(result);
  if (!result.duplicate) {
    notifyJobsEnqueued();
    metrics.feedbackCreated.inc({ channel: input.channel });
  }
  return { item: item ?? (await getFeedback(scope, result.id)), duplicate: result.duplicate };
}

type BulkItemResult =
  | { index: number; status: 'created' | 'duplicate'; id: string }
  | { index: number; status: 'invalid'; error: { code: string; message: string; field?: string } };

export async function bulkCreateFeedback(scope: WorkspaceScope, rawItems: unknown[], mode: 'atomic' | 'partial') {
  const results: BulkItemResult[] = new Array(rawItems.length);
  const valid: Array<{ index: number; input: TCreateFeedbackInput }> = [];
  rawItems.forEach((raw, index) => {
    const parsed = ZCreateFeedbackInput.safeParse(raw);
    if (parsed.success) valid.push({ index, input: parsed.data });
    else {
      const { field, message } = describeZodError(parsed.error, 'item');
      results[index] = { index, status: 'invalid', error: { code: 'invalid_input', message, field } };
    }
  });
  const invalidNow = () => results.filter((r) => r?.status === 'invalid').length;
  if (mode === 'atomic' && invalidNow() > 0)
    return { stored: false, created: 0, duplicates: 0, invalid: invalidNow(), results: results.filter(Boolean) };

  const outcome = await scope
    .transaction(async (tx) => {
      const stored = await storeFeedback(
        scope,
        tx,
        valid.map((v) => v.input),
      );
      stored.forEach((r, k) => {
        const index = valid[k].index;
        results[index] = r.ok
          ? { index, status: r.duplicate ? 'duplicate' : 'created', id: r.id }
          : { index, status: 'invalid', error: { code: r.code, message: r.message, field: r.field } };
      });
      // Atomic mode: a reference error found while storing rolls back the whole batch.
      if (mode === 'atomic' && invalidNow() > 0) throw new RollbackBulk();
      return true;
    })
    .catch((err) => {
      if (err instanceof RollbackBulk) return false;
      throw err;
    });

  const created = results.filter((r) => r.status === 'created').length;
  if (outcome && created > 0) {
    notifyJobsEnqueued();
    metrics.feedbackCreated.inc({ channel: 'bulk' }, created);
  }
  return {
    stored: outcome,
    created: outcome ? created : 0,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    invalid: invalidNow(),
    results: outcome ? results : results.map((r) => (r.status === 'invalid' ? r : { index: r.index, status: 'not_stored' as const })),
  };
}

class RollbackBulk extends Error {}

export async function getFeedback(scope: WorkspaceScope, id: string) {
  const [item] = await loadFeedbackViews(scope, [id]);
  if (!item) throw notFound('Feedback item');
  return item;
}

/** Answers to a survey: stamped in metadata by the survey pages, or linked to one of its responses. */
function surveyCondition(scope: WorkspaceScope, surveyId: string) {
  const responses = scope.db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(scope.where(surveyResponses, eq(surveyResponses.surveyId, surveyId)));
  return or(sql`${feedbackItems.metadata}->>'survey_id' = ${surveyId}`, inArray(feedbackItems.surveyResponseId, responses));
}

/** Items from the segment's customers (its definition compiled to a parameterized subquery). */
async function segmentCondition(scope: WorkspaceScope, segmentId: string) {
  const segment = await loadSegment(scope, segmentId).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404)
      throw new AppError(422, 'unknown_segment', 'segment: no such segment in this workspace', 'segment');
    throw err;
  });
  return sql`${feedbackItems.customerId} in (${segmentMembersSql(scope, segment)})`;
}

/** Items of the unit and of every unit under it, as the unit's figures count them. */
async function serviceUnitCondition(scope: WorkspaceScope, unitId: string) {
  const units = expandUnitFilter(await loadUnitTree(scope), [unitId], 'service_unit_id');
  return inArray(feedbackItems.serviceUnitId, units);
}

export async function listFeedback(scope: WorkspaceScope, q: TListFeedbackQuery) {
  const search = q.q ? feedbackSearch(q.q) : null;
  const byRelevance = search !== null && q.sort === 'relevance';
  const conditions: Array<SQL | undefined> = [];
  if (q.channel) conditions.push(inArray(feedbackItems.channel, q.channel));
  if (q.language) conditions.push(inArray(feedbackItems.language, q.language));
  if (q.status) conditions.push(eq(feedbackItems.status, q.status));
  if (q.sentiment) conditions.push(inArray(feedbackItems.sentiment, q.sentiment));
  if (q.type) conditions.push(inArray(feedbackItems.feedbackType, q.type));
  if (q.topic) conditions.push(sql`${feedbackItems.topics} @> ${pgArray(q.topic)}::text[]`);
  if (q.product) conditions.push(inArray(sql`${feedbackItems.metadata}->>'product'`, q.product));
  if (q.customer_id) conditions.push(eq(feedbackItems.customerId, q.customer_id));
  if (q.tag) conditions.push(sql`${feedbackItems.tags} @> ${pgArray(q.tag)}::text[]`);
  if (q.assignee_id)
    conditions.push(q.assignee_id === 'none' ? isNull(feedbackItems.assigneeId) : eq(feedbackItems.assigneeId, q.assignee_id));
  if (q.has_ticket !== undefined) conditions.push(q.has_ticket ? isNotNull(feedbackItems.ticketId) : isNull(feedbackItems.ticketId));
  if (q.survey_id) conditions.push(surveyCondition(scope, q.survey_id));
  if (q.segment) conditions.push(await segmentCondition(scope, q.segment));
  if (q.service_unit_id) conditions.push(await serviceUnitCondition(scope, q.service_unit_id));
  if (q.from) conditions.push(gte(feedbackItems.createdAt, q.from));
  if (q.to) conditions.push(lte(feedbackItems.createdAt, q.to));
  if (q.score_type) {
    const column = { nps: feedbackItems.nps, csat: feedbackItems.csat, ces: feedbackItems.ces, rating: feedbackItems.rating }[q.score_type];
    conditions.push(sql`${column} is not null`);
    if (q.score_min != null) conditions.push(gte(column, q.score_min));
    if (q.score_max != null) conditions.push(lte(column, q.score_max));
  }
  if (search) conditions.push(search.where);
  // What the filters match, before relevance ranking and the cursor narrow it to one page.
  const matching = [...conditions];
  if (byRelevance) {
    // Relevance ranks the newest SEARCH_LIMITS.relevanceCandidates matches (walking the created_at index), so
    // a very common word costs a bounded amount of ranking instead of every match in the workspace.
    const candidates = scope.db
      .select({ id: feedbackItems.id })
      .from(feedbackItems)
      .where(scope.where(feedbackItems, ...conditions))
      .orderBy(sql`${feedbackItems.createdAt} desc nulls last`, sql`${feedbackItems.id} desc nulls last`)
      .limit(SEARCH_LIMITS.relevanceCandidates);
    conditions.push(inArray(feedbackItems.id, candidates));
  }
  if (q.cursor) {
    const badCursor = new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
    if (byRelevance) {
      const cursor = decodeRelevanceCursor(q.cursor);
      if (!cursor) throw badCursor;
      conditions.push(afterRelevanceCursor(search, cursor));
    } else {
      const cursor = decodeCursor(q.cursor);
      if (!cursor) throw badCursor;
      conditions.push(olderThan(feedbackItems, cursor));
    }
  }
  const rank = search?.rank ?? sql<number>`0`.mapWith(Number);
  const rows = await scope.db
    .select({
      f: feedbackItems,
      c: { id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId },
      rank,
    })
    .from(feedbackItems)
    .leftJoin(customers, eq(customers.id, feedbackItems.customerId))
    .where(scope.where(feedbackItems, ...conditions))
    // NULLS LAST matches feedback_workspace_created_idx; plain DESC (nulls first) cannot walk it, so
    // a search for a common word would sort every match instead of stopping after one page.
    .orderBy(
      ...(byRelevance
        ? [desc(rank), desc(feedbackItems.id)]
        : [sql`${feedbackItems.createdAt} desc nulls last`, sql`${feedbackItems.id} desc nulls last`]),
    )
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last
      ? byRelevance
        ? encodeRelevanceCursor(last.rank, last.f.id)
        : encodeCursor(last.f.createdAt, last.f.id)
      : null;
  return {
    data: page.map((r) => {
      const item = publicFeedback(r.f, r.c?.id ? r.c : null);
      return search ? { ...item, snippet: buildSnippet(r.f.text, search.query) } : item;
    }),
    nextCursor,
    // Later pages of the same list would only count the same matches again.
    ...(q.cursor ? {} : await countMatching(scope, matching)),
  };
}

/** How many items match, counted up to HTTP_LIMITS.listTotalCap (`totalCapped`: there are more). */
async function countMatching(scope: WorkspaceScope, conditions: Array<SQL | undefined>) {
  const cap = HTTP_LIMITS.listTotalCap;
  const matches = scope.db
    .select({ one: sql`1` })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, ...conditions))
    .limit(cap + 1)
    .as('matches');
  const [row] = await scope.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(matches);
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), totalCapped: n > cap };
}

export async function updateFeedback(scope: WorkspaceScope, id: string, input: TUpdateFeedbackInput) {
  await scope.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(feedbackItems)
      .where(scope.where(feedbackItems, eq(feedbackItems.id, id)))
      .for('update');
    if (!current) throw notFound('Feedback item');
    const patch: Partial<FeedbackRow> = { updatedAt: new Date() };
    if (input.customerId !== undefined) {
      if (input.customerId) {
        const [c] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(scope.where(customers, eq(customers.id, input.customerId)));
        if (!c) throw new AppError(422, 'unknown_customer', 'customerId: no such customer in this workspace', 'customerId');
      }
      patch.customerId = input.customerId;
    }
    if (input.links?.orderId) {
      const [o] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(scope.where(orders, eq(orders.id, input.links.orderId)));
      if (!o) throw new AppError(422, 'unknown_order', 'links.orderId: no such order in this workspace', 'links.orderId');
    }
    await assertTicket(scope, tx, input.links?.ticketId, 'links.ticketId');
    if (input.serviceUnitId !== undefined) {
      await assertServiceUnit(scope, tx, input.serviceUnitId);
      patch.serviceUnitId = input.serviceUnitId;
    }
    if (input.language !== undefined) {
      patch.language = input.language;
      patch.languageConfidence = 1;
    }
    for (const k of ['nps', 'csat', 'ces', 'rating', 'metadata'] as const) {
      if (input[k] !== undefined) (patch as Record<string, unknown>)[k] = input[k];
    }
    // New metadata values get the same PII redaction as stored feedback.
    if (input.metadata && (await piiRedactionEnabled(tx, scope.workspaceId))) {
      const redacted = redactFeedbackPii('', input.metadata);
      patch.metadata = redacted.metadata;
      if (redacted.piiRedacted) patch.piiRedacted = true;
    }
    if (input.links) {
      const l = input.links;
      if (l.surveyResponseId !== undefined) patch.surveyResponseId = l.surveyResponseId;
      if (l.ticketId !== undefined) patch.ticketId = l.ticketId;
      if (l.orderId !== undefined) patch.orderId = l.orderId;
      if (l.reviewId !== undefined) patch.reviewId = l.reviewId;
    }
    await tx
      .update(feedbackItems)
      .set(patch)
      .where(scope.where(feedbackItems, eq(feedbackItems.id, id)));
    if (input.customerId !== undefined && input.customerId !== current.customerId) {
      if (current.customerId)
        await tx
          .update(customers)
          .set({ feedbackCount: sql`greatest(${customers.feedbackCount} - 1, 0)` })
          .where(scope.where(customers, eq(customers.id, current.customerId)));
      if (input.customerId)
        await tx
          .update(customers)
          .set({ feedbackCount: sql`${customers.feedbackCount} + 1` })
          .where(scope.where(customers, eq(customers.id, input.customerId)));
    }
  });
  return getFeedback(scope, id);
}
