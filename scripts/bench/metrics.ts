// The metrics phase: the dashboard's metric queries on a 1,000,000-item workspace, answered from
// the rollups, on each engine (a fresh PGlite folder; a fresh PostgreSQL database, dropped at the
// end), in the Gregorian and the Jalali calendar; and what keeping the rollups current costs per
// stored item (storing with the rollup triggers off, then on plus the refresh that folds them).
// It runs the service functions in this process: the figures are the queries', not HTTP's.
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { WorkspaceScope } from '../../src/platform/db/workspace-scope.js';
import { newId } from '../../src/platform/ids.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { storeFeedbackBatch } from '../../src/collect/feedback/store-feedback.js';
import { getMetrics } from '../../src/evaluate/metrics/metrics.service.js';
import { ZMetricsQuery } from '../../src/evaluate/metrics/metrics.input.js';
import { rebuildRollups } from '../../src/evaluate/rollups/rebuild-rollups.js';
import { refreshStaleRollups } from '../../src/evaluate/rollups/refresh-rollups.js';
import { figuresTable, fmt, type Figure } from './report.js';
import { freshPhaseDatabase, onEachEngine, type PhaseEngine } from './in-process-database.js';

const ITEMS = Number(process.env.BENCH_METRIC_ITEMS ?? 1_000_000);
const TARGET_MS: Record<PhaseEngine, number> = { PostgreSQL: 100, PGlite: 200 };
const INGEST = { rounds: 20, batch: 500 };

/** Two years of feedback (2025–2026) over 6 channels, 4 languages and 10 topics, a third with an NPS score. */
async function seed(database: Database, workspaceId: string) {
  const spacing = (730 * 86_400) / ITEMS;
  for (let from = 0; from < ITEMS; from += 100_000) {
    const to = Math.min(ITEMS, from + 100_000);
    await database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, language, status, nps, csat, sentiment, sentiment_score, topics, created_at)
      select gen_random_uuid(), ${workspaceId}::uuid,
        (array['api','email','widget','survey','review','chat'])[1 + g % 6], 'bench ' || g,
        (array['fa','ar','zh','en'])[1 + g % 4], 'processed',
        case when g % 3 = 0 then g % 11 end, case when g % 5 = 0 then 1 + g % 5 end,
        (array['positive','neutral','negative'])[1 + g % 3], ((g % 3) - 1)::real,
        array[(array['delivery','price','support','quality','payment','app_website','order','account','design_ux','other'])[1 + g % 10]],
        timestamptz '2025-01-01 00:00Z' + g * make_interval(secs => ${spacing})
      from generate_series(${from + 1}::int, ${to}::int) g`);
  }
  await database.rows(sql`analyze feedback_items`);
}

/** Median milliseconds of five runs of a metric query, after one warm-up run. */
async function timed(scope: WorkspaceScope, query: Record<string, string>): Promise<{ ms: number; points: number }> {
  const parsed = ZMetricsQuery.parse(query);
  const first = await getMetrics(scope, null, parsed);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await getMetrics(scope, null, parsed);
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[2], points: first.series.reduce((n, s) => n + s.points.length, 0) };
}

/** Items/s storing INGEST.rounds batches, with the rollup triggers on (and the refresh counted) or off. */
async function ingest(scope: WorkspaceScope, rollups: boolean): Promise<number> {
  await scope.database.rows(sql.raw(`alter table feedback_items ${rollups ? 'enable' : 'disable'} trigger user`));
  const started = performance.now();
  for (let r = 0; r < INGEST.rounds; r++)
    await storeFeedbackBatch(
      scope,
      Array.from({ length: INGEST.batch }, (_, i) => ({ channel: 'api' as const, text: `ingest ${r}-${i}`, links: {}, metadata: {} })),
    );
  if (rollups) await refreshStaleRollups(scope.database, scope.workspaceId);
  const seconds = (performance.now() - started) / 1000;
  await scope.database.rows(sql`alter table feedback_items enable trigger user`);
  return (INGEST.rounds * INGEST.batch) / seconds;
}

async function onEngine(engine: PhaseEngine, serverUrl?: string): Promise<Figure[]> {
  const fresh = await freshPhaseDatabase('metrics', serverUrl);
  const { database } = fresh;
  try {
    const organizationId = newId();
    const workspaceId = newId();
    await database.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
    await database.db
      .insert(workspaces)
      .values({ id: workspaceId, organizationId, name: 'Bench', slug: `bench-${workspaceId.slice(-12)}`, timezone: 'Asia/Tehran' });
    const scope = new WorkspaceScope(database, workspaceId);

    console.log(`metrics: ${engine}: storing ${fmt.int(ITEMS)} feedback items…`);
    await seed(database, workspaceId);
    const started = performance.now();
    await rebuildRollups(database, workspaceId);
    const rebuildSeconds = (performance.now() - started) / 1000;
    await refreshStaleRollups(database, workspaceId);

    const range = { from: '2025-01-01', to: '2026-12-31' };
    const figures: Figure[] = [];
    for (const calendar of ['gregorian', 'persian'] as const) {
      const nps = await timed(scope, { metric: 'nps', ...range, grain: 'month', calendar, breakdown: 'channel' });
      const topics = await timed(scope, { metric: 'sentiment_negative_share', ...range, grain: 'month', calendar, breakdown: 'topic' });
      for (const [what, r] of [
        ['NPS by month × channel', nps],
        ['topics × sentiment by month', topics],
      ] as const)
        figures.push({
          measure: `${what} (${calendar === 'persian' ? 'Jalali' : 'Gregorian'}), ${fmt.int(ITEMS)} items`,
          engine,
          value: `${r.ms.toFixed(1)} ms`,
          target: `< ${TARGET_MS[engine]} ms`,
          met: r.ms < TARGET_MS[engine],
          note: `median of 5, ${r.points} points over 2 years, read from the rollups`,
        });
    }
    console.log(`metrics: ${engine}: storing feedback with the rollups off and on…`);
    // Interleaved twice, best of each: the first batches of a run also warm caches.
    let without = 0;
    let withRollups = 0;
    for (let round = 0; round < 2; round++) {
      without = Math.max(without, await ingest(scope, false));
      withRollups = Math.max(withRollups, await ingest(scope, true));
    }
    figures.push(
      {
        measure: 'rollups rebuilt from the items',
        engine,
        value: fmt.s(rebuildSeconds),
        target: '',
        met: null,
        note: `${fmt.int(ITEMS)} items, every dimension (feedloop rollups rebuild)`,
      },
      {
        measure: 'ingest with rollups kept current',
        engine,
        value: `${fmt.int(withRollups)} items/s vs ${fmt.int(without)} without (× ${(withRollups / without).toFixed(2)})`,
        target: '',
        met: null,
        note: `${INGEST.rounds} batches of ${INGEST.batch}, the refresh that folds them in included; best of 2 interleaved`,
      },
    );
    console.log(figuresTable(figures));
    return figures;
  } finally {
    await fresh.drop();
  }
}

export const benchMetricsPhase = (serverUrl: string | undefined): Promise<Figure[]> => onEachEngine('metrics', serverUrl, onEngine);
