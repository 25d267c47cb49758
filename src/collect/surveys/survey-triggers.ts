// Distribution rules: "when <event> happens to a customer, email them this survey after a delay,
// if they match a segment, outside quiet hours in their time zone". Event and order ingestion
// signal occurrences inside their own transaction (only when a trigger listens for that name), and
// a job matches them later, so ingestion stays fast and a restart loses nothing.
import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Database, Tx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { isTimeZone } from '../../platform/time-zone.js';
import { customers } from '../../customers/customers/customers.tables.js';
import {
  assertSavedSegments,
  namedSegments,
  segmentMemberships,
  type SegmentMemberships,
} from '../../customers/segments/segment-membership.js';
import { surveyTriggers, type TriggerCondition } from './surveys.tables.js';
import { findSurvey } from './surveys.service.js';
import { queueSurveySends } from './send-survey.js';
import type { TCreateTriggerInput } from './surveys.input.js';
import { samePhone } from '../../customers/customers/phone-number.js';
import { BUILT_IN_EVENTS } from '../../contracts/survey-sending.js';
import { matchSurveyTriggersJob, type TMatchSurveyTriggersPayload } from './match-survey-triggers.job.js';

export { BUILT_IN_EVENTS };

export interface Occurrence {
  name: string;
  customerId: string;
  occurredAt: Date;
  /** the event or order it came from: a trigger fires once per source */
  sourceKey: string;
}

/** Called inside the ingesting transaction: enqueues matching only if a trigger listens. */
export async function signalSurveyTriggers(scope: WorkspaceScope, tx: Tx, occurrences: Occurrence[]): Promise<void> {
  if (occurrences.length === 0) return;
  const names = [...new Set(occurrences.map((o) => o.name))];
  const listening = await tx
    .select({ name: surveyTriggers.eventName })
    .from(surveyTriggers)
    .where(scope.where(surveyTriggers, inArray(surveyTriggers.eventName, names), eq(surveyTriggers.enabled, true)))
    .limit(names.length * 10);
  const heard = new Set(listening.map((l) => l.name));
  const relevant = occurrences.filter((o) => heard.has(o.name));
  if (relevant.length === 0) return;
  await matchSurveyTriggersJob.enqueue(tx, {
    workspaceId: scope.workspaceId,
    occurrences: relevant.map((o) => ({ ...o, occurredAt: o.occurredAt.toISOString() })),
  });
}

type CustomerRow = typeof customers.$inferSelect;

function fieldValue(c: CustomerRow, field: string): unknown {
  if (field.startsWith('attributes.')) return c.attributes[field.slice('attributes.'.length)];
  if (field.startsWith('lifetimeValue.')) return c.lifetimeValue[field.slice('lifetimeValue.'.length)] ?? 0;
  return (
    {
      locale: c.locale,
      email: c.email,
      phone: c.phone,
      feedbackCount: c.feedbackCount,
      eventCount: c.eventCount,
      orderCount: c.orderCount,
    } as Record<string, unknown>
  )[field];
}

/**
 * Every condition holds (AND). Values compare as numbers when both sides are numeric. Saved
 * segments are judged from `memberships` (segmentMemberships() of the customers being judged).
 */
export function matchesSegment(c: CustomerRow, segment: TriggerCondition[], memberships: SegmentMemberships = new Map()): boolean {
  return segment.every(({ field, op, value }) => {
    if (field === 'segment') return (memberships.get(String(value))?.has(c.id) ?? false) === (op === 'eq');
    // A phone in a rule is the same number however it is written ("0912…", "+98 912…").
    if (field === 'phone' && (op === 'eq' || op === 'neq' || op === 'in')) {
      const same = op === 'in' ? Array.isArray(value) && value.some((v) => samePhone(c.phone, v)) : samePhone(c.phone, value);
      return same === (op !== 'neq');
    }
    const actual = fieldValue(c, field);
    if (op === 'exists') return (actual !== undefined && actual !== null && actual !== '') === (value !== false);
    if (op === 'in') return Array.isArray(value) && value.some((v) => String(v) === String(actual));
    if (op === 'eq') return String(actual) === String(value);
    if (op === 'neq') return String(actual) !== String(value);
    const a = Number(actual),
      b = Number(value);
    if (actual === null || actual === undefined || Number.isNaN(a) || Number.isNaN(b)) return false;
    return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
  });
}

