// Public widget keys: identify a workspace to the embeddable widget. A public key is not a
// secret (it sits in every page's HTML): it can only add displays, answers, events and feedback
// to its own workspace, from the origins the workspace allows, and never read anything.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { surveys } from '../surveys/surveys.tables.js';

export const widgetKeys = pgTable(
  'widget_keys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    publicKey: text('public_key').notNull(),
    // Exact origins (scheme://host[:port]) whose pages may use the key; empty = none yet.
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    // Identity verification: the business's server signs who a visitor is (HMAC-SHA256) with this
    // secret. Verifying an HMAC needs the secret itself, so unlike API keys it cannot be stored
    // hashed: it is kept as is in this row, shown only through the keys:manage routes (owners and
    // admins, never API keys), and readable by whoever can read the database. New keys get theirs
    // from Node's CSPRNG (widget-key.service.ts); the default fills keys made before verification
    // existed, from PostgreSQL's strong random source (2 × 122 bits).
    identitySecret: text('identity_secret')
      .notNull()
      .default(sql`('fl_idv_' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`),
    // After a rotation the previous secret keeps verifying until this moment, so the business's
    // servers can switch over without signed-in visitors losing their verified identity.
    previousIdentitySecret: text('previous_identity_secret'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('widget_keys_public_key_key').on(t.publicKey), index('widget_keys_workspace_idx').on(t.workspaceId)],
);

// A survey shown by the widget to a visitor: the base of display rules (once, every N days), the
// global throttle for identified customers, and the response rate in results.
export const surveyDisplays = pgTable(
  'survey_displays',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    anonymousId: text('anonymous_id'),
    widgetKeyId: uuid('widget_key_id').references(() => widgetKeys.id, { onDelete: 'set null' }),
    displayedAt: timestamp('displayed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_displays_survey_idx').on(t.workspaceId, t.surveyId, t.displayedAt),
    index('survey_displays_customer_idx').on(t.workspaceId, t.customerId, t.displayedAt),
  ],
);
