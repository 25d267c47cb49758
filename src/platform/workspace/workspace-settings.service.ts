// The current workspace's own settings: name, default locale, time zone and switches kept in
// workspaces.settings (jsonb). Only the allow-listed fields below can ever be written.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { preparedRows } from '../db/prepared.js';
import type { WorkspaceScope } from '../db/workspace-scope.js';
import type { Actor } from '../auth/permissions.js';
import { workspaces } from './workspace.tables.js';
import { forbidden, notFound } from '../http/errors.js';
import {
  WEEK_DAYS,
  WEEK_STARTS,
  WORKSPACE_CALENDARS,
  type WeekDay,
  type WeekStart,
  type WorkspaceCalendar,
} from '../../contracts/workspace.js';

/** Matches the survey default (collect/surveys/limits.ts): a customer hears from us at most monthly. */
export const SURVEY_THROTTLE_DEFAULT_DAYS = 30;

export { WEEK_DAYS, WEEK_STARTS, WORKSPACE_CALENDARS, type WeekDay, type WeekStart, type WorkspaceCalendar };

interface RegionalSettings {
  calendar: WorkspaceCalendar;
  weekStart: WeekStart;
  weekendDays: WeekDay[];
}

/** Until set, the calendar and week follow the workspace language: Iran, Arab countries, elsewhere. */
const REGIONAL_DEFAULTS: Record<string, RegionalSettings> = {
  fa: { calendar: 'persian', weekStart: 'sat', weekendDays: ['fri'] },
  ar: { calendar: 'gregorian', weekStart: 'sun', weekendDays: ['fri', 'sat'] },
  other: { calendar: 'gregorian', weekStart: 'mon', weekendDays: ['sat', 'sun'] },
};

/**
 * Until an admin chooses, national phone numbers are read in the one country the workspace
 * language points to; Arabic and English are spoken in too many for a guess (null: only numbers
 * written with their country code are accepted).
 */
const PHONE_COUNTRY_BY_LANGUAGE: Record<string, string> = { fa: 'IR', zh: 'CN' };

/** The country (ISO 3166-1 alpha-2) phone numbers without a country code are read in, or null. */
export function phoneCountryOf(defaultLocale: string, settings: Record<string, unknown>): string | null {
  if ('defaultCountry' in settings) return typeof settings.defaultCountry === 'string' ? settings.defaultCountry : null;
  return PHONE_COUNTRY_BY_LANGUAGE[defaultLocale] ?? null;
}

export interface WorkspaceSettingsPatch {
  name?: string;
  defaultLocale?: string;
  timezone?: string;
  piiRedaction?: boolean;
  /** no customer is surveyed more than once per this many days, across all surveys (0 = no limit) */
  surveyThrottleDays?: number;
  calendar?: WorkspaceCalendar;
  weekStart?: WeekStart;
  weekendDays?: WeekDay[];
  /** where phone numbers written without a country code are from (null: nowhere, they are refused) */
  defaultCountry?: string | null;
}

/** The settings-jsonb keys this service may write; nothing else in a patch reaches the column. */
const JSONB_SWITCHES = ['piiRedaction', 'surveyThrottleDays', 'calendar', 'weekStart', 'weekendDays', 'defaultCountry'] as const;

type WorkspaceRow = typeof workspaces.$inferSelect;

function publicWorkspace(w: WorkspaceRow) {
  return {
    id: w.id,
    name: w.name,
    slug: w.slug,
    defaultLocale: w.defaultLocale,
    timezone: w.timezone,
    piiRedaction: w.settings.piiRedaction === true,
    surveyThrottleDays: throttleDaysOf(w.settings),
    ...regionalOf(w.defaultLocale, w.settings),
    defaultCountry: phoneCountryOf(w.defaultLocale, w.settings),
  };
}

