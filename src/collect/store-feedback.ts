// Stores a batch of feedback items in the caller's transaction: resolves customers and links,
// inserts (an existing externalId is reported as a duplicate, never stored twice), updates the
// customers' counters and enqueues the items' processing in the same transaction.
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.js';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { feedbackItems } from './schema.js';
import { customers, orders } from '../customers/schema.js';
import { tickets } from '../act/schema.js';
import { identifyCustomer, prefetchCustomers, type Customer } from '../customers/identify-customer.js';
import { feedbackFromRow, feedbackSelectList, publicFeedback, type CustomerSummary, type FeedbackView } from './feedback-view.js';
import { enqueueJobs } from '../platform/jobs/queue.js';
import { newId } from '../platform/ids.js';
import { pgArray } from '../platform/db/pg-array.js';
import { redactFeedbackPii } from '../analyze/pii/redact-feedback-pii.js';
import { piiRedactionEnabled } from '../platform/workspace/workspace-settings.service.js';
import type { TCreateFeedbackInput } from './feedback.schemas.js';

export const ANALYZE_QUEUE = 'analyze-feedback';
const IDS_PER_JOB = 500;

export type StoreResult =
  /** `item`: the stored item in its public shape, when asked for (options.views) and newly stored. */
  | { ok: true; id: string; duplicate: boolean; item?: FeedbackView }
  | { ok: false; field: string; code: string; message: string };

type CustomerRef = NonNullable<CustomerSummary>;
/** Remembers identified customers across batches of one import or request. */
export type CustomerCache = Map<string, CustomerRef>;

export interface StoreOptions {
  cache?: CustomerCache;
  /** Return each new item's public shape, read back by the INSERT itself (no second query). */
  views?: boolean;
}

export async function storeFeedback(scope: WorkspaceScope, tx: Tx, items: TCreateFeedbackInput[], options: StoreOptions = {}): Promise<StoreResult[]> {
  const results: StoreResult[] = new Array(items.length);
  const customerRefs = await resolveCustomers(scope, tx, items, options.cache ?? new Map(), results);
  const knownOrders = await existingIds(tx, scope, orders, items.map((i) => i.links.orderId).filter(Boolean) as string[]);
  const knownTickets = await existingIds(tx, scope, tickets, items.map((i) => i.links.ticketId).filter(Boolean) as string[]);
  const now = new Date();
  const redact = await piiRedactionEnabled(tx, scope.workspaceId);
  const rows: Array<typeof feedbackItems.$inferInsert> = [];
  const rowIndex: number[] = [];
  items.forEach((item, i) => {
    if (results[i]) return;
    const orderId = item.links.orderId ?? null;
    if (orderId && !knownOrders.has(orderId)) {
      results[i] = { ok: false, field: 'links.orderId', code: 'unknown_order', message: 'links.orderId: no such order in this workspace' };
      return;
    }
    if (item.links.ticketId && !knownTickets.has(item.links.ticketId)) {
      results[i] = { ok: false, field: 'links.ticketId', code: 'unknown_ticket', message: 'links.ticketId: no such ticket in this workspace' };
      return;
    }
    const { text, metadata, piiRedacted } = storedContent(redact, item.text, item.metadata);
    rows.push(scope.stamp({
      id: newId(), customerId: customerRefs[i]?.id ?? null, channel: item.channel, externalId: item.externalId ?? null,
      text, piiRedacted,
      language: item.language ?? null, languageConfidence: item.language ? 1 : null,
      nps: item.nps ?? null, csat: item.csat ?? null, ces: item.ces ?? null, rating: item.rating ?? null,
      metadata, surveyResponseId: item.links.surveyResponseId ?? null, ticketId: item.links.ticketId ?? null,
      orderId, reviewId: item.links.reviewId ?? null, createdAt: item.createdAt ?? now, receivedAt: now,
    }));
    rowIndex.push(i);
  });
  if (rows.length === 0) return results;

  const inserted = await insertFeedbackRows(tx, rows, options.views === true);
  const insertedIds = new Set(inserted.keys());
  const duplicates = rows.filter((r) => !insertedIds.has(r.id!));
  const existingByExternalId = await existingFeedbackByExternalId(scope, tx, duplicates.map((r) => r.externalId).filter(Boolean) as string[]);
  rows.forEach((row, k) => {
    const i = rowIndex[k];
    const stored = inserted.get(row.id!);
    if (stored !== undefined) results[i] = { ok: true, id: row.id!, duplicate: false, item: stored ? publicFeedback(stored, customerRefs[i]) : undefined };
    else {
      const existing = row.externalId ? existingByExternalId.get(row.externalId) : undefined;
      results[i] = existing
        ? { ok: true, id: existing, duplicate: true }
        : { ok: false, field: 'externalId', code: 'duplicate', message: 'externalId: repeated within this request' };
    }
  });

  await bumpCustomerCounters(scope, tx, rows.filter((r) => insertedIds.has(r.id!)));
  await enqueueAnalysis(tx, scope.workspaceId, [...insertedIds]);
  return results;
}

