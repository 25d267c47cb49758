// Idempotency-Key on every POST: the first request with a key runs; a retry with the same key
// and body, from the same credential (the same session of the same user, the same API key),
// gets the stored answer; the same key with another body is refused (422); a retry while the
// first still runs waits briefly for its answer, then gets 409. Another credential's key with the
// same value is another request. Secrets an answer shows once (a new API key, an invitation link)
// are never stored: a replay carries the rest of the answer without them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { idempotencyKeys } from './idempotency.tables.js';
import type { Database } from '../db/client.js';
import type { Actor } from '../auth/permissions.js';
import { sha256 } from '../ids.js';
import { AppError } from './errors.js';
import { IDEMPOTENCY_LIMITS } from './limits.js';

interface Claim {
  workspaceId: string;
  credential: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Claim | null;
  }
  /** Fields of the route's answer that are shown once and never stored for a replay. */
  interface FastifyContextConfig {
    oneTimeSecrets?: readonly string[];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The credential a request came with: one session of one user, or one API key. */
export function credentialOf(actor: Actor): string {
  return actor.apiKeyId ? `api_key:${actor.apiKeyId}` : `user:${actor.userId}:session:${actor.sessionId}`;
}

const whereClaim = (c: Claim) =>
  and(eq(idempotencyKeys.workspaceId, c.workspaceId), eq(idempotencyKeys.credential, c.credential), eq(idempotencyKeys.key, c.key));

function withoutSecrets(body: unknown, secrets: readonly string[] | undefined): unknown {
  if (!secrets?.length || !body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !secrets.includes(field)));
}

export function registerIdempotency(app: FastifyInstance) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !req.actor) return;
    return claimIdempotency(req, reply, req.actor.workspaceId, credentialOf(req.actor));
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      // Not a final answer: let a retry run again.
      await req.scope.db.delete(idempotencyKeys).where(whereClaim(claim));
    } else {
      const body = typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
      const stored = withoutSecrets(body, req.routeOptions.config?.oneTimeSecrets);
      await req.scope.db
        .update(idempotencyKeys)
        .set({ state: 'done', responseStatus: reply.statusCode, responseBody: stored })
        .where(whereClaim(claim));
    }
    return payload;
  });
}

/**
 * Claims the request's Idempotency-Key for `workspaceId` and `credential` (or replays the stored
 * answer). Called for every authenticated POST, and by public routes (the widget) once they know
 * the workspace, with their own credential (the widget key).
 */
export async function claimIdempotency(
  req: FastifyRequest,
  reply: FastifyReply,
  workspaceId: string,
  credential: string,
): Promise<FastifyReply | void> {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return;
  const key = String(raw);
  if (key.length < 1 || key.length > IDEMPOTENCY_LIMITS.maxKeyLength) {
    throw new AppError(
      400,
      'invalid_idempotency_key',
      `Idempotency-Key must be 1–${IDEMPOTENCY_LIMITS.maxKeyLength} characters`,
      'Idempotency-Key',
    );
  }
  const claim: Claim = { workspaceId, credential, key };
  const requestHash = sha256(`${req.method} ${req.routeOptions.url} ${JSON.stringify(req.body ?? null)}`);
  const db = req.scope.db;
  if (await insertClaim(req, claim, requestHash)) return;
  const deadline = Date.now() + IDEMPOTENCY_LIMITS.waitForFirstMs;
  for (;;) {
    const [row] = await db.select().from(idempotencyKeys).where(whereClaim(claim));
    if (!row) {
      // the first attempt failed and released the key: take it over
      if (await insertClaim(req, claim, requestHash)) return;
      throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', 'Idempotency-Key');
    }
    if (row.requestHash !== requestHash) {
      throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request', 'Idempotency-Key');
    }
    if (row.state === 'done') return replay(reply, row.responseStatus ?? 200, row.responseBody);
    const stale = Date.now() - row.createdAt.getTime() > IDEMPOTENCY_LIMITS.runningStaleMs;
    if (stale) {
      await db.delete(idempotencyKeys).where(and(whereClaim(claim), eq(idempotencyKeys.state, 'running')));
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', 'Idempotency-Key');
    }
    await sleep(IDEMPOTENCY_LIMITS.pollMs);
  }
}

async function insertClaim(req: FastifyRequest, claim: Claim, requestHash: string): Promise<boolean> {
  const claimed = await req.scope.db
    .insert(idempotencyKeys)
    .values({ ...claim, requestHash, state: 'running' })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 1) req.idempotency = claim;
  return claimed.length === 1;
}

function replay(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).header('idempotent-replayed', 'true').send(body);
}

/**
 * Keys older than the retention window are forgotten, a batch at a time (no statement runs long
 * on a large backlog); rows another worker is deleting at the same moment are skipped, so
 * several workers may purge at once.
 */
export async function purgeIdempotencyKeys(database: Database): Promise<number> {
  let purged = 0;
  for (;;) {
    const [{ n }] = await database.rows<{ n: number }>(sql`
      with gone as (delete from idempotency_keys where ctid in (
        select ctid from idempotency_keys
        where created_at < now() - make_interval(hours => ${IDEMPOTENCY_LIMITS.retentionHours})
        limit ${IDEMPOTENCY_LIMITS.purgeBatch} for update skip locked) returning 1)
      select count(*)::int as n from gone`);
    purged += n;
    if (n < IDEMPOTENCY_LIMITS.purgeBatch) return purged;
  }
}