/** The calendar an admin chose for the workspace, or null while it follows the language. */
export function chosenCalendar(settings: Record<string, unknown>): WorkspaceCalendar | null {
  return WORKSPACE_CALENDARS.includes(settings.calendar as WorkspaceCalendar) ? (settings.calendar as WorkspaceCalendar) : null;
}

function regionalOf(defaultLocale: string, settings: Record<string, unknown>): RegionalSettings {
  const fallback = REGIONAL_DEFAULTS[defaultLocale] ?? REGIONAL_DEFAULTS.other;
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[], otherwise: T): T =>
    allowed.includes(value as T) ? (value as T) : otherwise;
  const weekend = Array.isArray(settings.weekendDays)
    ? settings.weekendDays.filter((d): d is WeekDay => WEEK_DAYS.includes(d as WeekDay))
    : null;
  return {
    calendar: chosenCalendar(settings) ?? fallback.calendar,
    weekStart: oneOf(settings.weekStart, WEEK_STARTS, fallback.weekStart),
    weekendDays: weekend ?? fallback.weekendDays,
  };
}

/** A workspace row's calendar, week start and weekend (for code that reads the row itself, in a transaction). */
export const regionalSettingsOf = (w: Pick<WorkspaceRow, 'defaultLocale' | 'settings'>) => regionalOf(w.defaultLocale, w.settings);

export async function getWorkspaceSettings(scope: WorkspaceScope) {
  const [row] = await scope.db.select().from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  if (!row) throw notFound('Workspace');
  return publicWorkspace(row);
}

/** Owners and admins, signed in: an API key never changes how its workspace stores data. */
export function canManageWorkspace(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'owner' || actor.role === 'admin');
}

export async function updateWorkspaceSettings(scope: WorkspaceScope, actor: Actor, patch: WorkspaceSettingsPatch) {
  if (!canManageWorkspace(actor)) throw forbidden('Only workspace owners and admins can change workspace settings');
  const set: { name?: string; defaultLocale?: string; timezone?: string; settings?: SQL } = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.defaultLocale !== undefined) set.defaultLocale = patch.defaultLocale;
  if (patch.timezone !== undefined) set.timezone = patch.timezone;
  // Merged key by key so settings written by other features are kept.
  const switches = Object.fromEntries(JSONB_SWITCHES.map((key) => [key, patch[key]]).filter(([, v]) => v !== undefined));
  if (Object.keys(switches).length > 0) set.settings = sql`${workspaces.settings} || ${JSON.stringify(switches)}::jsonb`;
  if (Object.keys(set).length > 0) await scope.db.update(workspaces).set(set).where(eq(workspaces.id, scope.workspaceId));
  return getWorkspaceSettings(scope);
}

const throttleDaysOf = (settings: Record<string, unknown>): number => {
  const days = settings.surveyThrottleDays;
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : SURVEY_THROTTLE_DEFAULT_DAYS;
};

/** The workspace's "survey a customer at most once per N days" setting (0: no limit). */
export async function surveyThrottleDays(db: DbOrTx, workspaceId: string): Promise<number> {
  const [row] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return throttleDaysOf(row?.settings ?? {});
}

/** Read inside the storing transaction, so feedback stored after the switch is turned on is redacted. */
export async function piiRedactionEnabled(db: DbOrTx, workspaceId: string): Promise<boolean> {
  // Read for every batch of new feedback: a prepared statement.
  const [row] = await preparedRows<{ on: boolean }>(
    db,
    sql`
    select coalesce((settings->>'piiRedaction')::boolean, false) as "on" from workspaces where id = ${workspaceId}`,
  );
  return row?.on === true;
}

/** The workspace's default phone country (phoneCountryOf), read where phone numbers enter. */
export async function workspacePhoneCountry(db: DbOrTx, workspaceId: string): Promise<string | null> {
  const [row] = await db
    .select({ defaultLocale: workspaces.defaultLocale, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ? phoneCountryOf(row.defaultLocale, row.settings) : null;
}
