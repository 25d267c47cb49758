// Drivers: for each topic of a period, its volume, NPS and CSAT among the answers that mention it,
// and its impact on the overall scores, ranked by impact; read from the daily rollups (the
// overall row and one row per topic), plus a few recent negative comments per ranked topic from
// an index-served, limited query.
import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { DriversResponse, Driver, DriverExample } from '../../contracts/drivers.js';
import type { Period } from '../../contracts/metrics.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { badRequest } from '../../platform/http/errors.js';
import { addDays, daysBetween } from '../../platform/calendars.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { topics } from '../../analyze/topics/topics.tables.js';
import { ensureDefaultTopics } from '../../analyze/topics/topics.service.js';
import { localDay } from '../periods/periods.js';
import { sumRollups } from '../rollups/read-rollups.js';
import { emptySums, type RollupSums } from '../rollups/rollup-sums.js';
import { withinDays } from './local-days.js';
import { csatOf, npsOf, topicImpact } from './topic-impact.js';
import { DRIVERS_DEFAULT_DAYS, DRIVERS_MAX_DAYS, type TDriversQuery } from './drivers.input.js';

export const DRIVER_LIMITS = { examplesPerTopic: 3, exampleTextChars: 500 } as const;

const byImpact = (a: Driver, b: Driver) =>
  (b.impact.nps ?? -Infinity) - (a.impact.nps ?? -Infinity) || (b.impact.csat ?? -Infinity) - (a.impact.csat ?? -Infinity) || b.volume - a.volume;

export async function listDrivers(scope: WorkspaceScope, query: TDriversQuery, now = new Date()): Promise<DriversResponse> {
  const [workspace] = await scope.db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  const timezone = workspace?.timezone ?? 'UTC';
  const to = query.to ?? localDay(now, timezone);
  const from = query.from ?? addDays(to, -(DRIVERS_DEFAULT_DAYS - 1));
  if (daysBetween(from, to) < 0) throw badRequest('from', 'must not be after to (today when to is omitted)');
  if (daysBetween(from, to) + 1 > DRIVERS_MAX_DAYS) throw badRequest('from', `must be at most ${DRIVERS_MAX_DAYS} days before to`);

  const whole: Period = { key: `range:${from}:${to}`, grain: 'day', first: from, last: to, label: { calendar: 'gregorian', year: Number(from.slice(0, 4)), quarter: null, month: null, day: null } };
  const { cells } = await sumRollups(scope, {
    from,
    to,
    periods: [whole],
    breakdown: 'topic',
    filters: query.channel ? { channel: [query.channel] } : undefined,
    timezone,
  });
  const overall = cells.find((c) => c.key === null)?.sums ?? emptySums();
  const perTopic = cells.filter((c): c is typeof c & { key: string } => c.key !== null);
  const ranked = perTopic
    .map((c) => driverOf(c.key, c.sums, overall))
    .sort(byImpact)
    .slice(0, query.limit);

  const keys = ranked.map((d) => d.topic.key);
  // Topic names come from the taxonomy: a new workspace gets its defaults first.
  await ensureDefaultTopics(scope);
  const [names, examples] = await Promise.all([
    keys.length ? scope.db.select({ key: topics.key, names: topics.names }).from(topics).where(scope.where(topics, inArray(topics.key, keys))) : [],
    Promise.all(keys.map((key) => recentNegative(scope, key, { from, to, timezone, channel: query.channel }))),
  ]);
  const nameOf = new Map(names.map((t) => [t.key, t.names as Record<string, string>]));
  ranked.forEach((d, i) => {
    d.topic.names = nameOf.get(d.topic.key) ?? {};
    d.examples = examples[i];
  });
  return {
    from,
    to,
    timezone,
    channel: query.channel ?? null,
    overall: { volume: overall.items, nps: npsOf(overall), csat: csatOf(overall) },
    data: ranked,
  };
}

function driverOf(key: string, sums: RollupSums, overall: RollupSums): Driver {
  return { topic: { key, names: {} }, volume: sums.items, nps: npsOf(sums), csat: csatOf(sums), impact: topicImpact(overall, sums), examples: [] };
}

/** The newest negative comments on a topic: the topics GIN index and the period bound the read. */
async function recentNegative(
  scope: WorkspaceScope,
  topic: string,
  w: { from: string; to: string; timezone: string; channel?: string },
): Promise<DriverExample[]> {
  const f = feedbackItems;
  const rows = await scope.db
    .select({
      id: f.id,
      text: sql<string>`left(${f.text}, ${DRIVER_LIMITS.exampleTextChars})`,
      createdAt: f.createdAt,
      nps: f.nps,
      csat: f.csat,
      customerId: customers.id,
      customerName: customers.name,
      customerEmail: customers.email,
    })
    .from(f)
    .leftJoin(customers, and(eq(customers.id, f.customerId), eq(customers.workspaceId, f.workspaceId)))
    .where(
      scope.where(
        f,
        sql`${f.topics} @> array[${topic}]::text[]`,
        sql`${f.text} <> ''`,
        or(eq(f.sentiment, 'negative'), lte(f.nps, 6), lte(f.csat, 2)),
        withinDays(f.createdAt, w.from, w.to, w.timezone),
        w.channel ? eq(f.channel, w.channel as never) : undefined,
      ),
    )
    .orderBy(desc(f.createdAt), desc(f.id))
    .limit(DRIVER_LIMITS.examplesPerTopic);
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    createdAt: r.createdAt.toISOString(),
    nps: r.nps,
    csat: r.csat,
    customer: r.customerId ? { id: r.customerId, name: r.customerName, email: r.customerEmail } : null,
  }));
}
