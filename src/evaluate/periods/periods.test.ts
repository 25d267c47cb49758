import { describe, expect, it } from 'vitest';
import { periodInstants, periodOf, periodsCovering, periodIndex } from './periods.js';
import type { PeriodOptions } from './periods.js';

const opts = (o: Partial<PeriodOptions>): PeriodOptions => ({ grain: 'month', calendar: 'gregorian', weekStart: 'mon', ...o });
const span = (p: { first: string; last: string }) => [p.first, p.last];

describe('periods in the Jalali calendar', () => {
  it('starts the year at Nowruz and keeps 30 Esfand of a leap year in the old year', () => {
    // 1403 is a leap year: 30 Esfand 1403 is 2025-03-20, Nowruz 1404 the next day.
    const esfand30 = periodOf('2025-03-20', opts({ calendar: 'persian', grain: 'day' }));
    expect(esfand30.label).toEqual({ calendar: 'persian', year: 1403, quarter: 4, month: 12, day: 30 });
    const esfand = periodOf('2025-03-20', opts({ calendar: 'persian' }));
    expect(esfand.key).toBe('persian:month:1403-12');
    expect(span(esfand)).toEqual(['2025-02-19', '2025-03-20']);
    const nowruz = periodOf('2025-03-21', opts({ calendar: 'persian', grain: 'year' }));
    expect(nowruz.key).toBe('persian:year:1404');
    expect(nowruz.first).toBe('2025-03-21');
    expect(span(periodOf('2024-06-01', opts({ calendar: 'persian', grain: 'year' })))).toEqual(['2024-03-20', '2025-03-20']);
    // A common year's Esfand has 29 days: 1404 ends on 2026-03-20, Nowruz 1405 is 2026-03-21.
    expect(span(periodOf('2026-03-01', opts({ calendar: 'persian' })))).toEqual(['2026-02-20', '2026-03-20']);
  });

  it('counts quarters as seasons: spring is Farvardin to Khordad', () => {
    const spring = periodOf('2024-05-01', opts({ calendar: 'persian', grain: 'quarter' }));
    expect(spring.key).toBe('persian:quarter:1403-Q1');
    expect(span(spring)).toEqual(['2024-03-20', '2024-06-20']);
    const winter = periodOf('2025-01-01', opts({ calendar: 'persian', grain: 'quarter' }));
    expect(span(winter)).toEqual(['2024-12-21', '2025-03-20']);
  });
});

describe('periods in the Hijri (Umm al-Qura) calendar', () => {
  it('turns the year on 1 Muharram', () => {
    // 29 Dhu al-Hijjah 1446 is 2025-06-25; 1 Muharram 1447 is 2025-06-26.
    expect(periodOf('2025-06-25', opts({ calendar: 'hijri', grain: 'day' })).label).toEqual({
      calendar: 'hijri',
      year: 1446,
      quarter: 4,
      month: 12,
      day: 29,
    });
    const year = periodOf('2025-06-26', opts({ calendar: 'hijri', grain: 'year' }));
    expect(year.key).toBe('hijri:year:1447');
    expect(year.first).toBe('2025-06-26');
    expect(span(periodOf('2025-01-01', opts({ calendar: 'hijri', grain: 'year' })))).toEqual(['2024-07-07', '2025-06-25']);
  });

  it('gives Ramadan its Umm al-Qura length', () => {
    const ramadan1446 = periodOf('2025-03-10', opts({ calendar: 'hijri' }));
    expect(ramadan1446.key).toBe('hijri:month:1446-09');
    expect(span(ramadan1446)).toEqual(['2025-03-01', '2025-03-29']);
  });
});

describe('weeks', () => {
  it.each([
    ['sat', '2026-12-05', '2026-12-11'],
    ['sun', '2026-12-06', '2026-12-12'],
    ['mon', '2026-12-07', '2026-12-13'],
  ] as const)('start on %s', (weekStart, first, last) => {
    // 2026-12-07 is a Monday.
    const week = periodOf('2026-12-07', opts({ grain: 'week', weekStart }));
    expect(span(week)).toEqual([first, last]);
    expect(periodOf(last, opts({ grain: 'week', weekStart })).key).toBe(week.key);
    expect(periodOf(first, opts({ grain: 'week', weekStart })).key).toBe(week.key);
  });

  it('label a week in the calendar of the reader', () => {
    const week = periodOf('2025-03-20', opts({ grain: 'week', weekStart: 'sat', calendar: 'persian' }));
    expect(week.first).toBe('2025-03-15');
    expect(week.label).toMatchObject({ year: 1403, month: 12, day: 25 });
  });
});

describe('ranges', () => {
  it('cover a range across years with whole periods in order', () => {
    const months = periodsCovering('2025-11-15', '2026-02-03', opts({}));
    expect(months.map((p) => p.key)).toEqual([
      'gregorian:month:2025-11',
      'gregorian:month:2025-12',
      'gregorian:month:2026-01',
      'gregorian:month:2026-02',
    ]);
    expect(span(months[3]!)).toEqual(['2026-02-01', '2026-02-28']);
    const jalali = periodsCovering('2025-03-01', '2025-04-30', opts({ calendar: 'persian' }));
    expect(jalali.map((p) => p.key)).toEqual(['persian:month:1403-12', 'persian:month:1404-01', 'persian:month:1404-02']);
    const days = periodsCovering('2024-12-30', '2025-01-02', opts({ grain: 'day' }));
    expect(days.map((p) => p.first)).toEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    const index = periodIndex(jalali);
    expect([index('2025-03-01'), index('2025-03-20'), index('2025-03-21'), index('2025-04-30')]).toEqual([0, 0, 1, 2]);
  });
});

describe('time zones', () => {
  it('span the instants of local days, 23 and 25 hours on DST changes', () => {
    const hours = (first: string, last: string, tz: string) => {
      const { start, end } = periodInstants({ first, last }, tz);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(hours('2025-03-30', '2025-03-30', 'Europe/Berlin')).toBe(23);
    expect(hours('2025-10-26', '2025-10-26', 'Europe/Berlin')).toBe(25);
    expect(hours('2025-03-30', '2025-03-30', 'Asia/Tehran')).toBe(24);
    // March 2025 in Berlin: 31 days less the hour lost.
    expect(hours('2025-03-01', '2025-03-31', 'Europe/Berlin')).toBe(31 * 24 - 1);
    expect(periodInstants({ first: '2025-03-21', last: '2025-03-21' }, 'Asia/Tehran').start.toISOString()).toBe('2025-03-20T20:30:00.000Z');
  });
});
