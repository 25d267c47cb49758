// The two database engines under test: the embedded one (PGlite in a temporary DATA_DIR) and a
// fresh database on the PostgreSQL server in BENCH_DATABASE_URL / TEST_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { openFeedloopDatabase } from '../../src/app/database.js';
import { onCleanup } from './processes.js';

export interface JobSpan {
  jobs: number;
  items: number;
  /** Items of the first jobs to finish (a worker finishes the jobs it ran together at once): the span below starts then. */
  firstJobItems: number;
  /** Seconds from the first to the last job's finish. */
  seconds: number;
}

export interface Engine {
  name: 'PGlite' | 'PostgreSQL';
  /** Environment for feedloop processes on this database. */
  env: Record<string, string>;
  /** Feedback items still waiting for analysis. On PGlite only while no feedloop process runs. */
  countPending(): Promise<number>;
  /** Analysis jobs finished since `since`, from the jobs table (same rule as countPending). */
  analysisSpan(since: Date): Promise<JobSpan>;
  /** Size of the database on disk, for the report. */
  sizeMb(): Promise<number>;
  dispose(): Promise<void>;
}

export const serverUrlFromEnv = (): string | undefined => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

const pendingQuery = sql`select count(*)::int as n from feedback_items where status = 'pending'`;

async function pending(database: Database): Promise<number> {
  const [row] = await database.rows<{ n: number }>(pendingQuery);
  return Number(row.n);
}

async function span(database: Database, since: Date): Promise<JobSpan> {
  const [row] = await database.rows<{ jobs: number; items: number; first_items: number | null; seconds: number | null }>(sql`
    select count(*)::int as jobs,
           coalesce(sum(jsonb_array_length(payload->'ids')), 0)::int as items,
           coalesce(sum(jsonb_array_length(payload->'ids')) filter (where finished_at = first_finish), 0)::int as first_items,
           extract(epoch from max(finished_at) - min(finished_at))::float8 as seconds
    from (select *, min(finished_at) over () as first_finish from jobs
          where queue = 'analyze-feedback' and state = 'done' and finished_at >= ${since.toISOString()}::timestamptz) done`);
  return {
    jobs: Number(row.jobs),
    items: Number(row.items),
    firstJobItems: Number(row.first_items ?? 0),
    seconds: Number(row.seconds ?? 0),
  };
}

export async function embeddedEngine(): Promise<Engine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-bench-'));
  const dataDir = path.join(dir, 'data');
  const dispose = async () => fs.rmSync(dir, { recursive: true, force: true });
  onCleanup(dispose);
  // Opened in this process for a moment: the data directory has one owner at a time.
  const withDatabase = async <T>(fn: (database: Database) => Promise<T>): Promise<T> => {
    const database = await openFeedloopDatabase({ dataDir });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  };
  return {
    name: 'PGlite',
    env: { DATA_DIR: dataDir },
    countPending: () => withDatabase(pending),
    analysisSpan: (since) => withDatabase((database) => span(database, since)),
    async sizeMb() {
      return duMb(dataDir);
    },
    dispose,
  };
}

export async function postgresEngine(serverUrl: string): Promise<Engine> {
  const name = `feedloop_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  let database: Database | null = null;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await database?.close().catch(() => {});
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  };
  onCleanup(dispose);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Named, so that the CPU count of the database's backends (cpu.ts) leaves the benchmark's own out.
  const ownUrl = new URL(url);
  ownUrl.searchParams.set('application_name', 'feedloop-bench');
  database = await openFeedloopDatabase({ databaseUrl: ownUrl.toString(), dataDir: '', poolSize: 2 });
  const db = database;
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    countPending: () => pending(db),
    analysisSpan: (since) => span(db, since),
    async sizeMb() {
      const [row] = await db.rows<{ b: string }>(sql`select pg_database_size(current_database())::text as b`);
      return Number(row.b) / 1024 / 1024;
    },
    dispose,
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function duMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else bytes += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return bytes / 1024 / 1024;
}
