// The export job: the subject's rows, page by page, through the format's writer into a file, with
// progress recorded as it goes. The file is written under a temporary name and renamed when
// complete, so a link never serves half a file; a retry starts the file again.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { defineJob } from '../../platform/jobs/define-job.js';
import { extendJobLock } from '../../platform/jobs/queue.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import type { WorkspaceCalendar } from '../../contracts/workspace.js';
import type { ExportFormat } from '../../contracts/exports.js';
import { exports } from './exports.tables.js';
import { EXPORT_SOURCES, type CellValue, type ExportPage } from './export-sources.js';
import { headerOf, titleOf } from './export-labels.js';
import type { ExportSheet } from './export-sheet.js';
import { exportFilePath } from './export-files.js';
import { EXPORT_LIMITS } from './limits.js';

type Writer = (file: string, sheet: ExportSheet, batches: AsyncIterable<CellValue[][]>) => Promise<unknown>;

// Loaded when a format is first asked for: Excel's and the browser driver's code cost a worker
// that only writes CSV some 70 MB.
const WRITERS: Record<ExportFormat, () => Promise<Writer>> = {
  csv: async () => (await import('./write-csv.js')).writeCsv,
  xlsx: async () => (await import('./write-xlsx.js')).writeXlsx,
  pdf: async () => (await import('./write-pdf.js')).writePdf,
};

/**
 * The pages' rows in batches (one page each, so a batch is written and dropped before the next
 * page is read), counted, with progress reported every EXPORT_LIMITS.progressEveryRows rows.
 */
async function* countedBatches(
  pages: AsyncGenerator<ExportPage>,
  progress: { rows: number; total: number | null },
  report: () => Promise<void>,
  maxRows: number,
): AsyncGenerator<CellValue[][]> {
  let reported = 0;
  for await (const page of pages) {
    if (page.total !== undefined) {
      progress.total = page.total === null ? null : Math.min(page.total, maxRows);
      await report();
    }
    const batch = page.rows.length <= maxRows - progress.rows ? page.rows : page.rows.slice(0, maxRows - progress.rows);
    progress.rows += batch.length;
    if (batch.length > 0) yield batch;
    if (progress.rows >= maxRows) return;
    if (progress.rows - reported >= EXPORT_LIMITS.progressEveryRows) {
      reported = progress.rows;
      await report();
    }
  }
}

export const exportDataJob = defineJob({
  queue: 'export-data',
  payload: z.object({ workspaceId: z.string().uuid(), exportId: z.string().uuid() }),
  // A failure is most often the data or the browser, not a blip: one retry, then it is reported.
  maxAttempts: 2,
  async run({ workspaceId, exportId }, ctx, job) {
    const scope = new WorkspaceScope(ctx.database, workspaceId);
    const [row] = await scope.db
      .select()
      .from(exports)
      .where(scope.where(exports, eq(exports.id, exportId)));
    if (!row || row.status === 'done' || row.status === 'expired') return;
    const [workspace] = await scope.db
      .select({ name: workspaces.name, timezone: workspaces.timezone })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    const progress = { rows: 0, total: null as number | null };
    const setRow = (patch: Partial<typeof exports.$inferInsert>) =>
      scope.db
        .update(exports)
        .set(patch)
        .where(scope.where(exports, eq(exports.id, exportId)));
    await setRow({ status: 'running', rows: 0, total: null, error: null });

    const source = EXPORT_SOURCES[row.subject];
    const filters = row.filters as Record<string, string>;
    const sheet: ExportSheet = {
      title: titleOf(row.locale, row.subject),
      locale: row.locale,
      columns: source.columns.map((c) => ({ ...c, header: headerOf(row.locale, c.key) })),
      dates: { calendar: row.calendar as WorkspaceCalendar, timeZone: workspace?.timezone ?? 'UTC' },
      workspaceName: workspace?.name ?? '',
      filters,
    };
    const target = exportFilePath(ctx.dataDir, workspaceId, exportId, row.format);
    const partial = `${target}.part`;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const report = async () => {
      await setRow({ rows: progress.rows, total: progress.total });
      await extendJobLock(ctx.database, job.id);
    };
    const maxRows = row.format === 'pdf' ? EXPORT_LIMITS.pdfMaxRows + 1 : Number.MAX_SAFE_INTEGER;
    try {
      const write = await WRITERS[row.format]();
      const batches = countedBatches(source.pages(scope, filters, row.requestedBy, row.locale), progress, report, maxRows);
      const written = await write(partial, sheet, batches);
      // The PDF reads one row past its limit to say the list was cut; it tells how many it printed.
      if (typeof written === 'number') progress.rows = written;
      await fs.promises.rename(partial, target);
    } catch (err) {
      await fs.promises.rm(partial, { force: true });
      const final = job.attempts >= job.maxAttempts;
      await setRow(
        final
          ? { status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err), finishedAt: new Date() }
          : { status: 'queued' },
      );
      throw err;
    }
    const { size } = await fs.promises.stat(target);
    const day = new Date().toISOString().slice(0, 10);
    await setRow({
      status: 'done',
      rows: progress.rows,
      total: Math.max(progress.rows, progress.total ?? 0),
      fileName: `${row.subject}-${day}.${row.format}`,
      fileBytes: size,
      finishedAt: new Date(),
    });
  },
});
