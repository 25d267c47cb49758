// Rebuilds one source of a workspace's metric rollups from its own tables, whole: one set-based
// INSERT … SELECT after deleting the source's rows, under the source's lock. Definitions of what
// each counts: docs/metrics.md.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { regionalSettingsOf } from '../../platform/workspace/workspace-settings.service.js';
import { periodsCovering } from '../periods/periods.js';
import { METRIC_ROLLUP_SOURCES, type MetricRollupSource } from './metric-rollups.tables.js';
import { TICKET_DIMENSION_COLUMNS, ticketEventsSql } from '../metrics/ticket-metrics.js';

/** Statuses of an idea that close a loop when its customers are told. */
export const LOOP_CLOSING_STATUSES = ['done', 'declined'] as const;

const localDay = (at: SQL, tz: string) => sql`(${at} at time zone ${tz})::date`;
const INSERT = sql`insert into metric_rollups (workspace_id, source, dimension, day, key, part, whole, amount, hours)`;

/** Serialises rebuilds of one source of one workspace until the transaction ends. */
async function lockSource(tx: DbOrTx, workspaceId: string, source: MetricRollupSource) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`metric_rollups:${workspaceId}:${source}`}, 0))`);
}

/** Events with their keys per dimension, rolled up per dimension × day × key. */
function rollUp(workspaceId: string, source: MetricRollupSource, events: SQL, dimensions: string[], partCap = false): SQL {
  const keys = sql.join([sql`('all', '')`, ...dimensions.map((d) => sql`(${d}, e.${sql.identifier(d)})`)], sql`, `);
  const part = partCap ? sql`least(sum(e.part), sum(e.whole))` : sql`sum(e.part)`;
  return sql`${INSERT}
    select ${workspaceId}, ${source}, d.dimension, e.day, d.key, ${part}::int, sum(e.whole)::int, coalesce(sum(e.amount), 0),
           array_agg(e.hours order by e.hours) filter (where e.hours is not null)
    from (${events}) e cross join lateral (values ${keys}) as d(dimension, key)
    where d.key is not null
    group by d.dimension, e.day, d.key`;
}

/**
 * Response rate: each delivered send counts once on the day it was sent, answered when its
 * personal response was completed; widget displays count on their day, widget answers completed
 * that day answer them (never more answers than displays on a day).
 */
function responses(workspaceId: string, tz: string): SQL {
  return rollUp(
    workspaceId,
    'responses',
    sql`
      select ${localDay(sql`s.sent_at`, tz)} as day, s.channel, s.survey_id::text as survey, null::numeric as amount, null::float8 as hours,
             (exists (select 1 from survey_responses r where r.survey_id = s.survey_id and r.personal_key = 'send:' || s.id::text
                      and r.status = 'completed'))::int as part, 1 as whole
      from survey_sends s where s.workspace_id = ${workspaceId} and s.status = 'sent' and s.sent_at is not null
      union all
      select ${localDay(sql`v.displayed_at`, tz)}, 'widget', v.survey_id::text, null, null, 0, 1
      from survey_displays v where v.workspace_id = ${workspaceId}
      union all
      select ${localDay(sql`r.completed_at`, tz)}, 'widget', r.survey_id::text, null, null, 1, 0
      from survey_responses r where r.workspace_id = ${workspaceId} and r.channel = 'widget' and r.status = 'completed' and r.completed_at is not null`,
    ['channel', 'survey'],
    true,
  );
}

/**
 * SLA compliance: each target of a ticket's clock, once decided — met on the day it was met
 * (answered, resolved) within its time, breached on the day its time ran out.
 */
function sla(workspaceId: string, tz: string, target: 'first_response' | 'resolution'): SQL {
  const minutes = sql.identifier(`${target}_minutes`);
  const breached = sql.identifier(`${target}_breached_at`);
  const met = sql.identifier(target === 'first_response' ? 'first_response_at' : 'resolved_at');
  return rollUp(
    workspaceId,
    target === 'first_response' ? 'sla_first_response' : 'sla_resolution',
    sql`
      select ${localDay(sql`coalesce(c.${breached}, c.${met})`, tz)} as day, t.team_id::text as team, t.assignee_id::text as agent,
             null::numeric as amount, null::float8 as hours, (c.${breached} is null)::int as part, 1 as whole
      from ticket_sla c join tickets t on t.id = c.ticket_id
      where c.workspace_id = ${workspaceId} and c.${minutes} is not null and (c.${breached} is not null or c.${met} is not null)`,
    ['team', 'agent'],
  );
}

/** Compensations given (approved), on the day they were approved; amounts per currency only. */
function compensations(workspaceId: string, tz: string): SQL {
  return rollUp(
    workspaceId,
    'compensations',
    sql`
      select ${localDay(sql`coalesce(c.approved_at, c.created_at)`, tz)} as day, c.currency,
             case when c.currency is null then null else c.amount end as amount, null::float8 as hours, 0 as part, 1 as whole
      from compensations c where c.workspace_id = ${workspaceId} and c.status = 'approved'`,
    ['currency'],
  );
}

/**
 * Loop closure: each feedback item of a known customer linked to an idea, on the day it was
 * received; closed when that customer was sent word of the idea being done or declined after it.
 * The loops closed are also counted on the day the customer was told (dimension `told`).
 */
function loop(workspaceId: string, tz: string): SQL[] {
  const closing = sql.join(
    LOOP_CLOSING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const linked = sql`
    select f.id, f.channel, f.created_at, min(n.sent_at) as told_at
    from feedback_items f
    join idea_feedback l on l.feedback_id = f.id
    left join notifications n on n.workspace_id = f.workspace_id and n.customer_id = f.customer_id and n.idea_id = l.idea_id
      and n.purpose = 'idea_status' and n.idea_status in (${closing}) and n.status = 'sent' and n.sent_at >= f.created_at
    where f.workspace_id = ${workspaceId} and f.customer_id is not null
    group by f.id, f.channel, f.created_at`;
  return [
    rollUp(
      workspaceId,
      'loop',
      sql`
        select ${localDay(sql`i.created_at`, tz)} as day, i.channel, null::numeric as amount,
               (extract(epoch from (i.told_at - i.created_at)) / 3600)::float8 as hours, (i.told_at is not null)::int as part, 1 as whole
        from (${linked}) i`,
      ['channel'],
    ),
    // The loops closed on each day the customers were told (the digest's count), as dimension `told`.
    sql`${INSERT}
      select ${workspaceId}, 'loop', 'told', ${localDay(sql`i.told_at`, tz)}, '', count(*)::int, count(*)::int, 0, null
      from (${linked}) i where i.told_at is not null
      group by 4`,
  ];
}

/**
 * Order cohorts, by months of the workspace calendar: per cohort (its first month, `day`) and
 * month it ordered in (`key`, that month's first day), the cohort's customers who ordered then
 * (`whole`) and whose second order fell then (`part`).
 */
async function orders(tx: DbOrTx, database: Database, workspace: typeof workspaces.$inferSelect): Promise<SQL | null> {
  const { id: workspaceId, timezone: tz } = workspace;
  const [range] = await database.rows<{ first: string | null; last: string | null }>(
    sql`select min(${localDay(sql`placed_at`, tz)})::text as first, max(${localDay(sql`placed_at`, tz)})::text as last
        from orders where workspace_id = ${workspaceId}`,
    tx,
  );
  if (!range?.first || !range.last) return null;
  const settings = regionalSettingsOf(workspace);
  const months = periodsCovering(range.first, range.last, { grain: 'month', calendar: settings.calendar, weekStart: settings.weekStart });
  const firsts = sql`array[${sql.join(
    months.map((m) => sql`${m.first}`),
    sql`, `,
  )}]::date[]`;
  return sql`${INSERT}
    with o as (
      select customer_id, width_bucket(${localDay(sql`placed_at`, tz)}, ${firsts}) as month,
             row_number() over (partition by customer_id order by placed_at, id) as nth
      from orders where workspace_id = ${workspaceId}
    ), c as (select customer_id, min(month) as cohort from o group by customer_id)
    select ${workspaceId}, 'orders', 'month', (${firsts})[c.cohort], ((${firsts})[o.month])::text,
           count(distinct o.customer_id) filter (where o.nth = 2)::int, count(distinct o.customer_id)::int, 0, null
    from o join c using (customer_id)
    group by c.cohort, o.month`;
}

/** Ticket volume and first-contact resolution, by agent, topic and service unit (ticket-metrics.ts defines them). */
const tickets = (workspaceId: string, tz: string, metric: 'ticket_volume' | 'first_contact_resolution') =>
  rollUp(workspaceId, metric, ticketEventsSql(workspaceId, metric, tz), [...TICKET_DIMENSION_COLUMNS]);

/** Rebuilds one source of a workspace's metric rollups inside the caller's transaction. */
export async function rebuildMetricSourceIn(database: Database, tx: DbOrTx, workspaceId: string, source: MetricRollupSource) {
  await lockSource(tx, workspaceId, source);
  const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) return;
  const tz = workspace.timezone;
  await tx.execute(sql`delete from metric_rollups where workspace_id = ${workspaceId} and source = ${source}`);
  const inserts =
    source === 'responses'
      ? responses(workspaceId, tz)
      : source === 'sla_first_response'
        ? sla(workspaceId, tz, 'first_response')
        : source === 'sla_resolution'
          ? sla(workspaceId, tz, 'resolution')
          : source === 'compensations'
            ? compensations(workspaceId, tz)
            : source === 'loop'
              ? loop(workspaceId, tz)
              : source === 'ticket_volume' || source === 'first_contact_resolution'
                ? tickets(workspaceId, tz, source)
                : await orders(tx, database, workspace);
  for (const insert of [inserts].flat()) if (insert) await tx.execute(insert);
}

/** Rebuilds every source of a workspace (the `feedloop rollups rebuild` command, tests). */
export async function rebuildMetricRollups(database: Database, workspaceId: string): Promise<void> {
  for (const source of METRIC_ROLLUP_SOURCES)
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`delete from stale_metric_sources where workspace_id = ${workspaceId} and source = ${source}`);
      await rebuildMetricSourceIn(database, tx, workspaceId, source);
    });
}

/** Rebuilds the sources marked stale (of one workspace, or of all); answers how many. */
export async function refreshStaleMetricSources(database: Database, workspaceId?: string): Promise<number> {
  const marks = await database.rows<{ workspace_id: string; source: MetricRollupSource }>(
    sql`select workspace_id, source from stale_metric_sources ${workspaceId ? sql`where workspace_id = ${workspaceId}` : sql``}`,
  );
  let refreshed = 0;
  for (const mark of marks)
    refreshed += await database.db.transaction(async (tx) => {
      await lockSource(tx, mark.workspace_id, mark.source);
      // Taken under the lock: a change committed after this leaves its own mark for the next refresh.
      const taken = await database.rows(
        sql`delete from stale_metric_sources where workspace_id = ${mark.workspace_id} and source = ${mark.source} returning source`,
        tx,
      );
      if (taken.length === 0) return 0;
      await rebuildMetricSourceIn(database, tx, mark.workspace_id, mark.source);
      return 1;
    });
  return refreshed;
}
