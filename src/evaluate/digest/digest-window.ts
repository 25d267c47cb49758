// A digest period as a condition on a timestamp column: its local days in the reader's time
// zone, the day boundaries computed by the database so both engines agree on DST.
import { and, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DigestPeriod } from './digest-schedule.js';

const startOfDay = (day: string, timeZone: string) => sql`((${day})::date)::timestamp at time zone ${timeZone}`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const withinPeriod = (column: PgColumn, period: DigestPeriod, timeZone: string): SQL =>
  and(gte(column, startOfDay(period.start, timeZone)), lt(column, startOfDay(nextDay(period.end), timeZone))) as SQL;
