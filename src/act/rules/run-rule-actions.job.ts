// Runs one matched rule's actions, each in its own transaction with its result written to the
// run, so a retry (the queue backs off: 2, 4, 8, 16 s) resumes after the actions already done.
// After the last attempt the failing action and the run are recorded as failed.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { defineJob, type JobContext } from '../../platform/jobs/define-job.js';
import type { ClaimedJob } from '../../platform/jobs/queue.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { RuleActionResult } from '../../contracts/rules.js';
import { ruleRuns, ruleVersions } from './rules.tables.js';
import { loadRuleFacts } from './rule-facts.js';
import { performRuleAction } from './rule-actions.js';
import { ruleChainContext, type RuleTrigger } from './emit-trigger.js';
import { and } from 'drizzle-orm';

export const ZRunRuleActionsPayload = z.object({ workspaceId: zUuid, runId: zUuid });

async function runRuleActions(payload: z.output<typeof ZRunRuleActionsPayload>, ctx: JobContext, job: ClaimedJob): Promise<void> {
  const scope = new WorkspaceScope(ctx.database, payload.workspaceId);
  const [run] = await scope.db
    .select()
    .from(ruleRuns)
    .where(scope.where(ruleRuns, eq(ruleRuns.id, payload.runId)));
  if (run?.status !== 'queued') return;
  const [version] = await scope.db
    .select()
    .from(ruleVersions)
    .where(scope.where(ruleVersions, and(eq(ruleVersions.ruleId, run.ruleId), eq(ruleVersions.version, run.version))));
  const trigger = run.trigger as unknown as RuleTrigger;
  const [facts] = await loadRuleFacts(scope, scope.db, [trigger]);
  const finish = (status: 'done' | 'failed', actions: RuleActionResult[], error: string | null) =>
    scope.db
      .update(ruleRuns)
      .set({ status, actions, error, finishedAt: new Date() })
      .where(scope.where(ruleRuns, eq(ruleRuns.id, run.id)));
  if (!version || !facts) return void (await finish('failed', run.actions, 'what the rule was triggered by no longer exists'));

  const done = [...run.actions];
  const actions = version.definition.actions;
  for (let index = done.length; index < actions.length; index++) {
    const action = actions[index];
    try {
      // The actions' own triggers (a ticket created, …) carry this rule in their chain.
      const detail = await ruleChainContext.run([...run.chain, run.ruleId], () =>
        scope.transaction(async (tx) => {
          const result = await performRuleAction({ scope, tx, ctx, action, facts, run: { id: run.id, ruleId: run.ruleId, index } });
          await tx
            .update(ruleRuns)
            .set({ actions: [...done, { kind: action.kind, ok: true, detail: result }] })
            .where(scope.where(ruleRuns, eq(ruleRuns.id, run.id)));
          return result;
        }),
      );
      done.push({ kind: action.kind, ok: true, detail });
    } catch (err) {
      if (job.attempts < job.maxAttempts) throw err;
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await finish(
        'failed',
        [...done, { kind: action.kind, ok: false, detail: reason }],
        `action ${index + 1} (${action.kind}) failed: ${reason}`,
      );
      return;
    }
  }
  await finish('done', done, null);
}

export const runRuleActionsJob = defineJob({
  queue: 'run-rule-actions',
  payload: ZRunRuleActionsPayload,
  run: runRuleActions,
});
