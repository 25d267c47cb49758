// The overview's figures read from the daily feedback rollups (dimension `all` and `topic`), so a
// page view sums a few rows per day instead of counting items: volume, NPS and CSAT per day,
// the sentiment split, today's count and the most frequent topics.
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';

export interface DayFigures {
  day: string;
  items: number;
  npsCount: number;
  promoters: number;
  detractors: number;
  csatCount: number;
  satisfied: number;
  positive: number;
  neutral: number;
  negative: number;
}

/** The rollup of each local day from–to that has any feedback. */
export async function dailyFigures(scope: WorkspaceScope, from: string, to: string): Promise<DayFigures[]> {
  const rows = await scope.database.rows<Record<keyof DayFigures, string | number>>(sql`
    select day::text as day, items, promoters + passives + detractors as "npsCount", promoters, detractors,
           csat_answers as "csatCount", csat_satisfied as satisfied, positive, neutral, negative
    from feedback_rollups
    where workspace_id = ${scope.workspaceId} and dimension = 'all' and day between ${from}::date and ${to}::date`);
  return rows.map((r) => ({
    day: String(r.day),
    items: Number(r.items),
    npsCount: Number(r.npsCount),
    promoters: Number(r.promoters),
    detractors: Number(r.detractors),
    csatCount: Number(r.csatCount),
    satisfied: Number(r.satisfied),
    positive: Number(r.positive),
    neutral: Number(r.neutral),
    negative: Number(r.negative),
  }));
}

/** The topics with the most items from–to (an item counts once under each of its topics). */
export async function topTopicKeys(scope: WorkspaceScope, from: string, to: string, limit: number) {
  const rows = await scope.database.rows<{ key: string; count: number }>(sql`
    select key, sum(items)::int as count
    from feedback_rollups
    where workspace_id = ${scope.workspaceId} and dimension = 'topic' and day between ${from}::date and ${to}::date
    group by key
    having sum(items) > 0
    order by count desc, key
    limit ${limit}`);
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}
