// Data migrations that need JavaScript (a library the SQL cannot call), run by migrate() right
// after the SQL migrations, under the same lock. Each runs until it has finished once; each is
// also safe to run again, so one interrupted part-way simply runs again on the next start.
import { dataMigrations } from '../schema.js';
import type { Database } from './client.js';
import { normalizeStoredPhones } from '../../customers/normalize-stored-phones.js';
import { refreshDefaultKeywords } from '../../analyze/topics/refresh-default-keywords.js';

interface DataMigration {
  /** Never renamed: the name is what marks it done. */
  name: string;
  run(database: Database): Promise<unknown>;
}

/** In the order they run. */
const DATA_MIGRATIONS: DataMigration[] = [
  { name: 'customer-phones-e164', run: normalizeStoredPhones },
  { name: 'default-topic-keywords-2', run: refreshDefaultKeywords },
];

export async function runDataMigrations(database: Database): Promise<void> {
  const done = new Set((await database.db.select({ name: dataMigrations.name }).from(dataMigrations)).map((m) => m.name));
  for (const migration of DATA_MIGRATIONS) {
    if (done.has(migration.name)) continue;
    await migration.run(database);
    await database.db.insert(dataMigrations).values({ name: migration.name }).onConflictDoNothing();
  }
}
