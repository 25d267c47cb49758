// Assignment: who owns each topic, the workspace's automatic assignment, and whose turn it is.
import { pgTable, uuid, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { teams } from '../teams/teams.tables.js';
import type { AUTO_ASSIGNMENT_MODES } from '../../contracts/inbox.js';

export const topicOwners = pgTable(
  'topic_owners',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    // A person, or a team whose members take the topic's tickets in turn.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.topic] })],
);

export const assignmentSettings = pgTable('assignment_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  mode: text('mode').$type<(typeof AUTO_ASSIGNMENT_MODES)[number]>().notNull().default('off'),
  // The team new tickets go round within (null: every agent, admin and owner of the workspace).
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Whose turn it was, per rotation ("team:<id>" or "workspace"): a row locked while choosing, so
// several API processes hand tickets out in one order.
export const assignmentRotations = pgTable(
  'assignment_rotations',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    rotation: text('rotation').notNull(),
    lastUserId: uuid('last_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.rotation] })],
);
