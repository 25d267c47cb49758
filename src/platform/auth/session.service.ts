// Dashboard sessions: a random cookie token; only its SHA-256 is stored.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sessions, users, memberships } from './auth.tables.js';
import { workspaces } from '../workspace/workspace.tables.js';
import { newId, randomToken, sha256 } from '../ids.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { AUTH_LIMITS } from './limits.js';
import { LoginThrottle } from './login-throttle.js';
import { ROLE_SCOPES, type Actor, type Role } from './permissions.js';
import { AppError } from '../http/errors.js';
import { chosenCalendar } from '../workspace/workspace-settings.service.js';

export async function createSession(database: Database, userId: string, meta: { userAgent?: string; ip?: string }, workspaceId?: string) {
  let wsId = workspaceId;
  if (!wsId) {
    const [first] = await database.db
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!first) throw new AppError(403, 'no_workspace', 'This account is not a member of any workspace');
    wsId = first.workspaceId;
  }
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + AUTH_LIMITS.sessionDays * 86_400_000);
  await database.db.insert(sessions).values({
    id: newId(),
    tokenHash: sha256(token),
    userId,
    workspaceId: wsId,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { token, expiresAt };
}

export async function resolveSession(database: Database, token: string): Promise<Actor | null> {
  const [row] = await database.db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      workspaceId: sessions.workspaceId,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const role = row.role as Role;
  return {
    kind: 'user',
    workspaceId: row.workspaceId,
    userId: row.userId,
    apiKeyId: null,
    role,
    scopes: ROLE_SCOPES[role],
    sessionId: row.sessionId,
  };
}

export async function deleteSession(database: Database, token: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

const loginThrottle = new LoginThrottle();

/** The user with this email and password; `client` (the caller's address) keys the back-off. */
export async function verifyLogin(database: Database, email: string, password: string, client: string) {
  const wait = loginThrottle.waitSeconds(email, client);
  if (wait > 0) {
    throw new AppError(429, 'rate_limited', `Too many failed sign-in attempts; try again in ${wait} s`, undefined, {
      'retry-after': String(wait),
    });
  }
  const [user] = await database.db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`).limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    loginThrottle.failed(email, client);
    throw new AppError(401, 'invalid_credentials', 'The email or password is not correct');
  }
  loginThrottle.succeeded(email, client);
  return user;
}

export async function loadMe(database: Database, actor: Actor) {
  if (!actor.userId) throw new AppError(403, 'forbidden', 'Only signed-in users have a profile');
  const [user] = await database.db.select().from(users).where(eq(users.id, actor.userId));
  const [workspace] = await database.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  const [membership] = await database.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.workspaceId, actor.workspaceId)));
  const mine = await database.db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(memberships.createdAt));
  return {
    user: publicUser(user),
    // The workspace's calendar only when an admin chose one: users on "auto" then see it; until
    // then "auto" follows each user's own language (Persian users see Jalali dates).
    workspace: {
      id: workspace.id,
      name: workspace.name,
      defaultLocale: workspace.defaultLocale,
      calendar: chosenCalendar(workspace.settings),
    },
    role: membership?.role ?? actor.role,
    workspaces: mine,
  };
}

/** Moves the session to another workspace the user is a member of. */
export async function switchWorkspace(database: Database, actor: Actor, workspaceId: string) {
  if (!actor.sessionId || !actor.userId) throw new AppError(403, 'forbidden', 'Only signed-in users switch workspaces');
  const [m] = await database.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.workspaceId, workspaceId)));
  if (!m) throw new AppError(404, 'not_found', 'Workspace not found');
  await database.db.update(sessions).set({ workspaceId }).where(eq(sessions.id, actor.sessionId));
}

export async function updateMe(
  database: Database,
  actor: Actor,
  patch: Partial<Pick<typeof users.$inferInsert, 'name' | 'locale' | 'calendar' | 'digits'>>,
) {
  if (!actor.userId) throw new AppError(403, 'forbidden', 'Only signed-in users have a profile');
  const [user] = await database.db.update(users).set(patch).where(eq(users.id, actor.userId)).returning();
  return { user: publicUser(user) };
}

export function publicUser(u: typeof users.$inferSelect) {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale, calendar: u.calendar, digits: u.digits };
}
