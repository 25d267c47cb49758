// The one definition of a customer at churn risk, read by the profile (one customer, now), by the
// churn_risk metric's rollup (each customer's spells at risk) and checked against both by tests.
import { sql, type SQL } from 'drizzle-orm';

/** Churn risk: no activity for this long after having been active. */
export const INACTIVE_DAYS = 60;
/** Churn risk: the latest NPS answer is at most this (a detractor). */
export const DETRACTOR_MAX = 6;
/** The flag automation rules store on a customer they judged at risk. */
export const CHURN_RISK_FLAG = 'churn_risk';

/** Exactly INACTIVE_DAYS of 24 hours: a day of a DST change must not move the instant. */
const INACTIVE = sql`make_interval(hours => ${INACTIVE_DAYS * 24})`;

/**
 * Whether customer `c` (an alias of `customers`) was at churn risk at the instant `at`: the latest
 * NPS given before it was a detractor, or seen last more than INACTIVE_DAYS before it, or flagged
 * before it by a rule. `through`: what happened at `at` itself counts too — the state from just
 * after `at` on, which is how the metric's spells are cut at each change.
 */
export function atChurnRiskSql(workspaceId: string, at: SQL, edge: 'before' | 'through' = 'before'): SQL {
  const before = edge === 'before' ? sql`<` : sql`<=`;
  const longer = edge === 'before' ? sql`>` : sql`>=`;
  return sql`(
    (c.last_seen_at is not null and c.last_seen_at <= ${at} and ${at} - c.last_seen_at ${longer} ${INACTIVE})
    or (select f.nps from feedback_items f
        where f.workspace_id = ${workspaceId} and f.customer_id = c.id and f.nps is not null and f.created_at ${before} ${at}
        order by f.created_at desc, f.id desc limit 1) <= ${DETRACTOR_MAX}
    or exists (select 1 from customer_flags cf where cf.workspace_id = ${workspaceId} and cf.customer_id = c.id
               and cf.flag = ${CHURN_RISK_FLAG} and cf.created_at ${before} ${at}))`;
}

/**
 * The instants at which customer `c`'s verdict can change: becoming a customer, each NPS answer,
 * a churn-risk flag, and the end of INACTIVE_DAYS after the last activity. Between two of them it
 * stays what it was just after the first.
 */
export function churnRiskChangesSql(workspaceId: string): SQL {
  return sql`(
    select c.created_at as at
    union select c.last_seen_at + ${INACTIVE} where c.last_seen_at is not null
    union select f.created_at from feedback_items f where f.workspace_id = ${workspaceId} and f.customer_id = c.id and f.nps is not null
    union select cf.created_at from customer_flags cf
      where cf.workspace_id = ${workspaceId} and cf.customer_id = c.id and cf.flag = ${CHURN_RISK_FLAG})`;
}
