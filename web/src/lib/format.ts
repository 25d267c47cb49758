/**
 * Locale-aware formatting helpers built on the platform's Intl APIs.
 *
 * Rules:
 * - Calendar: `auto` means Solar Hijri (Jalali) for Persian and Gregorian for every other
 *   language; `gregorian` / `persian` force one calendar whatever the language.
 * - Digits: `auto` means native digits for Persian (۰–۹) and Arabic (٠–٩) and Latin digits
 *   elsewhere; `latin` forces 0–9.
 */

export type UiLocale = 'en' | 'fa' | 'ar' | 'zh';
export type CalendarPref = 'auto' | 'gregorian' | 'persian';
export type DigitsPref = 'auto' | 'latin';

export interface FormatPrefs {
  locale: UiLocale;
  calendar: CalendarPref;
  digits: DigitsPref;
  /** IANA time zone; defaults to the browser's. Mainly useful for tests. */
  timeZone?: string;
}

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

const BASE_TAG: Record<UiLocale, string> = {
  en: 'en',
  fa: 'fa-IR',
  ar: 'ar',
  zh: 'zh-CN',
};

export function resolveCalendar(locale: UiLocale, calendar: CalendarPref): 'gregory' | 'persian' {
  if (calendar === 'gregorian') return 'gregory';
  if (calendar === 'persian') return 'persian';
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
  return `${BASE_TAG[prefs.locale]}-u-ca-${ca}-nu-${nu}`;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  key: string,
  create: () => T,
): T {
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

function formatWith(
  value: string | number | Date,
  prefs: FormatPrefs,
  options: Intl.DateTimeFormatOptions,
): string {
  const date = toDate(value);
  if (!date) return String(value);
  const tag = dateLocaleTag(prefs);
  const opts: Intl.DateTimeFormatOptions = { ...options, timeZone: prefs.timeZone };
  const formatter = cached(`d|${tag}|${JSON.stringify(opts)}`, () => new Intl.DateTimeFormat(tag, opts));
  return formatter.format(date);
}

export function formatDate(value: string | number | Date, prefs: FormatPrefs, style: DateStyle = 'medium'): string {
  return formatWith(value, prefs, { dateStyle: style });
}

export function formatDateTime(
  value: string | number | Date,
  prefs: FormatPrefs,
  style: DateStyle = 'medium',
): string {
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

/** Returns the date parts (year, month, day) as plain integers in the resolved calendar. */
export function calendarDateParts(
  value: string | number | Date,
  prefs: FormatPrefs,
): { year: number; month: number; day: number } | null {
  const date = toDate(value);
  if (!date) return null;
  const tag = `${BASE_TAG[prefs.locale]}-u-ca-${resolveCalendar(prefs.locale, prefs.calendar)}-nu-latn`;
  const parts = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: prefs.timeZone,
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}
