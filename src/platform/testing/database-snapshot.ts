// Every test starts from a migrated database. Creating the embedded cluster (initdb) and running
// every migration again for each test app cost seconds of CPU each, minutes over the suite, so
// new test databases start from one migrated copy instead: a PGlite dump kept in the temp
// directory, or a template database on the PostgreSQL test server. The copy is named by a hash of
// the migrations, so a new migration makes a new copy. JavaScript data migrations also ran in the
// copy, but it holds no data, and `migrate()` still runs on every copy to apply anything newer.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openFeedloopDatabase } from '../../app/database.js';
import { migrationsDir, packageRoot } from '../paths.js';

const SNAPSHOT_LOCK_ID = 724_100_002; // pg_advisory_lock key: one process builds the template

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

let hashOfMigrations: string | undefined;

/** A short hash of every migration file, names and contents (read once per process). */
function migrationsHash(): string {
  if (hashOfMigrations) return hashOfMigrations;
  const hash = createHash('sha256');
  for (const file of listFiles(migrationsDir).sort()) {
    hash.update(path.relative(migrationsDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  hashOfMigrations = hash.digest('hex').slice(0, 16);
  return hashOfMigrations;
}

let pgliteSnapshot: Promise<Blob> | undefined;

/** The migrated embedded cluster as a tar, made once per migrations hash and shared by test processes. */
export function migratedPgliteSnapshot(): Promise<Blob> {
  pgliteSnapshot ??= (async () => {
    const pglite = JSON.parse(fs.readFileSync(path.join(packageRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
    const file = path.join(os.tmpdir(), 'feedloop-test-snapshots', `pglite-${pglite.version}-${migrationsHash()}.tar`);
    if (!fs.existsSync(file)) {
      const database = await openFeedloopDatabase({ dataDir: 'memory://' });
      try {
        await database.migrate();
        const dump = await database.dumpDataDir!();
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Written aside and renamed, so a parallel test process never reads half a file.
        const partial = `${file}.${process.pid}.partial`;
        fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
        fs.renameSync(partial, file);
      } finally {
        await database.close();
      }
    }
    return new Blob([fs.readFileSync(file)]);
  })();
  return pgliteSnapshot;
}

const templates = new Map<string, Promise<string>>();

/**
 * The name of a migrated template database on the test server, created by the first process that
 * needs it; each process asks the server once.
 */
export function migratedTemplateDatabase(serverUrl: string): Promise<string> {
  let template = templates.get(serverUrl);
  if (!template) {
    template = ensureTemplateDatabase(serverUrl);
    templates.set(serverUrl, template);
    template.catch(() => templates.delete(serverUrl));
  }
  return template;
}

async function ensureTemplateDatabase(serverUrl: string): Promise<string> {
  const name = `feedloop_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [SNAPSHOT_LOCK_ID]);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      // Built under another name and renamed, so a failed build never leaves a half-migrated template.
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const database = await openFeedloopDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 2 });
      try {
        await database.migrate();
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
    }
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [SNAPSHOT_LOCK_ID]).catch(() => {});
    await admin.end();
  }
  return name;
}
