// The Evaluate pages' tables as exports: the league table (the keys of a dimension ranked by a
// metric), the drivers and a before/after comparison, each as its page shows it
// (GET /metrics/league, GET /drivers, GET /before-after), one page.
import { BEFORE_AFTER_METRICS } from '../../contracts/before-after.js';
import { getLeagueTable } from '../metrics/league-table.js';
import { listDrivers } from '../drivers/drivers.service.js';
import { compareBeforeAfter } from '../before-after/before-after.service.js';
import type { ExportSource } from './export-sources.js';
import { yesOrNo } from './export-labels.js';
import { FILTER_SCHEMAS } from './exports.input.js';

const round = (x: number | null, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

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

/**
 * The before/after page as an export: one row per metric with both windows, each value with its n,
 * the change and its test. Means (CES, sentiment) keep two decimals, p-values four.
 */
export const beforeAfterSource: ExportSource = {
  columns: [
    { key: 'metric', type: 'text', width: 24 },
    { key: 'beforeFrom', type: 'day', width: 12 },
    { key: 'beforeTo', type: 'day', width: 12 },
    { key: 'beforeValue', type: 'number', width: 10, digits: 2 },
    { key: 'beforeN', type: 'number', width: 10 },
    { key: 'afterFrom', type: 'day', width: 12 },
    { key: 'afterTo', type: 'day', width: 12 },
    { key: 'afterValue', type: 'number', width: 10, digits: 2 },
    { key: 'afterN', type: 'number', width: 10 },
    { key: 'change', type: 'number', width: 10, digits: 2 },
    { key: 'pValue', type: 'number', width: 10, digits: 4 },
    { key: 'significant', type: 'text', width: 10 },
  ],
  async *pages(scope, filters, _userId, locale) {
    const { before, after, metrics } = await compareBeforeAfter(scope, FILTER_SCHEMAS.before_after.parse(filters));
    yield {
      total: BEFORE_AFTER_METRICS.length,
      rows: BEFORE_AFTER_METRICS.map((metric) => {
        const m = metrics[metric];
        return [
          metric,
          before.from,
          before.to,
          round(m.before.value, 2),
          m.before.n,
          after.from,
          after.to,
          round(m.after.value, 2),
          m.after.n,
          round(m.change, 2),
          round(m.pValue, 4),
          m.significant === null ? null : yesOrNo(locale, m.significant),
        ];
      }),
    };
  },
};
