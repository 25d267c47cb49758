// Stores a batch of feedback items: resolves customers and links, inserts (an existing
// externalId is reported as a duplicate, never stored twice), updates the customers' counters
// and enqueues the items' processing, all committed together.
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from './feedback.tables.js';
import { customers, orders } from '../../customers/customers/customers.tables.js';
import { tickets } from '../../act/tickets/tickets.tables.js';
import {
  aliasedIdentifierKeys,
  identifierKeys,
  identifyCustomer,
  newCustomerRow,
  prefetchCustomers,
  type Customer,
} from '../../customers/customers/identify-customer.js';
import { feedbackFromRow, feedbackSelectList, publicFeedback, type CustomerSummary, type FeedbackView } from './feedback-view.js';
import { analyzeFeedbackJob } from '../../analyze/analysis/analyze-feedback.job.js';
import { newId } from '../../platform/ids.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { preparedRows } from '../../platform/db/prepared.js';
import { redactFeedbackPii } from '../../analyze/pii/redact-feedback-pii.js';
import { piiRedactionEnabled } from '../../platform/workspace/workspace-settings.service.js';
import type { TCreateFeedbackInput } from './feedback.input.js';
import { readCustomerPhones } from '../../customers/customers/read-customer-phones.js';
import { emitRuleTriggers, rulesListen } from '../../act/rules/emit-trigger.js';
import { lookUpServiceUnits } from '../../evaluate/service-units/service-unit-refs.js';

const FEEDBACK_TRIGGERS = ['feedback_created', 'score_received'] as const;

const IDS_PER_JOB = 500;

export type StoreResult =
  /** `item`: the stored item in its public shape, when asked for (options.views) and newly stored. */
  { ok: true; id: string; duplicate: boolean; item?: FeedbackView } | { ok: false; field: string; code: string; message: string };

type CustomerRef = NonNullable<CustomerSummary>;
type CustomerInput = NonNullable<TCreateFeedbackInput['customer']>;
/** Remembers identified customers across batches of one import or request. */
export type CustomerCache = Map<string, CustomerRef>;

export interface StoreOptions {
  cache?: CustomerCache;
  /** Return each new item's public shape, read back by the INSERT itself (no second query). */
  views?: boolean;
}

/**
 * Stores the items inside the caller's transaction `tx` (bulk creates, imports, survey answers):
 * the reads, any customers to create and the one write statement all run in it.
 */
export async function storeFeedback(
  scope: WorkspaceScope,
  tx: Tx,
  given: TCreateFeedbackInput[],
  options: StoreOptions = {},
): Promise<StoreResult[]> {
  const { items, refused } = await readPhones(scope, tx, given);
  const context = await readBatchContext(scope, tx, items, options.cache ?? new Map(), refused);
  await identifyNewCustomers(scope, tx, items, context);
  return writeBatch(scope, tx, items, context, options.views === true);
}

/**
 * Stores the items with as few round trips as the batch allows. The checks (customers, orders,
 * tickets, the workspace's redaction setting) are reads, sent together; the write is then one
 * statement — atomic on its own, so no BEGIN/COMMIT — which also creates the customers no
 * identifier names yet. If one of those was created meanwhile by someone else, the statement
 * fails on its foreign key and stores nothing (the caller retries). Only a batch whose customers
 * need more than that (traits to fill in, identifiers of merged customers) opens a transaction,
 * so a failed insert never leaves them behind.
 * Under READ COMMITTED a check inside a transaction protects no more than one made just before it:
 * foreign keys still fail the write if a customer or order disappears in between.
 */
export async function storeFeedbackBatch(
  scope: WorkspaceScope,
  given: TCreateFeedbackInput[],
  options: StoreOptions = {},
): Promise<StoreResult[]> {
  const db = scope.database.db;
  const { items, refused } = await readPhones(scope, db, given);
  const context = await readBatchContext(scope, db, items, options.cache ?? new Map(), refused, true);
  // Without customers to create, the write is one statement; rules listening for new feedback
  // need their jobs queued with it, so then it is a transaction.
  if (context.toIdentify.length === 0 && !(await rulesListen(scope, db, FEEDBACK_TRIGGERS)))
    return writeBatch(scope, db, items, context, options.views === true);
  return scope.transaction(async (tx) => {
    await identifyNewCustomers(scope, tx, items, context);
    return writeBatch(scope, tx, items, context, options.views === true);
  });
}

