// A rule definition as the service accepts it: the contract's schema (a 422 naming the path,
// e.g. `definition.conditions.1.operator`), then what only the workspace can answer — the
// teammates and segments it names, its templates' variables, and whether it would loop.
import { eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { describeZodError } from '../../platform/http/zod-types.js';
import { ZRuleDefinition, type RuleAction, type RuleDefinition, type RuleRecipient } from '../../contracts/rules.js';
import { assertMember } from '../references.js';
import { assertTemplateVariables } from '../templates/message-template.js';
import { assertSavedSegments } from '../../customers/segments/segment-membership.js';
import { assertSegmentOfWorkspace } from '../../customers/segments/segment-members.js';
import { segmentsNamed } from './rule-conditions.js';
import { rules } from './rules.tables.js';
import { findSurvey } from '../../collect/surveys/surveys.service.js';

/** The trigger kinds an action itself sets off: the edges a rule set could loop along. */
const ACTION_TRIGGERS: Partial<Record<RuleAction['kind'], string[]>> = {
  create_ticket: ['ticket_created'],
  set_ticket_priority: ['ticket_updated'],
  assign_ticket: ['ticket_updated'],
};

export function parseRuleDefinition(raw: unknown, field = 'definition'): RuleDefinition {
  const parsed = ZRuleDefinition.safeParse(raw);
  if (!parsed.success) {
    const { field: path, message } = describeZodError(parsed.error, field);
    throw new AppError(422, 'invalid_rule', `${field}.${message}`, `${field}.${path}`);
  }
  return parsed.data;
}

async function assertRecipient(scope: WorkspaceScope, tx: DbOrTx, r: RuleRecipient, field: string) {
  if (r.kind === 'user') await assertMember(scope, tx, r.userId, `${field}.userId`);
  if (r.kind === 'topic_owner')
    for (const [topic, userId] of Object.entries(r.owners)) await assertMember(scope, tx, userId, `${field}.owners.${topic}`);
}

/** Checks what the definition names against the workspace, and refuses a rule set that would loop. */
export async function assertRuleFits(scope: WorkspaceScope, tx: DbOrTx, definition: RuleDefinition, ruleId: string | null) {
  const base = 'definition';
  const segments = segmentsNamed(definition.conditions);
  if (segments.length > 0)
    await assertSavedSegments(
      scope,
      segments.map((value) => ({ field: 'segment', value })),
      `${base}.conditions`,
      tx,
    );
  for (const [i, action] of definition.actions.entries()) {
    const field = `${base}.actions.${i}`;
    if (action.kind === 'create_task') {
      assertTemplateVariables(action.title, `${field}.title`);
      await assertRecipient(scope, tx, action.assignee, `${field}.assignee`);
    }
    if (action.kind === 'create_ticket') assertTemplateVariables(action.subject, `${field}.subject`);
    if (action.kind === 'send_survey')
      await findSurvey(scope, action.surveyId, tx).catch(() => {
        throw new AppError(422, 'unknown_survey', `${field}.surveyId: no such survey in this workspace`, `${field}.surveyId`);
      });
    if (action.kind === 'add_to_segment') await assertSegmentOfWorkspace(scope, tx, action.segmentId, `${field}.segmentId`);
    if (action.kind === 'assign_ticket') await assertRecipient(scope, tx, action.assignee, `${field}.assignee`);
    if (action.kind === 'send_email') {
      if (typeof action.to === 'object') await assertRecipient(scope, tx, action.to as RuleRecipient, `${field}.to`);
      for (const [lang, m] of Object.entries(action.messages)) {
        assertTemplateVariables(m.subject, `${field}.messages.${lang}.subject`);
        assertTemplateVariables(m.body, `${field}.messages.${lang}.body`);
      }
    }
  }
  await assertNoCycle(scope, tx, definition, ruleId);
}

/**
 * Refuses the rule when, with the workspace's other enabled rules, an action of it leads back to
 * its own trigger (A creates a ticket, B listens for new tickets and changes them, A listens for
 * changed tickets …). Conditions are not considered: a loop that only conditions prevent is one
 * edit away from running.
 */
async function assertNoCycle(scope: WorkspaceScope, tx: DbOrTx, definition: RuleDefinition, ruleId: string | null) {
  const others = await tx
    .select({ id: rules.id, name: rules.name, definition: rules.definition })
    .from(rules)
    .where(scope.where(rules, eq(rules.enabled, true), ruleId ? ne(rules.id, ruleId) : undefined));
  const all = [{ id: ruleId ?? 'new', name: 'this rule', definition }, ...others];
  const produces = (d: RuleDefinition) => new Set(d.actions.flatMap((a) => ACTION_TRIGGERS[a.kind] ?? []));
  const start = all[0];
  // Depth-first from this rule's actions: reaching this rule's trigger again is a loop.
  const seen = new Set<string>();
  const stack: Array<{ rule: (typeof all)[number]; path: string[] }> = [{ rule: start, path: [] }];
  while (stack.length > 0) {
    const { rule, path } = stack.pop()!;
    const kinds = produces(rule.definition);
    for (const next of all) {
      if (!kinds.has(next.definition.trigger.kind)) continue;
      if (next === start) {
        const index = start.definition.actions.findIndex((a) => (ACTION_TRIGGERS[a.kind] ?? []).length > 0);
        const field = `definition.actions.${index}.kind`;
        const via = [...path, rule === start ? null : rule.name].filter(Boolean);
        throw new AppError(
          422,
          'rule_cycle',
          `${field}: these rules would set each other off in a loop (this rule${via.length ? ` → ${via.join(' → ')}` : ''} → this rule)`,
          field,
        );
      }
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      stack.push({ rule: next, path: rule === start ? [] : [...path, rule.name] });
    }
  }
}
