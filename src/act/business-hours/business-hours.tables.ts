// A workspace's business hours: one row, weekly periods and holidays saved together, so a
// change is all there or not at all.
import { pgTable, uuid, text, timestamp, jsonb, integer } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { Holiday, OpenPeriod } from '../../contracts/business-hours.js';

export const businessHours = pgTable('business_hours', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
  // ISO weekday the week editor starts on (1 = Monday … 7 = Sunday).
  weekStart: integer('week_start').notNull(),
  weekly: jsonb('weekly').$type<OpenPeriod[]>().notNull(),
  // As entered, in their own calendars; turned into Gregorian dates when a calendar is read.
  holidays: jsonb('holidays').$type<Holiday[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
