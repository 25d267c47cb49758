// How a value becomes a cell: text that a spreadsheet would run as a formula is defanged, dates are
// written in the reader's calendar and the workspace's time zone.
import type { Locale } from '../../contracts/locales.js';
import type { WorkspaceCalendar } from '../../contracts/workspace.js';

/**
 * A cell starting with = + - @, a tab or a carriage return is read as a formula by Excel,
 * LibreOffice and Google Sheets (CSV injection): a leading apostrophe keeps it text.
 */
export function defangCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const CALENDAR_TAG: Record<WorkspaceCalendar, string> = {
  gregorian: 'gregory',
  persian: 'persian',
  hijri: 'islamic-umalqura',
};

/** Dates in files stay sortable and machine-readable: year first, 0–9 digits, 24-hour time. */
function partsFormatter(calendar: WorkspaceCalendar, timeZone: string, withTime: boolean) {
  return new Intl.DateTimeFormat(`en-u-ca-${CALENDAR_TAG[calendar]}-nu-latn`, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  });
}

export interface DateStyle {
  calendar: WorkspaceCalendar;
  timeZone: string;
}

/** `1405/09/16 14:35` (Jalali), `1448/06/06 14:35` (Umm al-Qura) or `2026-12-07 14:35` (Gregorian). */
export function dateWriter(style: DateStyle, withTime = true): (at: Date) => string {
  const formatter = partsFormatter(style.calendar, style.timeZone, withTime);
  const separator = style.calendar === 'gregorian' ? '-' : '/';
  // Rows come in date order, many within the same minute: formatting is the costliest step of a
  // large export, so the last minute's text is kept (zone offsets are whole minutes since 1972).
  let lastMinute = Number.NaN;
  let lastText = '';
  return (at) => {
    const minute = Math.floor(at.getTime() / 60_000);
    if (minute === lastMinute) return lastText;
    const p = Object.fromEntries(formatter.formatToParts(at).map((x) => [x.type, x.value]));
    const day = [p.year, p.month, p.day].join(separator);
    lastMinute = minute;
    lastText = withTime ? `${day} ${p.hour}:${p.minute}` : day;
    return lastText;
  };
}

/** The calendar a reader sees: their own choice, else the workspace's, else their language's (Jalali for Persian). */
export function readerCalendar(userCalendar: string, workspaceCalendar: WorkspaceCalendar | null, locale: Locale): WorkspaceCalendar {
  if (userCalendar === 'gregorian' || userCalendar === 'persian' || userCalendar === 'hijri') return userCalendar;
  return workspaceCalendar ?? (locale === 'fa' ? 'persian' : 'gregorian');
}
