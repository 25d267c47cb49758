// Excel: right to left for Persian and Arabic readers, the header row in their language and
// frozen, numbers as number cells, dates as date cells in the Gregorian calendar or as text in the
// reader's own (Excel has no Jalali or Hijri dates). exceljs's streaming writer commits each row
// into the zip as it is written, so a file of a million rows is never held; beyond the rows one
// sheet can hold, the rows go on in a second sheet, then a third.
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { CellValue } from './export-sources.js';
import { isRightToLeft, textCells, type ExportSheet } from './export-sheet.js';
import { EXPORT_LIMITS } from './limits.js';

/** Excel dates carry no zone: the workspace's wall-clock time is written as is. */
const wallClock = (at: Date, timeZone: string): Date => {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
};

/**
 * exceljs writes a sheet's XML into the zip without waiting for it: before the next batch, wait
 * until the zip has taken what it was given, so a slow disk never piles rows up in memory.
 */
async function zipCaughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (worksheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) if (pipe.writableNeedDrain) await once(pipe, 'drain');
}

export async function writeXlsx(
  path: string,
  sheet: ExportSheet,
  batches: AsyncIterable<CellValue[][]>,
  { sheetRows = EXPORT_LIMITS.xlsxSheetRows } = {},
): Promise<void> {
  const file = fs.createWriteStream(path);
  const written = finished(file);
  written.catch(() => undefined);
  // Imported here, not at the top: the bundled server would otherwise load exceljs at every start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Feedloop';
  const gregorian = sheet.dates.calendar === 'gregorian';
  const title = sheet.title.slice(0, 24);
  let sheets = 0;
  const addSheet = () => {
    sheets++;
    const worksheet = workbook.addWorksheet(sheets === 1 ? sheet.title.slice(0, 31) : `${title} (${sheets})`, {
      views: [{ rightToLeft: isRightToLeft(sheet.locale), state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? 14,
      ...(gregorian && c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
      ...(gregorian && c.type === 'day' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    return worksheet;
  };
  const text = textCells(sheet);
  const cellsOf = (row: CellValue[]) => {
    const asText = text(row);
    return row.map((value, i) => {
      if (gregorian && value instanceof Date) return wallClock(value, sheet.dates.timeZone);
      if (gregorian && sheet.columns[i].type === 'day' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
      return asText[i];
    });
  };
  let worksheet = addSheet();
  let rowsInSheet = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      if (rowsInSheet === sheetRows) {
        worksheet.commit();
        worksheet = addSheet();
        rowsInSheet = 0;
      }
      worksheet.addRow(cellsOf(row)).commit();
      rowsInSheet++;
    }
    await zipCaughtUp(worksheet);
  }
  worksheet.commit();
  await workbook.commit();
  await written;
}
