// A job is one definition beside the code it runs: its queue, the shape of its payload and its
// work. Producers enqueue through the definition, typed by the payload schema, inside their own
// transaction; the worker's registry is built from the definitions (src/app/jobs.ts). The
// worker runs a job only with a payload that parses: one that does not fails at once, with the
// reason, since no retry would make it valid.
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from '../db/client.js';
import type { Mailer } from '../mail/mailer.js';
import { describeZodError } from '../http/zod-types.js';
import { JOB_LIMITS } from './limits.js';
import { enqueueJobs, PermanentJobError, type ClaimedJob } from './queue.js';
import type { JobHandler } from './worker.js';

/** What a job's work may use. */
export interface JobContext {
  database: Database;
  mailer: Mailer;
  /** Where links in messages point (PUBLIC_URL). */
  publicUrl: string;
  /** DATA_DIR: where work that produces files keeps them (`memory://` for a throw-away database). */
  dataDir: string;
  log: Logger;
}

export interface EnqueueOptions {
  /** Not before this time (a debounce, a delayed send). */
  runAt?: Date;
}

/** A claimed job whose payload has been parsed. */
export type ParsedJob<P> = Omit<ClaimedJob, 'payload'> & { payload: P };

export interface JobDefinition<S extends z.ZodType<Record<string, unknown>>> {
  readonly queue: string;
  readonly payload: S;
  readonly maxAttempts: number;
  /** Queues one job per payload in the caller's transaction (the outbox). */
  enqueue(tx: DbOrTx, payloads: z.input<S> | Array<z.input<S>>, options?: EnqueueOptions): Promise<void>;
  /** The payload of a claimed job, or a PermanentJobError naming what is wrong with it. */
  parse(job: ClaimedJob): ParsedJob<z.output<S>>;
  /** What the worker runs for this queue. */
  handler(ctx: JobContext): JobHandler;
}

export class InvalidJobPayload extends PermanentJobError {}

export function defineJob<S extends z.ZodType<Record<string, unknown>>>(definition: {
  queue: string;
  payload: S;
  /** Tries before the job is marked failed (default JOB_LIMITS.maxAttempts). */
  maxAttempts?: number;
  run(payload: z.output<S>, ctx: JobContext, job: ClaimedJob): Promise<void>;
  /** Runs several claimed jobs of this queue at once; if it throws, each runs alone (`run`). */
  runMany?(jobs: Array<ParsedJob<z.output<S>>>, ctx: JobContext): Promise<void>;
}): JobDefinition<S> {
  const { queue, payload, run, runMany } = definition;
  const maxAttempts = definition.maxAttempts ?? JOB_LIMITS.maxAttempts;
  const parse = (job: ClaimedJob): ParsedJob<z.output<S>> => {
    const parsed = payload.safeParse(job.payload);
    if (!parsed.success) throw new InvalidJobPayload(`invalid payload: ${describeZodError(parsed.error, 'payload').message}`);
    return { ...job, payload: parsed.data };
  };
  return {
    queue,
    payload,
    maxAttempts,
    parse,
    async enqueue(tx, payloads, options = {}) {
      await enqueueJobs(
        tx,
        [payloads].flat().map((p) => ({ queue, payload: p as Record<string, unknown>, runAt: options.runAt, maxAttempts })),
      );
    },
    handler(ctx) {
      const handler: JobHandler = async (_payload, job) => run(parse(job).payload, ctx, job);
      if (runMany) handler.many = async (jobs) => runMany(jobs.map(parse), ctx);
      return handler;
    },
  };
}

/** The worker's registry: each definition's queue and what runs it. */
export function jobRegistry(
  definitions: Array<JobDefinition<z.ZodType<Record<string, unknown>>>>,
  ctx: JobContext,
): Record<string, JobHandler> {
  const registry: Record<string, JobHandler> = {};
  for (const definition of definitions) {
    if (registry[definition.queue]) throw new Error(`Two jobs are defined for the queue ${definition.queue}`);
    registry[definition.queue] = definition.handler(ctx);
  }
  return registry;
}
