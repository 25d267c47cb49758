// First-contact resolution per agent: of the tickets assigned to them that are resolved or
// closed, how many took one public reply and were never reopened.
import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { users } from '../../platform/auth/auth.tables.js';
import { tickets } from './tickets.tables.js';

export async function agentResolutionStats(scope: WorkspaceScope, since: Date | undefined) {
  const rows = await scope.db
    .select({
      userId: tickets.assigneeId,
      name: users.name,
      resolved: sql<number>`count(*)::int`,
      firstContact: sql<number>`count(*) filter (where ${tickets.publicReplyCount} = 1 and ${tickets.reopenCount} = 0)::int`,
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.assigneeId))
    .where(
      and(
        scope.where(tickets, inArray(tickets.status, ['resolved', 'closed']), isNotNull(tickets.assigneeId)),
        since ? gte(tickets.resolvedAt, since) : undefined,
      ),
    )
    .groupBy(tickets.assigneeId, users.name)
    .orderBy(users.name);
  return {
    data: rows.map((r) => ({
      userId: r.userId!,
      name: r.name,
      resolved: Number(r.resolved),
      firstContact: Number(r.firstContact),
      rate: Number(r.resolved) ? Number(r.firstContact) / Number(r.resolved) : 0,
    })),
  };
}
