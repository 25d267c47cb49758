// The churn_risk metric's spells against the one definition (customers/profile/churn-risk.ts): the
// customers at risk counted from the spells equal those the definition finds at every instant
// (period ends, and the very instants a verdict changes), equal the Customer 360 profile's verdict
// now, and stay equal to a full rebuild after answers, activity, flags and merges change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { bearer } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { activitySeeder } from '../../platform/testing/seed-activity.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customerFlags } from '../../act/rules/rules.tables.js';
import { atChurnRiskSql, CHURN_RISK_FLAG, INACTIVE_DAYS } from '../../customers/profile/churn-risk.js';
import { customerProfile } from '../../customers/profile/profile.service.js';
import type { MetricsResponse } from '../../contracts/metrics.js';
import { refreshStaleRollups } from './refresh-rollups.js';
import { rebuildChurnRiskSpells } from './rebuild-churn-risk.js';

let s: SignedInApp;
let t: TestApp;
let workspaceId: string;
const ids: string[] = [];

/** A fixed sequence of pseudo-random numbers in [0, 1), so every run sees the same customers. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}
const next = random(29);
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00Z');
/** A moment within the first `days` days of 2025, to the second. */
const moment = (days: number) => new Date(START + Math.floor((next() * days * DAY) / 1000) * 1000);

const definitionAt = async (at: SQL) =>
  (
    await t.database.rows<{ n: number }>(sql`
      select count(*)::int as n from customers c
      where c.workspace_id = ${workspaceId} and c.merged_into_id is null and c.created_at < ${at}
        and coalesce(${atChurnRiskSql(workspaceId, at)}, false)`)
  )[0]!.n;
const spellsAt = async (at: SQL) =>
  (
    await t.database.rows<{ n: number }>(sql`
      select count(*)::int as n from churn_risk_spells s
      where s.workspace_id = ${workspaceId} and s.starts_at < ${at} and (s.ends_at is null or s.ends_at >= ${at})`)
  )[0]!.n;
const spellRows = () =>
  t.database.rows(sql`select customer_id, starts_at, ends_at from churn_risk_spells where workspace_id = ${workspaceId} order by 1, 2`);

/** Every fifth day of 2025 up to October, and each instant a verdict changes at, a second either side. */
async function instants(): Promise<Date[]> {
  const changes = await t.database.rows<{ at: string }>(sql`
    select f.created_at::text as at from feedback_items f where f.workspace_id = ${workspaceId} and f.nps is not null
    union select (last_seen_at + make_interval(hours => ${INACTIVE_DAYS * 24}))::text from customers where workspace_id = ${workspaceId} and last_seen_at is not null
    union select created_at::text from customer_flags where workspace_id = ${workspaceId}`);
  const out: Date[] = [];
  for (let day = 0; day < 300; day += 5) out.push(new Date(START + day * DAY));
  for (const { at } of changes) for (const ms of [-1000, 0, 1000]) out.push(new Date(new Date(at).getTime() + ms));
  return out;
}

async function expectSpellsToFollowTheDefinition() {
  const mismatches: string[] = [];
  for (const at of await instants()) {
    const instant = sql`${at.toISOString()}::timestamptz`;
    const [expected, counted] = [await definitionAt(instant), await spellsAt(instant)];
    if (expected !== counted) mismatches.push(`${at.toISOString()}: ${counted}, not ${expected}`);
  }
  expect(mismatches).toEqual([]);
}

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read'] });
  t = s.t;
  workspaceId = s.workspace.id;
  const seed = activitySeeder(t.database, workspaceId);
  for (let i = 0; i < 40; i++) {
    const id = await seed.customer({ createdAt: moment(60), lastSeenAt: next() < 0.8 ? moment(200) : null });
    ids.push(id);
    const answers = Math.floor(next() * 4);
    if (answers)
      await seedFeedback(
        t.database,
        workspaceId,
        Array.from({ length: answers }, () => ({ createdAt: moment(200), customerId: id, nps: Math.floor(next() * 11) })),
      );
    if (next() < 0.2)
      await t.database.db.insert(customerFlags).values({ workspaceId, customerId: id, flag: CHURN_RISK_FLAG, createdAt: moment(200) });
  }
  // One answer given in the same second as another of the same customer: the later id decides.
  const [a, b] = await seedFeedback(t.database, workspaceId, [
    { createdAt: new Date('2025-04-01T10:00:00Z'), customerId: ids[0], nps: 9 },
    { createdAt: new Date('2025-04-01T10:00:00Z'), customerId: ids[0], nps: 2 },
  ]);
  expect(a! < b!).toBe(true);
  await refreshStaleRollups(t.database, workspaceId);
}, 120_000);