/**
 * Text and metadata as stored. Redaction comes first: neither the text, the search document the
 * analysis job derives from it, nor the metadata ever hold the PII. The search document
 * (search_text) is left to that job: storing an item then writes no full-text index entry, which
 * keeps ingestion fast; an item is searchable once analysed, normally within a second.
 */
export function storedContent(redact: boolean, text: string, metadata: Record<string, unknown>) {
  const r = redact ? redactFeedbackPii(text, metadata) : { text, metadata, piiRedacted: false };
  return { text: r.text, metadata: r.metadata, piiRedacted: r.piiRedacted };
}

/** Queues the analysis of new or changed items in the caller's transaction, IDS_PER_JOB per job. */
export async function enqueueAnalysis(tx: Tx, workspaceId: string, ids: string[]): Promise<void> {
  const jobs = [];
  for (let k = 0; k < ids.length; k += IDS_PER_JOB) jobs.push({ queue: ANALYZE_QUEUE, payload: { workspaceId, ids: ids.slice(k, k + IDS_PER_JOB) } });
  await enqueueJobs(tx, jobs);
}

type FeedbackInsert = typeof feedbackItems.$inferInsert;
type FeedbackRow = typeof feedbackItems.$inferSelect;
const column = (rows: FeedbackInsert[], pick: (r: FeedbackInsert) => string | number | boolean | null | undefined) =>
  pgArray(rows.map((r) => { const v = pick(r); return v === undefined || v === null ? null : typeof v === 'boolean' ? String(v) : v; }));
const isoTime = (d: Date | undefined) => (d ? d.toISOString() : null);

/**
 * The rows in one INSERT … SELECT FROM unnest(…) with one array parameter per column (the same
 * statement whatever the batch size, so it is cheap to build); existing ids or externalIds are
 * skipped (ON CONFLICT DO NOTHING). Returns the ids inserted, each with its stored row when
 * `withRows` (else null).
 */
async function insertFeedbackRows(tx: Tx, rows: FeedbackInsert[], withRows: boolean): Promise<Map<string, FeedbackRow | null>> {
  const inserted = await tx.execute<Record<string, unknown>>(sql`
    insert into feedback_items as f (id, workspace_id, customer_id, channel, external_id, text, pii_redacted,
      language, language_confidence, nps, csat, ces, rating, metadata, survey_response_id, ticket_id, order_id, review_id,
      created_at, received_at)
    select * from unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.workspaceId)}::uuid[],
      ${column(rows, (r) => r.customerId)}::uuid[], ${column(rows, (r) => r.channel)}::text[], ${column(rows, (r) => r.externalId)}::text[],
      ${column(rows, (r) => r.text)}::text[], ${column(rows, (r) => r.piiRedacted ?? false)}::boolean[],
      ${column(rows, (r) => r.language)}::text[], ${column(rows, (r) => r.languageConfidence)}::real[],
      ${column(rows, (r) => r.nps)}::smallint[], ${column(rows, (r) => r.csat)}::smallint[], ${column(rows, (r) => r.ces)}::smallint[],
      ${column(rows, (r) => r.rating)}::smallint[], ${column(rows, (r) => JSON.stringify(r.metadata ?? {}))}::jsonb[],
      ${column(rows, (r) => r.surveyResponseId)}::uuid[], ${column(rows, (r) => r.ticketId)}::uuid[], ${column(rows, (r) => r.orderId)}::uuid[],
      ${column(rows, (r) => r.reviewId)}::text[], ${column(rows, (r) => isoTime(r.createdAt))}::timestamptz[],
      ${column(rows, (r) => isoTime(r.receivedAt))}::timestamptz[])
    on conflict do nothing
    returning ${withRows ? feedbackSelectList : sql`f.id`}`);
  const list = (inserted as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return new Map(list.map((r) => [String(r.id), withRows ? feedbackFromRow(r) : null]));
}

/** Each item's customer (null if none), from its customerId or by identifying its `customer`. */
async function resolveCustomers(scope: WorkspaceScope, tx: Tx, items: TCreateFeedbackInput[], cache: CustomerCache, results: StoreResult[]) {
  const refs: Array<CustomerRef | null> = items.map(() => null);
  const direct = await customersById(tx, scope, items.map((i) => i.customerId).filter(Boolean) as string[]);
  const uncached = items.flatMap((i) => (i.customer && !cache.has(customerCacheKey(i.customer)) ? [i.customer] : []));
  const known = await prefetchCustomers(scope, tx, uncached);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.customerId) {
      const found = direct.get(item.customerId);
      if (found) refs[i] = found;
      else results[i] = { ok: false, field: 'customerId', code: 'unknown_customer', message: 'customerId: no such customer in this workspace' };
    } else if (item.customer) {
      const key = customerCacheKey(item.customer);
      let ref = cache.get(key);
      if (!ref) {
        ref = customerRef(known.resolve(item.customer) ?? (await identifyCustomer(scope, tx, item.customer)).customer);
        cache.set(key, ref);
      }
      refs[i] = ref;
    }
  }
  return refs;
}

