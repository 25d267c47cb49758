// One export of the exports phase, in a process of its own that loads what a `feedloop worker`
// running the export job loads (the database and the job), so its RSS is the export's and not
// the benchmark's. Prints one JSON line: time, rows, file size, RSS before and at its peak.
import fs from 'node:fs';
import pino from 'pino';
import { eq } from 'drizzle-orm';
import { openFeedloopDatabase } from '../../src/app/database.js';
import { newId } from '../../src/platform/ids.js';
import { exports } from '../../src/evaluate/exports/exports.tables.js';
import { exportDataJob } from '../../src/evaluate/exports/export-data.job.js';
import { exportFilePath } from '../../src/evaluate/exports/export-files.js';
import type { Mailer } from '../../src/platform/mail/mailer.js';

const { BENCH_EXPORT_DATABASE_URL: databaseUrl, BENCH_EXPORT_PGLITE_DIR: pgliteDir } = process.env;
const dataDir = process.env.BENCH_EXPORT_DATA_DIR ?? '';
const workspaceId = process.env.BENCH_EXPORT_WORKSPACE ?? '';
const format = process.env.BENCH_EXPORT_FORMAT as 'csv' | 'xlsx';

const database = databaseUrl
  ? await openFeedloopDatabase({ databaseUrl, dataDir: '', poolSize: 4 })
  : await openFeedloopDatabase({ dataDir: pgliteDir ?? '' });
try {
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
  console.log(JSON.stringify({ seconds, rows: row.rows, bytes, beforeMb: before / 1048576, peakMb: peak / 1048576 }));
} finally {
  await database.close();
}
