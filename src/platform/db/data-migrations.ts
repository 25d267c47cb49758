// Data migrations that need JavaScript (a library the SQL cannot call), run by migrate() right
// after the SQL migrations, under the same lock. Each runs until it has finished once; each is
// also safe to run again, so one interrupted part-way simply runs again on the next start. The
// list is the application's (src/app/database.ts).
import { dataMigrations } from './db.tables.js';
import type { Database } from './client.js';

export interface DataMigration {
  /** Never renamed: the name is what marks it done. */
  name: string;
  run(database: Database): Promise<unknown>;
}

/** Runs `migrations` (in their order) that have not finished before. */
export async function runDataMigrations(database: Database, migrations: DataMigration[]): Promise<void> {
  const done = new Set((await database.db.select({ name: dataMigrations.name }).from(dataMigrations)).map((m) => m.name));
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await migration.run(database);
    await database.db.insert(dataMigrations).values({ name: migration.name }).onConflictDoNothing();
  }
}
