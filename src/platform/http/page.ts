// Newest-first keyset pagination over (created_at, id), shared by the act and loop lists.
import { desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from './errors.js';
import { decodeCursor, encodeCursor } from './zod-types.js';

export interface PageColumns {
  createdAt: PgColumn;
  id: PgColumn;
}

/** The condition that starts a page after `cursor` (undefined on the first page). */
export function afterCursor(t: PageColumns, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  if (!c) throw new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
  return olderThan(t, c);
}

/**
 * Rows after a decoded cursor, newest first. A row comparison is a range on the (…, created_at, id)
 * index, so a deep page reads only its own rows; the equivalent `created_at < t or (created_at = t
 * and id < i)` makes PostgreSQL walk and discard every newer row, page after page.
 */
export const olderThan = (t: PageColumns, c: { time: Date; id: string }): SQL =>
  sql`(${t.createdAt}, ${t.id}) < (${c.time.toISOString()}::timestamptz, ${c.id}::uuid)`;

export const newestFirst = (t: PageColumns) => [desc(t.createdAt), desc(t.id)];

/** `rows` were fetched with limit + 1: the page and the cursor of the next one. */
export function toPage<R extends { id: string; createdAt: Date }, O>(rows: R[], limit: number, view: (r: R) => O) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
