// Evaluates the workspace's enabled rules against a batch of triggers. A rule whose conditions
// hold gets a run (logged with its version) and a job of its own for its actions, so a slow or
// failing action of one rule never holds up another. A rule already in the chain that led here,
// or a chain too deep, is stopped and the run says why.
import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Database } from '../../platform/db/client.js';
import { newId } from '../../platform/ids.js';
import { rules, ruleRuns } from './rules.tables.js';
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
    const runs: Array<typeof ruleRuns.$inferInsert> = [];
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
        runs.push(
          scope.stamp({
            id: newId(),
            ruleId: rule.id,
            version: rule.version,
            trigger: trigger as unknown as Record<string, unknown>,
            subject: known.subject,
            chain: payload.chain,
            status: looping ? 'stopped' : 'queued',
            error: looping,
            finishedAt: looping ? new Date() : null,
          }),
        );
      }
    });
    if (runs.length === 0) return;
    await tx.insert(ruleRuns).values(runs);
    const queued = runs.filter((r) => r.status === 'queued');
    if (queued.length > 0)
      await runRuleActionsJob.enqueue(
        tx,
        queued.map((r) => ({ workspaceId: payload.workspaceId, runId: r.id })),
      );
  });
}

export const evaluateRulesJob = defineJob({
  queue: 'evaluate-rules',
  payload: ZEvaluateRulesPayload,
  run: (payload, { database }) => evaluateRules(database, payload),
});
