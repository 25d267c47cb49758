// The rule builder's editable rows and their conversion to and from a rule definition. Nested
// condition groups, and action kinds this dashboard does not know yet, are kept as they are.
import type { TFunction } from 'i18next';
import type { Locale } from '@feedloop/contracts/locales';
import type {
  RuleAction,
  RuleCondition,
  RuleConditionGroup,
  RuleDefinition,
  RuleRecipient,
  RuleTriggerSpec,
} from '@feedloop/contracts/rules';
import { OPERATORS, RULE_FIELDS, VALUELESS_OPERATORS, conditionProblem, ruleField } from '@feedloop/contracts/rule-fields';
import { toAsciiDigits } from '../../lib/format';

export const ATTRIBUTE_FIELD = 'customer.attributes';
export const FIELD_CHOICES = [...Object.keys(RULE_FIELDS), ATTRIBUTE_FIELD];
export const EDITABLE_ACTIONS = [
  'create_task',
  'create_ticket',
  'set_ticket_priority',
  'tag_item',
  'set_item_topic',
  'flag_customer',
  'assign_ticket',
  'send_email',
  'send_survey',
  'draft_reply',
  'add_to_segment',
] as const;
type EditableKind = (typeof EDITABLE_ACTIONS)[number];

export interface ConditionDraft {
  key: number;
  field: string;
  attribute: string;
  operator: string;
  value: string;
}

export type EmailRecipient = Extract<RuleAction, { kind: 'send_email' }>['to'];
export type LocalizedMessages = Partial<Record<Locale, { subject: string; body: string }>>;

export interface ActionDraft {
  key: number;
  kind: EditableKind | 'kept';
  text: string;
  detail: string;
  hours: string;
  /** Who a task or ticket is for, or whom an email goes to. */
  assignee: RuleRecipient;
  to: EmailRecipient;
  messages: LocalizedMessages;
  surveyId: string;
  /** An action of a kind this dashboard does not know yet: shown, kept as it is. */
  kept?: RuleAction;
}

export interface RuleDraft {
  name: string;
  trigger: RuleTriggerSpec;
  match: 'all' | 'any';
  conditions: ConditionDraft[];
  groups: RuleConditionGroup[];
  actions: ActionDraft[];
}

/**
 * A label from the rules catalog under a name the data gives (a field, an operator, an action kind
 * from a stored run); web/src/locales/locales.test.ts keeps the four catalogs' keys in step.
 */
export const ruleLabel = (t: TFunction, group: 'fields' | 'operators' | 'actionKinds', name: string): string =>
  t(`rules.${group}.${name}` as 'rules.title');

/** A whole number typed with Persian, Arabic or Latin digits (NaN otherwise). */
export const typedNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(toAsciiDigits(s)));

let next = 1;
export const newKey = () => next++;

export function operatorsFor(field: string): readonly string[] {
  if (field === ATTRIBUTE_FIELD) return [...new Set([...OPERATORS.text, ...OPERATORS.number])];
  const spec = ruleField(field);
  return spec ? OPERATORS[spec.type] : [];
}

const LIST_SEPARATOR = /\s*[,،、]\s*/;

export function conditionOf(d: ConditionDraft): RuleCondition {
  const field = d.field === ATTRIBUTE_FIELD ? `${ATTRIBUTE_FIELD}.${d.attribute.trim()}` : d.field;
  if (VALUELESS_OPERATORS.includes(d.operator)) return { field, operator: d.operator };
  const list = d.operator === 'in' || d.operator === 'not_in' || d.operator === 'between';
  return { field, operator: d.operator, value: list ? d.value.split(LIST_SEPARATOR).filter(Boolean) : d.value.trim() };
}

/** Which part of the row is wrong as typed (null: fine). */
export const rowProblem = (d: ConditionDraft) => conditionProblem(conditionOf(d))?.path ?? null;

/** The languages a message was written in, English (required) first; empty ones are left out. */
function writtenMessages(messages: LocalizedMessages): LocalizedMessages {
  const out: LocalizedMessages = {};
  for (const [lang, m] of Object.entries(messages) as Array<[Locale, { subject: string; body: string }]>)
    if (lang === 'en' || m.subject.trim() || m.body.trim()) out[lang] = m;
  return { en: { subject: '', body: '' }, ...out };
}

