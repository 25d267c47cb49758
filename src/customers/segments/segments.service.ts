// Saved segments: CRUD, member counts, a live preview for the builder and the member list.
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/zod-types.js';
import { customers } from '../customers/customers.tables.js';
import { publicCustomer } from '../customers/customers.service.js';
import type { Customer } from '../customers/identify-customer.js';
import { segments } from './segments.tables.js';
import { loadSegment, segmentMembersSql, type LoadedSegment } from './segment-sql.js';
import type { SegmentDefinition } from './segment-definition.js';

export const PREVIEW_SAMPLE_SIZE = 5;

type Segment = { id: string | null; definition: SegmentDefinition };

const inSegment = (scope: WorkspaceScope, segment: Segment) => sql`${customers.id} in (${segmentMembersSql(scope, segment)})`;

export async function countMembers(scope: WorkspaceScope, segment: Segment): Promise<number> {
  const [row] = await scope.database.rows<{ count: number | string }>(
    sql`select count(*) as count from (${segmentMembersSql(scope, segment)}) members`,
  );
  return Number(row?.count ?? 0);
}

const sampleCustomer = (c: Customer) => ({ id: c.id, name: c.name, email: c.email, externalId: c.externalId, locale: c.locale });

const publicSegment = (s: LoadedSegment, memberCount: number) => ({
  id: s.id,
  name: s.name,
  definition: s.definition,
  memberCount,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/**
 * One count query and one sample query, so the builder can call it while someone types. The
 * preview shows what the definition matches; customers added by hand are counted once it is saved.
 */
export async function previewSegment(scope: WorkspaceScope, definition: SegmentDefinition) {
  const count = await countMembers(scope, { id: null, definition });
  const sample =
    count === 0
      ? []
      : await scope.db
          .select()
          .from(customers)
          .where(scope.where(customers, inSegment(scope, { id: null, definition })))
          .orderBy(desc(customers.createdAt), desc(customers.id))
          .limit(PREVIEW_SAMPLE_SIZE);
  return { count, sample: sample.map(sampleCustomer) };
}

export async function listSegments(scope: WorkspaceScope) {
  const rows = await scope.db
    .select({ id: segments.id })
    .from(segments)
    .where(scope.where(segments))
    .orderBy(desc(segments.createdAt), desc(segments.id));
  const data = [];
  // One at a time: the embedded database has a single connection anyway.
  for (const { id } of rows) data.push(await getSegment(scope, id));
  return { data };
}

export async function getSegment(scope: WorkspaceScope, id: string) {
  const segment = await loadSegment(scope, id);
  return publicSegment(segment, await countMembers(scope, segment));
}

export async function createSegment(scope: WorkspaceScope, userId: string | null, input: { name: string; definition: SegmentDefinition }) {
  const id = newId();
  await scope.db.insert(segments).values(scope.stamp({ id, name: input.name, definition: input.definition, createdBy: userId }));
  return getSegment(scope, id);
}

export async function updateSegment(scope: WorkspaceScope, id: string, input: { name?: string; definition?: SegmentDefinition }) {
  const patch: Partial<typeof segments.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) patch.name = input.name;
  if (input.definition !== undefined) patch.definition = input.definition;
  const updated = await scope.db
    .update(segments)
    .set(patch)
    .where(scope.where(segments, eq(segments.id, id)))
    .returning({ id: segments.id });
  if (updated.length === 0) throw notFound('Segment');
  return getSegment(scope, id);
}

export async function deleteSegment(scope: WorkspaceScope, id: string) {
  const deleted = await scope.db
    .delete(segments)
    .where(scope.where(segments, eq(segments.id, id)))
    .returning({ id: segments.id });
  if (deleted.length === 0) throw notFound('Segment');
}

/** The segment's customers, newest first, with the same cursor as the customer list. */
export async function listSegmentMembers(scope: WorkspaceScope, id: string, q: { limit: number; cursor?: string }) {
  const segment = await loadSegment(scope, id);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !cursor) throw new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
  const rows = await scope.db
    .select()
    .from(customers)
    .where(
      scope.where(
        customers,
        inSegment(scope, segment),
        cursor
          ? or(lt(customers.createdAt, cursor.time), and(eq(customers.createdAt, cursor.time), lt(customers.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((c) => publicCustomer(c)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
