// Idempotency-Key on every POST: the first request with a key runs; a retry with the same key
// and body gets the stored answer; the same key with another body is refused (422); a retry
// while the first still runs waits briefly for its answer, then gets 409.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { idempotencyKeys } from '../schema.js';
import { sha256 } from '../ids.js';
import { AppError } from './errors.js';
import { IDEMPOTENCY_LIMITS } from './limits.js';

declare module 'fastify' {
  interface FastifyRequest { idempotency: { workspaceId: string; key: string } | null }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function registerIdempotency(app: FastifyInstance) {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !req.actor) return;
    return claimIdempotency(req, reply, req.actor.workspaceId);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = null;
    const where = and(eq(idempotencyKeys.workspaceId, idem.workspaceId), eq(idempotencyKeys.key, idem.key));
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      // Not a final answer: let a retry run again.
      await req.scope.db.delete(idempotencyKeys).where(where);
    } else {
      const body = typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
      await req.scope.db.update(idempotencyKeys).set({ state: 'done', responseStatus: reply.statusCode, responseBody: body }).where(where);
    }
    return payload;
  });
}

/**
 * Claims the request's Idempotency-Key for `workspaceId` (or replays the stored answer). Called
 * for every authenticated POST, and by public routes (the widget) once they know the workspace;
 * `namespace` keeps their keys apart from the API's.
 */
export async function claimIdempotency(req: FastifyRequest, reply: FastifyReply, workspaceId: string, namespace = ''): Promise<FastifyReply | void> {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return;
  const key = `${namespace}${String(raw)}`;
  if (String(raw).length < 1 || String(raw).length > IDEMPOTENCY_LIMITS.maxKeyLength) {
    throw new AppError(400, 'invalid_idempotency_key', `Idempotency-Key must be 1–${IDEMPOTENCY_LIMITS.maxKeyLength} characters`, 'Idempotency-Key');
  }
  const requestHash = sha256(`${req.method} ${req.routeOptions.url} ${JSON.stringify(req.body ?? null)}`);
  const db = req.scope.db;
  const claimed = await db.insert(idempotencyKeys).values({ workspaceId, key, requestHash, state: 'running' })
    .onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (claimed.length === 1) {
    req.idempotency = { workspaceId, key };
    return;
  }
  const deadline = Date.now() + IDEMPOTENCY_LIMITS.waitForFirstMs;
  for (;;) {
    const [row] = await db.select().from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, key)));
    if (!row) { // the first attempt failed and released the key: take it over
      return reclaim(req, workspaceId, key, requestHash);
    }
    if (row.requestHash !== requestHash) {
      throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request', 'Idempotency-Key');
    }
    if (row.state === 'done') return replay(reply, row.responseStatus ?? 200, row.responseBody);
    const stale = Date.now() - row.createdAt.getTime() > IDEMPOTENCY_LIMITS.runningStaleMs;
    if (stale) {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'running')));
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', 'Idempotency-Key');
    }
    await sleep(IDEMPOTENCY_LIMITS.pollMs);
  }
}

async function reclaim(req: FastifyRequest, workspaceId: string, key: string, requestHash: string) {
  const claimed = await req.scope.db.insert(idempotencyKeys).values({ workspaceId, key, requestHash, state: 'running' })
    .onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', 'Idempotency-Key');
  }
  req.idempotency = { workspaceId, key };
}

function replay(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).header('idempotent-replayed', 'true').send(body);
}

/** Keys older than the retention window are forgotten. */
export async function purgeIdempotencyKeys(db: FastifyRequest['scope']['db']) {
  await db.delete(idempotencyKeys).where(sql`created_at < now() - make_interval(hours => ${IDEMPOTENCY_LIMITS.retentionHours})`);
}
