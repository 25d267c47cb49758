// Automation rules of a workspace: saved, versioned (an edit is a new version; runs name the
// one they ran), enabled or disabled, their runs listed, and a dry run that shows what a
// definition would have fired on the last days' real data without doing anything.
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import type { RuleDefinition } from '../../contracts/rules.js';
import { rules, ruleRuns, ruleVersions } from './rules.tables.js';
import { assertRuleFits, parseRuleDefinition } from './rule-validation.js';
import type { TCreateRule, TUpdateRule } from './rules.input.js';

type Rule = typeof rules.$inferSelect;
type Run = typeof ruleRuns.$inferSelect;

export const publicRule = (r: Rule) => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  version: r.version,
  playbook: r.playbook,
  definition: r.definition,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const publicRun = (r: Run) => ({
  id: r.id,
  ruleId: r.ruleId,
  version: r.version,
  trigger: r.trigger,
  subject: r.subject,
  status: r.status,
  actions: r.actions,
  error: r.error,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});

export async function createRule(scope: WorkspaceScope, input: TCreateRule, userId: string | null, playbook: string | null = null) {
  const definition = parseRuleDefinition(input.definition);
  return scope.transaction(async (tx) => {
    if (input.enabled) await assertRuleFits(scope, tx, definition, null);
    const id = newId();
    const [rule] = await tx
      .insert(rules)
      .values(
        scope.stamp({
          id,
          name: input.name,
          enabled: input.enabled,
          triggerKind: definition.trigger.kind,
          definition,
          playbook,
          createdBy: userId,
        }),
      )
      .returning();
    await tx.insert(ruleVersions).values(scope.stamp({ ruleId: id, version: 1, name: input.name, definition, createdBy: userId }));
    return publicRule(rule);
  });
}

export async function listRules(scope: WorkspaceScope) {
  const rows = await scope.db.select().from(rules).where(scope.where(rules)).orderBy(desc(rules.createdAt), desc(rules.id));
  return { data: rows.map(publicRule) };
}

export async function getRule(scope: WorkspaceScope, id: string) {
  const [rule] = await scope.db
    .select()
    .from(rules)
    .where(scope.where(rules, eq(rules.id, id)));
  if (!rule) throw notFound('Rule');
  const versions = await scope.db
    .select({ version: ruleVersions.version, name: ruleVersions.name, createdAt: ruleVersions.createdAt })
    .from(ruleVersions)
    .where(scope.where(ruleVersions, eq(ruleVersions.ruleId, id)))
    .orderBy(desc(ruleVersions.version));
  return { ...publicRule(rule), versions };
}

/** A new definition or name is a new version; switching it on or off is not. */
export async function updateRule(scope: WorkspaceScope, id: string, input: TUpdateRule, userId: string | null) {
  const definition = input.definition === undefined ? undefined : parseRuleDefinition(input.definition);
  return scope.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(rules)
      .where(scope.where(rules, eq(rules.id, id)))
      .for('update');
    if (!current) throw notFound('Rule');
    const next: RuleDefinition = definition ?? current.definition;
    const enabled = input.enabled ?? current.enabled;
    if (enabled) await assertRuleFits(scope, tx, next, id);
    const newVersion = definition !== undefined || (input.name !== undefined && input.name !== current.name);
    const version = newVersion ? current.version + 1 : current.version;
    const name = input.name ?? current.name;
    const [rule] = await tx
      .update(rules)
      .set({ name, enabled, definition: next, triggerKind: next.trigger.kind, version, updatedAt: new Date() })
      .where(scope.where(rules, eq(rules.id, id)))
      .returning();
    if (newVersion) await tx.insert(ruleVersions).values(scope.stamp({ ruleId: id, version, name, definition: next, createdBy: userId }));
    return publicRule(rule);
  });
}

export async function deleteRule(scope: WorkspaceScope, id: string) {
  const [gone] = await scope.db
    .delete(rules)
    .where(scope.where(rules, eq(rules.id, id)))
    .returning({ id: rules.id });
  if (!gone) throw notFound('Rule');
}

export async function listRuleRuns(scope: WorkspaceScope, ruleId: string, q: { limit: number; cursor?: string }) {
  await getRule(scope, ruleId);
  const rows = await scope.db
    .select()
    .from(ruleRuns)
    .where(scope.where(ruleRuns, and(eq(ruleRuns.ruleId, ruleId), afterCursor(ruleRuns, q.cursor))))
    .orderBy(...newestFirst(ruleRuns))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, publicRun);
}

/** How many runs each rule had in the last day, by status (for the rule list). */
export async function recentRunCounts(scope: WorkspaceScope) {
  return scope.db
    .select({ ruleId: ruleRuns.ruleId, status: ruleRuns.status, count: sql<number>`count(*)::int` })
    .from(ruleRuns)
    .where(scope.where(ruleRuns, gte(ruleRuns.createdAt, sql`now() - interval '1 day'`)))
    .groupBy(ruleRuns.ruleId, ruleRuns.status);
}
