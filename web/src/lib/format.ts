/**
 * Locale-aware formatting helpers built on the platform's Intl APIs.
 *
 * Rules:
 * - Calendar: `auto` means Solar Hijri (Jalali) for Persian and Gregorian for every other
 *   language; `gregorian` / `persian` / `hijri` (Umm al-Qura, as in Saudi Arabia) force one
 *   calendar whatever the language.
 * - Digits: `auto` means native digits for Persian (۰–۹) and Arabic (٠–٩) and Latin digits
 *   elsewhere; `latin` forces 0–9.
 */
import type { DigitStyle, UserCalendar } from '@feedloop/contracts/auth';
import type { Locale } from '@feedloop/contracts/locales';

export type UiLocale = Locale;
export type CalendarPref = UserCalendar;
export type DigitsPref = DigitStyle;

export interface FormatPrefs {
  locale: UiLocale;
  calendar: CalendarPref;
  digits: DigitsPref;
  /** IANA time zone; defaults to the browser's. Mainly useful for tests. */
  timeZone?: string;
}

export type DateStyle = 'full' | 'long' | 'medium' | 'short';
type IntlCalendar = 'gregory' | 'persian' | 'islamic-umalqura';

const BASE_TAG: Record<UiLocale, string> = {
  en: 'en',
  fa: 'fa-IR',
  ar: 'ar',
  zh: 'zh-CN',
};

/** The language tag dates are written in: Arabic Umm al-Qura dates as Saudi Arabia writes them. */
const dateBaseTag = (locale: UiLocale, calendar: IntlCalendar) =>
  locale === 'ar' && calendar === 'islamic-umalqura' ? 'ar-SA' : BASE_TAG[locale];

export function resolveCalendar(locale: UiLocale, calendar: CalendarPref): IntlCalendar {
  if (calendar === 'gregorian') return 'gregory';
  if (calendar === 'persian') return 'persian';
  if (calendar === 'hijri') return 'islamic-umalqura';
  return locale === 'fa' ? 'persian' : 'gregory';
}

export function resolveNumberingSystem(locale: UiLocale, digits: DigitsPref): 'latn' | 'arabext' | 'arab' {
  if (digits === 'latin') return 'latn';
  if (locale === 'fa') return 'arabext';
  if (locale === 'ar') return 'arab';
  return 'latn';
}

/** BCP 47 tag for number formatting, e.g. `ar-u-nu-arab`. */
export function numberLocaleTag(prefs: Pick<FormatPrefs, 'locale' | 'digits'>): string {
  return `${BASE_TAG[prefs.locale]}-u-nu-${resolveNumberingSystem(prefs.locale, prefs.digits)}`;
}

/** BCP 47 tag for date formatting, e.g. `fa-IR-u-ca-persian-nu-arabext`. */
export function dateLocaleTag(prefs: Pick<FormatPrefs, 'locale' | 'calendar' | 'digits'>): string {
  const ca = resolveCalendar(prefs.locale, prefs.calendar);
  const nu = resolveNumberingSystem(prefs.locale, prefs.digits);
  return `${dateBaseTag(prefs.locale, ca)}-u-ca-${ca}-nu-${nu}`;
}

