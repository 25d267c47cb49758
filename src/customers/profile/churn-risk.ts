// The one definition of a customer at churn risk, read by the profile (one customer, now) and
// by the churn_risk metric (every customer, at each period's end).
import { sql, type SQL } from 'drizzle-orm';

/** Churn risk: no activity for this long after having been active. */
export const INACTIVE_DAYS = 60;
/** Churn risk: the latest NPS answer is at most this (a detractor). */
export const DETRACTOR_MAX = 6;
/** The flag automation rules store on a customer they judged at risk. */
export const CHURN_RISK_FLAG = 'churn_risk';

/**
 * Whether customer `c` (an alias of `customers`) was at churn risk at the instant `at`: the latest
 * NPS given before it was a detractor, or seen last more than INACTIVE_DAYS before it, or flagged
 * before it by a rule.
 */
export function atChurnRiskSql(workspaceId: string, at: SQL): SQL {
  return sql`(
    (c.last_seen_at is not null and c.last_seen_at <= ${at} and ${at} - c.last_seen_at > make_interval(days => ${INACTIVE_DAYS}))
    or (select f.nps from feedback_items f
        where f.workspace_id = ${workspaceId} and f.customer_id = c.id and f.nps is not null and f.created_at < ${at}
        order by f.created_at desc, f.id desc limit 1) <= ${DETRACTOR_MAX}
    or exists (select 1 from customer_flags cf where cf.workspace_id = ${workspaceId} and cf.customer_id = c.id
               and cf.flag = ${CHURN_RISK_FLAG} and cf.created_at < ${at}))`;
}
