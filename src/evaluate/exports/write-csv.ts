// CSV: UTF-8 with a byte-order mark (so Excel reads Persian, Arabic and Chinese right), a header
// row in the reader's language, then each batch of rows turned into text at once and written,
// waiting whenever the file falls behind, so no more than a batch is ever held.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { CellValue } from './export-sources.js';
import { textCells, type ExportSheet } from './export-sheet.js';
import { defangCell } from './export-cells.js';

export async function writeCsv(path: string, sheet: ExportSheet, batches: AsyncIterable<CellValue[][]>): Promise<void> {
  const cells = textCells(sheet);
  const file = fs.createWriteStream(path);
  // A write error surfaces at the next wait for `drain` or at the end.
  const done = finished(file);
  done.catch(() => undefined);
  const write = async (text: string) => {
    if (!file.write(text)) await Promise.race([once(file, 'drain'), done]);
  };
  try {
    await write(stringify([sheet.columns.map((c) => defangCell(c.header))], { bom: true }));
    for await (const batch of batches) await write(stringify(batch.map(cells)));
  } finally {
    file.end();
    await done;
  }
}
