// Widget keys: create, list, change allowed origins, rotate the identity secret, revoke; and the
// lookup of a key (with its live identity secrets) from a page.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import { newId, randomToken } from '../../platform/ids.js';
import { widgetKeys } from './widget.tables.js';

export const WIDGET_KEY_PREFIX = 'pk_';
export const IDENTITY_SECRET_PREFIX = 'fl_idv_';
/** 256 bits from the CSPRNG. */
const newIdentitySecret = () => `${IDENTITY_SECRET_PREFIX}${randomToken(32)}`;
/** The key `feedloop demo` makes for the demo shop page (/demo/widget). */
export const DEMO_WIDGET_KEY_NAME = 'Demo shop';
type Row = typeof widgetKeys.$inferSelect;

/** The previous secret, while its grace period after a rotation lasts. */
const livePreviousSecret = (k: Row, now = new Date()) =>
  k.previousIdentitySecret && k.previousSecretExpiresAt && k.previousSecretExpiresAt > now ? k.previousIdentitySecret : null;

/** A key as owners and admins see it (keys:manage): with its identity secret, which their servers need. */
export const publicWidgetKey = (k: Row) => ({
  id: k.id,
  name: k.name,
  publicKey: k.publicKey,
  allowedOrigins: k.allowedOrigins,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
  identitySecret: k.revokedAt ? null : k.identitySecret,
  previousSecretExpiresAt: !k.revokedAt && livePreviousSecret(k) ? k.previousSecretExpiresAt : null,
});

export async function createWidgetKey(scope: WorkspaceScope, input: { name: string; allowedOrigins: string[] }) {
  const [row] = await scope.db
    .insert(widgetKeys)
    .values(
      scope.stamp({
        id: newId(),
        name: input.name,
        publicKey: `${WIDGET_KEY_PREFIX}${randomToken(16)}`,
        allowedOrigins: input.allowedOrigins,
        identitySecret: newIdentitySecret(),
      }),
    )
    .returning();
  return publicWidgetKey(row);
}

export async function listWidgetKeys(scope: WorkspaceScope) {
  return (await scope.db.select().from(widgetKeys).where(scope.where(widgetKeys)).orderBy(desc(widgetKeys.createdAt))).map(publicWidgetKey);
}

export async function updateWidgetKey(scope: WorkspaceScope, id: string, patch: { name?: string; allowedOrigins?: string[] }) {
  const [row] = await scope.db
    .update(widgetKeys)
    .set(patch)
    .where(scope.where(widgetKeys, eq(widgetKeys.id, id), isNull(widgetKeys.revokedAt)))
    .returning();
  if (!row) throw notFound('Widget key');
  return publicWidgetKey(row);
}

/**
 * A new identity secret. The old one keeps verifying for `keepPreviousHours` (0: stops at once,
 * for a secret that leaked), so servers can be switched over without visitors dropping to
 * unverified; rotating again ends the old one's grace, since only one previous secret is kept.
 */
export async function rotateIdentitySecret(scope: WorkspaceScope, id: string, keepPreviousHours: number) {
  return scope.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(widgetKeys)
      .where(scope.where(widgetKeys, eq(widgetKeys.id, id), isNull(widgetKeys.revokedAt)))
      .for('update');
    if (!key) throw notFound('Widget key');
    const keep = keepPreviousHours > 0;
    const [row] = await tx
      .update(widgetKeys)
      .set({
        identitySecret: newIdentitySecret(),
        previousIdentitySecret: keep ? key.identitySecret : null,
        previousSecretExpiresAt: keep ? new Date(Date.now() + keepPreviousHours * 3_600_000) : null,
      })
      .where(scope.where(widgetKeys, eq(widgetKeys.id, id)))
      .returning();
    return publicWidgetKey(row);
  });
}

export async function revokeWidgetKey(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .update(widgetKeys)
    .set({ revokedAt: new Date() })
    .where(scope.where(widgetKeys, eq(widgetKeys.id, id), isNull(widgetKeys.revokedAt)))
    .returning();
  if (!row) throw notFound('Widget key');
  return publicWidgetKey(row);
}

export type ResolvedWidgetKey =
  | { status: 'ok'; id: string; workspaceId: string; allowedOrigins: string[]; identitySecrets: string[] }
  | { status: 'unknown' | 'revoked' };

export async function resolveWidgetKey(database: Database, publicKey: string): Promise<ResolvedWidgetKey> {
  if (!/^pk_[A-Za-z0-9_-]{20,40}$/.test(publicKey)) return { status: 'unknown' };
  const [row] = await database.db.select().from(widgetKeys).where(eq(widgetKeys.publicKey, publicKey));
  if (!row) return { status: 'unknown' };
  if (row.revokedAt) return { status: 'revoked' };
  const previous = livePreviousSecret(row);
  return {
    status: 'ok',
    id: row.id,
    workspaceId: row.workspaceId,
    allowedOrigins: row.allowedOrigins,
    identitySecrets: previous ? [row.identitySecret, previous] : [row.identitySecret],
  };
}

/**
 * The newest live demo-shop key (any workspace): the key is public, it is in the page anyway. Its
 * identity secret stays on the server, which signs the demo's one shopper (demo-shop-page.ts).
 */
export async function demoWidgetKey(database: Database): Promise<{ publicKey: string; identitySecret: string } | null> {
  const [row] = await database.db
    .select({ publicKey: widgetKeys.publicKey, identitySecret: widgetKeys.identitySecret })
    .from(widgetKeys)
    .where(and(eq(widgetKeys.name, DEMO_WIDGET_KEY_NAME), isNull(widgetKeys.revokedAt)))
    .orderBy(desc(widgetKeys.createdAt))
    .limit(1);
  return row ?? null;
}
