// CSV: UTF-8 with a byte-order mark (so Excel reads Persian, Arabic and Chinese right), a header
// row in the reader's language, streamed row by row to the file.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CellValue } from './export-sources.js';
import { textCells, type ExportSheet } from './export-sheet.js';
import { defangCell } from './export-cells.js';

export async function writeCsv(path: string, sheet: ExportSheet, rows: AsyncIterable<CellValue[]>): Promise<void> {
  const cells = textCells(sheet);
  async function* records() {
    yield sheet.columns.map((c) => defangCell(c.header));
    for await (const row of rows) yield cells(row);
  }
  await pipeline(Readable.from(records()), stringify({ bom: true }), fs.createWriteStream(path));
}
