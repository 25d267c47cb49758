// The Customer 360 profile in one call: the customer, how much they have on record, their NPS/CSAT history, their segments
// and the VIP and churn-risk flags, computed here so every client shows the same verdict.
import { and, asc, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { customers } from '../customers/customers.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { notFound } from '../../platform/http/errors.js';
import { publicCustomer } from '../customers/customers.service.js';
import type { Customer } from '../customers/identify-customer.js';
import { segments } from '../segments/segments.tables.js';
import { membersAmong } from '../segments/segment-membership.js';
import { ZSegmentDefinition } from '../segments/segment-definition.js';
import { customerActivity } from './customer-activity.js';
import { customerFlags } from '../../act/rules/rules.tables.js';
import type { ChurnReason, ScorePoint, VipReason } from '../../contracts/customers.js';
import { CHURN_RISK_FLAG, DETRACTOR_MAX, INACTIVE_DAYS } from './churn-risk.js';

/** Scores shown on the profile: the newest ones, enough for a sparkline. */
const SCORE_HISTORY_LIMIT = 50;
/** VIP: lifetime value among the workspace's top 5 % in at least one currency. */
const VIP_TOP_SHARE = 0.05;

export type { ChurnReason, ScorePoint, VipReason };

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * In the top 5 % of one currency: fewer than ceil(5 % of the customers holding that currency)
 * customers have a strictly larger amount (at least one customer per currency is in the top).
 */
async function topLifetimeValue(scope: WorkspaceScope, ltv: Record<string, number>): Promise<boolean> {
  for (const [currency, amount] of Object.entries(ltv)) {
    if (!(amount > 0)) continue;
    const [row] = await scope.database.rows<{ holders: number; ahead: number }>(sql`
      select count(*) filter (where (lifetime_value->>${currency}) is not null)::int as holders,
             count(*) filter (where (lifetime_value->>${currency})::float8 > ${amount}::float8)::int as ahead
      from customers where workspace_id = ${scope.workspaceId} and merged_into_id is null`);
    if (row && row.ahead < Math.max(1, Math.ceil(row.holders * VIP_TOP_SHARE))) return true;
  }
  return false;
}

async function vipReason(scope: WorkspaceScope, c: Customer): Promise<VipReason | null> {
  if (isTrue(c.attributes.vip)) return 'attribute';
  return (await topLifetimeValue(scope, c.lifetimeValue)) ? 'lifetime_value' : null;
}

/** Churn risk: the latest NPS is a detractor (0–6), or no activity for 60 days after being active. */
function churnReason(c: Customer, latestNps: number | null, now: Date): ChurnReason | null {
  if (latestNps !== null && latestNps <= DETRACTOR_MAX) return 'detractor';
  if (c.lastSeenAt && now.getTime() - c.lastSeenAt.getTime() > INACTIVE_DAYS * 86_400_000) return 'inactive';
  return null;
}

async function scoreHistory(scope: WorkspaceScope, customerId: string): Promise<ScorePoint[]> {
  const rows = await scope.db
    .select({ feedbackId: feedbackItems.id, at: feedbackItems.createdAt, nps: feedbackItems.nps, csat: feedbackItems.csat })
    .from(feedbackItems)
    .where(
      scope.where(feedbackItems, eq(feedbackItems.customerId, customerId), or(isNotNull(feedbackItems.nps), isNotNull(feedbackItems.csat))),
    )
    .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id))
    .limit(SCORE_HISTORY_LIMIT);
  return rows.reverse().map((r) => ({ ...r, at: r.at.toISOString() }));
}

async function latestNps(scope: WorkspaceScope, customerId: string): Promise<number | null> {
  const [row] = await scope.db
    .select({ nps: feedbackItems.nps })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, and(eq(feedbackItems.customerId, customerId), isNotNull(feedbackItems.nps))))
    .orderBy(desc(feedbackItems.createdAt), desc(feedbackItems.id))
    .limit(1);
  return row?.nps ?? null;
}

/** The workspace's segments this customer is in, by name (a segment with an unreadable definition is skipped). */
async function segmentMemberships(scope: WorkspaceScope, customerId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await scope.db
    .select({ id: segments.id, name: segments.name, definition: segments.definition })
    .from(segments)
    .where(scope.where(segments))
    .orderBy(asc(segments.name), asc(segments.id));
  const found: Array<{ id: string; name: string }> = [];
  // One query per segment: a workspace has a handful, and each is the segment's own compiled SQL.
  for (const row of rows) {
    const definition = ZSegmentDefinition.safeParse(row.definition);
    if (!definition.success) continue;
    if ((await membersAmong(scope, { id: row.id, definition: definition.data }, [customerId])).has(customerId))
      found.push({ id: row.id, name: row.name });
  }
  return found;
}

/** Flags stored on the customer (by automation rules), alphabetically. */
async function storedFlags(scope: WorkspaceScope, customerId: string): Promise<string[]> {
  const rows = await scope.db
    .select({ flag: customerFlags.flag })
    .from(customerFlags)
    .where(scope.where(customerFlags, eq(customerFlags.customerId, customerId)))
    .orderBy(asc(customerFlags.flag));
  return rows.map((r) => r.flag);
}

/** A merged (retired) customer's profile is the one it was merged into, as old links expect. */
export async function customerProfile(scope: WorkspaceScope, id: string, now = new Date()) {
  const [found] = await scope.db
    .select()
    .from(customers)
    .where(scope.where(customers, eq(customers.id, id)));
  if (!found) throw notFound('Customer');
  let c: Customer | undefined = found;
  if (found.mergedIntoId)
    [c] = await scope.db
      .select()
      .from(customers)
      .where(scope.where(customers, eq(customers.id, found.mergedIntoId)));
  if (!c) throw notFound('Customer');
  const scores = await scoreHistory(scope, c.id);
  const stored = await storedFlags(scope, c.id);
  const vip = (await vipReason(scope, c)) ?? (stored.includes('vip') ? 'flagged' : null);
  const churn = churnReason(c, await latestNps(scope, c.id), now) ?? (stored.includes(CHURN_RISK_FLAG) ? 'flagged' : null);
  return {
    customer: publicCustomer(c),
    activity: await customerActivity(scope, scope.db, c),
    scores,
    segments: await segmentMemberships(scope, c.id),
    flags: { vip: vip !== null, vipReason: vip, churnRisk: churn !== null, churnReason: churn, stored },
  };
}
