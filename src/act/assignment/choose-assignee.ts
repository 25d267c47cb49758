// Who gets a ticket or task: a named teammate, the owner of its topic, the next in turn, or the
// one with the fewest open tickets.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { memberships } from '../../platform/auth/auth.tables.js';
import { assertMember } from '../references.js';
import { teamMemberIds } from '../teams/teams.service.js';
import { tickets } from '../tickets/tickets.tables.js';
import { assignmentRotations, topicOwners } from './assignment.tables.js';

export type AssignmentStrategy =
  | { kind: 'user'; userId: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'round_robin'; teamId?: string }
  | { kind: 'least_loaded'; teamId?: string };

/** Tickets still waiting on someone: what "load" counts. */
export const OPEN_TICKET_STATUSES = ['new', 'open', 'pending'] as const;

/** The teammate's user id, or null when the strategy finds nobody. */
export async function chooseAssignee(scope: WorkspaceScope, tx: DbOrTx, strategy: AssignmentStrategy): Promise<string | null> {
  switch (strategy.kind) {
    case 'user':
      await assertMember(scope, tx, strategy.userId, 'assignee.userId');
      return strategy.userId;
    case 'topic': {
      const [owner] = await tx
        .select()
        .from(topicOwners)
        .where(scope.where(topicOwners, eq(topicOwners.topic, strategy.topic)));
      if (owner?.userId) return (await candidates(scope, tx, undefined)).includes(owner.userId) ? owner.userId : null;
      if (owner?.teamId) return roundRobin(scope, tx, owner.teamId);
      return null;
    }
    case 'round_robin':
      return roundRobin(scope, tx, strategy.teamId);
    case 'least_loaded':
      return leastLoaded(scope, tx, strategy.teamId);
  }
}

/** The team's members, or every teammate who works tickets (viewers only read), who still belong to the workspace. */
async function candidates(scope: WorkspaceScope, tx: DbOrTx, teamId: string | undefined): Promise<string[]> {
  const working = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, scope.workspaceId), inArray(memberships.role, ['owner', 'admin', 'agent'])))
    .orderBy(asc(memberships.userId));
  const ids = working.map((m) => m.userId);
  if (!teamId) return ids;
  const inTeam = new Set(await teamMemberIds(scope, tx, teamId));
  return ids.filter((id) => inTeam.has(id));
}

/**
 * The one after whoever had the last turn, in user-id order. The rotation's row is locked for the
 * rest of the transaction, so concurrent choices, in one process or many, take turns.
 */
async function roundRobin(scope: WorkspaceScope, tx: DbOrTx, teamId: string | undefined): Promise<string | null> {
  const pool = await candidates(scope, tx, teamId);
  if (pool.length === 0) return null;
  const rotation = teamId ? `team:${teamId}` : 'workspace';
  await tx
    .insert(assignmentRotations)
    .values(scope.stamp({ rotation, lastUserId: null }))
    .onConflictDoNothing();
  const [row] = await tx
    .select({ lastUserId: assignmentRotations.lastUserId })
    .from(assignmentRotations)
    .where(scope.where(assignmentRotations, eq(assignmentRotations.rotation, rotation)))
    .for('update');
  const last = row?.lastUserId ?? null;
  const next = pool.find((id) => last !== null && id > last) ?? pool[0];
  await tx
    .update(assignmentRotations)
    .set({ lastUserId: next, updatedAt: new Date() })
    .where(scope.where(assignmentRotations, eq(assignmentRotations.rotation, rotation)));
  return next;
}

/** Whoever has the fewest open tickets (ties: user-id order), chosen under a workspace lock so two new tickets never both see the same count. */
async function leastLoaded(scope: WorkspaceScope, tx: DbOrTx, teamId: string | undefined): Promise<string | null> {
  const pool = await candidates(scope, tx, teamId);
  if (pool.length === 0) return null;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`least-loaded:${scope.workspaceId}`}))`);
  const loads = await tx
    .select({ userId: tickets.assigneeId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(scope.where(tickets, inArray(tickets.assigneeId, pool), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
    .groupBy(tickets.assigneeId);
  const load = new Map(loads.map((l) => [l.userId, Number(l.n)]));
  return pool.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best), pool[0]);
}
