// The allow-list of automation rules, without zod so the dashboard's rule builder can check a
// row as it is typed against the same fields and operators the server saves with.
import { CHANNELS, FEEDBACK_TYPES, SENTIMENTS } from './feedback.js';
import { LOCALES } from './locales.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './act.js';

export const RULE_TRIGGER_KINDS = [
  'feedback_created',
  'feedback_analysed',
  'survey_response_completed',
  'score_received',
  'order_placed',
  'event_received',
  'ticket_created',
  'ticket_updated',
  'sla_warning',
  'sla_breached',
  'idea_status_changed',
  'customer_inactive',
  'threshold_crossed',
] as const;
export type RuleTriggerKindName = (typeof RULE_TRIGGER_KINDS)[number];

export type FieldType = 'text' | 'number' | 'enum' | 'list' | 'boolean';

export const OPERATORS: Record<FieldType, readonly string[]> = {
  text: ['equals', 'not_equals', 'contains', 'not_contains', 'is_set', 'is_not_set'],
  number: ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'is_set', 'is_not_set'],
  enum: ['equals', 'not_equals', 'in', 'not_in', 'is_set', 'is_not_set'],
  list: ['includes', 'excludes', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false'],
};

/** Operators that take no value. */
export const VALUELESS_OPERATORS = ['is_set', 'is_not_set', 'is_empty', 'is_not_empty', 'is_true', 'is_false'];

interface FieldSpec {
  type: FieldType;
  values?: readonly string[];
}

/** The fields a condition may test. `customer.attributes.<key>` is text or number, whatever the key. */
export const RULE_FIELDS: Record<string, FieldSpec> = {
  'item.channel': { type: 'enum', values: CHANNELS },
  'item.text': { type: 'text' },
  'item.language': { type: 'enum', values: LOCALES },
  'item.rating': { type: 'number' },
  'item.nps': { type: 'number' },
  'item.csat': { type: 'number' },
  'item.sentiment': { type: 'enum', values: SENTIMENTS },
  'item.type': { type: 'enum', values: FEEDBACK_TYPES },
  'item.topics': { type: 'list' },
  'item.tags': { type: 'list' },
  'customer.flags': { type: 'list' },
  'customer.segment': { type: 'list' },
  'customer.lifetime_value': { type: 'number' },
  'customer.order_count': { type: 'number' },
  'customer.locale': { type: 'enum', values: LOCALES },
  'order.amount': { type: 'number' },
  'order.currency': { type: 'text' },
  'event.name': { type: 'text' },
  'ticket.status': { type: 'enum', values: TICKET_STATUSES },
  'ticket.priority': { type: 'enum', values: TICKET_PRIORITIES },
  'idea.status': { type: 'text' },
};

const ATTRIBUTE_FIELD = /^customer\.attributes\.[A-Za-z0-9_-]{1,64}$/;

/** The spec of a field name, or null when it is not allowed. */
export function ruleField(name: string): FieldSpec | null {
  if (Object.hasOwn(RULE_FIELDS, name)) return RULE_FIELDS[name];
  return ATTRIBUTE_FIELD.test(name) ? { type: 'text' } : null;
}

/** A number typed with Persian (۰–۹) or Arabic (٠–٩) digits, or Latin ones (NaN when it is not one). */
export function ruleNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim() === '') return Number.NaN;
  const latin = v
    .trim()
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[٫]/g, '.');
  return Number(latin);
}

const isNumeric = (v: unknown) => Number.isFinite(ruleNumber(v));

export interface ConditionProblem {
  path: 'field' | 'operator' | 'value';
  message: string;
}

/** What is wrong with a condition row, or null: the field, then the operator, then the value. */
export function conditionProblem(c: { field: string; operator: string; value?: unknown }): ConditionProblem | null {
  const spec = ruleField(c.field);
  if (!spec) return { path: 'field', message: `unknown field "${c.field}"` };
  const attribute = c.field.startsWith('customer.attributes.');
  const allowed = attribute ? [...new Set([...OPERATORS.text, ...OPERATORS.number])] : OPERATORS[spec.type];
  if (!allowed.includes(c.operator))
    return { path: 'operator', message: `"${c.operator}" does not apply to ${c.field}; use ${allowed.join(', ')}` };
  if (VALUELESS_OPERATORS.includes(c.operator)) return null;
  const values = Array.isArray(c.value) ? c.value : [c.value];
  if (c.value === undefined || c.value === '' || values.length === 0) return { path: 'value', message: 'a value is required' };
  const wantsList = c.operator === 'in' || c.operator === 'not_in' || c.operator === 'between';
  if (wantsList !== Array.isArray(c.value) || (c.operator === 'between' && values.length !== 2))
    return { path: 'value', message: wantsList ? 'give a list of values' : 'give one value' };
  const numeric = spec.type === 'number' || (attribute && ['gt', 'gte', 'lt', 'lte', 'between'].includes(c.operator));
  if (numeric && !values.every(isNumeric)) return { path: 'value', message: `${c.field} is a number` };
  if (spec.values && !values.every((v) => spec.values!.includes(String(v))))
    return { path: 'value', message: `use one of ${spec.values.join(', ')}` };
  return null;
}
