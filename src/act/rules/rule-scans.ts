// The scheduled triggers. Inactivity: one set-based statement per rule marks every customer with
// no activity (events, orders, feedback all move last_seen_at) for N days, once per inactivity
// period — the mark holds the last-seen time the period started from, so a customer who comes back
// and goes quiet again is found again. Thresholds: more than N items matching the rule's
// conditions within M hours (per topic), once per window.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import type { RuleDefinition } from '../../contracts/rules.js';
import { conditionsHold, segmentsNamed } from './rule-conditions.js';
import { loadRuleFacts } from './rule-facts.js';
import { emitRuleTriggers } from './emit-trigger.js';
import { rules } from './rules.tables.js';

/** Items a threshold scan reads per rule and window. */
const THRESHOLD_SCAN_LIMIT = 20_000;

async function enabledRules(database: Database, kind: 'customer_inactive' | 'threshold_crossed') {
  // Every workspace's rules: the schedule is the system's, each rule then acts in its own workspace.
  return database.db
    .select()
    .from(rules)
    .where(and(eq(rules.enabled, true), eq(rules.triggerKind, kind)));
}

/** Marks and fires the customers inactive for one rule; returns how many fired. */
export async function scanInactiveCustomers(database: Database, rule: typeof rules.$inferSelect): Promise<number> {
  const trigger = rule.definition.trigger;
  if (trigger.kind !== 'customer_inactive') return 0;
  const scope = new WorkspaceScope(database, rule.workspaceId);
  return scope.transaction(async (tx) => {
    const fired = await database.rows<{ key: string }>(
      sql`
      insert into rule_marks as m (rule_id, key, period, workspace_id)
      select ${rule.id}::uuid, c.id::text, (extract(epoch from c.last_seen_at) * 1000)::bigint::text, c.workspace_id
      from customers c
      where c.workspace_id = ${rule.workspaceId}::uuid and c.merged_into_id is null
        and c.last_seen_at < now() - make_interval(days => ${trigger.days}::int)
      on conflict (rule_id, key) do update set period = excluded.period, marked_at = now()
        where m.period <> excluded.period
      returning m.key`,
      tx,
    );
    await emitRuleTriggers(
      scope,
      tx,
      fired.map((f) => ({ kind: 'customer_inactive', customerId: f.key, days: trigger.days, ruleId: rule.id })),
    );
    return fired.length;
  });
}

export async function scanInactivity(database: Database): Promise<void> {
  for (const rule of await enabledRules(database, 'customer_inactive')) await scanInactiveCustomers(database, rule);
}

export interface ThresholdBreach {
  topic: string | null;
  windowStart: Date;
  feedbackIds: string[];
}

/**
 * Windows of `windowHours` (aligned to the epoch, so every scan agrees on them) between `from`
 * and `to` in which more than `count` items matched, per topic when asked.
 */
export async function thresholdBreaches(scope: WorkspaceScope, definition: RuleDefinition, from: Date, to: Date) {
  const trigger = definition.trigger;
  if (trigger.kind !== 'threshold_crossed') return { replayed: 0, found: [] as ThresholdBreach[] };
  const windowMs = trigger.windowHours * 3_600_000;
  const start = new Date(Math.floor(from.getTime() / windowMs) * windowMs);
  const rows = await scope.db
    .select({ id: feedbackItems.id, at: feedbackItems.createdAt })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, gte(feedbackItems.createdAt, start), lt(feedbackItems.createdAt, to)))
    .limit(THRESHOLD_SCAN_LIMIT);
  const facts = await loadRuleFacts(
    scope,
    scope.db,
    rows.map((r) => ({ kind: 'feedback_analysed', feedbackId: r.id })),
    segmentsNamed(definition.conditions),
  );
  const groups = new Map<string, ThresholdBreach>();
  rows.forEach((row, i) => {
    const f = facts[i];
    if (!f?.item || !conditionsHold(definition.conditions, definition.match, f)) return;
    const windowStart = new Date(Math.floor(row.at.getTime() / windowMs) * windowMs);
    for (const topic of trigger.perTopic ? f.item.topics : [null]) {
      const key = `${windowStart.getTime()}|${topic ?? ''}`;
      const group = groups.get(key) ?? { topic, windowStart, feedbackIds: [] };
      group.feedbackIds.push(row.id);
      groups.set(key, group);
    }
  });
  return { replayed: rows.length, found: [...groups.values()].filter((g) => g.feedbackIds.length > trigger.count) };
}

/** Fires each threshold rule once per window and topic that crossed it. */
export async function scanThresholds(database: Database, now = new Date()): Promise<void> {
  for (const rule of await enabledRules(database, 'threshold_crossed')) {
    const trigger = rule.definition.trigger;
    if (trigger.kind !== 'threshold_crossed') continue;
    const scope = new WorkspaceScope(database, rule.workspaceId);
    const windowMs = trigger.windowHours * 3_600_000;
    const { found } = await thresholdBreaches(scope, rule.definition, new Date(now.getTime() - windowMs + 1), now);
    const current = found.filter((b) => b.windowStart.getTime() + windowMs > now.getTime());
    if (current.length === 0) continue;
    await scope.transaction(async (tx) => {
      for (const breach of current) {
        const fired = await database.rows(
          sql`
          insert into rule_marks as m (rule_id, key, period, workspace_id)
          values (${rule.id}::uuid, ${`topic:${breach.topic ?? '*'}`}, ${String(breach.windowStart.getTime())}, ${rule.workspaceId}::uuid)
          on conflict (rule_id, key) do update set period = excluded.period, marked_at = now() where m.period <> excluded.period
          returning m.key`,
          tx,
        );
        if (fired.length > 0)
          await emitRuleTriggers(scope, tx, [
            { kind: 'threshold_crossed', ruleId: rule.id, topic: breach.topic, feedbackIds: breach.feedbackIds },
          ]);
      }
    });
  }
}
