// What each subject exports: its columns, and its rows read page by page with the list's own
// keyset cursor (the same service and filters as the list on screen), so a file of a million rows
// never has more than one page in memory.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { ExportSubject } from '../../contracts/exports.js';
import type { Locale } from '../../contracts/locales.js';
import { listFeedback } from '../../collect/feedback/feedback.service.js';
import { listCustomers } from '../../customers/customers/customers.service.js';
import { listTickets } from '../../act/tickets/tickets.service.js';
import { getOverview } from '../overview/overview.service.js';
import { getMetrics } from '../metrics/metrics.service.js';
import { FILTER_SCHEMAS } from './exports.input.js';
import { EXPORT_LIMITS } from './limits.js';
import { beforeAfterSource, driversSource, leagueSource } from './evaluate-sources.js';

/** text: defanged string; number: a typed number cell; date: a moment; day: a `YYYY-MM-DD` calendar day. */
export type ColumnType = 'text' | 'number' | 'date' | 'day';
export type CellValue = string | number | Date | null;

export interface ExportColumn {
  key: string;
  type: ColumnType;
  /** Narrow columns are drawn narrow in Excel and the PDF. */
  width?: number;
  /** Fraction digits a number shows in the PDF report (default 1): a p-value needs more. */
  digits?: number;
}

/** One page of rows, each a value per column, and (with the first page, when known) how many there are. */
export interface ExportPage {
  rows: CellValue[][];
  total?: number | null;
}

export interface ExportSource {
  columns: ExportColumn[];
  pages(scope: WorkspaceScope, filters: Record<string, string>, userId: string | null, locale: Locale): AsyncGenerator<ExportPage>;
}

const list = (values: string[] | null | undefined) => (values?.length ? values.join(', ') : null);
const date = (value: Date | string | null | undefined) => (value == null ? null : new Date(value));

