// Evaluates the workspace's enabled rules against a batch of triggers. A rule whose conditions
// hold gets a run (logged with its version) and a job of its own for its actions, so a slow or
// failing action of one rule never holds up another. A rule already in the chain that led here,
// or a chain too deep, is stopped and the run says why.
import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Database, Tx } from '../../platform/db/client.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { newId } from '../../platform/ids.js';
import { rules } from './rules.tables.js';
import { conditionsHold, segmentsNamed } from './rule-conditions.js';
import { loadRuleFacts } from './rule-facts.js';
import { runRuleActionsJob } from './run-rule-actions.job.js';
import type { RuleTrigger } from './emit-trigger.js';

/** Rules one change may set off in a row before the chain is stopped. */
export const MAX_RULE_CHAIN = 5;

export const ZEvaluateRulesPayload = z.object({
  workspaceId: zUuid,
  triggers: z.array(z.looseObject({ kind: z.string() })).min(1),
  chain: z.array(zUuid).default([]),
});
export type TEvaluateRulesPayload = z.output<typeof ZEvaluateRulesPayload>;

interface MatchedRun {
  id: string;
  jobId: string;
  ruleId: string;
  version: number;
  trigger: RuleTrigger;
  subject: string;
  /** Why the run was stopped, or null when its actions are queued. */
  stopped: string | null;
}

/**
 * The runs and the jobs of their actions in one statement: a batch of triggers can match
 * hundreds of rules, and one array parameter per column keeps the statement the same size.
 */
async function recordRuns(scope: WorkspaceScope, tx: Tx, runs: MatchedRun[], chain: string[]) {
  const col = (pick: (r: MatchedRun) => string | number | null) => pgArray(runs.map(pick));
  await tx.execute(sql`
    with runs as (
      insert into rule_runs (id, workspace_id, rule_id, version, trigger, subject, chain, status, error, finished_at)
      select t.id, ${scope.workspaceId}::uuid, t.rule_id, t.version, t.trigger, t.subject, ${pgArray(chain)}::text[],
        case when t.error is null then 'queued' else 'stopped' end, t.error, case when t.error is null then null else now() end
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.ruleId)}::uuid[], ${col((r) => r.version)}::int[],
        ${col((r) => JSON.stringify(r.trigger))}::jsonb[], ${col((r) => r.subject)}::text[], ${col((r) => r.stopped)}::text[])
        as t(id, rule_id, version, trigger, subject, error)
      returning id, status
    )
    insert into jobs (id, queue, payload, max_attempts)
    select j.id, ${runRuleActionsJob.queue}, jsonb_build_object('workspaceId', ${scope.workspaceId}::text, 'runId', runs.id::text),
      ${runRuleActionsJob.maxAttempts}::int
    from runs join unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.jobId)}::uuid[]) as j(run_id, id) on j.run_id = runs.id
    where runs.status = 'queued'`);
}

export async function evaluateRules(database: Database, payload: TEvaluateRulesPayload): Promise<void> {
  const scope = new WorkspaceScope(database, payload.workspaceId);
  const triggers = payload.triggers as unknown as RuleTrigger[];
  const kinds = [...new Set(triggers.map((t) => t.kind))];
  await scope.transaction(async (tx) => {
    const listening = await tx
      .select()
      .from(rules)
      .where(scope.where(rules, and(eq(rules.enabled, true), inArray(rules.triggerKind, kinds))));
    if (listening.length === 0) return;
    const segmentIds = [...new Set(listening.flatMap((r) => segmentsNamed(r.definition.conditions)))];
    const facts = await loadRuleFacts(scope, tx, triggers, segmentIds);
    const runs: MatchedRun[] = [];
    triggers.forEach((trigger, i) => {
      const known = facts[i];
      if (!known) return;
      for (const rule of listening) {
        if (rule.triggerKind !== trigger.kind) continue;
        // Scheduled triggers are for the rule whose scan found them.
        if ('ruleId' in trigger && trigger.ruleId !== rule.id) continue;
        // A threshold's conditions chose the items it counted; the crossing itself is the match.
        if (trigger.kind !== 'threshold_crossed' && !conditionsHold(rule.definition.conditions, rule.definition.match, known)) continue;
        const looping = payload.chain.includes(rule.id)
          ? 'stopped: this rule already ran earlier in the same chain (a loop)'
          : payload.chain.length >= MAX_RULE_CHAIN
            ? `stopped: more than ${MAX_RULE_CHAIN} rules in a row`
            : null;
        runs.push({
          id: newId(),
          jobId: newId(),
          ruleId: rule.id,
          version: rule.version,
          trigger,
          subject: known.subject,
          stopped: looping,
        });
      }
    });
    if (runs.length > 0) await recordRuns(scope, tx, runs, payload.chain);
  });
}

export const evaluateRulesJob = defineJob({
  queue: 'evaluate-rules',
  payload: ZEvaluateRulesPayload,
  run: (payload, { database }) => evaluateRules(database, payload),
});
