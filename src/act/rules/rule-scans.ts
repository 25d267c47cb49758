// The scheduled triggers. Inactivity: one set-based statement per rule fires every customer with
// no activity (events, orders, feedback all move last_seen_at) for N days, once per inactivity
// period (see scanInactiveCustomers). Thresholds: more than N items matching the rule's
// conditions within M hours (per topic), once per window.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import type { RuleDefinition } from '../../contracts/rules.js';
import { conditionsHold, segmentsNamed } from './rule-conditions.js';
import { loadRuleFacts } from './rule-facts.js';
import { emitRuleTriggers } from './emit-trigger.js';
import { evaluateRulesJob } from './evaluate-rules.job.js';
import { rules } from './rules.tables.js';

/** The rule_marks key of an inactivity rule's last cut-off. */
const INACTIVITY_MARK = 'inactive-until';
/** Customers per evaluation job, as producers queue triggers. */
const TRIGGERS_PER_JOB = 500;
/** Items a threshold scan reads per rule and window. */
const THRESHOLD_SCAN_LIMIT = 20_000;

async function enabledRules(database: Database, kind: 'customer_inactive' | 'threshold_crossed') {
  // Every workspace's rules: the schedule is the system's, each rule then acts in its own workspace.
  return database.db
    .select()
    .from(rules)
    .where(and(eq(rules.enabled, true), eq(rules.triggerKind, kind)));
}

/**
 * Fires the customers who went quiet for one rule since its last scan; returns how many. The
 * rule keeps the cut-off its last scan reached (a rule_marks row): this scan takes the customers
 * last seen between that cut-off and the new one (now − N days), an index range on
 * (workspace_id, last_seen_at). A customer who comes back moves their last_seen_at past every
 * cut-off, so they are found again when they next go quiet: once per inactivity period, with no
 * row per customer. Marking and queueing their evaluation (TRIGGERS_PER_JOB per job) is one
 * statement, so a first scan that finds hundreds of thousands never carries them through here.
 */
export async function scanInactiveCustomers(database: Database, rule: typeof rules.$inferSelect): Promise<number> {
  const trigger = rule.definition.trigger;
  if (trigger.kind !== 'customer_inactive') return 0;
  const [row] = await database.rows<{ fired: number }>(sql`
    with mark as (
      select period::timestamptz as since from rule_marks where rule_id = ${rule.id}::uuid and key = ${INACTIVITY_MARK} for update
    ), cutoff as (
      select now() - make_interval(days => ${trigger.days}::int) as until
    ), fired as (
      select c.id from customers c, cutoff
      where c.workspace_id = ${rule.workspaceId}::uuid and c.merged_into_id is null
        and c.last_seen_at < cutoff.until and c.last_seen_at >= coalesce((select since from mark), '-infinity'::timestamptz)
    ), saved as (
      insert into rule_marks as m (rule_id, key, period, workspace_id)
      select ${rule.id}::uuid, ${INACTIVITY_MARK}, greatest(until, coalesce((select since from mark), until))::text, ${rule.workspaceId}::uuid from cutoff
      on conflict (rule_id, key) do update set period = excluded.period, marked_at = now()
      returning 1
    ), chunks as (
      select id, (row_number() over () - 1) / ${TRIGGERS_PER_JOB}::int as chunk from fired
    ), queued as (
      insert into jobs (id, queue, payload, max_attempts)
      select gen_random_uuid(), ${evaluateRulesJob.queue},
        jsonb_build_object('workspaceId', ${rule.workspaceId}::text, 'chain', '[]'::jsonb, 'triggers', jsonb_agg(jsonb_build_object(
          'kind', 'customer_inactive', 'customerId', id::text, 'days', ${trigger.days}::int, 'ruleId', ${rule.id}::text))),
        ${evaluateRulesJob.maxAttempts}::int
      from chunks group by chunk
      returning 1
    )
    select (select count(*) from fired)::int as fired, (select count(*) from saved)::int as saved, (select count(*) from queued)::int as queued`);
  return row?.fired ?? 0;
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
