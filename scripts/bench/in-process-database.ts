// A fresh database for a phase that runs Feedloop's code in this process: a new PGlite folder, or
// a new database on the PostgreSQL server (feedloop_bench_<phase>_<random>), migrated; `drop`
// closes it and removes the folder or the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openFeedloopDatabase } from '../../src/app/database.js';
import type { Database } from '../../src/platform/db/client.js';

export interface PhaseDatabase {
  database: Database;
  /** A scratch folder the phase may write files to; removed by drop. */
  dir: string;
  /** The PostgreSQL database's URL (none for PGlite, whose folder is `dir`/db). */
  url?: string;
  drop(): Promise<void>;
}

export async function freshPhaseDatabase(phase: string, serverUrl?: string): Promise<PhaseDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `feedloop-bench-${phase}-`));
  const dbName = `feedloop_bench_${phase}_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  let database: Database | null = null;
  const drop = async () => {
    await database?.close().catch(() => undefined);
    if (serverUrl) await admin(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (serverUrl) {
      await admin(`create database ${dbName}`);
      const url = new URL(serverUrl);
      url.pathname = `/${dbName}`;
      database = await openFeedloopDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
      await database.migrate();
      return { database, dir, url: url.toString(), drop };
    }
    database = await openFeedloopDatabase({ dataDir: path.join(dir, 'db') });
    await database.migrate();
    return { database, dir, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

export type PhaseEngine = 'PostgreSQL' | 'PGlite';

/**
 * Runs an in-process phase on PostgreSQL (when a server URL is given) and then on PGlite (unless
 * BENCH_SKIP names pglite), and returns both engines' figures.
 */
export async function onEachEngine<F>(
  phase: string,
  serverUrl: string | undefined,
  onEngine: (engine: PhaseEngine, serverUrl?: string) => Promise<F[]>,
): Promise<F[]> {
  const figures: F[] = [];
  if (serverUrl) figures.push(...(await onEngine('PostgreSQL', serverUrl)));
  else console.log(`${phase}: PostgreSQL skipped (needs BENCH_DATABASE_URL or TEST_DATABASE_URL)`);
  if (process.env.BENCH_SKIP?.includes('pglite') !== true) figures.push(...(await onEngine('PGlite')));
  return figures;
}
