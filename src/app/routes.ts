// The route table: every module of routes the server mounts, and the URLs each one answers.
// Every /api/v1 route names its permission (a scope, `public` or `signed-in`); the server refuses
// to start with one that does not (platform/http/authenticate.ts).
import type { MountRoutes, ServerDeps } from '../platform/http/server.js';
import { mount } from '../platform/http/server.js';
import { authRoutes } from '../platform/auth/auth.routes.js';
import { memberRoutes } from '../platform/auth/members.routes.js';
import { workspaceRoutes } from '../platform/workspace/workspace.routes.js';
import { feedbackRoutes } from '../collect/feedback/feedback.routes.js';
import { savedViewRoutes } from '../collect/saved-views/saved-views.routes.js';
import { customerRoutes } from '../customers/customers/customers.routes.js';
import { profileRoutes } from '../customers/profile/profile.routes.js';
import { activityRoutes } from '../customers/customers/activity.routes.js';
import { segmentRoutes } from '../customers/segments/segments.routes.js';
import { topicRoutes } from '../analyze/topics/topics.routes.js';
import { analysisRoutes } from '../analyze/analysis/analysis.routes.js';
import { correctionRoutes } from '../analyze/corrections/corrections.routes.js';
import { explanationRoutes } from '../analyze/explanation/explanation.routes.js';
import { workspaceModelRoutes } from '../analyze/workspace-model/workspace-model.routes.js';
import { reanalysisRoutes } from '../analyze/reanalysis/reanalysis.routes.js';
import { themeRoutes } from '../analyze/themes/themes.routes.js';
import { overviewRoutes } from '../evaluate/overview/overview.routes.js';
import { metricsRoutes } from '../evaluate/metrics/metrics.routes.js';
import { digestRoutes } from '../evaluate/digest/digest.routes.js';
import { driverRoutes } from '../evaluate/drivers/drivers.routes.js';
import { beforeAfterRoutes } from '../evaluate/before-after/before-after.routes.js';
import { exportRoutes } from '../evaluate/exports/exports.routes.js';
import { ticketRoutes } from '../act/tickets/tickets.routes.js';
import { taskRoutes } from '../act/tasks/tasks.routes.js';
import { conversationRoutes } from '../act/conversation/conversation.routes.js';
import { cannedReplyRoutes } from '../act/canned-replies/canned-replies.routes.js';
import { teamRoutes } from '../act/teams/teams.routes.js';
import { serviceUnitRoutes } from '../evaluate/service-units/service-units.routes.js';
import { assignmentRoutes } from '../act/assignment/assignment.routes.js';
import { compensationRoutes } from '../act/compensations/compensations.routes.js';
import { businessHoursRoutes } from '../act/business-hours/business-hours.routes.js';
import { slaRoutes } from '../act/sla/sla.routes.js';
import { ideaRoutes } from '../loop/ideas/ideas.routes.js';
import { ruleRoutes } from '../act/rules/rules.routes.js';
import { replyDraftRoutes } from '../act/reply-drafts/reply-drafts.routes.js';
import { surveyRoutes } from '../collect/surveys/surveys.routes.js';
import { surveyPageRoutes } from '../collect/surveys/survey-page.routes.js';
import { widgetKeyRoutes } from '../collect/widget/widget-key.routes.js';
import { widgetPublicRoutes, widgetSurveyRoutes } from '../collect/widget/widget.routes.js';
import { widgetAssetRoutes } from '../collect/widget/widget-assets.routes.js';

export const routeTable = ({ config, database }: Pick<ServerDeps, 'config' | 'database'>): MountRoutes[] => [
  // /api/v1/setup, /auth/login|logout, /me, /api-keys
  mount(authRoutes, { database, secureCookies: config.secureCookies }),
  // /api/v1/members, /invitations
  mount(memberRoutes, { database, publicUrl: config.publicUrl, secureCookies: config.secureCookies }),
  // /api/v1/feedback, /feedback/bulk, /feedback/bulk-update
  mount(feedbackRoutes),
  // /api/v1/saved-views
  mount(savedViewRoutes),
  // /api/v1/customers, /customers/identify, /customers/merge
  mount(customerRoutes),
  // /api/v1/customers/:id/timeline, /customers/:id/profile
  mount(profileRoutes),
  // /api/v1/events, /events/bulk, /orders
  mount(activityRoutes),
  // /api/v1/segments
  mount(segmentRoutes),
  // /api/v1/workspace
  mount(workspaceRoutes),
  // /api/v1/topics
  mount(topicRoutes),
  // /api/v1/analyze
  mount(analysisRoutes),
  // /api/v1/feedback/:id/analysis, /analysis/corrections
  mount(correctionRoutes),
  // /api/v1/feedback/:id/explanation
  mount(explanationRoutes),
  // /api/v1/analysis/model, /analysis/model/train
  mount(workspaceModelRoutes),
  // /api/v1/analysis/reanalyze, /analysis/runs
  mount(reanalysisRoutes),
  // /api/v1/themes
  mount(themeRoutes),
  // /api/v1/overview
  mount(overviewRoutes),
  // /api/v1/metrics
  mount(metricsRoutes),
  // /api/v1/drivers
  mount(driverRoutes),
  // /api/v1/before-after
  mount(beforeAfterRoutes),
  // /api/v1/me/digest (preferences, preview); public: the one-click unsubscribe /digest/unsubscribe/…
  mount(digestRoutes, { database, publicUrl: config.publicUrl }),
  // /api/v1/exports, /exports/:id; public, by link: /api/v1/exports/download/:token
  mount(exportRoutes, { database, dataDir: config.dataDir, publicUrl: config.publicUrl }),
  // /api/v1/tickets
  mount(ticketRoutes),
  // /api/v1/tickets/:id/messages
  mount(conversationRoutes),
  // /api/v1/canned-replies, /canned-replies/:id/render
  mount(cannedReplyRoutes),
  // /api/v1/teams
  mount(teamRoutes),
  mount(serviceUnitRoutes),
  // /api/v1/assignment
  mount(assignmentRoutes),
  // /api/v1/tasks
  mount(taskRoutes),
  // /api/v1/compensations
  mount(compensationRoutes),
  // /api/v1/business-hours
  mount(businessHoursRoutes),
  // /api/v1/sla/policies, /tickets/:id/sla
  mount(slaRoutes),
  // /api/v1/ideas
  mount(ideaRoutes),
  // /api/v1/rules (with runs, dry runs and the playbooks)
  mount(ruleRoutes),
  // /api/v1/reply-drafts, /reply-templates
  mount(replyDraftRoutes),
  // /api/v1/surveys (with sends, links, email previews, triggers, results), /survey-templates
  mount(surveyRoutes, { publicUrl: config.publicUrl }),
  // public: the survey link pages /s/…, unsubscribe /u/…
  mount(surveyPageRoutes, { database }),
  // /api/v1/widget-keys
  mount(widgetKeyRoutes),
  // public, by widget key: /api/v1/widget/:key/config|feedback|events
  mount(widgetPublicRoutes, { database }),
  // public, by widget key: /api/v1/widget/:key/surveys|responses|displays
  mount(widgetSurveyRoutes, { database }),
  // public: the widget scripts /widget/v1/…, the demo shop /demo/widget
  mount(widgetAssetRoutes, { database }),
];
