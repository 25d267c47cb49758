// The exports phase: a 1,000,000-row export of the feedback list as CSV, then as Excel, written by
// the export job's own code in this process, on each engine (a fresh PGlite folder; a fresh
// PostgreSQL database, dropped at the end). Peak RSS is sampled every 100 ms while an export runs;
// on PGlite the database lives in this process too, so its growth during the export is reported
// beside it. BENCH_EXPORT_FORMATS=csv (or xlsx) measures one format.
import fs from 'node:fs';
import pino from 'pino';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { newId } from '../../src/platform/ids.js';
import { pgArray } from '../../src/platform/db/pg-array.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { exports } from '../../src/evaluate/exports/exports.tables.js';
import { exportDataJob } from '../../src/evaluate/exports/export-data.job.js';
import { exportFilePath } from '../../src/evaluate/exports/export-files.js';
import type { Mailer } from '../../src/platform/mail/mailer.js';
import { figuresTable, fmt, type Figure } from './report.js';
import { freshPhaseDatabase } from './in-process-database.js';

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

async function exportOnce(database: Database, workspaceId: string, dataDir: string, format: 'csv' | 'xlsx') {
  const exportId = newId();
  await database.db.insert(exports).values({
    id: exportId,
    workspaceId,
    subject: 'feedback',
    format,
    locale: 'fa',
    calendar: 'persian',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const ctx = { database, mailer: {} as Mailer, publicUrl: 'http://localhost', dataDir, log: pino({ level: 'silent' }) };
  const handler = exportDataJob.handler(ctx);
  const job = { id: newId(), queue: exportDataJob.queue, payload: { workspaceId, exportId }, attempts: 1, maxAttempts: 2 };
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  await handler(job.payload, job);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const [row] = await database.db.select().from(exports).where(eq(exports.id, exportId));
  const file = exportFilePath(dataDir, workspaceId, exportId, format);
  const bytes = fs.statSync(file).size;
  fs.rmSync(file);
  return { seconds, rows: row.rows, bytes, beforeMb: before / 1048576, peakMb: peak / 1048576 };
}

async function onEngine(name: 'PGlite' | 'PostgreSQL', serverUrl?: string): Promise<Figure[]> {
  const fresh = await freshPhaseDatabase('exports', serverUrl);
  const { database, dir } = fresh;
  try {
    console.log(`exports: ${name}: storing ${fmt.int(ROWS)} feedback items…`);
    const workspaceId = await seed(database);
    const figures: Figure[] = [];
    for (const format of FORMATS) {
      console.log(`exports: ${name}: exporting them as ${FORMAT_NAMES[format]}…`);
      const r = await exportOnce(database, workspaceId, dir, format);
      const grew = r.peakMb - r.beforeMb;
      figures.push(
        {
          measure: `${FORMAT_NAMES[format]} export of ${fmt.int(r.rows)} rows`,
          engine: name,
          value: `${fmt.s(r.seconds)} (${fmt.int(r.rows / r.seconds)} rows/s), ${fmt.mb(r.bytes / 1048576)}`,
          target: '',
          met: null,
          note: 'the export job in this process, Persian headers and Jalali dates',
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

export async function benchExportsPhase(serverUrl: string | undefined): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (serverUrl) figures.push(...(await onEngine('PostgreSQL', serverUrl)));
  else console.log('exports: PostgreSQL skipped (needs BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  if (process.env.BENCH_SKIP?.includes('pglite') !== true) figures.push(...(await onEngine('PGlite')));
  return figures;
}
