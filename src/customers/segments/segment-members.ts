// Customers added to a segment by hand or by a rule, on top of those its definition matches.
// Adding is idempotent (one row per segment and customer); removing takes back only the addition.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { customers } from '../customers/customers.tables.js';
import { segmentMembers, segments } from './segments.tables.js';

export type AddedBy = { ruleId: string } | { userId: string | null };

/** Refuses a segment id that is not one of this workspace's segments (422 naming the field). */
export async function assertSegmentOfWorkspace(scope: WorkspaceScope, db: DbOrTx, segmentId: string, field: string) {
  const [row] = await db
    .select({ id: segments.id })
    .from(segments)
    .where(scope.where(segments, eq(segments.id, segmentId)));
  if (!row) throw new AppError(422, 'unknown_segment', `${field}: no saved segment with this id in this workspace`, field);
}

/**
 * Adds the customers to the segment; a customer merged into another is added as the one that
 * remains. Every id must name a customer of this workspace, else nothing is added.
 */
export async function addSegmentMembers(
  scope: WorkspaceScope,
  db: DbOrTx,
  segmentId: string,
  customerIds: string[],
  addedBy: AddedBy,
): Promise<{ added: number }> {
  const [segment] = await db
    .select({ id: segments.id })
    .from(segments)
    .where(scope.where(segments, eq(segments.id, segmentId)));
  if (!segment) throw notFound('Segment');
  const unique = [...new Set(customerIds)];
  const found = await db
    .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(scope.where(customers, inArray(customers.id, unique)));
  const byId = new Map(found.map((c) => [c.id, c.mergedIntoId ?? c.id]));
  const missing = customerIds.findIndex((id) => !byId.has(id));
  if (missing >= 0) {
    const field = `customerIds.${missing}`;
    throw new AppError(422, 'unknown_customer', `${field}: no customer with this id in this workspace`, field);
  }
  const rows = [...new Set(byId.values())].map((customerId) =>
    scope.stamp({
      segmentId,
      customerId,
      addedByRuleId: 'ruleId' in addedBy ? addedBy.ruleId : null,
      addedByUserId: 'userId' in addedBy ? addedBy.userId : null,
    }),
  );
  const inserted = await db.insert(segmentMembers).values(rows).onConflictDoNothing().returning({ id: segmentMembers.customerId });
  return { added: inserted.length };
}

/** Takes back a customer's addition to the segment (404 when they were not added). */
export async function removeSegmentMember(scope: WorkspaceScope, segmentId: string, customerId: string): Promise<void> {
  const deleted = await scope.db
    .delete(segmentMembers)
    .where(scope.where(segmentMembers, and(eq(segmentMembers.segmentId, segmentId), eq(segmentMembers.customerId, customerId))))
    .returning({ id: segmentMembers.customerId });
  if (deleted.length === 0) throw notFound('Segment member');
}