interface BatchContext {
  /** Per item: its error once found, else undefined. */
  results: StoreResult[];
  /** Per item: its customer, once known. */
  customerRefs: Array<CustomerRef | null>;
  /** Per item: the unit it named (by id or code); without one it takes its customer's when inserted. */
  serviceUnitIds: Array<string | null>;
  /** Items whose customer must be identified (maybe created) in the writing transaction. */
  toIdentify: number[];
  /** Customers the write statement creates, by id (readBatchContext with `inlineNewCustomers`). */
  newCustomers: Map<string, NewCustomer>;
  cache: CustomerCache;
  /** The workspace redacts PII before storing. */
  redact: boolean;
}

type NewCustomer = ReturnType<typeof newCustomerRow>;

/**
 * The items with their customers' phones in E.164. An item whose phone is not a valid number is
 * refused (`refused`, by index) and its customer left out, so nothing is identified for it.
 */
async function readPhones(scope: WorkspaceScope, db: DbOrTx, given: TCreateFeedbackInput[]) {
  const refused: StoreResult[] = new Array(given.length);
  if (!given.some((item) => item.customer?.phone)) return { items: given, refused };
  const readings = await readCustomerPhones(
    db,
    scope.workspaceId,
    given.map((item) => item.customer),
  );
  const items = given.map((item, i) => {
    const reading = readings[i];
    if (reading.ok) return reading.ref === item.customer ? item : { ...item, customer: reading.ref };
    refused[i] = { ok: false, field: 'customer.phone', code: 'invalid_phone', message: `customer.phone: ${reading.message}` };
    return { ...item, customer: undefined };
  });
  return { items, refused };
}

async function readBatchContext(
  scope: WorkspaceScope,
  db: DbOrTx,
  items: TCreateFeedbackInput[],
  cache: CustomerCache,
  refused: StoreResult[],
  inlineNewCustomers = false,
): Promise<BatchContext> {
  const uncached = items.flatMap((i) => (i.customer && !cache.has(customerCacheKey(i.customer)) ? [i.customer] : []));
  const [direct, known, knownOrders, knownTickets, redact, units] = await Promise.all([
    customersById(db, scope, items.map((i) => i.customerId).filter(Boolean) as string[]),
    prefetchCustomers(scope, db, uncached),
    existingIds(db, scope, orders, items.map((i) => i.links.orderId).filter(Boolean) as string[]),
    existingIds(db, scope, tickets, items.map((i) => i.links.ticketId).filter(Boolean) as string[]),
    piiRedactionEnabled(db, scope.workspaceId),
    lookUpServiceUnits(scope, db, items),
  ]);
  const results: StoreResult[] = new Array(items.length);
  const customerRefs: Array<CustomerRef | null> = items.map(() => null);
  const toIdentify: number[] = [];
  const serviceUnitIds: Array<string | null> = items.map(() => null);
  items.forEach((item, i) => {
    if (refused[i]) {
      results[i] = refused[i];
      return;
    }
    const unit = units[i];
    if (unit && !unit.ok) {
      results[i] = unit;
      return;
    }
    serviceUnitIds[i] = unit?.id ?? null;
    if (item.customerId) {
      const found = direct.get(item.customerId);
      if (found) customerRefs[i] = found;
      else
        results[i] = {
          ok: false,
          field: 'customerId',
          code: 'unknown_customer',
          message: 'customerId: no such customer in this workspace',
        };
    } else if (item.customer) {
      const key = customerCacheKey(item.customer);
      let ref = cache.get(key);
      const resolved = ref ? null : known.resolve(item.customer);
      if (resolved) {
        ref = customerRef(resolved);
        cache.set(key, ref);
      }
      if (ref) customerRefs[i] = ref;
    }
    if (results[i]) return;
    if (item.links.orderId && !knownOrders.has(item.links.orderId)) {
      results[i] = { ok: false, field: 'links.orderId', code: 'unknown_order', message: 'links.orderId: no such order in this workspace' };
    } else if (item.links.ticketId && !knownTickets.has(item.links.ticketId)) {
      results[i] = {
        ok: false,
        field: 'links.ticketId',
        code: 'unknown_ticket',
        message: 'links.ticketId: no such ticket in this workspace',
      };
    } else if (item.customer && !customerRefs[i]) toIdentify.push(i);
  });
  const context: BatchContext = { results, customerRefs, serviceUnitIds, toIdentify, newCustomers: new Map(), cache, redact };
  if (inlineNewCustomers && toIdentify.length > 0) await planNewCustomers(scope, db, items, context, (input) => known.matchesNone(input));
  return context;
}

