// Teams: a name and the teammates in it. Members must belong to the workspace.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { assertMember } from '../references.js';
import { teamMembers, teams } from './teams.tables.js';
import type { TSaveTeam } from './teams.input.js';

type TeamRow = typeof teams.$inferSelect;

const publicTeam = (t: TeamRow, memberIds: string[]) => ({ id: t.id, name: t.name, memberIds, createdAt: t.createdAt });

export async function listTeams(scope: WorkspaceScope) {
  const rows = await scope.db.select().from(teams).where(scope.where(teams)).orderBy(asc(teams.name));
  const members = rows.length
    ? await scope.db
        .select()
        .from(teamMembers)
        .where(
          scope.where(
            teamMembers,
            inArray(
              teamMembers.teamId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return {
    data: rows.map((t) =>
      publicTeam(
        t,
        members.filter((m) => m.teamId === t.id).map((m) => m.userId),
      ),
    ),
  };
}

/** A 422 naming the field unless the team is the workspace's. */
export async function assertTeam(scope: WorkspaceScope, tx: DbOrTx, teamId: string | null | undefined, field = 'teamId') {
  if (!teamId) return;
  const [t] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(scope.where(teams, eq(teams.id, teamId)));
  if (!t) throw new AppError(422, 'unknown_team', `${field}: no such team in this workspace`, field);
}

/** The team's members, in a fixed order (user id). */
export async function teamMemberIds(scope: WorkspaceScope, tx: DbOrTx, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(scope.where(teamMembers, eq(teamMembers.teamId, teamId)))
    .orderBy(asc(teamMembers.userId));
  return rows.map((r) => r.userId);
}

export async function saveTeam(scope: WorkspaceScope, id: string | null, input: TSaveTeam) {
  return scope.transaction(async (tx) => {
    const memberIds = [...new Set(input.memberIds)];
    for (const [i, userId] of memberIds.entries()) await assertMember(scope, tx, userId, `memberIds.${i}`);
    const [clash] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(scope.where(teams, eq(teams.name, input.name)));
    if (clash && clash.id !== id) throw new AppError(409, 'team_exists', 'name: a team with this name exists', 'name');
    let row: TeamRow | undefined;
    if (id) {
      [row] = await tx
        .update(teams)
        .set({ name: input.name })
        .where(scope.where(teams, eq(teams.id, id)))
        .returning();
      if (!row) throw notFound('Team');
      await tx.delete(teamMembers).where(scope.where(teamMembers, eq(teamMembers.teamId, id)));
    } else {
      [row] = await tx
        .insert(teams)
        .values(scope.stamp({ id: newId(), name: input.name }))
        .returning();
    }
    if (memberIds.length) await tx.insert(teamMembers).values(memberIds.map((userId) => scope.stamp({ teamId: row!.id, userId })));
    return publicTeam(row, memberIds.sort());
  });
}

export async function deleteTeam(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .delete(teams)
    .where(scope.where(teams, eq(teams.id, id)))
    .returning({ id: teams.id });
  if (!row) throw notFound('Team');
}
