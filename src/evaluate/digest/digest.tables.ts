// Who gets the feedback digest, when, and which periods have been sent.
import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DigestFrequency } from '../../contracts/digest.js';
import type { Locale } from '../../contracts/locales.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

/**
 * One row per member and workspace, created with the defaults (weekly, Monday 08:00 in the
 * workspace's zone, the user's language) the first time the member is seen. `nextSendAt` is
 * stored so the scan is one index probe.
 */
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(true),
    frequency: text('frequency').$type<DigestFrequency>().notNull().default('weekly'),
    weekday: smallint('weekday').notNull().default(1),
    hour: smallint('hour').notNull().default(8),
    timeZone: text('time_zone').notNull(),
    language: text('language').$type<Locale>().notNull(),
    // The secret behind this subscription's unsubscribe links (HMAC key, 256 bits).
    unsubscribeKey: text('unsubscribe_key').notNull(),
    nextSendAt: timestamp('next_send_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index('digest_subscriptions_due_idx').on(t.nextSendAt).where(sql`${t.enabled}`),
  ],
);

/** A digest period claimed for a member: its primary key is what makes each period go out once. */
export const digestSends = pgTable(
  'digest_sends',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.periodStart] })],
);