/** The same language and digits on the Gregorian calendar. */
function gregorianLocaleTag(prefs: Pick<FormatPrefs, 'locale' | 'digits'>): string {
  return `${BASE_TAG[prefs.locale]}-u-ca-gregory-nu-${resolveNumberingSystem(prefs.locale, prefs.digits)}`;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatNumber(value: number, prefs: FormatPrefs, options: Intl.NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const tag = numberLocaleTag(prefs);
  const formatter = cached(`n|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
  return formatter.format(value);
}

/** Formats a ratio (0–1) as a percentage, e.g. 0.93 → "93%" / "۹۳٪". */
export function formatPercent(ratio: number, prefs: FormatPrefs): string {
  return formatNumber(ratio, prefs, { style: 'percent', maximumFractionDigits: 0 });
}

function dateFormatter(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

const fieldsOf = (parts: Intl.DateTimeFormatPart[]) => parts.filter((p) => p.type !== 'literal').map((p) => p.type);

/**
 * The locale data lays some calendars out unlike the language itself: Persian's full Jalali date
 * comes out as "۱۴۰۵ آذر ۱۶, دوشنبه" (year first, a Latin comma) where Persian writes
 * "دوشنبه ۱۶ آذر ۱۴۰۵" — the order the same data gives Persian's Gregorian dates. So when a
 * calendar shows the same fields as the language's Gregorian pattern but in another order, its
 * values are set in the Gregorian pattern, with that pattern's punctuation.
 */
function inLanguageOrder(parts: Intl.DateTimeFormatPart[], template: Intl.DateTimeFormatPart[]): string {
  const own = fieldsOf(parts);
  const wanted = fieldsOf(template);
  const sameFields = own.length === wanted.length && [...own].sort().join() === [...wanted].sort().join();
  if (!sameFields || own.join() === wanted.join()) return parts.map((p) => p.value).join('');
  const valueOf = new Map(parts.map((p) => [p.type, p.value]));
  return template.map((p) => (p.type === 'literal' ? p.value : (valueOf.get(p.type) ?? p.value))).join('');
}

function formatWith(value: string | number | Date, prefs: FormatPrefs, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  if (!date) return String(value);
  const opts: Intl.DateTimeFormatOptions = { ...options, timeZone: prefs.timeZone };
  const parts = dateFormatter(dateLocaleTag(prefs), opts).formatToParts(date);
  if (resolveCalendar(prefs.locale, prefs.calendar) === 'gregory') return parts.map((p) => p.value).join('');
  return inLanguageOrder(parts, dateFormatter(gregorianLocaleTag(prefs), opts).formatToParts(date));
}

export function formatDate(value: string | number | Date, prefs: FormatPrefs, style: DateStyle = 'medium'): string {
  return formatWith(value, prefs, { dateStyle: style });
}

export function formatDateTime(value: string | number | Date, prefs: FormatPrefs, style: DateStyle = 'medium'): string {
  return formatWith(value, prefs, { dateStyle: style, timeStyle: 'short' });
}

/** Name of a language (BCP 47 code) in the UI language, e.g. "fa" → "Persian" / "فارسی". */
export function formatLanguageName(code: string, prefs: Pick<FormatPrefs, 'locale'>): string {
  try {
    const names = cached(
      `l|${prefs.locale}`,
      () => new Intl.DisplayNames([BASE_TAG[prefs.locale]], { type: 'language', fallback: 'code' }),
    );
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Facts shown on one line: Persian and Arabic use a comma, since a middle dot reads as their zero (۰). */
const FACT_SEPARATOR: Record<UiLocale, string> = { en: ' · ', zh: ' · ', fa: '، ', ar: '، ' };

/** The separator between facts on one line in this UI language. */
export const factSeparator = (locale: string): string => FACT_SEPARATOR[locale as UiLocale] ?? FACT_SEPARATOR.en;

/** Joins the non-empty facts with the language's separator, e.g. "ایمیل، ۱۶ آذر ۱۴۰۵". */
export function formatFacts(facts: ReadonlyArray<string | null | undefined | false>, prefs: Pick<FormatPrefs, 'locale'>): string {
  return facts.filter((fact): fact is string => typeof fact === 'string' && fact !== '').join(FACT_SEPARATOR[prefs.locale]);
}

/** Returns the date parts (year, month, day) as plain integers in the resolved calendar. */
export function calendarDateParts(value: string | number | Date, prefs: FormatPrefs): { year: number; month: number; day: number } | null {
  const date = toDate(value);
  if (!date) return null;
  const tag = dateLocaleTag({ ...prefs, digits: 'latin' });
  const parts = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: prefs.timeZone,
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

// ---------------------------------------------------------------------------------------------
// Calendar days typed by the user. The URL and the API keep Gregorian ISO days (YYYY-MM-DD);
// Persian-calendar users type and read them in Jalali.

const NATIVE_ZERO = { arabext: 0x06f0, arab: 0x0660 } as const;

/** Turns Persian (۰–۹) and Arabic-Indic (٠–٩) digits into Latin ones, leaving everything else. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return String(code - (code >= NATIVE_ZERO.arabext ? NATIVE_ZERO.arabext : NATIVE_ZERO.arab));
  });
}

/** Writes the Latin digits of `text` in the user's digits (Persian, Arabic-Indic or Latin). */
export function toLocalDigits(text: string, prefs: Pick<FormatPrefs, 'locale' | 'digits'>): string {
  const nu = resolveNumberingSystem(prefs.locale, prefs.digits);
  if (nu === 'latn') return text;
  const zero = NATIVE_ZERO[nu];
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
let persianParts: Intl.DateTimeFormat | null = null;

function isoDayToUtc(iso: string): Date | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return date.toISOString().slice(0, 10) === iso ? date : null;
}

function jalaliOf(date: Date): CalendarDay {
  persianParts ??= new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const parts = persianParts.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Day of the Jalali year, 1–366 (months 1–6 have 31 days, 7–11 have 30, Esfand 29 or 30). */
function jalaliDayOfYear(month: number, day: number): number {
  return month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
}

/** The Jalali day of a Gregorian ISO day, e.g. 2026-03-21 → 1405/1/1; null if not a real day. */
export function isoDayToJalali(iso: string): CalendarDay | null {
  const date = isoDayToUtc(iso);
  return date ? jalaliOf(date) : null;
}

/** The Gregorian ISO day of a Jalali day, e.g. 1405/1/1 → 2026-03-21; null if that day does not exist. */
export function jalaliToIsoDay(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9000) return null;
  if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  const target = jalaliDayOfYear(month, day);
  // Estimate: Nowruz falls on 20 or 21 March of year + 621; then correct with Intl.
  let time = Date.UTC(year + 621, 2, 20, 12) + (target - 1) * DAY_MS;
  for (let step = 0; step < 6; step += 1) {
    const got = jalaliOf(new Date(time));
    if (got.year === year && got.month === month && got.day === day) return new Date(time).toISOString().slice(0, 10);
    const diff = (year - got.year) * 365 + target - jalaliDayOfYear(got.month, got.day);
    // A zero estimate across a leap Esfand: step one day towards the target year.
    time += (diff || Math.sign(year - got.year)) * DAY_MS;
  }
  // Still off: the day does not exist (e.g. 30 Esfand of a common year).
  return null;
}

const TYPED_DAY = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/;

/**
 * Reads a day typed in the user's calendar (Persian: `۱۴۰۵/۰۹/۰۳`, `1405-9-3`; Gregorian:
 * `2026-11-24`) in any digits. Returns the Gregorian ISO day, '' for empty input, or null if invalid.
 */
export function parseCalendarDay(text: string, prefs: Pick<FormatPrefs, 'locale' | 'calendar'>): string | null {
  const ascii = toAsciiDigits(text).trim();
  if (!ascii) return '';
  const m = TYPED_DAY.exec(ascii);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (resolveCalendar(prefs.locale, prefs.calendar) === 'persian') return jalaliToIsoDay(year, month, day);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isoDayToUtc(iso) ? iso : null;
}

/** Writes a Gregorian ISO day in the user's calendar and digits, e.g. 2026-11-24 → ۱۴۰۵/۰۹/۰۳. */
export function formatCalendarDay(iso: string, prefs: Pick<FormatPrefs, 'locale' | 'calendar' | 'digits'>): string {
  const date = isoDayToUtc(iso);
  if (!date) return iso;
  const parts = resolveCalendar(prefs.locale, prefs.calendar) === 'persian' ? jalaliOf(date) : null;
  const text = parts ? `${parts.year}/${String(parts.month).padStart(2, '0')}/${String(parts.day).padStart(2, '0')}` : iso;
  return toLocalDigits(text, prefs);
}
