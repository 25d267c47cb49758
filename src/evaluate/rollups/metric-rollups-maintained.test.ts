// Metric rollups kept current by the triggers of their source tables and the refresh: after
// inserts, updates and deletes of sends, responses, displays, SLA clocks, compensations, idea
// links, notifications, feedback and orders they equal a rebuild from scratch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { activitySeeder } from '../../platform/testing/seed-activity.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { surveyResponses, surveySends } from '../../collect/surveys/surveys.tables.js';
import { ticketSla } from '../../act/sla/sla.tables.js';
import { compensations } from '../../act/compensations/compensations.tables.js';
import { ideaFeedback, notifications } from '../../loop/ideas/ideas.tables.js';
import { orders } from '../../customers/customers/customers.tables.js';
import { refreshStaleRollups } from './refresh-rollups.js';
import { rebuildMetricRollups } from './rebuild-metric-rollups.js';

let t: TestApp;
let s: SignedInApp;
let workspaceId: string;
const at = (iso: string) => new Date(iso);

const rollupRows = () =>
  t.database.rows<Record<string, unknown>>(
    sql`select source, dimension, day::text, key, part, whole, amount::float8 as amount, hours from metric_rollups
        where workspace_id = ${workspaceId} order by source, dimension, day, key`,
  );

/** Refreshes, then checks the rollups against a rebuild from the source tables. */
async function expectRollupsExact() {
  const marks = await t.database.rows(sql`select source from stale_metric_sources where workspace_id = ${workspaceId}`);
  await refreshStaleRollups(t.database);
  const kept = await rollupRows();
  await rebuildMetricRollups(t.database, workspaceId);
  expect(kept).toEqual(await rollupRows());
  return { kept, marks: marks.map((m) => m.source).sort() };
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await signedInApp({ scopes: ['feedback:read'] });
  t = s.t;
  workspaceId = s.workspace.id;
  await t.database.db.update(workspaces).set({ timezone: 'Asia/Tehran' }).where(eq(workspaces.id, workspaceId));
  await refreshStaleRollups(t.database);
});

afterAll(async () => t?.close());

describe('metric rollups kept current', () => {
  it('count what is inserted into every source', async () => {
    const seed = activitySeeder(t.database, workspaceId);
    const c1 = (ids.c1 = await seed.customer());
    const c2 = (ids.c2 = await seed.customer());
    const survey = await seed.survey();
    ids.send = await seed.send(survey, c1, { status: 'sent', sentAt: at('2025-03-20T21:00:00Z') });
    ids.response = await seed.response(survey, { personalKey: `send:${ids.send}`, status: 'in_progress' });
    await seed.display(survey, '2025-03-10T09:00:00Z');
    ids.ticket = await seed.ticket({}, { firstResponseMinutes: 60, firstResponseAt: at('2025-03-02T10:00:00Z') });
    ids.compensation = await seed.compensation(c1, {
      amount: 12,
      currency: 'EUR',
      status: 'approved',
      approvedAt: at('2025-03-02T10:00:00Z'),
    });
    [ids.f1] = await seedFeedback(t.database, workspaceId, [{ createdAt: at('2025-03-01T00:00:00Z'), customerId: c1 }]);
    ids.idea = await seed.idea('done', [ids.f1!]);
    ids.notification = await seed.notification(c1, ids.idea, { ideaStatus: 'done', status: 'queued' });
    ids.order = await seed.order(c1, '2025-01-05T10:00:00Z');
    await seed.order(c2, '2025-02-05T10:00:00Z');
    const { kept, marks } = await expectRollupsExact();
    expect(marks).toEqual([
      'compensations',
      'first_contact_resolution',
      'loop',
      'orders',
      'responses',
      'sla_first_response',
      'sla_resolution',
      'ticket_volume',
    ]);
    // A send at 00:30 on Nowruz in Tehran counts on Nowruz.
    expect(kept).toContainEqual(expect.objectContaining({ source: 'responses', dimension: 'all', day: '2025-03-21', part: 0, whole: 1 }));
  });

  it('follow updates: an answer completed, a clock breached, an amount corrected, a customer told, an order moved', async () => {
    await t.database.db
      .update(surveyResponses)
      .set({ status: 'completed', completedAt: at('2025-03-22T10:00:00Z') })
      .where(eq(surveyResponses.id, ids.response!));
    await t.database.db
      .update(ticketSla)
      .set({ firstResponseBreachedAt: at('2025-03-02T09:00:00Z') })
      .where(eq(ticketSla.ticketId, ids.ticket!));
    await t.database.db.update(compensations).set({ amount: 20 }).where(eq(compensations.id, ids.compensation!));
    await t.database.db
      .update(notifications)
      .set({ status: 'sent', sentAt: at('2025-03-02T00:00:00Z') })
      .where(eq(notifications.id, ids.notification!));
    await t.database.db
      .update(orders)
      .set({ placedAt: at('2025-03-05T10:00:00Z') })
      .where(eq(orders.id, ids.order!));
    const { kept } = await expectRollupsExact();
    expect(kept).toContainEqual(expect.objectContaining({ source: 'responses', dimension: 'all', day: '2025-03-21', part: 1, whole: 1 }));
    expect(kept).toContainEqual(expect.objectContaining({ source: 'sla_first_response', dimension: 'all', part: 0, whole: 1 }));
    expect(kept).toContainEqual(expect.objectContaining({ source: 'compensations', dimension: 'currency', key: 'EUR', amount: 20 }));
    expect(kept).toContainEqual(expect.objectContaining({ source: 'loop', dimension: 'all', part: 1, whole: 1, hours: [24] }));
  });

  it('follow a feedback item moved to another customer, and the time zone', async () => {
    await t.database.db.update(feedbackItems).set({ customerId: ids.c2 }).where(eq(feedbackItems.id, ids.f1!));
    const moved = await expectRollupsExact();
    expect(moved.marks).toEqual(['loop']);
    expect(moved.kept).toContainEqual(expect.objectContaining({ source: 'loop', dimension: 'all', part: 0, whole: 1 }));
    await t.database.db.update(workspaces).set({ timezone: 'UTC' }).where(eq(workspaces.id, workspaceId));
    const { kept } = await expectRollupsExact();
    expect(kept).toContainEqual(expect.objectContaining({ source: 'responses', dimension: 'all', day: '2025-03-20' }));
  });

  it('follow deletes', async () => {
    await t.database.db.delete(ideaFeedback).where(eq(ideaFeedback.feedbackId, ids.f1!));
    await t.database.db.delete(surveySends).where(eq(surveySends.id, ids.send!));
    await t.database.db.delete(compensations).where(eq(compensations.id, ids.compensation!));
    await t.database.db.delete(orders).where(eq(orders.id, ids.order!));
    const { kept } = await expectRollupsExact();
    expect(kept.filter((r) => r.source === 'loop' || r.source === 'compensations')).toEqual([]);
  });
});
