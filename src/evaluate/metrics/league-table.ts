// A league table: the keys of one dimension ranked by a metric over a range of days, each with
// its n and interval; keys with fewer than minN answers are listed unranked, after the others.
import type { LeagueTable } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { daysBetween } from '../../platform/calendars.js';
import { getWorkspaceSettings } from '../../platform/workspace/workspace-settings.service.js';
import { sumRollups } from '../rollups/read-rollups.js';
import { addSums, emptySums, type RollupSums } from '../rollups/rollup-sums.js';
import { FEEDBACK_METRICS } from './metric-catalogue.js';
import { METRICS_LIMITS, type TLeagueQuery } from './metrics.input.js';
import { keepLevel } from '../service-units/unit-level.js';

export async function getLeagueTable(scope: WorkspaceScope, query: TLeagueQuery): Promise<LeagueTable> {
  const metric = FEEDBACK_METRICS[query.metric];
  if (!metric) throw badRequest('metric', `${query.metric} is not available yet`);
  if (daysBetween(query.from, query.to) + 1 > METRICS_LIMITS.maxDays)
    throw badRequest('from', `must be at most ${METRICS_LIMITS.maxDays} days before to`);
  const settings = await getWorkspaceSettings(scope);
  const whole = {
    key: 'range',
    grain: 'day' as const,
    first: query.from,
    last: query.to,
    label: { calendar: 'gregorian' as const, year: 0, quarter: null, month: null, day: null },
  };
  const { cells } = await sumRollups(scope, {
    from: query.from,
    to: query.to,
    periods: [whole],
    breakdown: query.dimension,
    timezone: settings.timezone,
  });
  const byKey = new Map<string, RollupSums>();
  for (const cell of cells) {
    if (cell.key === null) continue;
    const sums = byKey.get(cell.key) ?? emptySums();
    byKey.set(cell.key, addSums(sums, cell.sums as unknown as Record<string, unknown>));
  }
  if (query.level) await keepLevel(scope, byKey, query.level);
  const values = [...byKey].map(([key, sums]) => ({ key, value: metric.compute(sums) }));
  const ranked = values.filter((v) => v.value.value !== null && v.value.n >= query.minN);
  const sign = metric.higherIsBetter ? -1 : 1;
  ranked.sort((a, b) => sign * (a.value.value! - b.value.value!) || b.value.n - a.value.n || a.key.localeCompare(b.key));
  const unranked = values.filter((v) => !ranked.includes(v)).sort((a, b) => b.value.n - a.value.n || a.key.localeCompare(b.key));
  return {
    metric: metric.id,
    unit: metric.unit,
    dimension: query.dimension,
    from: query.from,
    to: query.to,
    rows: [...ranked.map((v, i) => ({ ...v, rank: i + 1 })), ...unranked.map((v) => ({ ...v, rank: null }))],
  };
}
