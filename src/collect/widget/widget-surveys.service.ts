// Surveys in the widget: which live surveys a visitor may be shown (segment, display rules,
// the workspace throttle, opt-outs), recording that one was shown, and saving the answers.
// Anonymous and unverified visitors get every survey without a segment, whoever they claim to be;
// their display rules are kept by the browser. Verified customers are also judged here, from what
// every channel recorded.
import { and, eq, gt, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { surveyThrottleDays } from '../../platform/workspace/workspace-settings.service.js';
import { events } from '../../customers/customers/customers.tables.js';
import { findCustomerByIdentifiers, identifyCustomer, type Customer } from '../../customers/customers/identify-customer.js';
import { surveyOptOuts, surveyResponses, surveys, surveyVersions } from '../surveys/surveys.tables.js';
import { lastSurveyed } from '../surveys/recently-surveyed.js';
import { matchesSegment } from '../surveys/survey-triggers.js';
import { namedSegments, segmentMemberships } from '../../customers/segments/segment-membership.js';
import {
  answerNewResponse,
  assertOpen,
  openResponse,
  responseState,
  saveAnswers,
  type RespondentSurvey,
} from '../surveys/respond-to-survey.js';
import type { SurveyDefinition } from '../../contracts/survey-definition.js';
import type { WidgetSettings } from '../../contracts/widget-settings.js';
import { surveyDisplays } from './widget.tables.js';
import { findSurvey } from '../surveys/surveys.service.js';
import { identityMetadata, verifiedCustomer, type WidgetIdentity } from './widget-identity.js';

export interface WidgetSurveyView {
  id: string;
  definition: SurveyDefinition;
  widget: WidgetSettings;
  due?: boolean;
}

/** A server event newer than this no longer makes its survey due on the next page. */
const DUE_EVENT_DAYS = 7;
const DAY_MS = 86_400_000;

/** The customer a verified identity names, if known; a read never creates one. */
function knownCustomer(scope: WorkspaceScope, identity: WidgetIdentity): Promise<Customer | null> {
  const ref = verifiedCustomer(identity);
  return ref ? findCustomerByIdentifiers(scope, scope.db, ref) : Promise.resolve(null);
}

/** The customer a verified identity names, created on first contact (like feedback from the widget). */
async function customerIdOf(scope: WorkspaceScope, db: DbOrTx, identity: WidgetIdentity): Promise<string | null> {
  const ref = verifiedCustomer(identity);
  if (!ref) return null;
  return (await identifyCustomer(scope, db, { ...ref, seenAt: new Date() })).customer.id;
}

/** Live surveys with the widget switched on, with their current questions. */
async function widgetSurveys(scope: WorkspaceScope): Promise<WidgetSurveyView[]> {
  const rows = await scope.db
    .select({ id: surveys.id, settings: surveys.settings, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)))
    .where(scope.where(surveys, eq(surveys.status, 'live'), sql`(${surveys.settings} -> 'widget' ->> 'enabled')::boolean`))
    .orderBy(surveys.createdAt);
  return rows.map((r) => ({ id: r.id, definition: r.definition, widget: r.settings.widget! }));
}

/** Per survey: when this customer last saw it, and whether they completed it. */
async function customerHistory(scope: WorkspaceScope, customerId: string, surveyIds: string[]) {
  const [shown, completed] = await Promise.all([
    scope.db
      .select({ surveyId: surveyDisplays.surveyId, at: max(surveyDisplays.displayedAt) })
      .from(surveyDisplays)
      .where(scope.where(surveyDisplays, eq(surveyDisplays.customerId, customerId), inArray(surveyDisplays.surveyId, surveyIds)))
      .groupBy(surveyDisplays.surveyId),
    scope.db
      .selectDistinct({ surveyId: surveyResponses.surveyId })
      .from(surveyResponses)
      .where(
        scope.where(
          surveyResponses,
          eq(surveyResponses.customerId, customerId),
          inArray(surveyResponses.surveyId, surveyIds),
          isNotNull(surveyResponses.completedAt),
        ),
      ),
  ]);
  return { lastShown: new Map(shown.map((r) => [r.surveyId, r.at!])), completed: new Set(completed.map((r) => r.surveyId)) };
}

/** Whether the display rule still lets a survey be shown. */
export function displayAllowed(w: WidgetSettings, lastShown: Date | undefined, completed: boolean, now = Date.now()): boolean {
  if (w.display === 'once') return !lastShown;
  if (w.display === 'until_answered') return !completed;
  return !lastShown || now - lastShown.getTime() >= w.everyDays * DAY_MS;
}

/** Event names the customer's server sent recently, newer than the survey's last display. */
async function recentEventNames(scope: WorkspaceScope, customerId: string, names: string[]): Promise<Map<string, Date>> {
  if (names.length === 0) return new Map();
  const rows = await scope.db
    .select({ name: events.name, at: max(events.occurredAt) })
    .from(events)
    .where(
      scope.where(
        events,
        eq(events.customerId, customerId),
        inArray(events.name, names),
        gt(events.occurredAt, new Date(Date.now() - DUE_EVENT_DAYS * DAY_MS)),
      ),
    )
    .groupBy(events.name);
  return new Map(rows.map((r) => [r.name, r.at!]));
}

