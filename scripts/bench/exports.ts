// The exports phase: a 1,000,000-row export of the feedback list as CSV, then as Excel, written by
// the export job's own code in a process of its own that loads only the database and the job, as a
// worker does (export-worker.ts), on each engine (a fresh PGlite folder; a fresh PostgreSQL
// database, dropped at the end). Peak RSS is sampled every 100 ms while an export runs; on PGlite
// the database lives in that process too, so its growth during the export is reported beside it. BENCH_EXPORT_FORMATS=csv (or xlsx) measures one format.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { newId } from '../../src/platform/ids.js';
import { pgArray } from '../../src/platform/db/pg-array.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { figuresTable, fmt, type Figure } from './report.js';
import { freshPhaseDatabase, onEachEngine, type PhaseEngine } from './in-process-database.js';
import { repoRoot } from './processes.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const FORMATS = (process.env.BENCH_EXPORT_FORMATS ?? 'csv,xlsx').split(',') as Array<'csv' | 'xlsx'>;
const FORMAT_NAMES = { csv: 'CSV', xlsx: 'Excel' };
const TARGET_RSS_MB = 300;
const TEXTS = [
  'ارسال خیلی دیر بود و کسی جواب نداد.',
  'الخدمة ممتازة والتوصيل سريع جدا.',
  '退款太慢了，客服也不回复。',
  'Great product, but checkout kept failing on mobile.',
];

async function seed(database: Database): Promise<string> {
  const organizationId = newId();
  const id = newId();
  await database.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
  await database.db.insert(workspaces).values({ id, organizationId, name: 'Bench', slug: `bench-${id.slice(-12)}` });
  // In batches of 100,000, so neither engine builds one huge transaction.
  for (let from = 0; from < ROWS; from += 100_000) {
    const to = Math.min(ROWS, from + 100_000);
    await database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, status, nps, sentiment, topics, created_at)
      select gen_random_uuid(), ${id}, 'api', (${pgArray(TEXTS)}::text[])[1 + g % 4] || ' #' || g, 'processed',
        case when g % 3 = 0 then g % 11 end, (array['positive','neutral','negative'])[1 + g % 3], array['delivery'],
        timestamptz '2025-01-01 00:00Z' + g * interval '20 seconds'
      from generate_series(${from + 1}::int, ${to}::int) g`);
  }
  await database.rows(sql`analyze feedback_items`);
  return id;
}

interface ExportRun {
  seconds: number;
  rows: number;
  bytes: number;
  beforeMb: number;
  peakMb: number;
}

/**
 * export-worker.ts bundled the way the server is (scripts/build-server.mjs), so the process that
 * exports loads what a worker started by `npm start` loads, not tsx and the sources.
 */
async function bundledExportWorker(): Promise<string> {
  const { bundleLikeTheServer } = (await import(path.join(repoRoot, 'scripts/build-server.mjs'))) as {
    bundleLikeTheServer(entryPoints: Record<string, string>, outdir: string): Promise<void>;
  };
  const outdir = path.join(repoRoot, 'dist/bench');
  await bundleLikeTheServer({ 'export-worker': 'scripts/bench/export-worker.ts' }, outdir);
  return path.join(outdir, 'export-worker.js');
}

/** One export in a fresh process (export-worker.ts) against the seeded database. */
function exportOnce(
  worker: string,
  target: { url?: string; pgliteDir?: string },
  workspaceId: string,
  dataDir: string,
  format: 'csv' | 'xlsx',
) {
  return new Promise<ExportRun>((resolve, reject) => {
    const child = spawn(process.execPath, [worker], {
      env: {
        ...process.env,
        BENCH_EXPORT_DATABASE_URL: target.url ?? '',
        BENCH_EXPORT_PGLITE_DIR: target.pgliteDir ?? '',
        BENCH_EXPORT_DATA_DIR: dataDir,
        BENCH_EXPORT_WORKSPACE: workspaceId,
        BENCH_EXPORT_FORMAT: format,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ExportRun);
      else reject(new Error(`export-worker exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

async function onEngine(name: PhaseEngine, serverUrl?: string): Promise<Figure[]> {
  const fresh = await freshPhaseDatabase('exports', serverUrl);
  const { database, dir } = fresh;
  try {
    console.log(`exports: ${name}: storing ${fmt.int(ROWS)} feedback items…`);
    const workspaceId = await seed(database);
    // The export runs in a process of its own; PGlite's folder is opened by one process at a time.
    const target = fresh.url ? { url: fresh.url } : { pgliteDir: path.join(dir, 'db') };
    if (!fresh.url) await database.close();
    const worker = await bundledExportWorker();
    const figures: Figure[] = [];
    for (const format of FORMATS) {
      console.log(`exports: ${name}: exporting them as ${FORMAT_NAMES[format]}…`);
      const r = await exportOnce(worker, target, workspaceId, dir, format);
      const grew = r.peakMb - r.beforeMb;
      figures.push(
        {
          measure: `${FORMAT_NAMES[format]} export of ${fmt.int(r.rows)} rows`,
          engine: name,
          value: `${fmt.s(r.seconds)} (${fmt.int(r.rows / r.seconds)} rows/s), ${fmt.mb(r.bytes / 1048576)}`,
          target: '',
          met: null,
          note: 'the export job in a process of its own, Persian headers and Jalali dates',
        },
        {
          measure: `peak RSS during the ${FORMAT_NAMES[format]} export`,
          engine: name,
          value: `${fmt.mb(r.peakMb)} (+${fmt.mb(grew)})`,
          target: name === 'PostgreSQL' ? `< ${TARGET_RSS_MB} MB` : `growth < ${TARGET_RSS_MB} MB`,
          met: name === 'PostgreSQL' ? r.peakMb < TARGET_RSS_MB : grew < TARGET_RSS_MB,
          note: name === 'PGlite' ? 'the embedded database shares the process' : 'the process: application and driver',
        },
      );
    }
    // Each engine's figures as soon as they are measured: a million rows take minutes per engine.
    console.log(figuresTable(figures));
    return figures;
  } finally {
    await fresh.drop();
  }
}

export const benchExportsPhase = (serverUrl: string | undefined): Promise<Figure[]> => onEachEngine('exports', serverUrl, onEngine);
