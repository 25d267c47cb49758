import { describe, expect, it } from 'vitest';
import {
  calendarDateParts,
  dateLocaleTag,
  formatDate,
  formatDateTime,
  formatLanguageName,
  formatNumber,
  formatCalendarDay,
  formatFacts,
  formatPercent,
  isoDayToJalali,
  jalaliToIsoDay,
  numberLocaleTag,
  parseCalendarDay,
  toAsciiDigits,
  toLocalDigits,
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
    expect(dateLocaleTag(prefs({ locale: 'fa', calendar: 'gregorian', digits: 'latin' }))).toBe('fa-IR-u-ca-gregory-nu-latn');
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

describe('Jalali ↔ Gregorian days', () => {
  const leap = (year: number) => jalaliToIsoDay(year, 12, 30) !== null;

  it('round-trips every day of Jalali years 1399–1406', () => {
    let previous: number | null = null;
    let days = 0;
    for (let year = 1399; year <= 1406; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const length = month <= 6 ? 31 : month <= 11 ? 30 : leap(year) ? 30 : 29;
        for (let day = 1; day <= length; day += 1) {
          const iso = jalaliToIsoDay(year, month, day);
          expect(iso, `${year}/${month}/${day}`).not.toBeNull();
          expect(isoDayToJalali(iso!)).toEqual({ year, month, day });
          // Consecutive Jalali days are consecutive Gregorian days.
          const time = Date.parse(`${iso}T00:00:00Z`);
          if (previous !== null) expect(time - previous).toBe(86_400_000);
          previous = time;
          days += 1;
        }
      }
    }
    expect(days).toBe((Date.UTC(2028, 2, 19) - Date.UTC(2020, 2, 20)) / 86_400_000 + 1);
    expect(jalaliToIsoDay(1399, 1, 1)).toBe('2020-03-20');
    expect(jalaliToIsoDay(1406, 12, 29)).toBe('2028-03-19');
  });

  it('knows the leap years', () => {
    expect([1399, 1400, 1401, 1402, 1403, 1404, 1405, 1406].filter(leap)).toEqual([1399, 1403]);
    expect(jalaliToIsoDay(1403, 12, 30)).toBe('2025-03-20');
    expect(jalaliToIsoDay(1404, 12, 30)).toBeNull();
  });

  it('refuses days that do not exist', () => {
    expect(jalaliToIsoDay(1404, 13, 1)).toBeNull();
    expect(jalaliToIsoDay(1404, 0, 1)).toBeNull();
    expect(jalaliToIsoDay(1404, 7, 31)).toBeNull();
    expect(jalaliToIsoDay(1404, 1, 0)).toBeNull();
    expect(jalaliToIsoDay(1404, 6, 31)).toBe('2025-09-22');
  });

  it('converts known days', () => {
    expect(jalaliToIsoDay(1405, 1, 1)).toBe('2026-03-21');
    expect(jalaliToIsoDay(1405, 9, 3)).toBe('2026-11-24');
    expect(isoDayToJalali('2026-03-01')).toEqual({ year: 1404, month: 12, day: 10 });
    expect(isoDayToJalali('2026-02-30')).toBeNull();
  });
});

describe('typed calendar days', () => {
  const fa = prefs({ locale: 'fa' });
  const en = prefs({ locale: 'en' });

  it('converts digits both ways', () => {
    expect(toAsciiDigits('۱۴۰۵/۰۹/۰۳ ٠١٢٣٤٥٦٧٨٩')).toBe('1405/09/03 0123456789');
    expect(toLocalDigits('1405/09/03', fa)).toBe('۱۴۰۵/۰۹/۰۳');
    expect(toLocalDigits('2026', prefs({ locale: 'ar' }))).toBe('٢٠٢٦');
    expect(toLocalDigits('2026', prefs({ locale: 'fa', digits: 'latin' }))).toBe('2026');
  });

  it('reads Jalali days in Persian, Arabic-Indic or Latin digits', () => {
    expect(parseCalendarDay('۱۴۰۵/۰۹/۰۳', fa)).toBe('2026-11-24');
    expect(parseCalendarDay('١٤٠٥/٩/٣', fa)).toBe('2026-11-24');
    expect(parseCalendarDay(' 1405-9-3 ', fa)).toBe('2026-11-24');
    expect(parseCalendarDay('1405.09.03', fa)).toBe('2026-11-24');
    expect(parseCalendarDay('', fa)).toBe('');
    expect(parseCalendarDay('۱۴۰۴/۱۲/۳۰', fa)).toBeNull();
    expect(parseCalendarDay('1405/9', fa)).toBeNull();
    expect(parseCalendarDay('tomorrow', fa)).toBeNull();
  });

  it('reads Gregorian days for the Gregorian calendar', () => {
    expect(parseCalendarDay('2026-11-24', en)).toBe('2026-11-24');
    expect(parseCalendarDay('2026/3/1', en)).toBe('2026-03-01');
    expect(parseCalendarDay('2026-02-30', en)).toBeNull();
    expect(parseCalendarDay('1405/09/03', prefs({ locale: 'fa', calendar: 'gregorian' }))).toBe('1405-09-03');
    expect(parseCalendarDay('1405-13-01', prefs({ locale: 'en', calendar: 'persian' }))).toBeNull();
  });

  it('writes ISO days back in the user calendar and digits', () => {
    expect(formatCalendarDay('2026-11-24', fa)).toBe('۱۴۰۵/۰۹/۰۳');
    expect(formatCalendarDay('2026-11-24', prefs({ locale: 'fa', digits: 'latin' }))).toBe('1405/09/03');
    expect(formatCalendarDay('2026-11-24', prefs({ locale: 'en', calendar: 'persian' }))).toBe('1405/09/03');
    expect(formatCalendarDay('2026-11-24', en)).toBe('2026-11-24');
  });
});

