// Feedloop's database: every table (tables.ts) and the data migrations that need JavaScript, in
// the order they run. Whatever opens the database opens it through here.
import type { Config } from '../platform/config.js';
import { openAndMigrate, openDatabase, type Database, type DatabaseSchema, type OpenOptions } from '../platform/db/client.js';
import { normalizeStoredPhones } from '../customers/customers/normalize-stored-phones.js';
import { refreshDefaultKeywords } from '../analyze/topics/refresh-default-keywords.js';
import * as tables from './tables.js';

export const FEEDLOOP_SCHEMA: DatabaseSchema = {
  tables,
  dataMigrations: [
    { name: 'customer-phones-e164', run: normalizeStoredPhones },
    { name: 'default-topic-keywords-2', run: refreshDefaultKeywords },
    { name: 'default-topic-keywords-3', run: refreshDefaultKeywords },
  ],
};

export const openFeedloopDatabase = (opts: Omit<OpenOptions, 'schema'>): Promise<Database> =>
  openDatabase({ ...opts, schema: FEEDLOOP_SCHEMA });

/** The configured database, migrated. */
export const openConfiguredDatabase = (config: Config, opts: { offersControl?: boolean } = {}): Promise<Database> =>
  openAndMigrate({ schema: FEEDLOOP_SCHEMA, databaseUrl: config.databaseUrl, dataDir: config.dataDir, offersControl: opts.offersControl });