export function actionOf(d: ActionDraft): RuleAction {
  const hours = typedNumber(d.hours);
  switch (d.kind) {
    case 'create_task':
      return {
        kind: 'create_task',
        title: d.text,
        assignee: d.assignee,
        dueInBusinessHours: Number.isFinite(hours) ? hours : 24,
      };
    case 'assign_ticket':
      return { kind: 'assign_ticket', assignee: d.assignee };
    case 'send_survey':
      return { kind: 'send_survey', surveyId: d.surveyId };
    case 'create_ticket':
      return { kind: 'create_ticket', subject: d.text, priority: (d.detail || 'normal') as 'normal' };
    case 'set_ticket_priority':
      return { kind: 'set_ticket_priority', priority: (d.detail || 'high') as 'high' };
    case 'tag_item':
      return { kind: 'tag_item', tag: d.text };
    case 'set_item_topic':
      return { kind: 'set_item_topic', topic: d.text };
    case 'flag_customer':
      return { kind: 'flag_customer', flag: d.text };
    case 'send_email':
      return { kind: 'send_email', to: d.to, messages: writtenMessages(d.messages) };
    case 'draft_reply':
      return { kind: 'draft_reply' };
    case 'add_to_segment':
      return { kind: 'add_to_segment', segmentId: d.detail };
    default:
      return d.kept!;
  }
}

const blank = () => ({
  key: newKey(),
  text: '',
  detail: '',
  hours: '24',
  assignee: { kind: 'account_owner' } as RuleRecipient,
  to: 'customer' as EmailRecipient,
  messages: { en: { subject: '', body: '' } } as LocalizedMessages,
  surveyId: '',
});

export function blankAction(kind: EditableKind): ActionDraft {
  return { ...blank(), kind, detail: kind === 'set_ticket_priority' ? 'high' : '' };
}

function draftOfAction(a: RuleAction): ActionDraft {
  const base = blank();
  switch (a.kind) {
    case 'create_task':
      return { ...base, kind: a.kind, text: a.title, assignee: a.assignee, hours: String(a.dueInBusinessHours) };
    case 'assign_ticket':
      return { ...base, kind: a.kind, assignee: a.assignee };
    case 'send_survey':
      return { ...base, kind: a.kind, surveyId: a.surveyId };
    case 'create_ticket':
      return { ...base, kind: a.kind, text: a.subject, detail: a.priority };
    case 'set_ticket_priority':
      return { ...base, kind: a.kind, detail: a.priority };
    case 'tag_item':
      return { ...base, kind: a.kind, text: a.tag };
    case 'set_item_topic':
      return { ...base, kind: a.kind, text: a.topic };
    case 'flag_customer':
      return { ...base, kind: a.kind, text: a.flag };
    case 'draft_reply':
      return { ...base, kind: a.kind };
    case 'add_to_segment':
      return { ...base, kind: a.kind, detail: a.segmentId };
    case 'send_email':
      return { ...base, kind: a.kind, to: a.to, messages: { ...a.messages } };
    default:
      return { ...base, kind: 'kept', kept: a };
  }
}

const isGroup = (c: RuleCondition | RuleConditionGroup): c is RuleConditionGroup => 'conditions' in c;

export function draftOf(name: string, d: RuleDefinition): RuleDraft {
  return {
    name,
    trigger: d.trigger,
    match: d.match,
    groups: d.conditions.filter(isGroup),
    conditions: d.conditions
      .filter((c): c is RuleCondition => !isGroup(c))
      .map((c) => {
        const attribute = c.field.startsWith(`${ATTRIBUTE_FIELD}.`);
        return {
          key: newKey(),
          field: attribute ? ATTRIBUTE_FIELD : c.field,
          attribute: attribute ? c.field.slice(ATTRIBUTE_FIELD.length + 1) : '',
          operator: c.operator,
          value: Array.isArray(c.value) ? c.value.join(', ') : c.value === undefined ? '' : String(c.value),
        };
      }),
    actions: d.actions.map(draftOfAction),
  };
}

export const emptyDraft = (): RuleDraft => ({
  name: '',
  trigger: { kind: 'feedback_analysed' },
  match: 'all',
  conditions: [],
  groups: [],
  actions: [blankAction('create_task')],
});

export const definitionOf = (d: RuleDraft): RuleDefinition => ({
  trigger: d.trigger,
  match: d.match,
  conditions: [...d.conditions.map(conditionOf), ...d.groups],
  actions: d.actions.map(actionOf),
});