/**
 * Customers to create in the write statement itself: inputs whose identifiers name no customer,
 * directly or through a merged customer's alias. Two different inputs sharing an identifier are
 * left to identifyCustomer (the second would fill in the first).
 */
async function planNewCustomers(
  scope: WorkspaceScope,
  db: DbOrTx,
  items: TCreateFeedbackInput[],
  context: BatchContext,
  matchesNone: (input: CustomerInput) => boolean,
) {
  const candidates = context.toIdentify.filter((i) => identifierKeys(items[i].customer!).length > 0 && matchesNone(items[i].customer!));
  const aliased = await aliasedIdentifierKeys(scope, db, [...new Set(candidates.flatMap((i) => identifierKeys(items[i].customer!)))]);
  const holder = new Map<string, string>();
  const shared = new Set<string>();
  for (const i of candidates) {
    const key = customerCacheKey(items[i].customer!);
    for (const id of identifierKeys(items[i].customer!)) {
      const other = holder.get(id);
      if (other !== undefined && other !== key) shared.add(other).add(key);
      else holder.set(id, key);
    }
  }
  const inline = new Set(
    candidates.filter((i) => {
      const input = items[i].customer!;
      return !shared.has(customerCacheKey(input)) && identifierKeys(input).every((k) => !aliased.has(k));
    }),
  );
  for (const i of inline) {
    const key = customerCacheKey(items[i].customer!);
    let ref = context.cache.get(key);
    if (!ref) {
      const row = newCustomerRow(scope, items[i].customer!);
      context.newCustomers.set(row.id, row);
      ref = customerRef(row);
      context.cache.set(key, ref);
    }
    context.customerRefs[i] = ref;
  }
  context.toIdentify = context.toIdentify.filter((i) => !inline.has(i));
}

/** Identifies (finds, updates or creates) the customers the reads could not settle. */
async function identifyNewCustomers(scope: WorkspaceScope, tx: Tx, items: TCreateFeedbackInput[], context: BatchContext) {
  for (const i of context.toIdentify) {
    const input = items[i].customer!;
    const key = customerCacheKey(input);
    let ref = context.cache.get(key);
    if (!ref) {
      ref = customerRef((await identifyCustomer(scope, tx, input)).customer);
      context.cache.set(key, ref);
    }
    context.customerRefs[i] = ref;
  }
  context.toIdentify = [];
}

async function writeBatch(
  scope: WorkspaceScope,
  db: DbOrTx,
  items: TCreateFeedbackInput[],
  context: BatchContext,
  withViews: boolean,
): Promise<StoreResult[]> {
  const { results, customerRefs } = context;
  const now = new Date();
  const rows: FeedbackInsert[] = [];
  const rowIndex: number[] = [];
  items.forEach((item, i) => {
    if (results[i]) return;
    const { text, metadata, piiRedacted } = storedContent(context.redact, item.text, item.metadata);
    rows.push(
      scope.stamp({
        id: newId(),
        customerId: customerRefs[i]?.id ?? null,
        channel: item.channel,
        externalId: item.externalId ?? null,
        text,
        piiRedacted,
        language: item.language ?? null,
        languageConfidence: item.language ? 1 : null,
        nps: item.nps ?? null,
        csat: item.csat ?? null,
        ces: item.ces ?? null,
        rating: item.rating ?? null,
        metadata,
        surveyResponseId: item.links.surveyResponseId ?? null,
        ticketId: item.links.ticketId ?? null,
        orderId: item.links.orderId ?? null,
        reviewId: item.links.reviewId ?? null,
        createdAt: item.createdAt ?? now,
        receivedAt: now,
        serviceUnitId: context.serviceUnitIds[i],
      }),
    );
    rowIndex.push(i);
  });
  if (rows.length === 0) return results;

  const inserted = await insertFeedbackRows(scope, db, rows, withViews, [...context.newCustomers.values()]);
  const fresh = rows.filter((r) => inserted.has(r.id!));
  await emitRuleTriggers(scope, db, [
    ...fresh.map((r) => ({ kind: 'feedback_created' as const, feedbackId: r.id! })),
    ...fresh
      .filter((r) => r.nps != null || r.csat != null || r.ces != null)
      .map((r) => ({ kind: 'score_received' as const, feedbackId: r.id! })),
  ]);
  const duplicates = rows.filter((r) => !inserted.has(r.id!));
  const existingByExternalId = await existingFeedbackByExternalId(
    scope,
    db,
    duplicates.map((r) => r.externalId).filter(Boolean) as string[],
  );
  rows.forEach((row, k) => {
    const i = rowIndex[k];
    const stored = inserted.get(row.id!);
    if (stored !== undefined)
      results[i] = { ok: true, id: row.id!, duplicate: false, item: stored ? publicFeedback(stored, customerRefs[i]) : undefined };
    else {
      const existing = row.externalId ? existingByExternalId.get(row.externalId) : undefined;
      results[i] = existing
        ? { ok: true, id: existing, duplicate: true }
        : { ok: false, field: 'externalId', code: 'duplicate', message: 'externalId: repeated within this request' };
    }
  });
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
  const payloads = [];
  for (let k = 0; k < ids.length; k += IDS_PER_JOB) payloads.push({ workspaceId, ids: ids.slice(k, k + IDS_PER_JOB) });
  await analyzeFeedbackJob.enqueue(tx, payloads);
}

