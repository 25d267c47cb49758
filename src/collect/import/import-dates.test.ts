import { describe, it, expect } from 'vitest';
import { parseImportDate, sampleDates, type DateReading } from './import-dates.js';

const tehran: DateReading = { timezone: 'Asia/Tehran' };
const iso = (value: unknown, reading: DateReading = tehran) => {
  const parsed = parseImportDate(value, reading);
  return parsed.ok ? parsed.at.toISOString() : parsed.reason;
};

describe('import dates', () => {
  it('reads Jalali dates in any digits, with a time in the workspace time zone', () => {
    // 1 Azar 1405 = 22 November 2026; Tehran is UTC+3:30 all year since 2022.
    expect(iso('1405/09/01')).toBe('2026-11-21T20:30:00.000Z');
    expect(iso('۱۴۰۵/۰۹/۰۱')).toBe('2026-11-21T20:30:00.000Z');
    expect(iso('١٤٠٥/٠٩/٠١')).toBe('2026-11-21T20:30:00.000Z');
    expect(iso('1405-09-01 14:30')).toBe('2026-11-22T11:00:00.000Z');
    expect(iso('\u200F۱۴۰۵/۹/۱ ۱۴:۳۰:۱۵')).toBe('2026-11-22T11:00:15.000Z');
    expect(iso('1405/09/01', { timezone: 'UTC' })).toBe('2026-11-22T00:00:00.000Z');
    // 30 Esfand exists only in a leap year: 1403 is one, 1404 is not.
    expect(iso('1403/12/30', { timezone: 'UTC' })).toBe('2025-03-20T00:00:00.000Z');
    expect(iso('1404/12/30')).toBe('"1404/12/30" is not a valid Jalali date');
  });

  it('reads ISO 8601 (an offset wins over the time zone), year/month/day, RFC 2822 and Unix time', () => {
    expect(iso('2026-02-01T10:00:00Z')).toBe('2026-02-01T10:00:00.000Z');
    expect(iso('2026-02-01T10:00:00+03:30')).toBe('2026-02-01T06:30:00.000Z');
    expect(iso('2026-02-01 10:00')).toBe('2026-02-01T06:30:00.000Z');
    expect(iso('2026/12/07')).toBe('2026-12-06T20:30:00.000Z');
    expect(iso('2026-W49-1', { timezone: 'UTC' })).toBe('2026-11-30T00:00:00.000Z');
    expect(iso('Mon, 07 Dec 2026 10:00:00 +0000')).toBe('2026-12-07T10:00:00.000Z');
    expect(iso('1796637600')).toBe('2026-12-07T10:00:00.000Z');
    expect(iso(1796637600000)).toBe('2026-12-07T10:00:00.000Z');
    expect(iso('07/12/2026 2:30 PM', { timezone: 'UTC', order: 'dmy' })).toBe('2026-12-07T14:30:00.000Z');
  });

  it('reads day/month/year only when the value, the file or --date-format settles the order', () => {
    const utc = { timezone: 'UTC' };
    expect(iso('25/12/2026', utc)).toBe('2026-12-25T00:00:00.000Z');
    expect(iso('12/25/2026', utc)).toBe('2026-12-25T00:00:00.000Z');
    expect(iso('05/05/2026', utc)).toBe('2026-05-05T00:00:00.000Z');
    expect(iso('07/12/2026', utc)).toBe('"07/12/2026" could be 7 December or 12 July: pass --date-format dmy or --date-format mdy');
    expect(iso('07/12/2026', { ...utc, order: 'dmy' })).toBe('2026-12-07T00:00:00.000Z');
    expect(iso('07/12/2026', { ...utc, format: 'mdy' })).toBe('2026-07-12T00:00:00.000Z');
    expect(sampleDates(['01/02/2026', '25/03/2026', '2026-01-01'])).toMatchObject({
      order: 'dmy',
      example: '25/03/2026',
      mixed: false,
      gregorian: 3,
    });
    expect(sampleDates(['03/25/2026', '25/03/2026'])).toMatchObject({ order: null, mixed: true });
    expect(sampleDates(['۱۴۰۵/۰۱/۰۱', '1405-02-02 10:00'])).toMatchObject({ jalali: 2, gregorian: 0 });
  });

  it('with --date-format every value must have that form; invalid dates are refused with the reason', () => {
    expect(iso('2026-12-07', { timezone: 'UTC', format: 'dmy' })).toBe('"2026-12-07" is not a day/month/year date (--date-format dmy)');
    expect(iso('07/12/1405', { timezone: 'UTC', format: 'jalali' })).toBe('2027-02-26T00:00:00.000Z'); // 7 Esfand
    expect(iso('1405/09/01', { timezone: 'UTC', format: 'ymd' })).toBe('1405-09-01T00:00:00.000Z');
    expect(iso('1405/09/01', { timezone: 'UTC', format: 'iso' })).toBe('"1405/09/01" is not an ISO 8601 date (--date-format iso)');
    expect(iso('2026-02-30')).toBe('"2026-02-30" is not a valid date');
    expect(iso('31/02/2026')).toBe('"31/02/2026" is not a valid date');
    expect(iso('2026-02-01 25:00')).toBe('"2026-02-01 25:00" is not a valid date');
    expect(iso('next tuesday')).toMatch(/^"next tuesday" is not a date Feedloop reads/);
  });
});
