import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp } from '../../platform/testing/signed-in-app.js';
import { createWorkspace } from '../../platform/auth/setup.service.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { seedFeedback, type FeedbackSeed } from '../../platform/testing/seed-feedback.js';
import { periodsCovering } from '../periods/periods.js';
import { rebuildRollups } from './rebuild-rollups.js';
import { sumRollups, type RollupCell, type RollupQuery } from './read-rollups.js';
import type { PeriodOptions } from '../periods/periods.js';

let t: TestApp;
let scope: WorkspaceScope;
let other: string;

const seed = (workspaceId: string, items: FeedbackSeed[]) => seedFeedback(t.database, workspaceId, items);
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  const s = await signedInApp();
  t = s.t;
  scope = new WorkspaceScope(t.database, s.workspace.id);
  // Tehran is UTC+3:30: 21:00Z is already the next local day.
  await t.database.db.update(workspaces).set({ timezone: 'Asia/Tehran' }).where(eq(workspaces.id, scope.workspaceId));
  await seed(scope.workspaceId, [
    // 30 Esfand 1403 (2025-03-20), the last day of the Jalali year 1403.
    {
      createdAt: at('2025-03-20T10:00:00Z'),
      channel: 'email',
      nps: 10,
      sentiment: 'positive',
      sentimentScore: 0.8,
      topics: ['delivery', 'price'],
      language: 'fa',
    },
    {
      createdAt: at('2025-03-20T12:00:00Z'),
      channel: 'email',
      nps: 3,
      sentiment: 'negative',
      sentimentScore: -0.6,
      topics: ['delivery'],
      language: 'fa',
      metadata: { product: 'tea' },
    },
    // 2025-03-20T21:00Z is 00:30 on Nowruz 1404 (2025-03-21) in Tehran.
    {
      createdAt: at('2025-03-20T21:00:00Z'),
      channel: 'widget',
      nps: 8,
      csat: 5,
      ces: 2,
      sentiment: 'neutral',
      sentimentScore: 0,
      topics: ['price'],
      language: 'en',
    },
    { createdAt: at('2025-03-25T09:00:00Z'), channel: 'widget', csat: 2, ces: 6 },
    {
      createdAt: at('2025-04-02T09:00:00Z'),
      channel: 'email',
      nps: 9,
      csat: 4,
      ces: 4,
      sentiment: 'positive',
      sentimentScore: 0.4,
      topics: ['delivery'],
      language: 'fa',
    },
  ]);
  other = (await createWorkspace(t.database, s.workspace.organizationId, s.owner.userId, 'Other')).id;
  await seed(other, [{ createdAt: at('2025-03-20T10:00:00Z'), channel: 'email', nps: 0, sentiment: 'negative', topics: ['delivery'] }]);
  await rebuildRollups(t.database, scope.workspaceId);
  await rebuildRollups(t.database, other);
});

afterAll(async () => t?.close());

const query = (o: Partial<RollupQuery> & Partial<PeriodOptions> = {}): RollupQuery => {
  const from = o.from ?? '2025-03-01';
  const to = o.to ?? '2025-04-30';
  return {
    from,
    to,
    periods: periodsCovering(from, to, { grain: o.grain ?? 'month', calendar: o.calendar ?? 'gregorian', weekStart: 'sat' }),
    timezone: 'Asia/Tehran',
    ...o,
  };
};
const cell = (cells: RollupCell[], period: number, key: string | null) => cells.find((c) => c.period === period && c.key === key)?.sums;

describe('rollups', () => {
  it('sum the days of each Jalali month in the workspace time zone', async () => {
    const { cells, source } = await sumRollups(scope, query({ calendar: 'persian' }));
    expect(source).toBe('rollups');
    // Esfand 1403 holds the two items of 30 Esfand; Farvardin 1404 the other three.
    expect(cell(cells, 0, null)).toMatchObject({
      items: 2,
      promoters: 1,
      detractors: 1,
      passives: 0,
      positive: 1,
      negative: 1,
      sentimentScored: 2,
    });
    expect(cell(cells, 0, null)!.sentimentSum).toBeCloseTo(0.2, 5);
    expect(cell(cells, 1, null)).toMatchObject({
      items: 3,
      promoters: 1,
      passives: 1,
      csatAnswers: 3,
      csatSatisfied: 2,
      cesAnswers: 3,
      cesSum: 12,
      cesSumOfSquares: 56,
    });
  });

  it('sum Gregorian months and break them down by topic (an item under each of its topics)', async () => {
    const { cells } = await sumRollups(scope, query({ breakdown: 'topic' }));
    expect(cell(cells, 0, null)!.items).toBe(4);
    expect(cell(cells, 1, null)!.items).toBe(1);
    expect(cell(cells, 0, 'delivery')).toMatchObject({ items: 2, promoters: 1, detractors: 1 });
    expect(cell(cells, 0, 'price')).toMatchObject({ items: 2, promoters: 1, passives: 1 });
    expect(cell(cells, 1, 'delivery')).toMatchObject({ items: 1, promoters: 1 });
    // The other workspace's detractor never counts.
    expect(cells.reduce((n, c) => n + (c.key === 'delivery' ? c.sums.detractors : 0), 0)).toBe(1);
  });

  it('filter within a dimension from rollups and across dimensions from the items, alike', async () => {
    const email = await sumRollups(scope, query({ filters: { channel: ['email'] }, breakdown: 'channel' }));
    expect(email.source).toBe('rollups');
    expect(cell(email.cells, 0, null)).toMatchObject({ items: 2 });
    expect(cell(email.cells, 0, 'widget')).toBeUndefined();
    const crossed = await sumRollups(scope, query({ filters: { channel: ['email'] }, breakdown: 'topic' }));
    expect(crossed.source).toBe('items');
    expect(cell(crossed.cells, 0, null)).toMatchObject({ items: 2, promoters: 1, detractors: 1 });
    expect(cell(crossed.cells, 0, 'price')).toMatchObject({ items: 1, promoters: 1 });
    expect(cell(crossed.cells, 1, 'delivery')).toMatchObject({ items: 1 });
    const product = await sumRollups(scope, query({ filters: { product: ['tea'] } }));
    expect(cell(product.cells, 0, null)).toMatchObject({ items: 1, detractors: 1 });
  });

  it('rebuild a range of days without touching the others', async () => {
    await t.database.db
      .update(feedbackItems)
      .set({ nps: 10 })
      .where(eq(feedbackItems.createdAt, at('2025-04-02T09:00:00Z')));
    await rebuildRollups(t.database, scope.workspaceId, { from: '2025-04-01', to: '2025-04-30' });
    const { cells } = await sumRollups(scope, query());
    expect(cell(cells, 1, null)).toMatchObject({ items: 1, promoters: 1 });
    expect(cell(cells, 0, null)).toMatchObject({ items: 4, promoters: 1, passives: 1, detractors: 1 });
    const days = await sumRollups(scope, query({ grain: 'day', from: '2025-03-20', to: '2025-03-21' }));
    expect(days.cells.filter((c) => c.key === null).map((c) => [c.period, c.sums.items])).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 1],
      ]),
    );
  });
});
