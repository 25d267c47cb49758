// The server keeps its side of the contracts, checked by the compiler: what each service answers,
// as JSON (dates become ISO strings), must be assignable to the contract type the clients read,
// and every request body the clients send must be accepted by the server's zod schema (or service
// parameter) and name no field the server does not know. A field renamed, dropped or retyped on
// either side fails `tsc -p .` here, naming the field.
//
// Where the server holds a value as a plain string (a text column without an enumeration type),
// the contract's enumeration is taken on trust; columns typed from the contracts' enumerations
// (feedback channel, status, sentiment and type; roles; user preferences; survey, run and model
// statuses) are checked member by member. A response assembled with raw SQL (the entries of the
// customer timeline) has no static type: only its envelope is checked here, its entries by tests.
//
// Type-only: nothing here runs. The root tsconfig type-checks `*.test-d.ts` files (it leaves out
// `*.test.ts`), and this is the one file of src/contracts that may import the server.
import type { z } from 'zod';
import type * as act from './act.js';
import type * as serviceUnits from './service-units.js';
import type { ZCreateServiceUnit, ZUpdateServiceUnit } from '../evaluate/service-units/service-units.input.js';
import type { createServiceUnit, listServiceUnits, updateServiceUnit } from '../evaluate/service-units/service-units.service.js';
import type * as analysis from './analysis.js';
import type * as auth from './auth.js';
import type * as businessHours from './business-hours.js';
import type * as customers from './customers.js';
import type * as errors from './errors.js';
import type * as feedback from './feedback.js';
import type * as ideas from './ideas.js';
import type * as overview from './overview.js';
import type * as drivers from './drivers.js';
import type * as beforeAfter from './before-after.js';
import type * as digest from './digest.js';
import type { List, Page } from './page.js';
import type * as segments from './segments.js';
import type * as sending from './survey-sending.js';
import type * as surveys from './surveys.js';
import type * as themes from './themes.js';
import type * as widget from './widget.js';
import type { WidgetTrigger } from './widget-settings.js';
import type * as workspace from './workspace.js';
import type * as rulesContract from './rules.js';
import type { createRule, listRuleRuns, listRules, updateRule } from '../act/rules/rules.service.js';
import type { dryRunRule } from '../act/rules/rule-dry-run.js';

