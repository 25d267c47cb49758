// Reading an import file: its fingerprint (for resuming), its CSV delimiter, and its records
// one by one from a stream, so a 1 GB file is never held in memory.
import fs from 'node:fs';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';

export type ImportFormat = 'csv' | 'jsonl';

export const formatOf = (file: string, given?: ImportFormat): ImportFormat =>
  given ?? (/\.jsonl?$|\.ndjson$/i.test(file) ? 'jsonl' : 'csv');

export interface SourceRecord {
  record: Record<string, unknown>;
  error: string | null;
}

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

export async function detectDelimiter(file: string): Promise<string> {
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

export async function* readRecords(
  file: string,
  format: ImportFormat,
  delimiter: string | undefined,
  counter: { bytes: number },
): AsyncGenerator<SourceRecord> {
  const csvDelimiter = format === 'csv' ? (delimiter ?? (await detectDelimiter(file))) : '';
  // The byte counter and the parser attach in the same tick, so no chunk flows past either.
  const stream = fs.createReadStream(file);
  stream.on('data', (chunk) => {
    counter.bytes += chunk.length;
  });
  if (format === 'csv') {
    const parser = stream.pipe(
      parse({
        columns: true,
        bom: true,
        delimiter: csvDelimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        info: false,
      }),
    );
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