/**
 * What the widget may show this visitor. Only a verified identity gets an answer of its own: for
 * anyone else it is exactly the anonymous answer, so it never tells whether an email or id
 * belongs to a customer.
 */
export async function widgetConfig(scope: WorkspaceScope, identity: WidgetIdentity) {
  const [all, throttleDays, customer] = await Promise.all([
    widgetSurveys(scope),
    surveyThrottleDays(scope.db, scope.workspaceId),
    knownCustomer(scope, identity),
  ]);
  if (!customer) return { surveys: all.filter((s) => s.widget.segment.length === 0), throttleDays, lastSurveyedAt: null };
  const [optedOut] = await scope.db
    .select()
    .from(surveyOptOuts)
    .where(scope.where(surveyOptOuts, eq(surveyOptOuts.customerId, customer.id)));
  if (optedOut) return { surveys: [], throttleDays, lastSurveyedAt: null };
  const memberships = await segmentMemberships(scope, namedSegments(all.flatMap((s) => s.widget.segment)), [customer.id]);
  const eligible = all.filter((s) => matchesSegment(customer, s.widget.segment, memberships));
  const ids = eligible.map((s) => s.id);
  const eventNames = [...new Set(eligible.flatMap((s) => s.widget.triggers.flatMap((t) => (t.type === 'event' ? [t.name] : []))))];
  const [history, recentEvents, surveyed] = await Promise.all([
    ids.length ? customerHistory(scope, customer.id, ids) : { lastShown: new Map<string, Date>(), completed: new Set<string>() },
    recentEventNames(scope, customer.id, eventNames),
    lastSurveyed(scope, scope.db, [customer.id], new Date(Date.now() - Math.max(throttleDays, 1) * DAY_MS)),
  ]);
  const shown = eligible
    .filter((s) => displayAllowed(s.widget, history.lastShown.get(s.id), history.completed.has(s.id)))
    .map((s) => {
      const lastShown = history.lastShown.get(s.id)?.getTime() ?? 0;
      // A purchase (or any event a trigger names) sent by the business's server since the survey
      // was last shown: the widget shows it on the customer's next page.
      const due = s.widget.triggers.some((t) => t.type === 'event' && (recentEvents.get(t.name)?.getTime() ?? 0) > lastShown);
      return due ? { ...s, due } : s;
    });
  return { surveys: shown, throttleDays, lastSurveyedAt: surveyed.get(customer.id)?.toISOString() ?? null };
}

/** A live survey for showSurvey(id): any live survey of the workspace, widget rules or not. */
export async function widgetSurvey(scope: WorkspaceScope, surveyId: string): Promise<WidgetSurveyView> {
  const [row] = await scope.db
    .select({ survey: surveys, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)))
    .where(scope.where(surveys, eq(surveys.id, surveyId)));
  if (!row) throw notFound('Survey');
  assertOpen(row.survey);
  const widget = row.survey.settings.widget ?? {
    enabled: false,
    triggers: [],
    display: 'until_answered',
    everyDays: 30,
    samplePercent: 100,
    segment: [],
    placement: 'popup',
    delaySeconds: 0,
  };
  return { id: row.survey.id, definition: row.definition, widget };
}

export async function recordDisplay(
  scope: WorkspaceScope,
  display: { widgetKeyId: string; surveyId: string; anonymousId?: string; identity: WidgetIdentity },
): Promise<{ id: string }> {
  const { widgetKeyId, surveyId } = display;
  await findSurvey(scope, surveyId);
  const id = newId();
  await scope.transaction(async (tx) => {
    const customerId = await customerIdOf(scope, tx, display.identity);
    await tx
      .insert(surveyDisplays)
      .values(scope.stamp({ id, surveyId, customerId, anonymousId: display.anonymousId ?? null, widgetKeyId }));
  });
  return { id };
}

export interface WidgetAnswersInput {
  surveyId: string;
  /** Chosen by the browser once per showing: every step (and every retry) reaches one response. */
  responseKey: string;
  answers: Record<string, unknown>;
  language: string;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Saves a step of a widget response; sending the same step again changes nothing. */
export async function saveWidgetAnswers(
  scope: WorkspaceScope,
  input: WidgetAnswersInput,
  identity: WidgetIdentity,
): Promise<{ completed: boolean }> {
  // The answers' feedback items say how the respondent was identified, as widget feedback does.
  const rs: RespondentSurvey = { survey: await findSurvey(scope, input.surveyId), scope, itemMetadata: identityMetadata(identity) };
  const customerId = await customerIdOf(scope, scope.db, identity);
  const open = { customerId, personalKey: `widget:${input.responseKey}`, channel: 'widget' as const, language: input.language, hidden: {} };
  const created = await answerNewResponse(rs, open, input.answers);
  if (created) return { completed: created.response.status === 'completed' };
  const { response } = await openResponse(rs, open);
  if (response.status === 'completed') {
    // A retry of the last step after its answer was lost on the way: the same answers are fine.
    const state = await responseState(scope, response);
    if (Object.entries(input.answers).every(([q, v]) => state.seen.has(q) && sameValue(state.answers[q], v))) return { completed: true };
    throw new AppError(409, 'response_completed', 'This response was already submitted');
  }
  const saved = await saveAnswers(rs, response.id, input.answers);
  return { completed: saved.completed };
}
