// Every table Feedloop stores, listed once by the folder that owns it: drizzle-kit generates the
// migrations from this list (drizzle.config.ts) and the database client is opened with it
// (database.ts).
export * from '../platform/workspace/workspace.tables.js';
export * from '../platform/auth/auth.tables.js';
export * from '../platform/http/idempotency.tables.js';
export * from '../platform/jobs/jobs.tables.js';
export * from '../platform/db/db.tables.js';
export * from '../customers/customers/customers.tables.js';
export * from '../customers/segments/segments.tables.js';
export * from '../collect/feedback/feedback.tables.js';
export * from '../collect/import/import.tables.js';
export * from '../collect/saved-views/saved-views.tables.js';
export * from '../collect/surveys/surveys.tables.js';
export * from '../collect/widget/widget.tables.js';
export * from '../analyze/topics/topics.tables.js';
export * from '../analyze/corrections/corrections.tables.js';
export * from '../analyze/workspace-model/workspace-model.tables.js';
export * from '../analyze/reanalysis/reanalysis.tables.js';
export * from '../act/teams/teams.tables.js';
export * from '../act/tickets/tickets.tables.js';
export * from '../act/conversation/conversation.tables.js';
export * from '../act/canned-replies/canned-replies.tables.js';
export * from '../act/assignment/assignment.tables.js';
export * from '../act/tasks/tasks.tables.js';
export * from '../act/compensations/compensations.tables.js';
export * from '../act/business-hours/business-hours.tables.js';
export * from '../act/sla/sla.tables.js';
export * from '../loop/ideas/ideas.tables.js';
export * from '../act/rules/rules.tables.js';
export * from '../act/reply-drafts/reply-drafts.tables.js';
export * from '../evaluate/rollups/rollups.tables.js';
export * from '../evaluate/service-units/service-units.tables.js';
export * from '../evaluate/rollups/metric-rollups.tables.js';
export * from '../evaluate/rollups/churn-risk-spells.tables.js';
export * from '../evaluate/digest/digest.tables.js';
export * from '../evaluate/exports/exports.tables.js';
