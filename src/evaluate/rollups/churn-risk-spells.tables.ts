// The churn_risk metric's rollup: each customer's spells at churn risk (the definition of
// customers/profile/churn-risk.ts), so the count at any instant is one range read instead of a
// lookup per customer. A customer's spells are rebuilt from its rows whenever anything the
// definition reads changes (stale_churn_customers, marked by triggers).
import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';

export const churnRiskSpells = pgTable(
  'churn_risk_spells',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    // At risk at every instant t with starts_at < t <= ends_at (no end: still at risk, or from a
    // future instant on when the spell is a coming 60th day without activity).
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.startsAt] }), index('churn_risk_spells_workspace_idx').on(t.workspaceId, t.startsAt)],
);

// Customers whose spells must be rebuilt; no foreign key, so a deleted customer's mark is simply
// taken with nothing left to rebuild.
export const staleChurnCustomers = pgTable(
  'stale_churn_customers',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] })],
);