import type { ZUpdateTicket } from '../act/tickets/tickets.input.js';
import type { ZBusinessHours } from '../act/business-hours/business-hours.input.js';
import type { getBusinessHours, saveBusinessHours } from '../act/business-hours/business-hours.service.js';
import type { ZSlaPolicies } from '../act/sla/sla.input.js';
import type { listSlaPolicies, replaceSlaPolicies } from '../act/sla/sla-policies.service.js';
import type { ticketSlaState } from '../act/sla/sla-clock.js';
import type { createTicket, getTicket, listTickets, updateTicket } from '../act/tickets/tickets.service.js';
import type { ZCorrectAnalysisInput } from '../analyze/corrections/corrections.input.js';
import type { correctAnalysis } from '../analyze/corrections/corrections.service.js';
import type { getRun, latestRun, startReanalysis } from '../analyze/reanalysis/reanalysis.service.js';
import type { ZPromoteThemeInput } from '../analyze/themes/themes.input.js';
import type { listThemes, promoteTheme } from '../analyze/themes/themes.service.js';
import type { ZCreateTopicInput, ZMergeTopicsInput, ZUpdateTopicInput } from '../analyze/topics/topics.input.js';
import type { createTopic, getTopic, mergeTopics, publicTopic, updateTopic } from '../analyze/topics/topics.service.js';
import type { getWorkspaceModel } from '../analyze/workspace-model/workspace-model.service.js';
import type { ZBulkUpdateFeedbackInput } from '../collect/feedback/feedback.input.js';
import type { bulkUpdateFeedback } from '../collect/feedback/feedback-bulk.service.js';
import type { getFeedback, listFeedback, updateFeedback } from '../collect/feedback/feedback.service.js';
import type { createSavedView, listSavedViews, updateSavedView } from '../collect/saved-views/saved-views.service.js';
import type { ZCreateSavedView } from '../collect/saved-views/saved-views.input.js';
import type { createPersonalLinks, previewSurveyEmail, previewSurveySend, sendSurvey } from '../collect/surveys/survey-distribution.js';
import type { listSurveySends } from '../collect/surveys/send-survey.js';
import type { surveyResults } from '../collect/surveys/survey-results.js';
import type { SURVEY_TEMPLATES } from '../collect/surveys/survey-templates.js';
import type { createTrigger, listTriggers } from '../collect/surveys/survey-triggers.js';
import type {
  ZCreateSurveyInput,
  ZCreateTriggerInput,
  ZPersonalLinksInput,
  ZSendSurveyInput,
  ZUpdateSurveyInput,
} from '../collect/surveys/surveys.input.js';
import type { createSurvey, getSurvey, listSurveys, setSurveyStatus, updateSurvey } from '../collect/surveys/surveys.service.js';
import type {
  createWidgetKey,
  listWidgetKeys,
  revokeWidgetKey,
  rotateIdentitySecret,
  updateWidgetKey,
} from '../collect/widget/widget-key.service.js';
import type { widgetConfig, widgetSurvey } from '../collect/widget/widget-surveys.service.js';
import type { ZMergeCustomersInput } from '../customers/customers/customers.input.js';
import type { customerProfile } from '../customers/profile/profile.service.js';
import type { customerTimeline } from '../customers/profile/customer-timeline.js';
import type { getCustomer, listCustomers, updateCustomer } from '../customers/customers/customers.service.js';
import type { mergeCustomers } from '../customers/customers/merge-customers.js';
import type { ZCreateSegmentInput, ZPreviewSegmentInput, ZUpdateSegmentInput } from '../customers/segments/segments.input.js';
import type { createSegment, getSegment, listSegments, previewSegment, updateSegment } from '../customers/segments/segments.service.js';
import type { getOverview } from '../evaluate/overview/overview.service.js';
import type { listDrivers } from '../evaluate/drivers/drivers.service.js';
import type { compareBeforeAfter } from '../evaluate/before-after/before-after.service.js';
import type { getDigestPreferences } from '../evaluate/digest/digest-preferences.service.js';
import type { previewDigest } from '../evaluate/digest/preview-digest.js';
import type { ZUpdateDigestPreferences } from '../evaluate/digest/digest.input.js';
import type { ZCreateIdea, ZUpdateIdea } from '../loop/ideas/ideas.input.js';
import type { createIdea, getIdea, listIdeas, updateIdea } from '../loop/ideas/ideas.service.js';
import type { acceptInvitation, createInvitation, describeInvitation, listInvitations } from '../platform/auth/invitations.service.js';
import type { changeMemberRole, listMembers } from '../platform/auth/members.service.js';
import type { createApiKey, listApiKeys, revokeApiKey } from '../platform/auth/api-key.service.js';
import type { loadMe, publicUser, updateMe } from '../platform/auth/session.service.js';
import type { errorBody } from '../platform/http/errors.js';
import type { ZUpdateWorkspaceInput } from '../platform/workspace/workspace.routes.js';
import type { getWorkspaceSettings, updateWorkspaceSettings } from '../platform/workspace/workspace-settings.service.js';

/** What JSON.stringify makes of a value: dates become ISO strings, the rest keeps its shape. */
type Json<T> = T extends Date ? string : T extends object ? { -readonly [K in keyof T]: Json<T[K]> } : T;

type AllKeys<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** The contract, with an enumeration read as `string` where the server holds a plain string. */
type Loose<Contract, Server> = Contract extends unknown
  ? Contract extends string
    ? string extends Extract<Server, string>
      ? string
      : Contract
    : Contract extends readonly unknown[]
      ? { [K in keyof Contract]: Loose<Contract[K], ElementOf<Server>> }
      : Contract extends object
        ? { [K in keyof Contract]: Loose<Contract[K], FieldOf<Server, K>> }
        : Contract
  : never;

/** What a service answers, as the client receives it. */
type Served<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