afterAll(async () => t?.close());

describe('churn-risk spells', () => {
  it('count the customers the definition finds at every instant, changes included', async () => {
    expect((await spellRows()).length).toBeGreaterThan(5);
    await expectSpellsToFollowTheDefinition();
  });

  it('give the Customer 360 verdict of every customer, now', async () => {
    const scope = new WorkspaceScope(t.database, workspaceId);
    for (const now of [new Date('2025-09-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z')]) {
      const instant = sql`${now.toISOString()}::timestamptz`;
      const atRisk = await t.database.rows<{ customer_id: string }>(sql`
        select customer_id from churn_risk_spells
        where workspace_id = ${workspaceId} and starts_at < ${instant} and (ends_at is null or ends_at >= ${instant})`);
      const byProfile: string[] = [];
      for (const id of ids) if ((await customerProfile(scope, id, now)).flags.churnRisk) byProfile.push(id);
      expect(atRisk.map((r) => r.customer_id).sort()).toEqual(byProfile.sort());
    }
  });

  it('are what the churn_risk metric counts at each period end', async () => {
    const res = await s.api(
      'GET',
      '/api/v1/metrics?metric=churn_risk&from=2025-01-01&to=2025-09-30&grain=month&calendar=gregorian',
      undefined,
      bearer(s.key),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<MetricsResponse>();
    const [{ tz }] = await t.database.rows<{ tz: string }>(sql`select timezone as tz from workspaces where id = ${workspaceId}`);
    const expected: number[] = [];
    for (const period of body.periods) {
      const end = sql`((${period.last}::date + 1)::timestamp at time zone ${tz})`;
      expected.push(await definitionAt(end));
    }
    expect(body.series[0]!.points.map((p) => p.value.value)).toEqual(expected);
    expect(expected.some((n) => n > 0)).toBe(true);
  });

  it('stay equal to the definition and to a rebuild after answers, activity, flags and merges change', async () => {
    const [detractor] = await t.database.rows<{ customer_id: string }>(sql`
      select customer_id from churn_risk_spells where workspace_id = ${workspaceId} and ends_at is null limit 1`);
    // A promoter's answer ends a detractor's spell; an earlier answer corrected to a detractor starts one.
    await seedFeedback(t.database, workspaceId, [
      { createdAt: new Date('2025-08-15T00:00:00Z'), customerId: detractor!.customer_id, nps: 10 },
    ]);
    await t.database.db
      .update(feedbackItems)
      .set({ nps: 0 })
      .where(and(eq(feedbackItems.workspaceId, workspaceId), eq(feedbackItems.customerId, ids[1]!)));
    // Seen again; a customer's flag removed, another's added.
    await t.database.db
      .update(customers)
      .set({ lastSeenAt: new Date('2025-08-20T00:00:00Z') })
      .where(eq(customers.id, ids[2]!));
    await t.database.db.delete(customerFlags).where(eq(customerFlags.workspaceId, workspaceId));
    await t.database.db
      .insert(customerFlags)
      .values({ workspaceId, customerId: ids[3]!, flag: CHURN_RISK_FLAG, createdAt: new Date('2025-06-01T00:00:00Z') });
    // ids[5] merged into ids[4]: its answers move, it stops counting.
    await t.database.db.update(feedbackItems).set({ customerId: ids[4]! }).where(eq(feedbackItems.customerId, ids[5]!));
    await t.database.db.update(customers).set({ mergedIntoId: ids[4]! }).where(eq(customers.id, ids[5]!));

    const marked = await t.database.rows(sql`select customer_id from stale_churn_customers where workspace_id = ${workspaceId}`);
    expect(marked.length).toBeGreaterThanOrEqual(6);
    await refreshStaleRollups(t.database, workspaceId);
    await expectSpellsToFollowTheDefinition();
    const kept = await spellRows();
    await rebuildChurnRiskSpells(t.database, workspaceId);
    expect(await spellRows()).toEqual(kept);
  });
});
