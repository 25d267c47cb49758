// Excel: one sheet, right to left for Persian and Arabic readers, the header row in their
// language and frozen, numbers as number cells, dates as date cells in the Gregorian calendar or as
// text in the reader's own (Excel has no Jalali or Hijri dates). Rows are streamed to the file.
import { DateTime } from 'luxon';
import type { CellValue } from './export-sources.js';
import { isRightToLeft, textCells, type ExportSheet } from './export-sheet.js';

/** Excel dates carry no zone: the workspace's wall-clock time is written as is. */
const wallClock = (at: Date, timeZone: string): Date => {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
};

export async function writeXlsx(path: string, sheet: ExportSheet, rows: AsyncIterable<CellValue[]>): Promise<void> {
  // Loaded on first use: exceljs and its zip libraries cost half a second at every start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Feedloop';
  const worksheet = workbook.addWorksheet(sheet.title.slice(0, 31), {
    views: [{ rightToLeft: isRightToLeft(sheet.locale), state: 'frozen', ySplit: 1 }],
  });
  const gregorian = sheet.dates.calendar === 'gregorian';
  worksheet.columns = sheet.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? 14,
    ...(gregorian && c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
    ...(gregorian && c.type === 'day' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).commit();
  const text = textCells(sheet);
  for await (const row of rows) {
    const asText = text(row);
    const values = row.map((value, i) => {
      const type = sheet.columns[i].type;
      if (gregorian && value instanceof Date) return wallClock(value, sheet.dates.timeZone);
      if (gregorian && type === 'day' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
      return asText[i];
    });
    worksheet.addRow(values).commit();
  }
  worksheet.commit();
  await workbook.commit();
}