type FeedbackInsert = typeof feedbackItems.$inferInsert;
type FeedbackRow = typeof feedbackItems.$inferSelect;
const column = (rows: FeedbackInsert[], pick: (r: FeedbackInsert) => string | number | boolean | null | undefined) =>
  pgArray(
    rows.map((r) => {
      const v = pick(r);
      return v === undefined || v === null ? null : typeof v === 'boolean' ? String(v) : v;
    }),
  );
const isoTime = (d: Date | undefined) => (d ? d.toISOString() : null);

/**
 * The whole write of a batch in one statement: the rows in one INSERT … SELECT FROM unnest(…) with
 * one array parameter per column (the same statement whatever the batch size, so it is cheap to
 * build and plan); existing ids or externalIds are skipped (ON CONFLICT DO NOTHING). The same
 * statement adds the inserted items to their customers' counters and queues their analysis,
 * IDS_PER_JOB items per job (analyzeFeedbackJob's queue, with its payload { workspaceId, ids }). Returns the ids inserted, each with its stored row when `withRows`
 * (else null).
 */
async function insertFeedbackRows(
  scope: WorkspaceScope,
  db: DbOrTx,
  rows: FeedbackInsert[],
  withRows: boolean,
  newCustomers: NewCustomer[],
): Promise<Map<string, FeedbackRow | null>> {
  // The batch's existing customers are locked first, in id order (`locked`: LockRows above the
  // sort), so concurrent batches never deadlock on them whatever plan the counter update gets.
  // New customers are created with their counts (the other CTEs do not see them).
  const created = new Set(newCustomers.map((c) => c.id));
  const customerIds = [...new Set(rows.flatMap((r) => (r.customerId && !created.has(r.customerId) ? [r.customerId] : [])))].sort();
  const newColumn = (pick: (c: NewCustomer) => string | null) => pgArray(newCustomers.map(pick));
  const jobIds = Array.from({ length: Math.ceil(rows.length / IDS_PER_JOB) }, () => newId());
  const list = await preparedRows<Record<string, unknown>>(
    db,
    sql`
    with ins as (
      insert into feedback_items as f (id, workspace_id, customer_id, channel, external_id, text, pii_redacted,
        language, language_confidence, nps, csat, ces, rating, metadata, survey_response_id, ticket_id, order_id, review_id,
        created_at, received_at, service_unit_id)
      -- An item naming no unit takes its customer's (a customer created by this statement has none yet).
      select u.id, u.workspace_id, u.customer_id, u.channel, u.external_id, u.text, u.pii_redacted, u.language, u.language_confidence,
        u.nps, u.csat, u.ces, u.rating, u.metadata, u.survey_response_id, u.ticket_id, u.order_id, u.review_id, u.created_at, u.received_at,
        coalesce(u.unit_id, (select c.service_unit_id from customers c where c.id = u.customer_id and c.workspace_id = u.workspace_id))
      from unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.workspaceId)}::uuid[],
        ${column(rows, (r) => r.customerId)}::uuid[], ${column(rows, (r) => r.channel)}::text[], ${column(rows, (r) => r.externalId)}::text[],
        ${column(rows, (r) => r.text)}::text[], ${column(rows, (r) => r.piiRedacted ?? false)}::boolean[],
        ${column(rows, (r) => r.language)}::text[], ${column(rows, (r) => r.languageConfidence)}::real[],
        ${column(rows, (r) => r.nps)}::smallint[], ${column(rows, (r) => r.csat)}::smallint[], ${column(rows, (r) => r.ces)}::smallint[],
        ${column(rows, (r) => r.rating)}::smallint[], ${column(rows, (r) => JSON.stringify(r.metadata ?? {}))}::jsonb[],
        ${column(rows, (r) => r.surveyResponseId)}::uuid[], ${column(rows, (r) => r.ticketId)}::uuid[], ${column(rows, (r) => r.orderId)}::uuid[],
        ${column(rows, (r) => r.reviewId)}::text[], ${column(rows, (r) => isoTime(r.createdAt))}::timestamptz[],
        ${column(rows, (r) => isoTime(r.receivedAt))}::timestamptz[], ${column(rows, (r) => r.serviceUnitId)}::uuid[])
        as u(id, workspace_id, customer_id, channel, external_id, text, pii_redacted, language, language_confidence, nps, csat, ces,
          rating, metadata, survey_response_id, ticket_id, order_id, review_id, created_at, received_at, unit_id)
      on conflict do nothing
      returning ${withRows ? feedbackSelectList : sql`f.id as "id", f.customer_id as "customerId", f.created_at as "createdAt"`}
    ), tally as (
      select "customerId" as id, count(*)::int as n, max("createdAt") as last from ins where "customerId" is not null group by 1
    ), created as (
      insert into customers (id, workspace_id, external_id, email, email_key, phone, phone_key, name, locale, attributes, feedback_count, last_seen_at)
      select nc.*, coalesce(n.n, 0), n.last from unnest(${newColumn((c) => c.id)}::uuid[], ${newColumn((c) => c.workspaceId)}::uuid[],
        ${newColumn((c) => c.externalId)}::text[], ${newColumn((c) => c.email)}::text[], ${newColumn((c) => c.emailKey)}::text[],
        ${newColumn((c) => c.phone)}::text[], ${newColumn((c) => c.phoneKey)}::text[], ${newColumn((c) => c.name)}::text[],
        ${newColumn((c) => c.locale)}::text[], ${newColumn((c) => JSON.stringify(c.attributes))}::jsonb[])
        as nc(id, workspace_id, external_id, email, email_key, phone, phone_key, name, locale, attributes)
      left join tally n on n.id = nc.id
      on conflict do nothing
    ), locked as (
      select id from customers where id = any(${pgArray(customerIds)}::uuid[]) and workspace_id = ${scope.workspaceId}
      order by id for update
    ), counted as (
      update customers c set feedback_count = c.feedback_count + v.n, last_seen_at = greatest(c.last_seen_at, v.last)
      from tally v
      where c.id = v.id and c.id = any(${pgArray(customerIds)}::uuid[]) and c.id in (select id from locked)
    ), queued as (
      insert into jobs (id, queue, payload, max_attempts)
      select (${pgArray(jobIds)}::uuid[])[chunk + 1], ${analyzeFeedbackJob.queue},
        jsonb_build_object('workspaceId', ${scope.workspaceId}::text, 'ids', jsonb_agg(id order by n)), ${analyzeFeedbackJob.maxAttempts}::int
      from (select id, n, (n - 1) / ${IDS_PER_JOB} as chunk from (select "id" as id, row_number() over () as n from ins) numbered) chunks
      group by chunk
    )
    select * from ins`,
  );
  return new Map(list.map((r) => [String(r.id), withRows ? feedbackFromRow(r) : null]));
}

const customerRef = (c: Pick<Customer, 'id' | 'name' | 'email' | 'externalId'>): CustomerRef => ({
  id: c.id,
  name: c.name,
  email: c.email,
  externalId: c.externalId,
});

async function customersById(tx: DbOrTx, scope: WorkspaceScope, ids: string[]) {
  if (ids.length === 0) return new Map<string, CustomerRef>();
  const rows = await tx
    .select({ id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId })
    .from(customers)
    .where(scope.where(customers, inArray(customers.id, [...new Set(ids)])));
  return new Map(rows.map((c) => [c.id, customerRef(c)]));
}

const customerCacheKey = (c: CustomerInput) => JSON.stringify([c.externalId, c.email, c.phone, c.name, c.locale]);

async function existingIds(tx: DbOrTx, scope: WorkspaceScope, table: typeof orders | typeof tickets, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(scope.where(table, inArray(table.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}

async function existingFeedbackByExternalId(scope: WorkspaceScope, tx: DbOrTx, externalIds: string[]) {
  if (externalIds.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: feedbackItems.id, externalId: feedbackItems.externalId })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, inArray(feedbackItems.externalId, externalIds)));
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}
