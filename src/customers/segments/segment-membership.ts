// Which of some customers belong to the saved segments that survey targeting names
// ({ field: 'segment', op: 'eq', value: <segment id> }): one query per segment, only for the
// customers being judged. Targeting is refused when saved if it names a segment that is not the
// workspace's; a segment deleted since has no members.
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { AppError } from '../../platform/http/errors.js';
import { loadSegment, segmentMembersSql } from './segment-sql.js';
import { segments } from './segments.tables.js';
import type { SegmentDefinition } from './segment-definition.js';

export type SegmentMemberships = Map<string, Set<string>>;

/** Segment ids named by segment conditions. */
export function namedSegments(conditions: Array<{ field: string; value?: unknown }>): string[] {
  return [...new Set(conditions.filter((c) => c.field === 'segment' && typeof c.value === 'string').map((c) => c.value as string))];
}

/**
 * Refuses conditions that name no saved segment of this workspace (another workspace's id, or
 * none at all), with a 400 naming `${path}.<index>.value`: targeting is checked when it is saved.
 */
export async function assertSavedSegments(
  scope: WorkspaceScope,
  conditions: Array<{ field: string; value?: unknown }>,
  path: string,
  db: DbOrTx = scope.db,
): Promise<void> {
  const named = conditions.map((c, index) => ({ id: String(c.value), index, isSegment: c.field === 'segment' })).filter((c) => c.isSegment);
  if (named.length === 0) return;
  const found = await db
    .select({ id: segments.id })
    .from(segments)
    .where(scope.where(segments, inArray(segments.id, [...new Set(named.map((c) => c.id))])));
  const known = new Set(found.map((s) => s.id));
  const missing = named.find((c) => !known.has(c.id));
  if (!missing) return;
  const field = `${path}.${missing.index}.value`;
  throw new AppError(400, 'unknown_segment', `${field}: no saved segment with this id in this workspace`, field);
}

/** Inside a transaction, pass it as `db`: the embedded database has one connection, so a query beside it would wait forever. */
export async function segmentMemberships(
  scope: WorkspaceScope,
  segmentIds: string[],
  customerIds: string[],
  db: DbOrTx = scope.db,
): Promise<SegmentMemberships> {
  const out: SegmentMemberships = new Map();
  for (const id of segmentIds) {
    const segment = await loadSegment(scope, id, db).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!segment || customerIds.length === 0) {
      out.set(id, new Set());
      continue;
    }
    out.set(id, await membersAmong(scope, segment, customerIds, db));
  }
  return out;
}

/** Which of these customers are in the segment (matched or added): one query, only for them. */
export async function membersAmong(
  scope: WorkspaceScope,
  segment: { id: string; definition: SegmentDefinition },
  customerIds: string[],
  db: DbOrTx = scope.db,
): Promise<Set<string>> {
  const rows = await scope.database.rows<{ id: string }>(
    sql`select m.id from (${segmentMembersSql(scope, segment)}) m where m.id = any(${pgArray(customerIds)}::uuid[])`,
    db,
  );
  return new Set(rows.map((r) => r.id));
}
