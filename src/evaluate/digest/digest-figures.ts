// The digest's headline figures of one period: volume, NPS, CSAT, CES and the negative share.
// "No data" is null, never 0.
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import type { DigestPeriod } from './digest-schedule.js';
import { withinPeriod } from './digest-window.js';

export interface HeadlineFigures {
  volume: number;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  negativeShare: number | null;
}

export async function headlineFigures(scope: WorkspaceScope, period: DigestPeriod, timeZone: string): Promise<HeadlineFigures> {
  const i = feedbackItems;
  const [row] = await scope.db
    .select({
      volume: sql<number>`count(*)::int`,
      npsN: sql<number>`count(${i.nps})::int`,
      promoters: sql<number>`count(*) filter (where ${i.nps} >= 9)::int`,
      detractors: sql<number>`count(*) filter (where ${i.nps} <= 6)::int`,
      csatN: sql<number>`count(${i.csat})::int`,
      satisfied: sql<number>`count(*) filter (where ${i.csat} >= 4)::int`,
      ces: sql<number | null>`avg(${i.ces})::float8`,
      sentimentN: sql<number>`count(${i.sentiment})::int`,
      negative: sql<number>`count(*) filter (where ${i.sentiment} = 'negative')::int`,
    })
    .from(i)
    .where(scope.where(i, withinPeriod(i.createdAt, period, timeZone)));
  const share = (part: number, n: number) => (n > 0 ? (100 * part) / n : null);
  return {
    volume: row.volume,
    nps: row.npsN > 0 ? (100 * (row.promoters - row.detractors)) / row.npsN : null,
    csat: share(row.satisfied, row.csatN),
    ces: row.ces === null ? null : Number(row.ces),
    negativeShare: share(row.negative, row.sentimentN),
  };
}
