// Local days of the workspace as a condition on a timestamp column; the database computes the
// day boundaries, so both engines agree on DST.
import { and, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { addDays } from '../../platform/calendars.js';

const startOf = (day: string, timeZone: string) => sql`((${day})::date)::timestamp at time zone ${timeZone}`;

export const withinDays = (column: PgColumn, from: string, to: string, timeZone: string): SQL =>
  and(gte(column, startOf(from, timeZone)), lt(column, startOf(addDays(to, 1), timeZone))) as SQL;
