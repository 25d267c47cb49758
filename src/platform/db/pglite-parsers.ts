// Drizzle asks PGlite to leave dates, timestamps and intervals as text (it maps them itself), in
// the options of every query. PGlite then merges those parsers into a copy of its ~100 default
// ones for each query, which cost a tenth of a millisecond per statement — as much as running a
// simple one. The same parsers are set once on the client instead and left out of each query.
import type { QueryOptions } from '@electric-sql/pglite';

const asText = (value: string) => value;

/**
 * The parsers Drizzle's PGlite driver passes with every query (drizzle-orm/pglite/session), by
 * type OID (numbers here, so that importing this module does not load PGlite in a process on
 * PostgreSQL): timestamp, timestamptz, interval, date, and arrays of those and of numeric.
 */
export const TEXT_PARSERS: Record<number, (value: string) => string> = {
  1114: asText,
  1184: asText,
  1186: asText,
  1082: asText,
  1231: asText,
  1115: asText,
  1185: asText,
  1187: asText,
  1182: asText,
};

/**
 * A query's options without parsers the client already applies (TEXT_PARSERS, set at creation);
 * options asking for any other parser are kept as they are.
 */
export function withoutClientParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  const parsers = options?.parsers;
  if (!parsers || !Object.keys(parsers).every((oid) => Number(oid) in TEXT_PARSERS)) return options;
  const { parsers: _alreadyApplied, ...rest } = options;
  return rest;
}