const clockOf = (hhmm: string) => ({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) });

/**
 * `at`, or the end of the quiet window when `at` falls inside it. Both are local clock times in
 * `timeZone`, so the end is found on the calendar (luxon), not by adding minutes to an instant:
 * a DST change inside the window would otherwise move the send an hour. An end the change skips
 * (02:30 on a spring-forward night) is read on the clock in force before it, as luxon does.
 */
export function outsideQuietHours(at: Date, timeZone: string, quiet: { start: string; end: string } | null): Date {
  if (!quiet) return at;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const start = clockOf(quiet.start),
    end = clockOf(quiet.end);
  const now = local.hour * 60 + local.minute;
  const from = start.hour * 60 + start.minute,
    to = end.hour * 60 + end.minute;
  const inside = from <= to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return at;
  // The window ends today if its end is still ahead on the clock, else tomorrow.
  const day = now < to ? local : local.plus({ days: 1 });
  return day.set({ ...end, second: 0, millisecond: 0 }).toJSDate();
}

/** Job: match signalled occurrences against the workspace's triggers and queue the sends. */
export async function matchSurveyTriggers(database: Database, payload: TMatchSurveyTriggersPayload): Promise<void> {
  const scope = new WorkspaceScope(database, payload.workspaceId);
  const occurrences = payload.occurrences;
  const triggers = await scope.db
    .select()
    .from(surveyTriggers)
    .where(
      scope.where(
        surveyTriggers,
        inArray(surveyTriggers.eventName, [...new Set(occurrences.map((o) => o.name))]),
        eq(surveyTriggers.enabled, true),
      ),
    );
  if (triggers.length === 0) return;
  const people = await scope.db
    .select()
    .from(customers)
    .where(scope.where(customers, inArray(customers.id, [...new Set(occurrences.map((o) => o.customerId))])));
  const memberships = await segmentMemberships(
    scope,
    namedSegments(triggers.flatMap((t) => t.segment)),
    people.map((p) => p.id),
  );
  const [workspace] = await scope.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  for (const o of occurrences) {
    const customer = people.find((p) => p.id === o.customerId);
    if (!customer) continue;
    for (const trigger of triggers.filter((t) => t.eventName === o.name && matchesSegment(customer, t.segment, memberships))) {
      const zone = isTimeZone(customer.attributes.timezone) ? customer.attributes.timezone : workspace.timezone;
      const due = new Date(Math.max(Date.now(), new Date(o.occurredAt).getTime() + trigger.delayMinutes * 60_000));
      try {
        await queueSurveySends(scope, trigger.surveyId, {
          customerIds: [customer.id],
          respectThrottle: true,
          runAt: outsideQuietHours(due, zone, trigger.quietHours),
          dedupeKey: () => `trigger:${trigger.id}:${o.sourceKey}`,
        });
      } catch (err) {
        // A survey closed since the trigger was made sends nothing; other errors retry the job.
        if ((err as { code?: string }).code !== 'survey_not_live') throw err;
      }
    }
  }
}

export async function createTrigger(scope: WorkspaceScope, surveyId: string, input: TCreateTriggerInput) {
  await findSurvey(scope, surveyId);
  await assertSavedSegments(scope, input.segment, 'segment');
  const [row] = await scope.db
    .insert(surveyTriggers)
    .values(scope.stamp({ id: newId(), surveyId, ...input }))
    .returning();
  return row;
}

export async function listTriggers(scope: WorkspaceScope, surveyId: string) {
  await findSurvey(scope, surveyId);
  return {
    data: await scope.db
      .select()
      .from(surveyTriggers)
      .where(scope.where(surveyTriggers, eq(surveyTriggers.surveyId, surveyId))),
  };
}

export async function deleteTrigger(scope: WorkspaceScope, surveyId: string, triggerId: string) {
  const gone = await scope.db
    .delete(surveyTriggers)
    .where(scope.where(surveyTriggers, and(eq(surveyTriggers.surveyId, surveyId), eq(surveyTriggers.id, triggerId))))
    .returning({ id: surveyTriggers.id });
  if (gone.length === 0) throw notFound('Trigger');
}
