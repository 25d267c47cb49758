// The workspace-wide survey throttle ("survey a customer at most once per N days") counts every
// channel: an email sent or queued, a response started anywhere, a survey shown by the widget.
import { gte, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { surveyResponses, surveySends } from './surveys.tables.js';
import { surveyDisplays } from '../widget/widget.tables.js';

/** Each customer's latest survey contact since `since` (customers without one are absent). */
export async function lastSurveyed(scope: WorkspaceScope, db: DbOrTx, customerIds: string[], since: Date): Promise<Map<string, Date>> {
  const latest = new Map<string, Date>();
  if (customerIds.length === 0) return latest;
  const rows = (
    await Promise.all([
      db
        .select({ id: surveySends.customerId, at: max(surveySends.createdAt) })
        .from(surveySends)
        .where(
          scope.where(
            surveySends,
            inArray(surveySends.customerId, customerIds),
            inArray(surveySends.status, ['queued', 'sent']),
            gte(surveySends.createdAt, since),
          ),
        )
        .groupBy(surveySends.customerId),
      db
        .select({ id: surveyResponses.customerId, at: max(surveyResponses.startedAt) })
        .from(surveyResponses)
        .where(scope.where(surveyResponses, inArray(surveyResponses.customerId, customerIds), gte(surveyResponses.startedAt, since)))
        .groupBy(surveyResponses.customerId),
      db
        .select({ id: surveyDisplays.customerId, at: max(surveyDisplays.displayedAt) })
        .from(surveyDisplays)
        .where(scope.where(surveyDisplays, inArray(surveyDisplays.customerId, customerIds), gte(surveyDisplays.displayedAt, since)))
        .groupBy(surveyDisplays.customerId),
    ])
  ).flat();
  for (const { id, at } of rows) {
    if (!id || !at) continue;
    const prev = latest.get(id);
    if (!prev || at > prev) latest.set(id, at);
  }
  return latest;
}

/** Customers surveyed within the last `days` days (0 days: nobody is throttled). */
export async function recentlySurveyed(scope: WorkspaceScope, db: DbOrTx, customerIds: string[], days: number): Promise<Set<string>> {
  if (days === 0) return new Set();
  return new Set((await lastSurveyed(scope, db, customerIds, new Date(Date.now() - days * 86_400_000))).keys());
}
