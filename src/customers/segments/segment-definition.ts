// What a segment is: `{ match, conditions }`, every field allow-listed. Only this shape ever
// reaches segment-sql.ts, so names that end up in SQL are known here, and values stay data.
import { z } from 'zod';
import { toAsciiDigits } from '../../platform/digits.js';
import { zDecimal, zWholeNumber } from '../../platform/http/zod-types.js';
import {
  ATTRIBUTE_OPS,
  NPS_GROUPS,
  NUMERIC_OPS,
  PROFILE_COUNT_FIELDS,
  PROFILE_PRESENCE_FIELDS,
  PROFILE_TEXT_FIELDS,
  RECENCY_FIELDS,
} from '../../contracts/segments.js';

export const SEGMENT_LIMITS = {
  maxConditions: 20,
  maxDays: 3650,
  maxCount: 1_000_000_000,
  maxInValues: 100,
  maxText: 200,
  maxNameLength: 100,
} as const;

const zCount = zWholeNumber(0, SEGMENT_LIMITS.maxCount);
const zDays = zWholeNumber(1, SEGMENT_LIMITS.maxDays);
const zCurrency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code, e.g. IRR')
  .transform((s) => s.toUpperCase());
const zText = z.string().trim().min(1).max(SEGMENT_LIMITS.maxText);
const zNumberValue = zDecimal();

export { ATTRIBUTE_OPS, NPS_GROUPS, NUMERIC_OPS, PROFILE_COUNT_FIELDS, PROFILE_PRESENCE_FIELDS, PROFILE_TEXT_FIELDS, RECENCY_FIELDS };

/** A scalar typed by a person: a number typed with Persian/Arabic digits reads as ASCII digits. */
const zScalar = z.union([
  z
    .string()
    .max(SEGMENT_LIMITS.maxText)
    .transform((s) => {
      const ascii = toAsciiDigits(s.trim());
      return /^-?\d+(\.\d+)?$/.test(ascii) ? ascii : s.trim();
    }),
  z.number().finite(),
  z.boolean(),
]);

const attributeCondition = z
  .strictObject({
    kind: z.literal('attribute'),
    name: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'must be 1–64 letters, digits or _'),
    op: z.enum(ATTRIBUTE_OPS),
    value: z.union([zScalar, z.array(zScalar).min(1).max(SEGMENT_LIMITS.maxInValues)]).optional(),
  })
  .transform((c, ctx) => {
    const issue = (message: string) => {
      ctx.addIssue({ code: 'custom', path: ['value'], message });
      return z.NEVER;
    };
    if (c.op === 'exists' || c.op === 'notExists') return { kind: c.kind, name: c.name, op: c.op };
    if (c.op === 'in') {
      const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
      return values.length ? { kind: c.kind, name: c.name, op: c.op, value: values.map(String) } : issue('must list at least one value');
    }
    if (c.value === undefined || Array.isArray(c.value) || c.value === '') return issue('is required');
    if (c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') {
      const n = zNumberValue.safeParse(c.value);
      return n.success ? { kind: c.kind, name: c.name, op: c.op, value: n.data } : issue('must be a number');
    }
    return { kind: c.kind, name: c.name, op: c.op, value: String(c.value) };
  });

const profileCondition = z.discriminatedUnion('field', [
  z
    .strictObject({
      kind: z.literal('profile'),
      field: z.enum(PROFILE_TEXT_FIELDS),
      op: z.enum(['eq', 'neq', 'exists', 'notExists']),
      value: zText.optional(),
    })
    .refine((c) => c.op === 'exists' || c.op === 'notExists' || c.value !== undefined, { path: ['value'], message: 'is required' }),
  z.strictObject({ kind: z.literal('profile'), field: z.enum(PROFILE_PRESENCE_FIELDS), op: z.enum(['exists', 'notExists']) }),
  z.strictObject({ kind: z.literal('profile'), field: z.enum(PROFILE_COUNT_FIELDS), op: z.enum(NUMERIC_OPS), value: zCount }),
]);

const recencyCondition = z.strictObject({
  kind: z.literal('recency'),
  field: z.enum(RECENCY_FIELDS),
  op: z.enum(['within', 'notWithin']),
  days: zDays,
});

const eventCondition = z.strictObject({
  kind: z.literal('event'),
  name: zText,
  minCount: zWholeNumber(1, SEGMENT_LIMITS.maxCount).default(1),
  days: zDays.optional(), // absent: all time
});

const ordersCondition = z
  .strictObject({
    kind: z.literal('orders'),
    minCount: zWholeNumber(1, SEGMENT_LIMITS.maxCount).optional(),
    minTotal: zDecimal()
      .refine((n) => n >= 0, 'must be 0 or more')
      .optional(),
    currency: zCurrency.optional(),
    days: zDays.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.minCount === undefined && c.minTotal === undefined)
      ctx.addIssue({ code: 'custom', path: ['minCount'], message: 'give minCount, minTotal or both' });
    if (c.minTotal !== undefined && !c.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required with minTotal' });
  });

const npsCondition = z.strictObject({ kind: z.literal('nps'), group: z.enum(NPS_GROUPS) });

const feedbackLanguageCondition = z.strictObject({
  kind: z.literal('feedbackLanguage'),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code, e.g. fa'),
});

const lifetimeValueCondition = z.strictObject({
  kind: z.literal('lifetimeValue'),
  currency: zCurrency,
  op: z.enum(NUMERIC_OPS),
  value: zDecimal(),
});

export const ZSegmentCondition = z.discriminatedUnion('kind', [
  attributeCondition,
  profileCondition,
  recencyCondition,
  eventCondition,
  ordersCondition,
  npsCondition,
  feedbackLanguageCondition,
  lifetimeValueCondition,
]);

export const ZSegmentDefinition = z.strictObject({
  match: z.enum(['all', 'any']),
  conditions: z.array(ZSegmentCondition).max(SEGMENT_LIMITS.maxConditions),
});

export type SegmentCondition = z.output<typeof ZSegmentCondition>;
export type SegmentDefinition = z.output<typeof ZSegmentDefinition>;
