// The Evaluate pages' tables as exports: the league table (the keys of a dimension ranked by a
// metric) and the drivers, each as its page shows it (GET /metrics/league, GET /drivers), one page.
import { getLeagueTable } from '../metrics/league-table.js';
import { listDrivers } from '../drivers/drivers.service.js';
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

/** The drivers page as an export: its topics, highest NPS impact first, named in the reader's language. */
export const driversSource: ExportSource = {
  columns: [
    { key: 'topic', type: 'text', width: 22 },
    { key: 'volume', type: 'number', width: 10 },
    { key: 'npsValue', type: 'number', width: 8 },
    { key: 'npsCount', type: 'number', width: 12 },
    { key: 'impactNps', type: 'number', width: 10 },
    { key: 'csatValue', type: 'number', width: 8 },
    { key: 'csatCount', type: 'number', width: 12 },
    { key: 'impactCsat', type: 'number', width: 10 },
  ],
  async *pages(scope, filters, _userId, locale) {
    const drivers = await listDrivers(scope, FILTER_SCHEMAS.drivers.parse(filters));
    yield {
      total: drivers.data.length,
      rows: drivers.data.map((d) => [
        d.topic.names[locale] ?? d.topic.names.en ?? d.topic.key,
        d.volume,
        round(d.nps.value),
        d.nps.n,
        round(d.impact.nps),
        round(d.csat.value),
        d.csat.n,
        round(d.impact.csat),
      ]),
    };
  },
};
