// Conditions evaluated in code against the facts of one trigger. Fields and operators were
// checked against the allow-list when the rule was saved (contracts/rules.ts); a value that is
// missing never matches a comparison.
import { ruleNumber, type RuleCondition, type RuleConditionGroup } from '../../contracts/rules.js';
import type { RuleFacts } from './rule-facts.js';

type Value = string | number | boolean | null | undefined | string[];

function lifetimeValue(facts: RuleFacts): number | null {
  const values = Object.values(facts.customer?.lifetimeValue ?? {});
  return values.length > 0 ? Math.max(...values) : null;
}

/** The value a field names, as stored. */
export function fieldValue(field: string, facts: RuleFacts): Value {
  const { item, customer } = facts;
  if (field.startsWith('customer.attributes.')) {
    const v = customer?.attributes[field.slice('customer.attributes.'.length)];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  switch (field) {
    case 'item.channel':
      return item?.channel;
    case 'item.text':
      return item?.text;
    case 'item.language':
      return item?.language;
    case 'item.rating':
      return item?.rating;
    case 'item.nps':
      return item?.nps;
    case 'item.csat':
      return item?.csat;
    case 'item.sentiment':
      return item?.sentiment;
    case 'item.type':
      return item?.feedbackType;
    case 'item.topics':
      return facts.topic ? [facts.topic] : (item?.topics ?? []);
    case 'item.tags':
      return item?.tags ?? [];
    case 'customer.flags':
      return facts.flags;
    case 'customer.segment':
      return [...facts.segments];
    case 'customer.lifetime_value':
      return lifetimeValue(facts);
    case 'customer.order_count':
      return customer?.orderCount;
    case 'customer.locale':
      return customer?.locale;
    case 'order.amount':
      return facts.order?.amount;
    case 'order.currency':
      return facts.order?.currency;
    case 'event.name':
      return facts.event?.name;
    case 'ticket.status':
      return facts.ticket?.status;
    case 'ticket.priority':
      return facts.ticket?.priority;
    case 'idea.status':
      return facts.idea?.status;
    default:
      return null;
  }
}

// toLowerCase, not toLocaleLowerCase: the same answer whatever the server's locale, and fast.
const lower = (v: unknown) => String(v).toLowerCase();
const num = ruleNumber;

function compare(actual: Value, operator: string, expected: RuleCondition['value']): boolean {
  const set = actual !== null && actual !== undefined && actual !== '';
  if (operator === 'is_set') return set;
  if (operator === 'is_not_set') return !set;
  if (operator === 'is_true') return actual === true || actual === 'true';
  if (operator === 'is_false') return !(actual === true || actual === 'true');
  if (Array.isArray(actual)) {
    const wanted = lower(expected);
    if (operator === 'includes') return actual.some((a) => lower(a) === wanted);
    if (operator === 'excludes') return !actual.some((a) => lower(a) === wanted);
    if (operator === 'is_empty') return actual.length === 0;
    if (operator === 'is_not_empty') return actual.length > 0;
    return false;
  }
  if (!set) return operator === 'not_equals' || operator === 'not_contains' || operator === 'not_in';
  const list = Array.isArray(expected) ? expected : [expected];
  switch (operator) {
    case 'equals':
      return typeof actual === 'number' ? actual === num(expected) : lower(actual) === lower(expected);
    case 'not_equals':
      return typeof actual === 'number' ? actual !== num(expected) : lower(actual) !== lower(expected);
    case 'contains':
      return lower(actual).includes(lower(expected));
    case 'not_contains':
      return !lower(actual).includes(lower(expected));
    case 'in':
      return list.some((v) => lower(v) === lower(actual));
    case 'not_in':
      return !list.some((v) => lower(v) === lower(actual));
    case 'gt':
      return num(actual) > num(expected);
    case 'gte':
      return num(actual) >= num(expected);
    case 'lt':
      return num(actual) < num(expected);
    case 'lte':
      return num(actual) <= num(expected);
    case 'between':
      return num(actual) >= num(list[0]) && num(actual) <= num(list[1]);
    default:
      return false;
  }
}

const isGroup = (c: RuleCondition | RuleConditionGroup): c is RuleConditionGroup => 'conditions' in c;

/** Whether the facts satisfy the conditions (none: always). */
export function conditionsHold(conditions: Array<RuleCondition | RuleConditionGroup>, match: 'all' | 'any', facts: RuleFacts): boolean {
  if (conditions.length === 0) return true;
  const test = (c: RuleCondition | RuleConditionGroup) =>
    isGroup(c) ? conditionsHold(c.conditions, c.match, facts) : compare(fieldValue(c.field, facts), c.operator, c.value);
  return match === 'all' ? conditions.every(test) : conditions.some(test);
}

/** Saved segments the conditions name (their membership is loaded with the facts). */
export function segmentsNamed(conditions: Array<RuleCondition | RuleConditionGroup>): string[] {
  return conditions.flatMap((c) =>
    isGroup(c) ? segmentsNamed(c.conditions) : c.field === 'customer.segment' && typeof c.value === 'string' ? [c.value] : [],
  );
}
