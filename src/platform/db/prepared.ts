// Named prepared statements for the hottest fixed-shape statements (storing new feedback, the
// workspace's redaction setting, the job queue). On PostgreSQL each connection then parses such a
// statement once and may keep a generic plan, instead of planning it on every call: for these
// statements, planning cost as much PostgreSQL CPU as running them. A generic plan does not know
// the sizes of array parameters, so statements whose best plan depends on them stay unprepared
// (the analysis job's UPDATE, prepared, took seconds per batch). PGlite runs them as plain queries.
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/** Statement texts seen, each with its name; capped so a misuse cannot grow it without end. */
const names = new Map<string, string>();
const MAX_NAMES = 200;

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `fl_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Rows of `query`, sent as a named prepared statement on `db` (a database or a transaction).
 * Only for statements whose text never depends on the data — values as parameters, lists as
 * array parameters, no `in (…)` lists — or every call would prepare a new statement.
 */
export async function preparedRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  // Drizzle keeps its dialect and session on every database and transaction handle; its
  // `execute` never names a statement, so the prepared query is made here the same way.
  const {
    dialect,
    _: { session },
  } = db as unknown as { dialect: PgDialect; _: { session: PgSession } };
  const built = dialect.sqlToQuery(query);
  const result = await session.prepareQuery(built, undefined, statementName(built.sql), false).execute();
  return (result as { rows: T[] }).rows;
}
