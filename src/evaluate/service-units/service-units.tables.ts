// Service units: the workspace's own hierarchy (region → branch → store, team → agent) that
// feedback items, tickets and customers belong to. A unit's figures include its descendants.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

export const serviceUnits = pgTable(
  'service_units',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Restrict: a unit with children is archived, never deleted out from under them.
    parentId: uuid('parent_id').references((): AnyPgColumn => serviceUnits.id, { onDelete: 'restrict' }),
    /** The level's label, the workspace's own word: region, branch, store, team… */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** The unit's code in the business's other systems (imports, the API): unique in the workspace. */
    externalCode: text('external_code'),
    archived: boolean('archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_units_parent_idx').on(t.workspaceId, t.parentId),
    uniqueIndex('service_units_external_code_key').on(t.workspaceId, t.externalCode).where(sql`${t.externalCode} is not null`),
  ],
);
