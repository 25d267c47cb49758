// First-run setup: creates the organization, its first workspace and the owner. There is
// never a default account; once an owner exists, setup is closed for good.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organizations, workspaces } from '../workspace/workspace.tables.js';
import { users, memberships } from './auth.tables.js';
import { newId, randomToken } from '../ids.js';
import { hashPassword } from './passwords.js';
import { AppError } from '../http/errors.js';

export interface SetupInput {
  organizationName: string;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  locale: 'fa' | 'ar' | 'zh' | 'en';
}

const SETUP_LOCK_ID = 724_100_002;

export async function needsSetup(database: Database): Promise<boolean> {
  const rows = await database.rows<{ n: number }>(sql`select count(*)::int as n from users`);
  return rows[0].n === 0;
}

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${randomToken(4)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

export async function setupOwner(database: Database, input: SetupInput) {
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    // Serialise concurrent setup attempts so exactly one owner is created.
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_ID})`);
    const existing = await tx.execute(sql`select 1 from users limit 1`);
    if ((existing as unknown as { rows: unknown[] }).rows.length > 0) {
      throw new AppError(409, 'already_set_up', 'Feedloop is already set up; sign in instead');
    }
    const organizationId = newId();
    const workspaceId = newId();
    const userId = newId();
    await tx.insert(organizations).values({ id: organizationId, name: input.organizationName });
    const [workspace] = await tx
      .insert(workspaces)
      .values({
        id: workspaceId,
        organizationId,
        name: input.workspaceName,
        slug: slugify(input.workspaceName),
        defaultLocale: input.locale,
      })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        id: userId,
        email: input.email.trim(),
        name: input.name,
        passwordHash,
        locale: input.locale,
      })
      .returning();
    await tx.insert(memberships).values({ workspaceId, userId, role: 'owner' });
    return { user, workspace };
  });
}

/** Adds a workspace to an organization with the given user as its owner (used by the demo). */
export async function createWorkspace(database: Database, organizationId: string, ownerId: string, name: string, defaultLocale = 'en') {
  return database.db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({
        id: newId(),
        organizationId,
        name,
        slug: slugify(name),
        defaultLocale,
      })
      .returning();
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: ownerId, role: 'owner' });
    return workspace;
  });
}
