// Invitations: a one-time link (256-bit CSPRNG token, only its SHA-256 stored) that lets one
// person join a workspace with a role. There is never a default password: the invitee chooses
// one when accepting, or proves an existing account with its password.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { WorkspaceScope } from '../db/workspace-scope.js';
import { invitations, memberships, users } from './auth.tables.js';
import { workspaces } from '../workspace/workspace.tables.js';
import { newId, randomToken, sha256 } from '../ids.js';
import { AppError, notFound } from '../http/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { assertMayAssign } from './members.service.js';
import { AUTH_LIMITS } from './limits.js';
import type { Actor, Role } from './permissions.js';

type InvitationRow = typeof invitations.$inferSelect;

const publicInvitation = (row: InvitationRow) => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
});

export const inviteLink = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/invite/${token}`;

/** Pending invitations: neither accepted, revoked nor expired. */
export async function listInvitations(scope: WorkspaceScope) {
  const rows = await scope.db
    .select()
    .from(invitations)
    .where(scope.where(invitations, isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
  return rows.map(publicInvitation);
}

export async function createInvitation(scope: WorkspaceScope, actor: Actor, input: { email: string; role: Role }, publicUrl: string) {
  assertMayAssign(actor, input.role);
  const email = input.email.trim();
  const [member] = await scope.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(scope.where(memberships, sql`lower(${users.email}) = ${email.toLowerCase()}`));
  if (member) throw new AppError(409, 'already_member', 'This person is already a member of the workspace', 'email');
  const token = randomToken(32);
  const [row] = await scope.db
    .insert(invitations)
    .values(
      scope.stamp({
        id: newId(),
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + AUTH_LIMITS.invitationDays * 86_400_000),
      }),
    )
    .returning();
  return { ...publicInvitation(row), link: inviteLink(publicUrl, token) };
}

export async function revokeInvitation(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(scope.where(invitations, eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  if (!row) throw notFound('Invitation');
}

function assertUsable(row: InvitationRow | undefined, now = new Date()): asserts row is InvitationRow {
  if (!row || row.revokedAt) throw notFound('Invitation');
  if (row.acceptedAt) throw new AppError(410, 'invitation_used', 'This invitation has already been used');
  if (row.expiresAt <= now) throw new AppError(410, 'invitation_expired', 'This invitation has expired; ask for a new one');
}

/** What the invite page shows before accepting: the workspace, email, role and whether the account exists. */
export async function describeInvitation(database: Database, token: string) {
  const [row] = await database.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, sha256(token)));
  assertUsable(row);
  const [workspace] = await database.db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, row.workspaceId));
  const [existing] = await database.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${row.email.toLowerCase()}`);
  return { workspaceName: workspace.name, email: row.email, role: row.role as Role, hasAccount: Boolean(existing) };
}

/**
 * Accepts once: the invitation row is locked, so two concurrent accepts cannot both join. A new
 * invitee gets an account with the chosen name and password; an existing account must give its
 * own password (the link alone never grants access to an existing account).
 */
export async function acceptInvitation(database: Database, input: { token: string; name?: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sha256(input.token)))
      .for('update');
    assertUsable(row);
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${row.email.toLowerCase()}`);
    if (user) {
      if (!(await verifyPassword(input.password, user.passwordHash)))
        throw new AppError(401, 'invalid_credentials', 'The password is not correct', 'password');
    } else {
      if (!input.name?.trim()) throw new AppError(400, 'invalid_input', 'name: required for a new account', 'name');
      [user] = await tx.insert(users).values({ id: newId(), email: row.email, name: input.name.trim(), passwordHash }).returning();
    }
    await tx.insert(memberships).values({ workspaceId: row.workspaceId, userId: user.id, role: row.role }).onConflictDoNothing();
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)));
    return { user, workspaceId: row.workspaceId };
  });
}