/** The server's answer must be assignable to the contract: its error names the field at fault. */
type Answers<Server extends Expected, Contract, Expected = Loose<Contract, Server>> = [Server, Contract, Expected];
/** Fields of a body (at any depth) that the server's input does not have. */
type UnknownFields<Body, Input> = Body extends readonly (infer B)[]
  ? Input extends readonly (infer I)[]
    ? UnknownFields<B, I>
    : never
  : Body extends object
    ? { [K in keyof Body]-?: K extends AllKeys<Input> ? UnknownFields<Body[K], FieldOf<Input, K>> : K }[keyof Body]
    : never;

/** The server accepts what the client sends: every body is valid input, and no field is unknown to it. */
type Accepts<Input, Body extends Input> = [UnknownFields<Body, Input>] extends [never]
  ? true
  : { unknownFields: UnknownFields<Body, Input> };
type Check<T extends true> = T;

/** Same members, both ways: an enumeration in a type and in a list. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type Responses = [
  // feedback
  Answers<Served<typeof getFeedback>, feedback.FeedbackItem>,
  Answers<Served<typeof listRules>, List<rulesContract.RuleSummary>>,
  Answers<Served<typeof createRule>, rulesContract.RuleSummary>,
  Answers<Served<typeof updateRule>, rulesContract.RuleSummary>,
  Answers<Served<typeof listRuleRuns>, Page<rulesContract.RuleRun>>,
  Answers<Served<typeof dryRunRule>, { replayed: number; matched: number; matches: rulesContract.DryRunMatch[] }>,
  Answers<Served<typeof updateFeedback>, feedback.FeedbackItem>,
  Answers<Served<typeof listFeedback>, feedback.FeedbackPage>,
  Answers<Served<typeof bulkUpdateFeedback>, feedback.BulkUpdateFeedbackResult>,
  Answers<Served<typeof listSavedViews>, List<feedback.SavedView>>,
  Answers<Served<typeof createSavedView>, feedback.SavedView>,
  Answers<Served<typeof updateSavedView>, feedback.SavedView>,
  Answers<Served<typeof correctAnalysis>, feedback.FeedbackItem>,
  // signed in
  Answers<Served<typeof loadMe>, auth.Me>,
  Answers<Served<typeof updateMe>, auth.SignedIn>,
  Answers<Served<typeof publicUser>, auth.User>,
  Answers<Served<typeof errorBody>, errors.ApiErrorBody>,
  // workspace settings
  Answers<Served<typeof getWorkspaceSettings>, workspace.WorkspaceSettings>,
  Answers<Served<typeof updateWorkspaceSettings>, workspace.WorkspaceSettings>,
  Answers<Served<typeof listMembers>, workspace.Member[]>,
  Answers<Served<typeof changeMemberRole>, workspace.Member>,
  Answers<Served<typeof listInvitations>, workspace.Invitation[]>,
  Answers<Served<typeof createInvitation>, workspace.CreatedInvitation>,
  Answers<Served<typeof describeInvitation>, workspace.InvitationPreview>,
  Answers<Served<typeof listApiKeys>, workspace.ApiKey[]>,
  Answers<Served<typeof createApiKey>, workspace.CreatedApiKey>,
  Answers<Served<typeof revokeApiKey>, workspace.ApiKey>,
  Answers<Served<typeof listWidgetKeys>, workspace.WidgetKey[]>,
  Answers<Served<typeof createWidgetKey>, workspace.WidgetKey>,
  Answers<Served<typeof updateWidgetKey>, workspace.WidgetKey>,
  Answers<Served<typeof rotateIdentitySecret>, workspace.WidgetKey>,
  Answers<Served<typeof revokeWidgetKey>, workspace.WidgetKey>,
  // tickets and ideas
  Answers<Served<typeof listTickets>, Page<act.Ticket>>,
  Answers<Served<typeof createTicket>, act.Ticket>,
  Answers<Served<typeof getTicket>, act.TicketDetail>,
  Answers<Served<typeof updateTicket>, act.TicketRecord>,
  Answers<Served<typeof getBusinessHours>, businessHours.BusinessHours & { configured: boolean }>,
  Answers<Served<typeof saveBusinessHours>, businessHours.BusinessHours & { configured: boolean }>,
  Answers<Served<typeof listSlaPolicies>, { policies: businessHours.SlaPolicy[] }>,
  Answers<Served<typeof replaceSlaPolicies>, { policies: businessHours.SlaPolicy[] }>,
  Answers<Served<typeof ticketSlaState>, businessHours.TicketSla>,
  Answers<Served<typeof listIdeas>, Page<ideas.Idea>>,
  Answers<Served<typeof createIdea>, ideas.Idea>,
  Answers<Served<typeof getIdea>, ideas.IdeaDetail>,
  Answers<Served<typeof updateIdea>, ideas.IdeaUpdated>,
  // customers and segments
  Answers<Served<typeof listCustomers>, Page<customers.Customer>>,
  Answers<Served<typeof getCustomer>, customers.Customer>,
  Answers<Served<typeof updateCustomer>, customers.Customer>,
  Answers<Served<typeof customerProfile>, customers.CustomerProfile>,
  Answers<
    Served<typeof customerTimeline>,
    Omit<customers.CustomerTimeline, 'data'> & { data: Array<Pick<customers.TimelineEntry, 'kind' | 'id' | 'at'>> }
  >,
  Answers<Served<typeof mergeCustomers>, customers.MergeResult>,
  Answers<Served<typeof listSegments>, List<segments.Segment>>,
  Answers<Served<typeof getSegment>, segments.Segment>,
  Answers<Served<typeof createSegment>, segments.Segment>,
  Answers<Served<typeof updateSegment>, segments.Segment>,
  Answers<Served<typeof previewSegment>, segments.SegmentPreview>,
  // surveys (the routes add `url`, the public URL followed by linkPath)
  Answers<Served<typeof getSurvey> & { url: string }, surveys.Survey>,
  Answers<Served<typeof createSurvey> & { url: string }, surveys.Survey>,
  Answers<Served<typeof updateSurvey> & { url: string }, surveys.Survey>,
  Answers<Served<typeof setSurveyStatus> & { url: string }, surveys.Survey>,
  Answers<Served<typeof listSurveys>['data'][number] & { url: string }, surveys.Survey>,
  Answers<Json<(typeof SURVEY_TEMPLATES)[number]>, surveys.SurveyTemplate>,
  Answers<Served<typeof surveyResults>, surveys.SurveyResults>,
  Answers<Served<typeof previewSurveySend>, sending.SendPreview>,
  Answers<Served<typeof sendSurvey>, sending.SendResult>,
  Answers<Served<typeof listSurveySends>, sending.SurveySends>,
  Answers<Served<typeof previewSurveyEmail>, sending.EmailPreview>,
  Answers<Served<typeof createPersonalLinks>, sending.PersonalLinks>,
  Answers<Served<typeof listTriggers>, List<sending.SurveyTrigger>>,
  Answers<Served<typeof createTrigger>, sending.SurveyTrigger>,
  // analysis
  Answers<Served<typeof publicTopic>, analysis.Topic>,
  Answers<Served<typeof getTopic>, analysis.Topic>,
  Answers<Served<typeof createTopic>, analysis.Topic>,
  Answers<Served<typeof updateTopic>, analysis.Topic>,
  Answers<Served<typeof mergeTopics>, analysis.Topic>,
  Answers<Served<typeof startReanalysis>, analysis.AnalysisRun>,
  Answers<Served<typeof getRun>, analysis.AnalysisRun>,
  Answers<Served<typeof latestRun>, analysis.AnalysisRun | null>,
  Answers<Served<typeof getWorkspaceModel>, analysis.WorkspaceModel>,
  Answers<Served<typeof listThemes>, themes.ThemeList>,
  Answers<Served<typeof promoteTheme>, themes.PromotedTheme>,
  Answers<Served<typeof getOverview>, overview.Overview>,
  Answers<Served<typeof listDrivers>, drivers.DriversResponse>,
  Answers<Served<typeof compareBeforeAfter>, beforeAfter.BeforeAfterResponse>,
  Answers<Served<typeof getDigestPreferences>, digest.DigestPreferences>,
  Answers<Served<typeof previewDigest>, digest.DigestPreview>,
  // the website widget
  Answers<Served<typeof widgetConfig>, widget.WidgetConfig>,
  Answers<Served<typeof widgetSurvey>, widget.WidgetSurvey>,
  Answers<Served<typeof listServiceUnits>, serviceUnits.ServiceUnitTree>,
  Answers<Served<typeof createServiceUnit>, serviceUnits.ServiceUnit>,
  Answers<Served<typeof updateServiceUnit>, serviceUnits.ServiceUnit>,
];

export type Requests = [
  Check<Accepts<z.input<typeof ZBulkUpdateFeedbackInput>, feedback.BulkUpdateFeedback>>,
  Check<Accepts<z.input<typeof ZCreateSavedView>, feedback.CreateSavedView>>,
  Check<Accepts<Parameters<typeof updateMe>[2], auth.UpdateMe>>,
  Check<Accepts<z.input<typeof ZUpdateWorkspaceInput>, workspace.UpdateWorkspace>>,
  Check<Accepts<Parameters<typeof acceptInvitation>[1], workspace.AcceptInvitation>>,
  Check<Accepts<Parameters<typeof createApiKey>[1], { name: string; scopes: workspace.ApiKeyScope[] }>>,
  Check<Accepts<z.input<typeof ZUpdateTicket>, act.UpdateTicket>>,
  Check<Accepts<z.input<typeof ZBusinessHours>, businessHours.BusinessHours>>,
  Check<Accepts<z.input<typeof ZSlaPolicies>, businessHours.SlaPolicies>>,
  Check<Accepts<z.input<typeof ZCreateIdea>, ideas.CreateIdea>>,
  Check<Accepts<z.input<typeof ZUpdateIdea>, ideas.UpdateIdea>>,
  Check<Accepts<z.input<typeof ZMergeCustomersInput>, customers.MergeCustomers>>,
  Check<Accepts<z.input<typeof ZCreateSegmentInput>, segments.CreateSegment>>,
  Check<Accepts<z.input<typeof ZUpdateSegmentInput>, Partial<segments.CreateSegment>>>,
  Check<Accepts<z.input<typeof ZPreviewSegmentInput>, { definition: segments.SegmentDefinition }>>,
  Check<Accepts<z.input<typeof ZCreateSurveyInput>, surveys.CreateSurveyFromTemplate>>,
  Check<Accepts<z.input<typeof ZUpdateSurveyInput>, surveys.UpdateSurvey>>,
  // The editor sends back what it read.
  Check<Accepts<z.input<typeof ZUpdateSurveyInput>, Pick<surveys.Survey, 'name' | 'names' | 'definition' | 'settings'>>>,
  Check<Accepts<z.input<typeof ZSendSurveyInput>, sending.SendSurvey>>,
  Check<Accepts<z.input<typeof ZPersonalLinksInput>, sending.LinksAudience>>,
  Check<Accepts<z.input<typeof ZCreateTriggerInput>, sending.NewTrigger>>,
  Check<Accepts<z.input<typeof ZCreateTopicInput>, analysis.CreateTopic>>,
  Check<Accepts<z.input<typeof ZUpdateTopicInput>, analysis.UpdateTopic>>,
  Check<Accepts<z.input<typeof ZMergeTopicsInput>, { into: string }>>,
  Check<Accepts<z.input<typeof ZCorrectAnalysisInput>, analysis.CorrectAnalysis>>,
  Check<Accepts<z.input<typeof ZPromoteThemeInput>, themes.PromoteTheme>>,
  Check<Accepts<z.input<typeof ZUpdateDigestPreferences>, digest.UpdateDigestPreferences>>,
  Check<Accepts<z.input<typeof ZCreateServiceUnit>, serviceUnits.CreateServiceUnit>>,
  Check<Accepts<z.input<typeof ZUpdateServiceUnit>, serviceUnits.UpdateServiceUnit>>,
];

export type Enumerations = [
  // Every widget trigger schema's type is listed in WIDGET_TRIGGER_TYPES, and no other.
  Check<Same<WidgetTrigger['type'], widget.WidgetTriggerType>>,
];
