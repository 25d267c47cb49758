// Shared zod building blocks for API input. Numbers typed with Persian (۰-۹) or Arabic-Indic
// (٠-٩) digits are accepted wherever a number is.
import { z } from 'zod';
import { toAsciiDigits } from '../digits.js';
import { HTTP_LIMITS } from './limits.js';
import { TIME_LIMITS } from './time-limits.js';
import { LOCALES } from '../../contracts/locales.js';

const localizedNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(toAsciiDigits(v.trim())) : v);

/** A whole number written as digits of any script (ASCII, Persian, Arabic-Indic); no sign, point or exponent. */
const DIGITS = /^\s*[0-9۰-۹٠-٩]+\s*$/;

/**
 * The one rule for whole numbers in input (scores, counts, days, page sizes): a JSON integer in
 * [min, max], or a string of digits in any script ("7", "۷", "٧") with that value. Hex, signs,
 * decimals and exponents ("0x7", "+7", "7.0", "7e0") are refused.
 */
export const zWholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max} (a number, or a string of digits)`;
  const inRange = z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
  const digits = z
    .string({ error })
    .regex(DIGITS, { error })
    .transform((s) => Number(toAsciiDigits(s.trim())))
    .pipe(inRange);
  return z.union([inRange, digits], { error });
};

export const zDecimal = () => z.preprocess(localizedNumber, z.number().finite());

/** ISO 8601 date-time with an offset (or Z), or a plain date. */
export const zDateTime = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO 8601 date-time, e.g. 2026-03-21T10:00:00Z',
  })
  .transform((s) => new Date(s));

/** A stored time from a client, between TIME_LIMITS.earliest and `aheadMs` past the server's clock. */
const zBoundedTime = (aheadMs: number, latest: string) =>
  zDateTime.check((ctx) => {
    const t = ctx.value.getTime();
    if (t >= TIME_LIMITS.earliest.getTime() && t <= Date.now() + aheadMs) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `must be between ${TIME_LIMITS.earliest.toISOString().slice(0, 10)} and ${latest} (${new Date(Date.now() + aheadMs).toISOString()})`,
    });
  });

/** When something happened (feedback given, event, order): 2000-01-01 … now + 1 day. */
export const zHappenedAt = zBoundedTime(TIME_LIMITS.happenedAheadMs, 'one day from now').describe(
  "ISO 8601; from 2000-01-01 to one day after the server's clock",
);

/** When a task is due: 2000-01-01 … now + 10 years. */
export const zDueAt = zBoundedTime(TIME_LIMITS.dueAheadMs, 'ten years from now').describe('ISO 8601; from 2000-01-01 to ten years ahead');

/** A JSON object no larger than the metadata limit. */
export const zJsonObject = z.record(z.string(), z.unknown()).refine((o) => JSON.stringify(o).length <= HTTP_LIMITS.maxJsonBytes, {
  message: `must serialise to at most ${HTTP_LIMITS.maxJsonBytes} bytes`,
});

export const zLocale = z.enum(LOCALES);

export const zUuid = z.uuid();

export const zPageQuery = {
  limit: zWholeNumber(1, HTTP_LIMITS.maxPageSize).default(50),
  cursor: z.string().max(200).optional(),
};

/** Opaque cursor for (time, id) keyset pagination. */
export const encodeCursor = (time: Date | string, id: string) => Buffer.from(`${new Date(time).toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { time: Date; id: string } | null {
  const [t, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const time = new Date(t);
  if (!id || Number.isNaN(time.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { time, id };
}

/** The dotted field an issue is about; for unknown keys, the first unknown key itself. */
export function issueField(issue: { path: PropertyKey[]; code?: string; keys?: string[] }, fallback: string): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) path.push(issue.keys[0]);
  return path.join('.') || fallback;
}

/** `{ field, message }` for the first problem of a failed parse. */
export function describeZodError(error: z.ZodError, fallback: string): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issueField(issue as never, fallback);
  return { field, message: `${field}: ${issue.message}` };
}
