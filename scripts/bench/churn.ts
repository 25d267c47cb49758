// The churn phase: the churn_risk metric's cost on a workspace of BENCH_CHURN_CUSTOMERS customers
// (20,000 by default) with five NPS answers each over two years, on each engine: the count at 24
// month ends read from the customers' spells at risk against the same count by the definition,
// one probe per customer and month end (what the metric did before the spells), both checked
// equal; the first build of every customer's spells; and refreshing them after 500 new answers.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { newId } from '../../src/platform/ids.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { atChurnRiskSql } from '../../src/customers/profile/churn-risk.js';
import { refreshStaleChurnRisk } from '../../src/evaluate/rollups/rebuild-churn-risk.js';
import { figuresTable, fmt, type Figure } from './report.js';
import { freshPhaseDatabase, onEachEngine, type PhaseEngine } from './in-process-database.js';

const CUSTOMERS = Number(process.env.BENCH_CHURN_CUSTOMERS ?? 20_000);
const ANSWERS_EACH = 5;

async function seed(database: Database, workspaceId: string) {
  await database.rows(sql`
    insert into customers (id, workspace_id, created_at, last_seen_at)
    select gen_random_uuid(), ${workspaceId}::uuid, timestamptz '2025-01-01 00:00Z' + (g % 365) * interval '1 day',
           timestamptz '2025-01-01 00:00Z' + (g * 7 % 700) * interval '1 day'
    from generate_series(1, ${CUSTOMERS}::int) g`);
  await database.rows(sql`
    insert into feedback_items (id, workspace_id, channel, text, status, nps, customer_id, created_at)
    select gen_random_uuid(), ${workspaceId}::uuid, 'api', 'bench', 'processed', g % 11, c.id,
           timestamptz '2025-01-01 00:00Z' + (g * 13 % 720) * interval '1 day'
    from generate_series(1, ${CUSTOMERS * ANSWERS_EACH}::int) g
    join (select id, row_number() over (order by id) as k from customers where workspace_id = ${workspaceId}) c on c.k = 1 + g % ${CUSTOMERS}`);
  await database.rows(sql`analyze`);
}

/** Median milliseconds of three runs after a warm-up, and the rows (to compare the two ways). */
async function timed(database: Database, query: SQL): Promise<{ ms: number; rows: string }> {
  const rows = JSON.stringify(await database.rows(query));
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await database.rows(query);
    runs.push(performance.now() - started);
  }
  return { ms: runs.sort((a, b) => a - b)[1]!, rows };
}

async function onEngine(engine: PhaseEngine, serverUrl?: string): Promise<Figure[]> {
  const fresh = await freshPhaseDatabase('churn', serverUrl);
  const { database } = fresh;
  try {
    const organizationId = newId();
    const workspaceId = newId();
    await database.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
    await database.db
      .insert(workspaces)
      .values({ id: workspaceId, organizationId, name: 'Bench', slug: `bench-${workspaceId.slice(-12)}` });
    console.log(`churn: ${engine}: storing ${fmt.int(CUSTOMERS)} customers and ${fmt.int(CUSTOMERS * ANSWERS_EACH)} NPS answers…`);
    await seed(database, workspaceId);
    let started = performance.now();
    await refreshStaleChurnRisk(database, workspaceId);
    const buildSeconds = (performance.now() - started) / 1000;

    const ends = sql`array(select timestamptz '2025-02-01 00:00Z' + n * interval '1 month' from generate_series(0, 23) n)`;
    const spells = await timed(
      database,
      sql`select p.i, count(*)::int as n from unnest(${ends}) with ordinality as p(at, i)
        join churn_risk_spells s on s.workspace_id = ${workspaceId} and s.starts_at < p.at and (s.ends_at is null or s.ends_at >= p.at)
        group by p.i order by 1`,
    );
    const probes = await timed(
      database,
      sql`select p.i, count(c.id)::int as n from unnest(${ends}) with ordinality as p(at, i)
        join customers c on c.workspace_id = ${workspaceId} and c.merged_into_id is null and c.created_at < p.at
        where ${atChurnRiskSql(workspaceId, sql`p.at`)} group by p.i order by 1`,
    );
    if (spells.rows !== probes.rows) throw new Error(`churn: the spells count ${spells.rows}, the definition ${probes.rows}`);

    await database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, status, nps, customer_id, created_at)
      select gen_random_uuid(), ${workspaceId}::uuid, 'api', 'bench', 'processed', g % 11, c.id, now()
      from generate_series(1, 500) g
      join (select id, row_number() over (order by id) as k from customers where workspace_id = ${workspaceId}) c on c.k = 1 + g * 37 % ${CUSTOMERS}`);
    started = performance.now();
    const refreshed = await refreshStaleChurnRisk(database, workspaceId);
    const refreshMs = performance.now() - started;

    const size = `${fmt.int(CUSTOMERS)} customers, ${fmt.int(CUSTOMERS * ANSWERS_EACH)} answers`;
    const figures: Figure[] = [
      {
        measure: `churn_risk at 24 month ends, ${size}`,
        engine,
        value: `${fmt.ms(spells.ms)} vs ${fmt.ms(probes.ms)}`,
        target: '',
        met: null,
        note: 'from the spells vs one probe per customer and month end; same counts; median of 3',
      },
      {
        measure: 'churn-risk spells: first build / refresh after 500 new answers',
        engine,
        value: `${fmt.s(buildSeconds)} / ${fmt.ms(refreshMs)}`,
        target: '',
        met: null,
        note: `${fmt.int(CUSTOMERS)} customers built; ${fmt.int(refreshed)} refreshed`,
      },
    ];
    console.log(figuresTable(figures));
    return figures;
  } finally {
    await fresh.drop();
  }
}

export const benchChurnPhase = (serverUrl: string | undefined): Promise<Figure[]> => onEachEngine('churn', serverUrl, onEngine);
