// The per-workspace model learnt from the corrections, and its training status.
import { pgTable, uuid, text, timestamp, integer, real, customType } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { ModelStatus } from '../../contracts/analysis.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const workspaceModels = pgTable('workspace_models', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
  status: text('status').$type<ModelStatus>().notNull().default('idle'),
  progress: real('progress').notNull().default(0), // 0..1 of the running training
  examples: integer('examples').notNull().default(0), // corrections the current weights learnt from
  weights: bytea('weights'),
  error: text('error'),
  trainedAt: timestamp('trained_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
