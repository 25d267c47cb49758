// The builder keeps each condition as the texts the user typed (a "draft"); compileDraft turns a
// draft into an API condition or into error codes, so nothing invalid is ever sent.
import { LOCALES } from '@feedloop/contracts/locales';
import {
  NPS_GROUPS,
  NUMERIC_OPS,
  type AttributeOp,
  type NpsGroup,
  type NumericOp,
  type SegmentCondition,
} from '@feedloop/contracts/segments';

export const CONDITION_FIELDS = [
  'attribute',
  'locale',
  'email',
  'phone',
  'feedbackCount',
  'eventCount',
  'orderCount',
  'lastSeenAt',
  'createdAt',
  'event',
  'orders',
  'nps',
  'feedbackLanguage',
  'lifetimeValue',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

const ATTRIBUTE_OPS: AttributeOp[] = ['eq', 'neq', 'in', 'contains', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists'];

export type ConditionOp = AttributeOp | 'within' | 'notWithin';

/** The operators each field offers, first one the default; none for the fixed-shape kinds. */
export const FIELD_OPS: Record<ConditionField, readonly ConditionOp[]> = {
  attribute: ATTRIBUTE_OPS,
  locale: ['eq', 'neq', 'exists', 'notExists'],
  email: ['exists', 'notExists'],
  phone: ['exists', 'notExists'],
  feedbackCount: NUMERIC_OPS,
  eventCount: NUMERIC_OPS,
  orderCount: NUMERIC_OPS,
  lastSeenAt: ['within', 'notWithin'],
  createdAt: ['within', 'notWithin'],
  event: [],
  orders: [],
  nps: [],
  feedbackLanguage: [],
  lifetimeValue: NUMERIC_OPS,
};

export { NPS_GROUPS };
export const LANGUAGE_CODES = LOCALES;

export interface ConditionDraft {
  key: number;
  field: ConditionField;
  /** One of FIELD_OPS[field]; empty for the fixed-shape kinds. */
  op: ConditionOp | '';
  /** Attribute or event name. */
  name: string;
  /** Compared value; also the NPS group and the language of the fixed-shape kinds. */
  value: string;
  days: string;
  minCount: string;
  minTotal: string;
  currency: string;
}

export type DraftInput = 'name' | 'value' | 'days' | 'minCount' | 'minTotal' | 'currency';
export type DraftErrorCode = 'required' | 'number' | 'wholeNumber' | 'attributeName' | 'currency' | 'ordersNeedOne';
export type DraftErrors = Partial<Record<DraftInput, DraftErrorCode>>;

let nextKey = 1;

export function blankDraft(field: ConditionField): ConditionDraft {
  const value = field === 'nps' ? 'promoter' : field === 'locale' || field === 'feedbackLanguage' ? 'fa' : '';
  return {
    key: nextKey++,
    field,
    op: FIELD_OPS[field][0] ?? '',
    name: '',
    value,
    days: field === 'lastSeenAt' || field === 'createdAt' ? '30' : '',
    minCount: field === 'event' || field === 'orders' ? '1' : '',
    minTotal: '',
    currency: field === 'lifetimeValue' ? 'IRR' : '',
  };
}

/** Persian and Arabic-Indic digits (and separators) as ASCII, so "۱۲٫۵" reads as 12.5. */
export function toAsciiNumber(text: string): string {
  return text
    .trim()
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٫/g, '.')
    .replace(/[,٬\s]/g, '');
}

const parseNumber = (text: string): number | null => {
  const ascii = toAsciiNumber(text);
  return /^-?\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : null;
};
const parseWhole = (text: string, min: number): number | null => {
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n) && n >= min ? n : null;
};
const splitList = (text: string) =>
  text
    .split(/[,،，\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

type Compiled = { condition: SegmentCondition; errors: DraftErrors } | { condition: null; errors: DraftErrors };

/** The API condition for a draft, or the error of each input that is not valid. */
export function compileDraft(d: ConditionDraft): Compiled {
  const errors: DraftErrors = {};
  const whole = (input: DraftInput, min: number, optional = false): number | undefined => {
    const text = d[input as keyof ConditionDraft] as string;
    if (!text.trim()) {
      if (!optional) errors[input] = 'required';
      return undefined;
    }
    const n = parseWhole(text, min);
    if (n === null) errors[input] = 'wholeNumber';
    return n ?? undefined;
  };
  const number = (input: DraftInput, optional = false): number | undefined => {
    const text = d[input as keyof ConditionDraft] as string;
    if (!text.trim()) {
      if (!optional) errors[input] = 'required';
      return undefined;
    }
    const n = parseNumber(text);
    if (n === null) errors[input] = 'number';
    return n ?? undefined;
  };
  const currency = (optional: boolean): string | undefined => {
    const text = d.currency.trim();
    if (!text) {
      if (!optional) errors.currency = 'required';
      return undefined;
    }
    if (!/^[A-Za-z]{3}$/.test(text)) errors.currency = 'currency';
    return text.toUpperCase();
  };
  const done = (condition: SegmentCondition): Compiled =>
    Object.keys(errors).length ? { condition: null, errors } : { condition, errors };

  switch (d.field) {
    case 'attribute': {
      const name = d.name.trim();
      if (!name) errors.name = 'required';
      else if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) errors.name = 'attributeName';
      const op = d.op as AttributeOp;
      if (op === 'exists' || op === 'notExists') return done({ kind: 'attribute', name, op });
      if (op === 'in') {
        const values = splitList(d.value);
        if (!values.length) errors.value = 'required';
        return done({ kind: 'attribute', name, op, value: values });
      }
      if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte')
        return done({ kind: 'attribute', name, op, value: number('value') ?? 0 });
      if (!d.value.trim()) errors.value = 'required';
      return done({ kind: 'attribute', name, op, value: d.value.trim() });
    }
    case 'locale': {
      const op = d.op as 'eq' | 'neq' | 'exists' | 'notExists';
      return done(
        op === 'exists' || op === 'notExists'
          ? { kind: 'profile', field: 'locale', op }
          : { kind: 'profile', field: 'locale', op, value: d.value },
      );
    }
    case 'email':
    case 'phone':
      return done({ kind: 'profile', field: d.field, op: d.op as 'exists' | 'notExists' });
    case 'feedbackCount':
    case 'eventCount':
    case 'orderCount':
      return done({ kind: 'profile', field: d.field, op: d.op as NumericOp, value: whole('value', 0) ?? 0 });
    case 'lastSeenAt':
    case 'createdAt':
      return done({ kind: 'recency', field: d.field, op: d.op as 'within' | 'notWithin', days: whole('days', 1) ?? 1 });
    case 'event': {
      if (!d.name.trim()) errors.name = 'required';
      return done({ kind: 'event', name: d.name.trim(), minCount: whole('minCount', 1) ?? 1, days: whole('days', 1, true) });
    }
    case 'orders': {
      const minCount = whole('minCount', 1, true);
      const minTotal = number('minTotal', true);
      const code = currency(minTotal === undefined);
      if (!d.minCount.trim() && !d.minTotal.trim()) errors.minCount = 'ordersNeedOne';
      return done({ kind: 'orders', minCount, minTotal, currency: code, days: whole('days', 1, true) });
    }
    case 'nps':
      return done({ kind: 'nps', group: d.value as NpsGroup });
    case 'feedbackLanguage':
      return done({ kind: 'feedbackLanguage', language: d.value });
    case 'lifetimeValue':
      return done({ kind: 'lifetimeValue', currency: currency(false) ?? '', op: d.op as NumericOp, value: number('value') ?? 0 });
  }
}

/** A saved condition back as a draft, numbers written in the user's digits, to edit a saved segment. */
export function draftFromCondition(c: SegmentCondition, formatNumber: (n: number) => string): ConditionDraft {
  const text = (v: number | string | undefined) => (v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : v);
  switch (c.kind) {
    case 'attribute': {
      const value = Array.isArray(c.value) ? c.value.join(', ') : text(c.value);
      return { ...blankDraft('attribute'), op: c.op, name: c.name, value };
    }
    case 'profile':
      return { ...blankDraft(c.field), op: c.op, value: 'value' in c ? text(c.value) : '' };
    case 'recency':
      return { ...blankDraft(c.field), op: c.op, days: text(c.days) };
    case 'event':
      return { ...blankDraft('event'), name: c.name, minCount: text(c.minCount), days: text(c.days) };
    case 'orders':
      return {
        ...blankDraft('orders'),
        minCount: text(c.minCount),
        minTotal: text(c.minTotal),
        currency: text(c.currency),
        days: text(c.days),
      };
    case 'nps':
      return { ...blankDraft('nps'), value: c.group };
    case 'feedbackLanguage':
      return { ...blankDraft('feedbackLanguage'), value: c.language };
    case 'lifetimeValue':
      return { ...blankDraft('lifetimeValue'), op: c.op, currency: c.currency, value: text(c.value) };
  }
}
