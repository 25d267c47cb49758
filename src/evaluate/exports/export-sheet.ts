// What every writer is given: the columns with their headers in the reader's language, the
// reader's dates, and the rows as they are read.
import type { Locale } from '../../contracts/locales.js';
import type { CellValue, ExportColumn } from './export-sources.js';
import { dateWriter, defangCell, type DateStyle } from './export-cells.js';

export interface ExportSheet {
  title: string;
  locale: Locale;
  columns: Array<ExportColumn & { header: string }>;
  dates: DateStyle;
  /** The workspace's name, for the report's heading. */
  workspaceName: string;
  /** The filters asked for, as given, for the report's heading. */
  filters: Record<string, string>;
}

export const isRightToLeft = (locale: Locale) => locale === 'fa' || locale === 'ar';

/**
 * A cell as text in the reader's calendar (CSV, and Excel cells that are not typed): dates in their
 * calendar and the workspace's zone, calendar days in their calendar, text defanged.
 */
export function textCells(sheet: ExportSheet): (row: CellValue[]) => Array<string | number | null> {
  const moment = dateWriter(sheet.dates);
  // A `YYYY-MM-DD` day is already the workspace's: written at UTC midnight, read in UTC.
  const day = dateWriter({ calendar: sheet.dates.calendar, timeZone: 'UTC' }, false);
  const { columns } = sheet;
  return (row) =>
    row.map((value, i) => {
      if (value == null) return null;
      if (value instanceof Date) return moment(value);
      if (typeof value === 'number') return value;
      if (columns[i].type === 'day') return day(new Date(`${value}T00:00:00Z`));
      return defangCell(value);
    });
}
