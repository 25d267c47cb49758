// Streams a CSV or JSONL file into feedback items in batches. Each batch and the run's
// progress commit together, so an interrupted import resumes at the first uncommitted row
// and a re-run of a finished file imports nothing twice (rows carry stable external ids).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import { eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { importRuns } from '../schema.js';
import { newId } from '../../platform/ids.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { ZCreateFeedbackInput, type TCreateFeedbackInput } from '../feedback.schemas.js';
import { describeZodError } from '../../platform/http/zod-types.js';
import { storeFeedback, type CustomerCache } from '../store-feedback.js';
import { completeMapping, recordToFeedback, type ColumnMapping } from './column-mapping.js';

export interface ImportOptions {
  format?: 'csv' | 'jsonl';
  mapping: ColumnMapping;
  channel: string;
  delimiter?: string;
  batchSize: number;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  onReject?: (r: RejectedRow) => void;
}

export interface RejectedRow { row: number; field: string; reason: string }

export interface ImportSummary {
  runId: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  resumedFromRow: number;
  rejections: RejectedRow[];
}

const KEPT_REJECTIONS = 1000;

/** Identifies a file by size and its first and last MiB: cheap on 1 GB, stable across runs. */
export async function fileFingerprint(file: string): Promise<string> {
  const { size } = await fs.promises.stat(file);
  const handle = await fs.promises.open(file, 'r');
  try {
    const chunk = Math.min(size, 1 << 20);
    const head = Buffer.alloc(chunk);
    const tail = Buffer.alloc(chunk);
    await handle.read(head, 0, chunk, 0);
    await handle.read(tail, 0, chunk, Math.max(0, size - chunk));
    return createHash('sha256').update(String(size)).update(head).update(tail).digest('hex');
  } finally {
    await handle.close();
  }
}

async function detectDelimiter(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const firstLine = buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0];
    const counts = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length] as const);
    return counts.sort((a, b) => b[1] - a[1])[0][0];
  } finally {
    await handle.close();
  }
}

async function* readRecords(file: string, format: 'csv' | 'jsonl', delimiter: string | undefined, counter: { bytes: number }) {
  const csvDelimiter = format === 'csv' ? delimiter ?? await detectDelimiter(file) : '';
  // The byte counter and the parser attach in the same tick, so no chunk flows past either.
  const stream = fs.createReadStream(file);
  stream.on('data', (chunk) => { counter.bytes += chunk.length; });
  if (format === 'csv') {
    const parser = stream.pipe(parse({
      columns: true, bom: true, delimiter: csvDelimiter, relax_column_count: true,
      skip_empty_lines: true, trim: true, info: false,
    }));
    for await (const record of parser) yield { record: record as Record<string, unknown>, error: null as string | null };
    return;
  }
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line.replace(/^\uFEFF/, ''));
      if (value && typeof value === 'object' && !Array.isArray(value)) yield { record: value as Record<string, unknown>, error: null };
      else yield { record: {}, error: 'the line is not a JSON object' };
    } catch {
      yield { record: {}, error: 'the line is not valid JSON' };
    }
  }
}

export async function importFile(scope: WorkspaceScope, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const format = opts.format ?? (/\.jsonl?$|\.ndjson$/i.test(file) ? 'jsonl' : 'csv');
  const fingerprint = await fileFingerprint(file);
  const totalBytes = (await fs.promises.stat(file)).size;
  const [run] = await scope.db.insert(importRuns).values(scope.stamp({
    id: newId(), fileHash: fingerprint, fileName: path.basename(file), mapping: opts.mapping as Record<string, unknown>,
  })).onConflictDoUpdate({ target: [importRuns.workspaceId, importRuns.fileHash], set: { status: 'running', finishedAt: null } }).returning();
  const resumeAfter = run.rowsDone;
  const summary: ImportSummary = { runId: run.id, rowsRead: 0, imported: 0, duplicates: 0, rejected: 0, resumedFromRow: resumeAfter, rejections: [] };
  const counter = { bytes: 0 };
  const cache: CustomerCache = new Map();
  let mapping: ColumnMapping | null = null;
  let batch: Array<{ row: number; input: TCreateFeedbackInput }> = [];
  let batchRejected = 0;
  let lastRow = resumeAfter;

  const recordRejection = (r: RejectedRow) => {
    summary.rejected++;
    if (summary.rejections.length < KEPT_REJECTIONS) summary.rejections.push(r);
    opts.onReject?.(r);
  };
  const reject = (r: RejectedRow) => {
    recordRejection(r);
    batchRejected++;
  };

  // One batch is written while the next is read and validated (parsing and the database then
  // use both cores); batches still commit one after another, in file order, so the run's
  // progress (rowsDone) only ever covers committed rows.
  let writing: Promise<void> = Promise.resolve();
  const write = async (items: typeof batch, rejectedHere: number, doneUpTo: number) => {
    const results = await scope.transaction(async (tx) => {
      const stored = items.length ? await storeFeedback(scope, tx, items.map((b) => b.input), { cache }) : [];
      const imported = stored.filter((s) => s.ok && !s.duplicate).length;
      await tx.update(importRuns).set({
        rowsDone: doneUpTo,
        rowsImported: sql`${importRuns.rowsImported} + ${imported}`,
        rowsRejected: sql`${importRuns.rowsRejected} + ${rejectedHere + stored.filter((s) => !s.ok).length}`,
      }).where(scope.where(importRuns, eq(importRuns.id, run.id)));
      return stored;
    });
    results.forEach((r, k) => {
      if (!r.ok) recordRejection({ row: items[k].row, field: r.field, reason: r.message });
      else if (r.duplicate) summary.duplicates++;
      else summary.imported++;
    });
    if (results.some((r) => r.ok && !r.duplicate)) notifyJobsEnqueued();
  };
  const flush = async () => {
    const items = batch;
    const rejectedHere = batchRejected;
    batch = [];
    batchRejected = 0;
    await writing;
    writing = write(items, rejectedHere, lastRow);
    writing.catch(() => undefined); // handled where it is awaited: the next flush or the end
  };

  let row = 0;
  for await (const { record, error } of readRecords(file, format, opts.delimiter, counter)) {
    row++;
    // The mapping is checked against the first record even when resuming past it.
    if (!error) mapping ??= completeMapping(opts.mapping, Object.keys(record), { nestedPaths: format === 'jsonl' });
    if (row <= resumeAfter) continue;
    summary.rowsRead++;
    lastRow = row;
    if (error || !mapping) { reject({ row, field: 'line', reason: error ?? 'no valid record before this line' }); continue; }
    const body = recordToFeedback(record, mapping, { channel: opts.channel, externalId: `import:${fingerprint.slice(0, 16)}:${row}` });
    const parsed = ZCreateFeedbackInput.safeParse(body);
    if (!parsed.success) {
      const { field, message } = describeZodError(parsed.error, 'row');
      reject({ row, field, reason: message });
    } else {
      batch.push({ row, input: parsed.data });
    }
    if (batch.length + batchRejected >= opts.batchSize) await flush();
    if (row % 1000 === 0) opts.onProgress?.({ bytesRead: counter.bytes, totalBytes, rows: row });
  }
  if (batch.length || batchRejected || lastRow > resumeAfter) await flush();
  await writing;
  opts.onProgress?.({ bytesRead: totalBytes, totalBytes, rows: row });
  await scope.db.update(importRuns).set({ status: 'finished', finishedAt: new Date() }).where(scope.where(importRuns, eq(importRuns.id, run.id)));
  return summary;
}