/** Walks a cursor-paged list from its first page to its last. */
async function* walk<T>(
  fetch: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null; total?: number; totalCapped?: boolean }>,
  toRow: (item: T) => CellValue[],
): AsyncGenerator<ExportPage> {
  let cursor: string | undefined;
  let first = true;
  do {
    const page = await fetch(cursor);
    const total = first && page.total !== undefined ? (page.totalCapped ? null : page.total) : undefined;
    first = false;
    yield { rows: page.data.map(toRow), ...(total !== undefined ? { total } : {}) };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const limit = EXPORT_LIMITS.pageRows;

const feedback: ExportSource = {
  columns: [
    { key: 'createdAt', type: 'date', width: 18 },
    { key: 'channel', type: 'text', width: 10 },
    { key: 'text', type: 'text', width: 60 },
    { key: 'language', type: 'text', width: 8 },
    { key: 'customer', type: 'text', width: 22 },
    { key: 'nps', type: 'number', width: 8 },
    { key: 'csat', type: 'number', width: 8 },
    { key: 'ces', type: 'number', width: 8 },
    { key: 'rating', type: 'number', width: 8 },
    { key: 'sentiment', type: 'text', width: 10 },
    { key: 'type', type: 'text', width: 10 },
    { key: 'topics', type: 'text', width: 20 },
    { key: 'tags', type: 'text', width: 16 },
    { key: 'status', type: 'text', width: 10 },
    { key: 'id', type: 'text', width: 38 },
  ],
  pages: (scope, filters) => {
    const query = FILTER_SCHEMAS.feedback.parse(filters);
    return walk(
      (cursor) => listFeedback(scope, { ...query, limit, cursor }),
      (f) => [
        date(f.createdAt),
        f.channel,
        f.text,
        f.language,
        f.customer ? (f.customer.name ?? f.customer.email ?? f.customer.externalId) : null,
        f.nps,
        f.csat,
        f.ces,
        f.rating,
        f.sentiment,
        f.type,
        list(f.topics),
        list(f.tags),
        f.status,
        f.id,
      ],
    );
  },
};

const customers: ExportSource = {
  columns: [
    { key: 'name', type: 'text', width: 22 },
    { key: 'email', type: 'text', width: 26 },
    { key: 'phone', type: 'text', width: 16 },
    { key: 'externalId', type: 'text', width: 16 },
    { key: 'feedbackCount', type: 'number', width: 10 },
    { key: 'orderCount', type: 'number', width: 10 },
    { key: 'lifetimeValue', type: 'number', width: 12 },
    { key: 'customerSince', type: 'date', width: 18 },
    { key: 'lastSeenAt', type: 'date', width: 18 },
    { key: 'id', type: 'text', width: 38 },
  ],
  pages: (scope, filters) => {
    const query = FILTER_SCHEMAS.customers.parse(filters);
    return walk(
      (cursor) => listCustomers(scope, { ...query, limit, cursor }),
      (c) => [
        c.name,
        c.email,
        c.phone,
        c.externalId,
        c.feedbackCount,
        c.orderCount,
        c.lifetimeValue == null ? null : Number(c.lifetimeValue),
        date(c.createdAt),
        date(c.lastSeenAt),
        c.id,
      ],
    );
  },
};

const tickets: ExportSource = {
  columns: [
    { key: 'number', type: 'number', width: 8 },
    { key: 'subject', type: 'text', width: 40 },
    { key: 'status', type: 'text', width: 10 },
    { key: 'priority', type: 'text', width: 10 },
    { key: 'customer', type: 'text', width: 22 },
    { key: 'feedbackCount', type: 'number', width: 10 },
    { key: 'tags', type: 'text', width: 16 },
    { key: 'openedAt', type: 'date', width: 18 },
    { key: 'resolvedAt', type: 'date', width: 18 },
    { key: 'id', type: 'text', width: 38 },
  ],
  pages: (scope, filters, userId) => {
    const query = FILTER_SCHEMAS.tickets.parse(filters);
    return walk(
      (cursor) => listTickets(scope, { ...query, limit, cursor }, userId),
      (t) => [
        t.number,
        t.subject,
        t.status,
        t.priority,
        t.customerName,
        t.feedbackCount,
        list(t.tags),
        date(t.createdAt),
        date(t.resolvedAt),
        t.id,
      ],
    );
  },
};

const overview: ExportSource = {
  columns: [
    { key: 'day', type: 'day', width: 12 },
    { key: 'count', type: 'number', width: 12 },
    { key: 'npsValue', type: 'number', width: 8 },
    { key: 'npsCount', type: 'number', width: 12 },
    { key: 'csatValue', type: 'number', width: 8 },
    { key: 'csatCount', type: 'number', width: 12 },
  ],
  async *pages(scope, filters) {
    // A window of at most a year of days: one page.
    const o = await getOverview(scope, FILTER_SCHEMAS.overview.parse(filters));
    yield {
      total: o.volume.length,
      rows: o.volume.map((v, i) => {
        const s = o.scores[i];
        return [v.day, v.count, s?.nps ?? null, s?.npsCount ?? 0, s?.csat ?? null, s?.csatCount ?? 0];
      }),
    };
  },
};

const metrics: ExportSource = {
  columns: [
    { key: 'metric', type: 'text', width: 10 },
    { key: 'breakdownKey', type: 'text', width: 18 },
    { key: 'periodFirst', type: 'day', width: 12 },
    { key: 'periodLast', type: 'day', width: 12 },
    { key: 'value', type: 'number', width: 10 },
    { key: 'n', type: 'number', width: 10 },
    { key: 'low', type: 'number', width: 10 },
    { key: 'high', type: 'number', width: 10 },
  ],
  async *pages(scope, filters) {
    // At most METRICS_LIMITS.maxPeriods points per series and maxBreakdownKeys series.
    const m = await getMetrics(scope, null, FILTER_SCHEMAS.metrics.parse(filters));
    const period = new Map(m.periods.map((p) => [p.key, p]));
    const round = (x: number | null) => (x == null ? null : Math.round(x * 10) / 10);
    for (const series of m.series) {
      yield {
        ...(series === m.series[0] ? { total: m.series.length * m.periods.length } : {}),
        rows: series.points.map((point) => [
          m.metric,
          series.key,
          period.get(point.period)?.first ?? null,
          period.get(point.period)?.last ?? null,
          round(point.value.value),
          point.value.n,
          round(point.value.low),
          round(point.value.high),
        ]),
      };
    }
  },
};

export const EXPORT_SOURCES: Record<ExportSubject, ExportSource> = {
  feedback,
  customers,
  tickets,
  overview,
  metrics,
  league: leagueSource,
  drivers: driversSource,
  before_after: beforeAfterSource,
};
