import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Data migrations written in JavaScript (they need a library, e.g. phone numbers read as E.164),
// run once each after the SQL migrations: the ones done are listed here.
export const dataMigrations = pgTable('data_migrations', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
