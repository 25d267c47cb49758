// Whether every SQL migration has been applied already, answered with one small query, so that a
// restart of an up-to-date database skips the migrator: on the embedded database the migrator's
// own bookkeeping (creating its schema and table if missing, then an empty transaction) costs a
// second of writes at every start. The rule is the migrator's: a migration is applied when its
// journal time is not after the newest `created_at` recorded in drizzle.__drizzle_migrations.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/** The journal time of the newest migration in `migrationsFolder`. */
export function newestMigrationTime(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ when: number }>;
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

export async function migrationsUpToDate(database: Pick<Database, 'rows'>, migrationsFolder: string): Promise<boolean> {
  const [table] = await database.rows<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return false;
  const [newest] = await database.rows<{ at: string | null }>(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
  return newest?.at != null && Number(newest.at) >= newestMigrationTime(migrationsFolder);
}
