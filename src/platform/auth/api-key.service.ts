// API keys: 256-bit random secrets shown once; only their SHA-256 is stored, so a database
// leak does not leak usable keys. Revocation takes effect on the next request.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { WorkspaceScope } from '../db/workspace-scope.js';
import { apiKeys } from './auth.tables.js';
import { newId, randomToken, sha256 } from '../ids.js';
import type { Actor, Scope } from './permissions.js';
import { notFound } from '../http/errors.js';

export const API_KEY_PREFIX = 'fl_';

export async function createApiKey(scope: WorkspaceScope, input: { name: string; scopes: Scope[] }, createdBy: string | null) {
  const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
  const [row] = await scope.db
    .insert(apiKeys)
    .values(
      scope.stamp({
        id: newId(),
        name: input.name,
        prefix: secret.slice(0, 10),
        keyHash: sha256(secret),
        scopes: input.scopes,
        createdBy,
      }),
    )
    .returning();
  return { ...publicApiKey(row), key: secret };
}

export async function listApiKeys(scope: WorkspaceScope) {
  const rows = await scope.db.select().from(apiKeys).where(scope.where(apiKeys)).orderBy(desc(apiKeys.createdAt));
  return rows.map(publicApiKey);
}

/** GET /me for a key: the key itself (never its secret), so a script can see its own scopes. */
export async function describeApiKey(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .select()
    .from(apiKeys)
    .where(scope.where(apiKeys, eq(apiKeys.id, id)));
  if (!row) throw notFound('API key');
  return { apiKey: publicApiKey(row), workspaceId: scope.workspaceId };
}

export async function revokeApiKey(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(scope.where(apiKeys, eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  if (!row) throw notFound('API key');
  return publicApiKey(row);
}

// Requests that carry the same key at the same moment share one lookup (single flight): a
// burst of N requests costs one query, and nothing is cached past it, so a revocation committed
// before a lookup starts is always seen.
const lookupsInFlight = new Map<string, Promise<{ id: string; workspaceId: string; scopes: string[] } | null>>();

// Built once per database (building the query costs more CPU than running it) and named, so
// each connection prepares it once (see db/prepared.ts).
const keyQueries = new WeakMap<Database, ReturnType<typeof buildKeyQuery>>();

function buildKeyQuery(database: Database) {
  return database.db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare('api_key_by_hash');
}

/** A key's last use is written at most once a minute per process: a hint for admins, not a log. */
const LAST_USED_EVERY_MS = 60_000;
const lastUseWritten = new Map<string, number>();

function noteKeyUse(database: Database, keyId: string): void {
  const now = Date.now();
  if (now - (lastUseWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  if (lastUseWritten.size > 10_000) lastUseWritten.clear();
  lastUseWritten.set(keyId, now);
  // Off the request's path; a failed write only leaves the hint older.
  database.db
    .update(apiKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(apiKeys.id, keyId))
    .catch(() => lastUseWritten.delete(keyId));
}

export async function resolveApiKey(database: Database, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(API_KEY_PREFIX)) return null;
  const hash = sha256(secret);
  let lookup = lookupsInFlight.get(hash);
  if (!lookup) {
    // Lookup by hash: an index probe, no secret-dependent comparison in our code.
    let query = keyQueries.get(database);
    if (!query) {
      query = buildKeyQuery(database);
      keyQueries.set(database, query);
    }
    lookup = query
      .execute({ hash })
      .then((rows) => rows[0] ?? null)
      .finally(() => lookupsInFlight.delete(hash));
    lookupsInFlight.set(hash, lookup);
  }
  const row = await lookup;
  if (!row) return null;
  noteKeyUse(database, row.id);
  return {
    kind: 'api_key',
    workspaceId: row.workspaceId,
    userId: null,
    apiKeyId: row.id,
    role: null,
    scopes: new Set(row.scopes as Scope[]),
    sessionId: null,
  };
}

function publicApiKey(row: typeof apiKeys.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
