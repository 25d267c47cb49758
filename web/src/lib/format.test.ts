import { describe, expect, it } from 'vitest';
import {
  calendarDateParts,
  dateLocaleTag,
  formatDate,
  formatDateTime,
  formatLanguageName,
  formatNumber,
  formatPercent,
  numberLocaleTag,
  type FormatPrefs,
} from './format';

const NOWRUZ = '2026-03-21T12:00:00Z';
const PERSIAN_DIGITS = /[۰-۹]/;
const ARABIC_INDIC_DIGITS = /[٠-٩]/;
const LATIN_DIGITS = /[0-9]/;

function prefs(overrides: Partial<FormatPrefs> & Pick<FormatPrefs, 'locale'>): FormatPrefs {
  return { calendar: 'auto', digits: 'auto', timeZone: 'UTC', ...overrides };
}

describe('locale tags', () => {
  it('uses the Persian calendar and digits for fa by default', () => {
    expect(dateLocaleTag(prefs({ locale: 'fa' }))).toBe('fa-IR-u-ca-persian-nu-arabext');
  });
  it('uses Gregorian and Arabic-Indic digits for ar by default', () => {
    expect(dateLocaleTag(prefs({ locale: 'ar' }))).toBe('ar-u-ca-gregory-nu-arab');
    expect(numberLocaleTag(prefs({ locale: 'ar' }))).toBe('ar-u-nu-arab');
  });
  it('honours forced calendar and Latin digits', () => {
    expect(dateLocaleTag(prefs({ locale: 'fa', calendar: 'gregorian', digits: 'latin' }))).toBe(
      'fa-IR-u-ca-gregory-nu-latn',
    );
    expect(dateLocaleTag(prefs({ locale: 'en', calendar: 'persian' }))).toBe('en-u-ca-persian-nu-latn');
  });
});

describe('formatDate', () => {
  it('shows 2026-03-21 as 1 Farvardin 1405 in Persian', () => {
    const p = prefs({ locale: 'fa' });
    expect(calendarDateParts(NOWRUZ, p)).toEqual({ year: 1405, month: 1, day: 1 });
    const text = formatDate(NOWRUZ, p, 'long');
    expect(text).toContain('فروردین');
    expect(text).toContain('۱۴۰۵');
    expect(text).toMatch(PERSIAN_DIGITS);
    expect(text).not.toMatch(LATIN_DIGITS);
  });

  it('uses the Gregorian calendar for fa when asked', () => {
    const p = prefs({ locale: 'fa', calendar: 'gregorian' });
    expect(calendarDateParts(NOWRUZ, p)).toEqual({ year: 2026, month: 3, day: 21 });
    const text = formatDate(NOWRUZ, p, 'long');
    expect(text).toContain('۲۰۲۶');
    expect(text).toContain('مارس');
  });

  it('uses Latin digits for fa when asked', () => {
    const text = formatDate(NOWRUZ, prefs({ locale: 'fa', digits: 'latin' }), 'long');
    expect(text).toContain('1405');
    expect(text).not.toMatch(PERSIAN_DIGITS);
  });

  it('uses Gregorian dates with Arabic-Indic digits for ar', () => {
    const text = formatDate(NOWRUZ, prefs({ locale: 'ar' }), 'long');
    expect(text).toContain('٢٠٢٦');
    expect(text).toMatch(ARABIC_INDIC_DIGITS);
    expect(text).not.toMatch(LATIN_DIGITS);
  });

  it('uses Latin digits for ar when asked', () => {
    const text = formatDate(NOWRUZ, prefs({ locale: 'ar', digits: 'latin' }), 'long');
    expect(text).toContain('2026');
    expect(text).not.toMatch(ARABIC_INDIC_DIGITS);
  });

  it('uses Gregorian for en and zh, and Jalali when forced', () => {
    expect(formatDate(NOWRUZ, prefs({ locale: 'en' }), 'long')).toBe('March 21, 2026');
    expect(formatDate(NOWRUZ, prefs({ locale: 'zh' }), 'long')).toBe('2026年3月21日');
    const jalali = prefs({ locale: 'en', calendar: 'persian' });
    expect(calendarDateParts(NOWRUZ, jalali)).toEqual({ year: 1405, month: 1, day: 1 });
    expect(formatDate(NOWRUZ, jalali, 'long')).toContain('1405');
  });

  it('includes the time in formatDateTime', () => {
    expect(formatDateTime(NOWRUZ, prefs({ locale: 'en' }))).toMatch(/12:00/);
    expect(formatDateTime(NOWRUZ, prefs({ locale: 'fa' }))).toContain('۱۲:۰۰');
  });

  it('returns the raw value for invalid dates', () => {
    expect(formatDate('not a date', prefs({ locale: 'en' }))).toBe('not a date');
  });
});

describe('formatNumber', () => {
  it('uses Persian digits for fa', () => {
    const text = formatNumber(1234567, prefs({ locale: 'fa' }));
    expect(text).toMatch(PERSIAN_DIGITS);
    expect(text).not.toMatch(LATIN_DIGITS);
    expect(text.replace(/[^۰-۹]/g, '')).toBe('۱۲۳۴۵۶۷');
  });

  it('uses Arabic-Indic digits for ar', () => {
    const text = formatNumber(42, prefs({ locale: 'ar' }));
    expect(text).toBe('٤٢');
  });

  it('uses Latin digits when asked, and for en/zh', () => {
    expect(formatNumber(42, prefs({ locale: 'fa', digits: 'latin' }))).toBe('42');
    expect(formatNumber(42, prefs({ locale: 'ar', digits: 'latin' }))).toBe('42');
    expect(formatNumber(1234.5, prefs({ locale: 'en' }))).toBe('1,234.5');
    expect(formatNumber(1234.5, prefs({ locale: 'zh' }))).toBe('1,234.5');
  });

  it('formats percentages', () => {
    expect(formatPercent(0.93, prefs({ locale: 'en' }))).toBe('93%');
    expect(formatPercent(0.93, prefs({ locale: 'fa' }))).toMatch(/۹۳/);
  });
});

describe('formatLanguageName', () => {
  it('names languages in the UI language', () => {
    expect(formatLanguageName('fa', { locale: 'en' })).toBe('Persian');
    expect(formatLanguageName('fa', { locale: 'fa' })).toBe('فارسی');
    expect(formatLanguageName('zh', { locale: 'zh' })).toBe('中文');
  });
});
