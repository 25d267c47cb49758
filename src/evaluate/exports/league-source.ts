// The league table as an export: the keys of a dimension ranked by a metric, as the league page
// shows them (GET /metrics/league), one page.
import { getLeagueTable } from '../metrics/league-table.js';
import type { ExportSource } from './export-sources.js';
import { FILTER_SCHEMAS } from './exports.input.js';

const round = (x: number | null) => (x == null ? null : Math.round(x * 10) / 10);

export const leagueSource: ExportSource = {
  columns: [
    { key: 'rank', type: 'number', width: 8 },
    { key: 'breakdownKey', type: 'text', width: 22 },
    { key: 'metric', type: 'text', width: 10 },
    { key: 'value', type: 'number', width: 10 },
    { key: 'n', type: 'number', width: 10 },
    { key: 'low', type: 'number', width: 10 },
    { key: 'high', type: 'number', width: 10 },
  ],
  async *pages(scope, filters) {
    const league = await getLeagueTable(scope, FILTER_SCHEMAS.league.parse(filters));
    yield {
      total: league.rows.length,
      rows: league.rows.map((row) => [
        row.rank,
        row.key,
        league.metric,
        round(row.value.value),
        row.value.n,
        round(row.value.low),
        round(row.value.high),
      ]),
    };
  },
};
