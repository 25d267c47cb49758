// Rollups kept current by the triggers of feedback_items and the refresh: after ingest (also
// concurrent), analysis, corrections, edits, merges and deletions they equal a rebuild from scratch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { rebuildRollups } from './rebuild-rollups.js';
import { refreshStaleRollups } from './refresh-rollups.js';

let t: TestApp;
let s: SignedInApp;
let workspaceId: string;

const rollupRows = () =>
  t.database.rows(sql`select * from feedback_rollups where workspace_id = ${workspaceId} order by dimension, day, key`);

/** Refreshes, then checks the rollups against a rebuild from the items. */
async function expectRollupsExact() {
  await refreshStaleRollups(t.database);
  const kept = await rollupRows();
  await rebuildRollups(t.database, workspaceId);
  const rebuilt = await rollupRows();
  // Counts are equal; sums of float scores up to the order they were added in.
  const approximately = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({
      ...r,
      sentiment_sum: expect.closeTo(Number(r.sentiment_sum), 9),
      sentiment_sum_of_squares: expect.closeTo(Number(r.sentiment_sum_of_squares), 9),
    }));
  expect(kept).toEqual(approximately(rebuilt));
  return kept;
}

const post = (url: string, body: object) => s.api('POST', url, body);
const TEXTS = [
  'The delivery was late again and the box was broken',
  'Great prices and friendly staff',
  'ارسال خیلی دیر رسید',
  'خدمة العملاء ممتازة',
  '价格太贵了',
];

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read', 'feedback:write', 'customers:read', 'customers:write'] });
  t = s.t;
  workspaceId = s.workspace.id;
  await t.database.db.update(workspaces).set({ timezone: 'Europe/Berlin' }).where(eq(workspaces.id, workspaceId));
});

afterAll(async () => t?.close());

describe('rollups kept current', () => {
  it('count feedback stored concurrently and analysed, on the days of the workspace zone', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        post('/api/v1/feedback', {
          channel: (['email', 'widget', 'api'] as const)[i % 3],
          text: TEXTS[i % TEXTS.length],
          nps: i % 11,
          ...(i % 4 === 0 ? { csat: 1 + (i % 5) } : {}),
          // Around the DST change of 30 March 2025 in Berlin, and across midnight.
          createdAt: new Date(Date.UTC(2025, 2, 29, 20 + (i % 8), i)).toISOString(),
          customer: { externalId: `c-${i % 5}` },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(24).fill(201));
    await t.drainJobs();
    const rows = await expectRollupsExact();
    const all = rows.filter((r) => r.dimension === 'all');
    expect(all.reduce((n, r) => n + Number(r.items), 0)).toBe(24);
    expect(rows.some((r) => r.dimension === 'sentiment')).toBe(true);
  });

  it('follow corrections, edits, answers added later, merges and deletions', async () => {
    const items = await t.database.db
      .select({ id: feedbackItems.id, customerId: feedbackItems.customerId })
      .from(feedbackItems)
      .where(eq(feedbackItems.workspaceId, workspaceId));
    const [first, second, third] = items;
    expect(
      (await post(`/api/v1/feedback/${first!.id}/analysis`, { sentiment: 'negative', type: 'complaint', topics: ['delivery', 'price'] }))
        .statusCode,
    ).toBe(200);
    expect((await s.api('PATCH', `/api/v1/feedback/${second!.id}`, { nps: 10, csat: 5 })).statusCode).toBe(200);
    const customers = [...new Set(items.map((i) => i.customerId))];
    expect((await post('/api/v1/customers/merge', { targetId: customers[0], sourceId: customers[1] })).statusCode).toBe(200);
    await t.database.db.delete(feedbackItems).where(eq(feedbackItems.id, third!.id));
    await t.drainJobs({ dueNow: true });
    const rows = await expectRollupsExact();
    expect(rows.filter((r) => r.dimension === 'all').reduce((n, r) => n + Number(r.items), 0)).toBe(23);
  });

  it('stay exact when refreshes run while feedback arrives', async () => {
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) =>
        post('/api/v1/feedback', {
          channel: 'email',
          text: TEXTS[i % TEXTS.length],
          nps: i % 11,
          createdAt: new Date(Date.UTC(2025, 2, 30, i)).toISOString(),
        }),
      ),
      refreshStaleRollups(t.database),
      refreshStaleRollups(t.database),
    ]);
    await t.drainJobs();
    await expectRollupsExact();
  });

  it('move every item to its new local day when the workspace time zone changes', async () => {
    await t.database.db.update(workspaces).set({ timezone: 'Asia/Tehran' }).where(eq(workspaces.id, workspaceId));
    await expectRollupsExact();
  });
});
