// Workspace members and their roles. Every workspace keeps at least one owner: demoting or
// removing the last one is refused (409), checked under a row lock so two admins racing cannot
// both succeed.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import type { WorkspaceScope } from '../db/workspace-scope.js';
import { memberships, sessions, users } from './auth.tables.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import type { Actor, Role } from './permissions.js';

export async function listMembers(scope: WorkspaceScope) {
  const rows = await scope.db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(scope.where(memberships))
    .orderBy(asc(memberships.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Only owners hand out, take away or act on the owner role; admins manage everyone else. */
export function assertMayAssign(actor: Actor, role: Role): void {
  if (role === 'owner' && actor.role !== 'owner') throw forbidden('Only owners can make someone an owner');
}

async function lockedMembership(tx: Tx, scope: WorkspaceScope, userId: string) {
  // Locking every owner row of the workspace serialises changes that could remove the last one.
  await tx.execute(sql`select 1 from memberships where workspace_id = ${scope.workspaceId} and role = 'owner' for update`);
  const [member] = await tx
    .select()
    .from(memberships)
    .where(scope.where(memberships, eq(memberships.userId, userId)))
    .for('update');
  if (!member) throw notFound('Member');
  return member;
}

async function assertNotLastOwner(tx: Tx, scope: WorkspaceScope) {
  const [{ owners }] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(scope.where(memberships, eq(memberships.role, 'owner')));
  if (owners <= 1) throw new AppError(409, 'last_owner', 'A workspace needs at least one owner: make someone else an owner first');
}

export async function changeMemberRole(scope: WorkspaceScope, actor: Actor, userId: string, role: Role) {
  assertMayAssign(actor, role);
  await scope.transaction(async (tx) => {
    const member = await lockedMembership(tx, scope, userId);
    if (member.role === role) return;
    assertMayAssign(actor, member.role as Role);
    if (member.role === 'owner') await assertNotLastOwner(tx, scope);
    await tx
      .update(memberships)
      .set({ role })
      .where(scope.where(memberships, eq(memberships.userId, userId)));
  });
  const member = (await listMembers(scope)).find((m) => m.userId === userId);
  if (!member) throw notFound('Member');
  return member;
}

export async function removeMember(scope: WorkspaceScope, actor: Actor, userId: string) {
  await scope.transaction(async (tx) => {
    const member = await lockedMembership(tx, scope, userId);
    assertMayAssign(actor, member.role as Role);
    if (member.role === 'owner') await assertNotLastOwner(tx, scope);
    await tx.delete(memberships).where(scope.where(memberships, eq(memberships.userId, userId)));
    // Their sessions in this workspace end now rather than at expiry.
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.workspaceId, scope.workspaceId)));
  });
}