const customerRef = (c: Pick<Customer, 'id' | 'name' | 'email' | 'externalId'>): CustomerRef => ({ id: c.id, name: c.name, email: c.email, externalId: c.externalId });

async function customersById(tx: Tx, scope: WorkspaceScope, ids: string[]) {
  if (ids.length === 0) return new Map<string, CustomerRef>();
  const rows = await tx.select({ id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId })
    .from(customers).where(scope.where(customers, inArray(customers.id, [...new Set(ids)])));
  return new Map(rows.map((c) => [c.id, customerRef(c)]));
}

const customerCacheKey = (c: NonNullable<TCreateFeedbackInput['customer']>) =>
  JSON.stringify([c.externalId, c.email, c.phone, c.name, c.locale]);

async function existingIds(tx: Tx, scope: WorkspaceScope, table: typeof orders | typeof tickets, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx.select({ id: table.id }).from(table).where(scope.where(table, inArray(table.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}

async function existingFeedbackByExternalId(scope: WorkspaceScope, tx: Tx, externalIds: string[]) {
  if (externalIds.length === 0) return new Map<string, string>();
  const rows = await tx.select({ id: feedbackItems.id, externalId: feedbackItems.externalId }).from(feedbackItems)
    .where(scope.where(feedbackItems, inArray(feedbackItems.externalId, externalIds)));
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}

async function bumpCustomerCounters(scope: WorkspaceScope, tx: Tx, rows: Array<typeof feedbackItems.$inferInsert>) {
  const perCustomer = new Map<string, { n: number; last: Date }>();
  for (const r of rows) {
    if (!r.customerId) continue;
    const e = perCustomer.get(r.customerId) ?? { n: 0, last: new Date(0) };
    e.n += 1;
    if (r.createdAt! > e.last) e.last = r.createdAt!;
    perCustomer.set(r.customerId, e);
  }
  if (perCustomer.size === 0) return;
  // One statement for all customers, in id order so concurrent batches lock rows in one order;
  // `c.id = any(…)` keeps it a primary-key probe whatever the statistics (see writeAnalyses).
  const entries = [...perCustomer].sort(([a], [b]) => a.localeCompare(b));
  const ids = entries.map(([id]) => id);
  const counts = entries.map(([, e]) => e.n);
  const lasts = entries.map(([, e]) => e.last.toISOString());
  await tx.execute(sql`
    update customers c set feedback_count = c.feedback_count + v.n,
      last_seen_at = greatest(c.last_seen_at, v.last)
    from (select * from unnest(${pgArray(ids)}::uuid[], ${pgArray(counts)}::int[], ${pgArray(lasts)}::timestamptz[]) as t(id, n, last) order by id) v
    where c.id = v.id and c.workspace_id = ${scope.workspaceId} and c.id = any(${pgArray(ids)}::uuid[])`);
}
