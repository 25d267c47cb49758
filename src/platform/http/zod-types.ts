// Shared zod building blocks for API input. Numbers typed with Persian (۰-۹) or Arabic-Indic
// (٠-٩) digits are accepted wherever a number is.
import { z } from 'zod';
import { toAsciiDigits } from '../../analyze/normalize-text.js';
import { HTTP_LIMITS } from './limits.js';

const localizedNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(toAsciiDigits(v.trim())) : v);

/** An integer in [min, max], given as a JSON number or a string with any digits. */
export const zScore = (min: number, max: number) =>
  z.preprocess(localizedNumber, z.number().int().min(min).max(max));

export const zDecimal = () => z.preprocess(localizedNumber, z.number().finite());

/** ISO 8601 date-time with an offset (or Z), or a plain date. */
export const zDateTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'must be an ISO 8601 date-time, e.g. 2026-03-21T10:00:00Z',
}).transform((s) => new Date(s));

/** A JSON object no larger than the metadata limit. */
export const zJsonObject = z.record(z.string(), z.unknown()).refine(
  (o) => JSON.stringify(o).length <= HTTP_LIMITS.maxJsonBytes,
  { message: `must serialise to at most ${HTTP_LIMITS.maxJsonBytes} bytes` },
);

export const zLocale = z.enum(['fa', 'ar', 'zh', 'en']);

export const zUuid = z.uuid();

export const zPageQuery = {
  limit: z.preprocess(localizedNumber, z.number().int().min(1).max(HTTP_LIMITS.maxPageSize)).default(50),
  cursor: z.string().max(200).optional(),
};

/** Opaque cursor for (time, id) keyset pagination. */
export const encodeCursor = (time: Date | string, id: string) =>
  Buffer.from(`${new Date(time).toISOString()}|${id}`).toString('base64url');

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
