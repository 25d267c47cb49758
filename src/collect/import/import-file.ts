// Streams a CSV or JSONL file into feedback items in batches. How the file is read (columns,
// score scales, dates) is settled from its first rows; each batch and the run's progress then
// commit together, so an interrupted import resumes at the first uncommitted row and a re-run of
// a finished file imports nothing twice (rows carry stable external ids).
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { TCreateFeedbackInput } from '../feedback/feedback.input.js';
import type { ColumnMapping } from './column-mapping.js';
import type { DateFormat } from './import-dates.js';
import { planImport, prepareRow, type ImportPlan } from './import-plan.js';
import { databaseImportTarget, type ImportTarget } from './import-target.js';
import { fileFingerprint, formatOf, readRecords, type ImportFormat, type SourceRecord } from './read-records.js';
import { IMPORT_LIMITS } from './limits.js';

export { fileFingerprint } from './read-records.js';

export interface ImportOptions {
  format?: ImportFormat;
  mapping: ColumnMapping;
  channel: string;
  delimiter?: string;
  batchSize: number;
  /** --date-format: how every date of the file is written (otherwise any known form is read) */
  dateFormat?: DateFormat;
  /** Called once the first rows have settled how the file is read, before anything is stored. */
  onPlan?: (plan: ImportPlan) => void;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  onReject?: (r: RejectedRow) => void;
}

export interface RejectedRow {
  row: number;
  field: string;
  reason: string;
}

export interface ImportSummary {
  runId: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  resumedFromRow: number;
  rejections: RejectedRow[];
  plan: ImportPlan | null;
}

/** Imports into the workspace of `scope`, writing to the database directly. */
export async function importFile(scope: WorkspaceScope, file: string, opts: ImportOptions): Promise<ImportSummary> {
  return runImport(await databaseImportTarget(scope), file, opts);
}

/** The first rows of the file (at most the sample size), and the rest still to be read. */
async function takeSample(records: AsyncGenerator<SourceRecord>): Promise<SourceRecord[]> {
  const sample: SourceRecord[] = [];
  while (sample.length < IMPORT_LIMITS.sampleRows) {
    const next = await records.next();
    if (next.done) break;
    sample.push(next.value);
  }
  return sample;
}

async function* sampleThenRest(sample: SourceRecord[], rest: AsyncGenerator<SourceRecord>) {
  yield* sample;
  yield* rest;
}

export async function runImport(target: ImportTarget, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const format = formatOf(file, opts.format);
  const fingerprint = await fileFingerprint(file);
  const totalBytes = (await fs.promises.stat(file)).size;
  const counter = { bytes: 0 };
  const records = readRecords(file, format, opts.delimiter, counter);
  const sample = await takeSample(records);
  const plan = (entries: SourceRecord[]) =>
    planImport({
      explicit: opts.mapping,
      sample: entries.filter((e) => !e.error).map((e) => e.record),
      nestedPaths: format === 'jsonl',
      timezone: target.workspace.timezone,
      dateFormat: opts.dateFormat,
    });
  // A file whose first rows are all broken is planned from its first good row, if any.
  let readPlan: ImportPlan | null = sample.some((e) => !e.error) ? plan(sample) : null;
  if (readPlan) opts.onPlan?.(readPlan);

  const run = await target.begin({ fingerprint, fileName: path.basename(file), mapping: opts.mapping });
  const resumeAfter = run.rowsDone;
  const summary: ImportSummary = {
    runId: run.runId,
    rowsRead: 0,
    imported: 0,
    duplicates: 0,
    rejected: 0,
    resumedFromRow: resumeAfter,
    rejections: [],
    plan: readPlan,
  };
  let batch: Array<{ row: number; input: TCreateFeedbackInput }> = [];
  let batchRejected = 0;
  let batchStartBytes = 0;
  let lastRow = resumeAfter;

  const recordRejection = (r: RejectedRow) => {
    summary.rejected++;
    if (summary.rejections.length < IMPORT_LIMITS.keptRejections) summary.rejections.push(r);
    opts.onReject?.(r);
  };

  // One batch is written while the next is read and validated (parsing and the database then
  // use both cores); batches still commit one after another, in file order, so the run's
  // progress (rowsDone) only ever covers committed rows.
  let writing: Promise<void> = Promise.resolve();
  const write = async (items: typeof batch, rejected: number, doneUpTo: number) => {
    const results = await target.writeBatch(run.runId, { items: items.map((b) => b.input), rejected, doneUpTo });
    results.forEach((r, k) => {
      if (!r.ok) recordRejection({ row: items[k].row, field: r.field, reason: r.message });
      else if (r.duplicate) summary.duplicates++;
      else summary.imported++;
    });
  };
  const flush = async () => {
    const items = batch;
    const rejected = batchRejected;
    batch = [];
    batchRejected = 0;
    batchStartBytes = counter.bytes;
    await writing;
    writing = write(items, rejected, lastRow);
    writing.catch(() => undefined); // handled where it is awaited: the next flush or the end
  };

  let row = 0;
  for await (const { record, error } of sampleThenRest(sample, records)) {
    row++;
    if (!error && !readPlan) {
      readPlan = summary.plan = plan([{ record, error }]);
      opts.onPlan?.(readPlan);
    }
    if (row <= resumeAfter) {
      batchStartBytes = counter.bytes;
      continue;
    }
    summary.rowsRead++;
    lastRow = row;
    const prepared =
      error || !readPlan
        ? { ok: false as const, field: 'line', reason: error ?? 'no valid record before this line' }
        : prepareRow(readPlan, record, { channel: opts.channel, externalId: `import:${fingerprint.slice(0, 16)}:${row}` });
    if (prepared.ok) batch.push({ row, input: prepared.input });
    else {
      recordRejection({ row, field: prepared.field, reason: prepared.reason });
      batchRejected++;
    }
    // A batch also ends at a size in bytes, so one of long texts stays a short transaction.
    if (batch.length + batchRejected >= opts.batchSize || counter.bytes - batchStartBytes > IMPORT_LIMITS.maxBatchFileBytes) await flush();
    if (row % 1000 === 0) opts.onProgress?.({ bytesRead: counter.bytes, totalBytes, rows: row });
  }
  if (batch.length || batchRejected || lastRow > resumeAfter) await flush();
  await writing;
  opts.onProgress?.({ bytesRead: totalBytes, totalBytes, rows: row });
  await target.finish(run.runId);
  return summary;
}
