// One Database interface over two engines: embedded PGlite (default) or a PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock.js';
import { migrationsDir, packageRoot } from '../paths.js';
import { migrationsUpToDate } from './migrations-applied.js';
import { PGLITE_CONF } from './pglite-conf.js';
import { TEXT_PARSERS, withoutClientParsers } from './pglite-parsers.js';
import { DB_LIMITS } from './limits.js';
import type { Config } from '../config.js';
import { connectionQueue, type ConnectionQueue } from './connection-queue.js';
import type { PGlite as PGliteClient } from '@electric-sql/pglite';

import type { DataMigration } from './data-migrations.js';

/** The tables the database holds (the application's list) and its data migrations. */
export interface DatabaseSchema {
  tables: Record<string, unknown>;
  /** In the order they run, after the SQL migrations. */
  dataMigrations: DataMigration[];
}

export type Db = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Rows of a raw SQL query, the same shape on both engines. */
  rows<T = Record<string, unknown>>(query: ReturnType<typeof sql>, tx?: DbOrTx): Promise<T[]>;
  /** The SQL migrations, then the data migrations that need JavaScript (data-migrations.ts). */
  migrate(): Promise<void>;
  /** Embedded engine only: the whole cluster as a tar, which `loadDataDir` starts a new database from. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Opens the configured database, migrated: the application's (src/app/database.ts), handed to commands. */
export type OpenConfiguredDatabase = (config: Config) => Promise<Database>;

export interface OpenOptions {
  schema: DatabaseSchema;
  databaseUrl?: string;
  /** Data directory for the embedded engine; 'memory://' for a throw-away database. */
  dataDir: string;
  poolSize?: number;
  /** The embedded database's holder will serve other commands over its control channel. */
  offersControl?: boolean;
  /** An in-memory embedded database starts from this dump (`dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
}

const MIGRATION_LOCK_ID = 724_100_001; // pg_advisory_lock key: one migrator at a time

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.schema, opts.databaseUrl, opts.poolSize ?? 20)
    : openPglite(opts.schema, opts.dataDir, opts.offersControl === true, opts.loadDataDir);
}

/** Opens the database and brings it up to date (closed again if migrating fails). */
export async function openAndMigrate(opts: OpenOptions): Promise<Database> {
  const database = await openDatabase(opts);
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

async function openPglite(schema: DatabaseSchema, dataDir: string, offersControl: boolean, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataDir.startsWith('memory://');
  if (loadDataDir && !inMemory) throw new Error('loadDataDir is only for in-memory databases');
  let release = () => {};
  if (!inMemory) {
    release = lockDataDir(dataDir, { offersControl });
  }
  try {
    const pgDir = inMemory ? undefined : path.join(dataDir, 'pg');
    if (pgDir && !fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await initClusterInChild(pgDir);
    const client = await PGlite.create(pgDir, {
      postgresqlconf: PGLITE_CONF,
      parsers: TEXT_PARSERS,
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    takeTurns(client, connectionQueue({ requestTurnsBeforeBackground: DB_LIMITS.requestTurnsBeforeBackground }));
    const db = drizzle(client, { schema: schema.tables }) as unknown as Db;
    const database: Database = {
      db,
      engine: 'pglite',
      async rows(query, tx) {
        const res = await (tx ?? db).execute(query);
        return (res as unknown as { rows: never[] }).rows;
      },
      async migrate() {
        if (!(await migrationsUpToDate(database, migrationsDir))) await migrate(db as never, { migrationsFolder: migrationsDir });
        await runDataMigrations(database, schema.dataMigrations);
      },
      dumpDataDir: () => client.dumpDataDir('none'),
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
    return database;
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Every statement and transaction on the embedded database's one connection waits for its turn in
 * `queue` (connection-queue.ts). A transaction is one turn: the statements inside it use the
 * transaction's own handle, which is not queued. Queries leave out the parsers the client already
 * applies (pglite-parsers.ts).
 */
function takeTurns(client: PGliteClient, queue: ConnectionQueue) {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text, params, options) => queue.take(() => query(text, params, withoutClientParsers(options)))) as typeof query;
  client.exec = ((...args: Parameters<typeof exec>) => queue.take(() => exec(...args))) as typeof exec;
  client.transaction = ((work) =>
    queue.take(() =>
      transaction((tx) => {
        const txQuery = tx.query.bind(tx);
        tx.query = ((text, params, options) => txQuery(text, params, withoutClientParsers(options))) as typeof tx.query;
        return work(tx);
      }),
    )) as typeof transaction;
}

function initClusterInChild(pgDir: string): Promise<void> {
  fs.mkdirSync(pgDir, { recursive: true });
  // From the bundled server (npm start), its bundled helper; from the sources (tsx, tests), the source.
  const fromSources = fileURLToPath(import.meta.url).endsWith('.ts');
  const script = path.join(packageRoot, fromSources ? 'src/platform/db/init-pglite.ts' : 'dist/server/init-pglite.js');
  const execArgv = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return new Promise((resolve, reject) => {
    const child = fork(script, [pgDir], { execArgv, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Creating the embedded database in ${pgDir} failed (exit ${code})`)),
    );
  });
}

async function openPostgres(schema: DatabaseSchema, url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: DB_LIMITS.connectTimeoutMs });
  pool.on('error', () => {
    /* a dropped idle client is replaced on the next query */
  });
  const db = drizzle(pool, { schema: schema.tables }) as unknown as Db;
  const database: Database = {
    db,
    engine: 'postgres',
    async rows(query, tx) {
      const res = await (tx ?? db).execute(query);
      return (res as unknown as { rows: never[] }).rows;
    },
    async migrate() {
      // Several processes may start together: the advisory lock lets one migrate at a time.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        if (!(await migrationsUpToDate(database, migrationsDir))) await migrate(db as never, { migrationsFolder: migrationsDir });
        await runDataMigrations(database, schema.dataMigrations);
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
        lockClient.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
  return database;
}

/** The data migrations (JavaScript, after the SQL ones), loaded only when migrating. */
async function runDataMigrations(database: Database, migrations: DataMigration[]): Promise<void> {
  const { runDataMigrations: run } = await import('./data-migrations.js');
  await run(database, migrations);
}
