// SLA policies: read, replace as a set, and the one that applies to a ticket (a policy for the
// ticket's priority and a segment its customer is in wins over the priority's own policy).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { AppError } from '../../platform/http/errors.js';
import { segments } from '../../customers/segments/segments.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { ZSegmentDefinition } from '../../customers/segments/segment-definition.js';
import { segmentMembersSql } from '../../customers/segments/segment-sql.js';
import type { SlaPolicy } from '../../contracts/business-hours.js';
import type { TicketPriority } from '../../contracts/act.js';
import { slaPolicies } from './sla.tables.js';
import type { TSlaPolicies } from './sla.input.js';

type PolicyRow = typeof slaPolicies.$inferSelect;

const publicPolicy = (p: PolicyRow): SlaPolicy => ({
  id: p.id,
  priority: p.priority,
  segmentId: p.segmentId,
  firstResponseMinutes: p.firstResponseMinutes,
  resolutionMinutes: p.resolutionMinutes,
  warnPercent: p.warnPercent,
});

export async function listSlaPolicies(scope: WorkspaceScope, db: DbOrTx = scope.db) {
  const rows = await db.select().from(slaPolicies).where(scope.where(slaPolicies)).orderBy(asc(slaPolicies.position));
  return { policies: rows.map(publicPolicy) };
}

/** Replaces the workspace's policies in one transaction; a segment that is not the workspace's is refused first. */
export async function replaceSlaPolicies(scope: WorkspaceScope, input: TSlaPolicies) {
  return scope.transaction(async (tx) => {
    const named = [...new Set(input.policies.flatMap((p) => (p.segmentId ? [p.segmentId] : [])))];
    const found = named.length
      ? await tx
          .select({ id: segments.id })
          .from(segments)
          .where(scope.where(segments, inArray(segments.id, named)))
      : [];
    const known = new Set(found.map((s) => s.id));
    const unknown = input.policies.findIndex((p) => p.segmentId !== null && !known.has(p.segmentId));
    if (unknown >= 0) {
      const field = `policies.${unknown}.segmentId`;
      throw new AppError(422, 'unknown_segment', `${field}: no saved segment with this id in this workspace`, field);
    }
    await tx.delete(slaPolicies).where(scope.where(slaPolicies));
    if (input.policies.length > 0) {
      await tx.insert(slaPolicies).values(input.policies.map((p, position) => scope.stamp({ id: newId(), position, ...p })));
    }
    return listSlaPolicies(scope, tx);
  });
}

/** The policy for a ticket of this priority and customer, or null when none is set. */
export async function applicablePolicy(
  scope: WorkspaceScope,
  tx: DbOrTx,
  priority: TicketPriority,
  customerId: string | null,
): Promise<PolicyRow | null> {
  const rows = await tx
    .select()
    .from(slaPolicies)
    .where(scope.where(slaPolicies, eq(slaPolicies.priority, priority)))
    .orderBy(asc(slaPolicies.position));
  if (customerId) {
    for (const policy of rows.filter((p) => p.segmentId !== null)) {
      const [segment] = await tx
        .select()
        .from(segments)
        .where(scope.where(segments, eq(segments.id, policy.segmentId!)));
      const definition = segment && ZSegmentDefinition.safeParse(segment.definition);
      if (!definition?.success) continue;
      const [hit] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(
          scope.where(
            customers,
            eq(customers.id, customerId),
            sql`${customers.id} in (${segmentMembersSql(scope, { id: policy.segmentId, definition: definition.data })})`,
          ),
        );
      if (hit) return policy;
    }
  }
  return rows.find((p) => p.segmentId === null) ?? null;
}