describe('full dates in the order of each language', () => {
  const AZAR_16 = '2026-12-07T12:00:00Z';

  it('puts the Persian weekday first, with no Latin comma', () => {
    expect(formatDate(AZAR_16, prefs({ locale: 'fa' }), 'full')).toBe('دوشنبه ۱۶ آذر ۱۴۰۵');
    expect(formatDateTime(AZAR_16, prefs({ locale: 'fa' }), 'full')).toBe('دوشنبه ۱۶ آذر ۱۴۰۵ ساعت ۱۲:۰۰');
    expect(formatDate(AZAR_16, prefs({ locale: 'fa', digits: 'latin' }), 'full')).toBe('دوشنبه 16 آذر 1405');
    expect(formatDate(AZAR_16, prefs({ locale: 'fa', calendar: 'gregorian' }), 'full')).toBe('دوشنبه ۷ دسامبر ۲۰۲۶');
  });

  it('keeps the orders the locale data already gets right', () => {
    expect(formatDate(AZAR_16, prefs({ locale: 'fa' }), 'medium')).toBe('۱۶ آذر ۱۴۰۵');
    expect(formatDate(AZAR_16, prefs({ locale: 'en', calendar: 'persian' }), 'full')).toBe('Monday, Azar 16, 1405 AP');
    expect(formatDate(AZAR_16, prefs({ locale: 'ar' }), 'full')).toBe('الاثنين، ٧ ديسمبر ٢٠٢٦');
    expect(formatDate(AZAR_16, prefs({ locale: 'zh' }), 'full')).toBe('2026年12月7日星期一');
    expect(formatDate(AZAR_16, prefs({ locale: 'en' }), 'full')).toBe('Monday, December 7, 2026');
  });
});

describe('the Umm al-Qura Hijri calendar', () => {
  const AZAR_16 = '2026-12-07T12:00:00Z';
  const hijri = prefs({ locale: 'ar', calendar: 'hijri' });

  it('formats Arabic dates as in Saudi Arabia', () => {
    expect(dateLocaleTag(hijri)).toBe('ar-SA-u-ca-islamic-umalqura-nu-arab');
    expect(calendarDateParts(AZAR_16, hijri)).toEqual({ year: 1448, month: 6, day: 27 });
    expect(formatDate(AZAR_16, hijri, 'long')).toBe('٢٧ جمادى الآخرة ١٤٤٨ هـ');
    expect(formatDate(AZAR_16, hijri, 'full')).toBe('الاثنين، ٢٧ جمادى الآخرة ١٤٤٨ هـ');
    expect(formatDate(AZAR_16, prefs({ locale: 'ar', calendar: 'hijri', digits: 'latin' }), 'long')).toBe('27 جمادى الآخرة 1448 هـ');
  });

  it('works in the other languages too', () => {
    expect(formatDate(AZAR_16, prefs({ locale: 'en', calendar: 'hijri' }), 'long')).toBe('Jumada II 27, 1448 AH');
    expect(formatDate(AZAR_16, prefs({ locale: 'fa', calendar: 'hijri' }), 'long')).toContain('۱۴۴۸');
  });

  it("keeps typed days Gregorian (ISO), shown in the user's digits", () => {
    expect(parseCalendarDay('٢٠٢٦-١٢-٠٧', hijri)).toBe('2026-12-07');
    expect(formatCalendarDay('2026-12-07', hijri)).toBe('٢٠٢٦-١٢-٠٧');
  });
});

describe('facts on one line', () => {
  it('separates them with a comma in Persian and Arabic, where a middle dot reads as a zero', () => {
    expect(formatFacts(['۰ مروج', '۱ بی‌طرف'], { locale: 'fa' })).toBe('۰ مروج، ۱ بی‌طرف');
    expect(formatFacts(['ايميل', '٧ ديسمبر'], { locale: 'ar' })).toBe('ايميل، ٧ ديسمبر');
    expect(formatFacts(['Email', 'Dec 7'], { locale: 'en' })).toBe('Email · Dec 7');
    expect(formatFacts(['邮件', '12月7日'], { locale: 'zh' })).toBe('邮件 · 12月7日');
    expect(formatFacts(['Email', '', null, 'Dec 7'], { locale: 'en' })).toBe('Email · Dec 7');
  });
});
