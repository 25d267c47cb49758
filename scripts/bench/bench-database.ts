// A fresh database for a phase that starts its own `feedloop serve`: a new database on the
// PostgreSQL server (serverUrl given) or a new embedded data directory (none), with a way to read
// it afterwards the same on both engines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { openFeedloopDatabase } from '../../src/app/database.js';
import { onCleanup } from './processes.js';
import { createBenchDatabase } from './search.js';

export interface BenchDatabase {
  engine: 'PGlite' | 'PostgreSQL';
  /** Environment for feedloop processes on this database. */
  env: Record<string, string>;
  /** Rows of one query; on the embedded database only while no feedloop process holds it. */
  rows<T>(query: SQL): Promise<T[]>;
  dispose(): Promise<void>;
}

export async function benchDatabase(serverUrl: string | undefined, prefix: string): Promise<BenchDatabase> {
  const rowsOf = async <T>(options: Parameters<typeof openFeedloopDatabase>[0], query: SQL) => {
    const database = await openFeedloopDatabase({ ...options, poolSize: 1 });
    try {
      return await database.rows<T>(query);
    } finally {
      await database.close();
    }
  };
  if (serverUrl) {
    const { url, dispose } = await createBenchDatabase(serverUrl, prefix);
    return { engine: 'PostgreSQL', env: { DATABASE_URL: url }, rows: (query) => rowsOf({ databaseUrl: url, dataDir: '' }, query), dispose };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix.replace(/_/g, '-')));
  const dataDir = path.join(dir, 'data');
  const dispose = async () => fs.rmSync(dir, { recursive: true, force: true });
  onCleanup(dispose);
  return { engine: 'PGlite', env: { DATA_DIR: dataDir }, rows: (query) => rowsOf({ dataDir }, query), dispose };
}
