// Numbers and dates as the digest's reader reads them: their language's digits (unless they chose
// Latin ones) and their calendar (Jalali for Persian readers unless they or the workspace chose
// another; Umm al-Qura Hijri when chosen).
import type { Locale } from '../../contracts/locales.js';
import type { WorkspaceCalendar } from '../../contracts/workspace.js';
import type { DigestPeriod } from './digest-schedule.js';

export interface DigestReader {
  language: Locale;
  calendar: WorkspaceCalendar;
  latinDigits: boolean;
}

const REGION: Record<Locale, string> = { en: 'en-GB', fa: 'fa-IR', ar: 'ar-EG', zh: 'zh-CN' };
const NATIVE_DIGITS: Record<Locale, string> = { en: 'latn', fa: 'arabext', ar: 'arab', zh: 'latn' };
const CALENDAR: Record<WorkspaceCalendar, string> = { gregorian: 'gregory', persian: 'persian', hijri: 'islamic-umalqura' };

/** The calendar a user reads: their own choice, else the workspace's, else their language's. */
export function readerCalendar(user: string, workspace: WorkspaceCalendar | null, language: Locale): WorkspaceCalendar {
  if (user === 'gregorian' || user === 'persian' || user === 'hijri') return user;
  return workspace ?? (language === 'fa' ? 'persian' : 'gregorian');
}

export function digestFormatter(reader: DigestReader) {
  const digits = reader.latinDigits ? 'latn' : NATIVE_DIGITS[reader.language];
  const tag = `${REGION[reader.language]}-u-nu-${digits}`;
  const dateTag = `${REGION[reader.language]}-u-ca-${CALENDAR[reader.calendar]}-nu-${digits}`;
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const signedDecimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const days = new Intl.DateTimeFormat(dateTag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  return {
    integer: (n: number) => integer.format(n),
    signed: (n: number) => signed.format(n),
    decimal: (n: number) => decimal.format(n),
    signedDecimal: (n: number) => signedDecimal.format(n),
    /** A share given in percent (42.5 → "43%"). */
    percent: (n: number) => percent.format(n / 100),
    period: (p: DigestPeriod) => days.formatRange(noon(p.start), noon(p.end)),
  };
}
export type DigestFormatter = ReturnType<typeof digestFormatter>;
