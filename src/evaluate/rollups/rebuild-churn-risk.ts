// Keeps the churn_risk metric's spells current: a customer's spells are recomputed from the one
// definition (customers/profile/churn-risk.ts) evaluated just after each instant its verdict can
// change, consecutive equal verdicts joined. Customers are marked stale by triggers (migration
// churn_risk_spells); the refresh-rollups schedule rebuilds the marked ones.
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { atChurnRiskSql, churnRiskChangesSql } from '../../customers/profile/churn-risk.js';

/** Serialises rebuilds of one workspace's spells until the transaction ends. */
async function lockSpells(tx: DbOrTx, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`churn_risk_spells:${workspaceId}`}, 0))`);
}

/** Rebuilds the spells of some customers of a workspace (or of all of them) inside the caller's transaction. */
export async function rebuildChurnRiskSpellsIn(tx: DbOrTx, workspaceId: string, customerIds: string[] | null): Promise<void> {
  const only = customerIds ? sql`and customer_id = any(${pgArray(customerIds)}::uuid[])` : sql``;
  await tx.execute(sql`delete from churn_risk_spells where workspace_id = ${workspaceId} ${only}`);
  await tx.execute(sql`
    insert into churn_risk_spells (workspace_id, customer_id, starts_at, ends_at)
    select ${workspaceId}, customer_id, at, ends_at from (
      select customer_id, at, risk, lead(at) over (partition by customer_id order by at) as ends_at
      from (
        select customer_id, at, risk, lag(risk, 1, false) over (partition by customer_id order by at) as was
        from (
          -- No NPS yet makes the definition unknown (null), which is "not at risk".
          select c.id as customer_id, p.at, coalesce(c.created_at <= p.at and ${atChurnRiskSql(workspaceId, sql`p.at`, 'through')}, false) as risk
          from customers c cross join lateral ${churnRiskChangesSql(workspaceId)} as p(at)
          where c.workspace_id = ${workspaceId} and c.merged_into_id is null
            ${customerIds ? sql`and c.id = any(${pgArray(customerIds)}::uuid[])` : sql``}
        ) verdicts
      ) marked
      where risk <> was
    ) changes
    where risk`);
}

/** Rebuilds every customer's spells of a workspace (the `feedloop rollups rebuild` command, tests). */
export async function rebuildChurnRiskSpells(database: Database, workspaceId: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    await lockSpells(tx, workspaceId);
    await tx.execute(sql`delete from stale_churn_customers where workspace_id = ${workspaceId}`);
    await rebuildChurnRiskSpellsIn(tx, workspaceId, null);
  });
}

/** Rebuilds the spells of the customers marked stale (of one workspace, or of all); answers how many customers. */
export async function refreshStaleChurnRisk(database: Database, workspaceId?: string): Promise<number> {
  const workspaces = workspaceId
    ? [workspaceId]
    : (await database.rows<{ workspace_id: string }>(sql`select distinct workspace_id from stale_churn_customers`)).map(
        (r) => r.workspace_id,
      );
  let refreshed = 0;
  for (const id of workspaces)
    refreshed += await database.db.transaction(async (tx) => {
      await lockSpells(tx, id);
      // Taken under the lock: a change committed after this leaves its own mark for the next refresh.
      const marks = await database.rows<{ customer_id: string }>(
        sql`delete from stale_churn_customers where workspace_id = ${id} returning customer_id`,
        tx,
      );
      if (marks.length > 0)
        await rebuildChurnRiskSpellsIn(
          tx,
          id,
          marks.map((m) => m.customer_id),
        );
      return marks.length;
    });
  return refreshed;
}
