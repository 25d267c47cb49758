// Widget keys: create, list, change allowed origins, revoke; and the lookup of a key from a page.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { widgetKeys } from './schema.js';

export const WIDGET_KEY_PREFIX = 'pk_';
/** The key `feedloop demo` makes for the demo shop page (/demo/widget). */
export const DEMO_WIDGET_KEY_NAME = 'Demo shop';
type Row = typeof widgetKeys.$inferSelect;

export const publicWidgetKey = (k: Row) => ({
  id: k.id, name: k.name, publicKey: k.publicKey, allowedOrigins: k.allowedOrigins, createdAt: k.createdAt, revokedAt: k.revokedAt,
});

export async function createWidgetKey(scope: WorkspaceScope, input: { name: string; allowedOrigins: string[] }) {
  const [row] = await scope.db.insert(widgetKeys).values(scope.stamp({
    id: newId(), name: input.name, publicKey: `${WIDGET_KEY_PREFIX}${randomToken(16)}`, allowedOrigins: input.allowedOrigins,
  })).returning();
  return publicWidgetKey(row);
}

export async function listWidgetKeys(scope: WorkspaceScope) {
  return (await scope.db.select().from(widgetKeys).where(scope.where(widgetKeys)).orderBy(desc(widgetKeys.createdAt))).map(publicWidgetKey);
}

export async function updateWidgetKey(scope: WorkspaceScope, id: string, patch: { name?: string; allowedOrigins?: string[] }) {
  const [row] = await scope.db.update(widgetKeys).set(patch).where(scope.where(widgetKeys, eq(widgetKeys.id, id), isNull(widgetKeys.revokedAt))).returning();
  if (!row) throw notFound('Widget key');
  return publicWidgetKey(row);
}

export async function revokeWidgetKey(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db.update(widgetKeys).set({ revokedAt: new Date() }).where(scope.where(widgetKeys, eq(widgetKeys.id, id), isNull(widgetKeys.revokedAt))).returning();
  if (!row) throw notFound('Widget key');
  return publicWidgetKey(row);
}

export type ResolvedWidgetKey =
  | { status: 'ok'; id: string; workspaceId: string; allowedOrigins: string[] }
  | { status: 'unknown' | 'revoked' };

export async function resolveWidgetKey(database: Database, publicKey: string): Promise<ResolvedWidgetKey> {
  if (!/^pk_[A-Za-z0-9_-]{20,40}$/.test(publicKey)) return { status: 'unknown' };
  const [row] = await database.db.select().from(widgetKeys).where(eq(widgetKeys.publicKey, publicKey));
  if (!row) return { status: 'unknown' };
  if (row.revokedAt) return { status: 'revoked' };
  return { status: 'ok', id: row.id, workspaceId: row.workspaceId, allowedOrigins: row.allowedOrigins };
}

/** The newest live demo-shop key (any workspace): the key is public, it is in the page anyway. */
export async function demoWidgetKey(database: Database): Promise<string | null> {
  const [row] = await database.db.select({ publicKey: widgetKeys.publicKey }).from(widgetKeys)
    .where(and(eq(widgetKeys.name, DEMO_WIDGET_KEY_NAME), isNull(widgetKeys.revokedAt))).orderBy(desc(widgetKeys.createdAt)).limit(1);
  return row?.publicKey ?? null;
}
