// Before/after a change: the same metrics over two equal windows of local days, the one ending the
// day before the change and the one starting on it, summed from the daily rollups and compared
// with metrics-core's tests (NPS z test, two-proportion z test, Welch's t test).
import { eq } from 'drizzle-orm';
import type { BeforeAfterResponse } from '../../contracts/before-after.js';
import type { Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { addDays, daysBetween } from '../../platform/calendars.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { ideas } from '../../loop/ideas/ideas.tables.js';
import { localDay } from '../periods/periods.js';
import { sumRollups } from '../rollups/read-rollups.js';
import { emptySums, type RollupSums } from '../rollups/rollup-sums.js';
import { CES_RANGE, compareMeans, compareNps, compareShares, count, SENTIMENT_RANGE } from '../metrics/score-formulas.js';
import type { TBeforeAfterQuery } from './before-after.input.js';

const span = (first: string, last: string, key: string): Period => ({
  key,
  grain: 'day',
  first,
  last,
  label: { calendar: 'gregorian', year: Number(first.slice(0, 4)), quarter: null, month: null, day: null },
});

export async function compareBeforeAfter(scope: WorkspaceScope, query: TBeforeAfterQuery, now = new Date()): Promise<BeforeAfterResponse> {
  const [workspace] = await scope.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const timezone = workspace?.timezone ?? 'UTC';
  let date = query.date;
  let idea: BeforeAfterResponse['idea'] = null;
  if (query.ideaId) {
    const [row] = await scope.db
      .select({ id: ideas.id, title: ideas.title, status: ideas.status, doneAt: ideas.statusChangedAt })
      .from(ideas)
      .where(scope.where(ideas, eq(ideas.id, query.ideaId)));
    if (!row) throw notFound('Idea');
    if (row.status !== 'done')
      throw new AppError(400, 'idea_not_done', 'ideaId: the idea is not marked done yet, so it has no date to compare around', 'ideaId');
    date = localDay(row.doneAt, timezone);
    idea = { id: row.id, title: row.title };
  }
  const change = date!;
  const today = localDay(now, timezone);
  if (daysBetween(change, today) < 1) throw badRequest(query.ideaId ? 'ideaId' : 'date', 'must be before today: there is no "after" yet');
  // Equal windows: "after" ends today at the latest, and "before" is cut to the same length.
  const days = Math.min(query.days, daysBetween(change, today));
  const before = { from: addDays(change, -days), to: addDays(change, -1) };
  const after = { from: change, to: addDays(change, days - 1) };
  const { cells } = await sumRollups(scope, {
    from: before.from,
    to: after.to,
    periods: [span(before.from, before.to, 'before'), span(after.from, after.to, 'after')],
    filters: query.channel ? { channel: [query.channel] } : undefined,
    timezone,
  });
  const sums = (period: number): RollupSums => cells.find((c) => c.period === period && c.key === null)?.sums ?? emptySums();
  const [a, b] = [sums(0), sums(1)];
  const scored = (s: RollupSums) => s.positive + s.neutral + s.negative;
  const volumeBefore = count(a.items);
  const volumeAfter = count(b.items);
  return {
    date: change,
    idea,
    days,
    before,
    after,
    timezone,
    channel: query.channel ?? null,
    metrics: {
      nps: compareNps(a, b),
      csat: compareShares({ part: a.csatSatisfied, whole: a.csatAnswers }, { part: b.csatSatisfied, whole: b.csatAnswers }),
      ces: compareMeans(
        { n: a.cesAnswers, sum: a.cesSum, sumOfSquares: a.cesSumOfSquares },
        { n: b.cesAnswers, sum: b.cesSum, sumOfSquares: b.cesSumOfSquares },
        CES_RANGE,
      ),
      sentiment_positive_share: compareShares({ part: a.positive, whole: scored(a) }, { part: b.positive, whole: scored(b) }),
      sentiment_negative_share: compareShares({ part: a.negative, whole: scored(a) }, { part: b.negative, whole: scored(b) }),
      sentiment_mean: compareMeans(
        { n: a.sentimentScored, sum: a.sentimentSum, sumOfSquares: a.sentimentSumOfSquares },
        { n: b.sentimentScored, sum: b.sentimentSum, sumOfSquares: b.sentimentSumOfSquares },
        SENTIMENT_RANGE,
      ),
      volume: { before: volumeBefore, after: volumeAfter, change: b.items - a.items, pValue: null, significant: null, test: null },
    },
  };
}
