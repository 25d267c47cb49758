// Sending surveys from the dashboard: the trigger form and its checks, delays in minutes, hours
// or days, and personal links as a CSV file.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { NewTrigger, PersonalLink, SurveyTrigger } from '@feedloop/contracts/survey-sending';
import { toAsciiDigits } from './format';

export const DELAY_UNITS = ['minutes', 'hours', 'days'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];
const UNIT_MINUTES: Record<DelayUnit, number> = { minutes: 1, hours: 60, days: 1440 };
/** The server's limit: a trigger waits at most a year. */
const MAX_DELAY_MINUTES = 525_600;

/** A delay in the largest unit that divides it: 4320 → 3 days. */
export function splitDelay(minutes: number): { amount: number; unit: DelayUnit } {
  const unit = [...DELAY_UNITS].reverse().find((u) => minutes % UNIT_MINUTES[u] === 0 && minutes >= UNIT_MINUTES[u]) ?? 'minutes';
  return { amount: minutes / UNIT_MINUTES[unit], unit };
}

/** A whole number typed in any digits (۳, ٣ or 3), or null. */
export function wholeNumber(text: string): number | null {
  const ascii = toAsciiDigits(text.trim());
  return /^\d{1,9}$/.test(ascii) ? Number(ascii) : null;
}

/** "22:00" typed in any digits → "22:00", or null. */
export function timeOfDay(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(toAsciiDigits(text.trim()));
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

export type TriggerEvent = 'order_placed' | 'order_delivered' | 'ticket_resolved' | 'custom';
export type TriggerAudience = '' | 'eq' | 'neq';

export interface TriggerForm {
  event: TriggerEvent;
  customName: string;
  amount: string;
  unit: DelayUnit;
  audience: TriggerAudience;
  segmentId: string;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
}

export const blankTriggerForm = (): TriggerForm => ({
  event: 'order_delivered',
  customName: '',
  amount: '3',
  unit: 'days',
  audience: '',
  segmentId: '',
  quiet: false,
  quietStart: '22:00',
  quietEnd: '08:00',
});

export type TriggerFormErrors = Partial<
  Record<'customName' | 'amount' | 'segmentId' | 'quietStart' | 'quietEnd', 'eventName' | 'delay' | 'segment' | 'time'>
>;

// The server's rule for event names (survey.schemas.ts, ZCreateTriggerInput).
const EVENT_NAME = /^[\p{L}\p{N}_.:\- ]{1,100}$/u;

/** The trigger to create, or what is wrong with the form (keyed by field). */
export function triggerFromForm(
  form: TriggerForm,
): { trigger: NewTrigger; errors?: undefined } | { trigger?: undefined; errors: TriggerFormErrors } {
  const errors: TriggerFormErrors = {};
  const eventName = form.event === 'custom' ? form.customName.trim() : form.event;
  if (!EVENT_NAME.test(eventName)) errors.customName = 'eventName';
  const amount = wholeNumber(form.amount);
  const delayMinutes = amount === null ? NaN : amount * UNIT_MINUTES[form.unit];
  if (!(delayMinutes >= 0 && delayMinutes <= MAX_DELAY_MINUTES)) errors.amount = 'delay';
  if (form.audience && !form.segmentId) errors.segmentId = 'segment';
  const start = timeOfDay(form.quietStart),
    end = timeOfDay(form.quietEnd);
  if (form.quiet && !start) errors.quietStart = 'time';
  if (form.quiet && !end) errors.quietEnd = 'time';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    trigger: {
      eventName,
      delayMinutes,
      segment: form.audience ? [{ field: 'segment', op: form.audience, value: form.segmentId }] : [],
      quietHours: form.quiet ? { start: start!, end: end! } : null,
    },
  };
}

/** Who a trigger sends to, as the editor shows it: everyone, a saved segment (or not), or conditions set through the API. */
export function triggerAudience(
  trigger: Pick<SurveyTrigger, 'segment'>,
): { kind: 'everyone' } | { kind: 'eq' | 'neq'; segmentId: string } | { kind: 'other' } {
  if (trigger.segment.length === 0) return { kind: 'everyone' };
  const [only] = trigger.segment;
  if (trigger.segment.length === 1 && only.field === 'segment' && (only.op === 'eq' || only.op === 'neq') && typeof only.value === 'string')
    return { kind: only.op, segmentId: only.value };
  return { kind: 'other' };
}

/**
 * Personal links as CSV for a spreadsheet: a byte-order mark so spreadsheets read Persian, Arabic
 * and Chinese names as UTF-8, and cells that start like a formula (= + - @) prefixed with ' so a
 * customer's name never runs as one.
 */
export function personalLinksCsv(
  links: PersonalLink[],
  header: { name: string; email: string; phone: string; customerId: string; link: string },
): string {
  const rows = links.map((l) => [l.name ?? '', l.email ?? '', l.phone ?? '', l.externalId ?? l.customerId, l.url]);
  return `\uFEFF${stringify([[header.name, header.email, header.phone, header.customerId, header.link], ...rows], { escape_formulas: true, record_delimiter: 'windows' })}`;
}
