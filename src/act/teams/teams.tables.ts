// Teams: named groups of teammates that tickets are routed to and taken in turn within.
import { pgTable, uuid, text, timestamp, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_name_key').on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.workspaceId, t.userId)],
);
