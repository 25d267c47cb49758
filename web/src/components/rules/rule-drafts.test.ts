import { describe, expect, it } from 'vitest';
import { ZRuleAction, ZRuleDefinition, type RuleAction } from '@feedloop/contracts/rules';
import { EDITABLE_ACTIONS, actionOf, blankAction, definitionOf, draftOf } from './rule-drafts';

const user = '0b7c9a1e-2f4d-4c1a-9e8b-3d5f6a7b8c9d';
const survey = '5a6b7c8d-1e2f-4a3b-8c4d-9e0f1a2b3c4d';

/** One action of each kind the server accepts, with its less usual settings. */
const EVERY_KIND: RuleAction[] = [
  { kind: 'create_task', title: 'Call {{customer.name}}', assignee: { kind: 'user', userId: user }, dueInBusinessHours: 8 },
  { kind: 'create_ticket', subject: 'Late order {{order.id}}', priority: 'urgent' },
  { kind: 'set_ticket_priority', priority: 'low' },
  { kind: 'assign_ticket', assignee: { kind: 'least_loaded' } },
  { kind: 'tag_item', tag: 'delivery' },
  { kind: 'set_item_topic', topic: 'shipping' },
  { kind: 'flag_customer', flag: 'vip' },
  {
    kind: 'send_email',
    to: { kind: 'topic_owner', owners: { shipping: user } },
    messages: {
      en: { subject: 'Sorry', body: 'Hello {{customer.name}}' },
      fa: { subject: 'پوزش', body: 'سلام {{customer.name}}' },
    },
  },
  { kind: 'send_email', to: { kind: 'address', email: 'ops@example.com' }, messages: { en: { subject: 'New', body: 'x' } } },
  { kind: 'draft_reply' },
  { kind: 'send_survey', surveyId: survey },
];

describe('rule builder drafts', () => {
  it('offers a form for every action kind the server accepts', () => {
    const kinds = ZRuleAction.options.map((o) => o.shape.kind.value);
    expect([...EDITABLE_ACTIONS].sort()).toEqual([...kinds].sort());
  });

  it('edits every stored action, none kept read-only, and saves it back unchanged', () => {
    const definition = ZRuleDefinition.parse({ trigger: { kind: 'feedback_analysed' }, actions: EVERY_KIND });
    const draft = draftOf('All', definition);
    expect(draft.actions.filter((a) => a.kind === 'kept')).toEqual([]);
    expect(definitionOf(draft).actions).toEqual(definition.actions);
  });

  it('saves an email in each language written, leaving untouched languages out', () => {
    const row = blankAction('send_email');
    row.messages = { ...row.messages, fa: { subject: 'سلام', body: 'متن {{customer.name}}' }, ar: { subject: ' ', body: '' } };
    row.messages.en = { subject: 'Hi', body: 'Text' };
    expect(actionOf(row)).toEqual({
      kind: 'send_email',
      to: 'customer',
      messages: { en: { subject: 'Hi', body: 'Text' }, fa: { subject: 'سلام', body: 'متن {{customer.name}}' } },
    });
  });

  it('reads task hours typed in Persian digits, with the chosen assignee', () => {
    const row = { ...blankAction('create_task'), text: 'Call', hours: '۱۲', assignee: { kind: 'round_robin' as const } };
    expect(actionOf(row)).toEqual({ kind: 'create_task', title: 'Call', assignee: { kind: 'round_robin' }, dueInBusinessHours: 12 });
  });
});
