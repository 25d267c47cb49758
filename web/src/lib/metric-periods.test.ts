import { describe, expect, it } from 'vitest';
import { namedPeriods, periodCalendarOf, presetRange } from './metric-periods';
import { viewFromQuery, viewToSearch } from './metrics-url';

const quarter = (n: number, year: string) => `Q${n} ${year}`;
const TODAY = '2026-12-07'; // 16 Azar 1405, 26 Jumada II 1448

describe('metric periods in the user calendar', () => {
  it('reads presets in the Jalali calendar: this quarter starts on 1 Mehr, this year at Nowruz', () => {
    expect(presetRange('this-quarter', TODAY, 'persian')).toEqual({ from: '2026-09-23', to: TODAY });
    expect(presetRange('last-quarter', TODAY, 'persian')).toEqual({ from: '2026-06-22', to: '2026-09-22' });
    expect(presetRange('this-year', TODAY, 'persian')).toEqual({ from: '2026-03-21', to: TODAY });
    expect(presetRange('last-12-months', TODAY, 'persian')).toEqual({ from: '2025-12-22', to: TODAY });
  });

  it('reads presets in the Gregorian and Umm al-Qura calendars', () => {
    expect(presetRange('this-quarter', TODAY, 'gregorian')).toEqual({ from: '2026-10-01', to: TODAY });
    expect(presetRange('last-year', TODAY, 'gregorian')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetRange('last-30-days', TODAY, 'gregorian')).toEqual({ from: '2026-11-08', to: TODAY });
    // 1 Muharram 1448 fell on 16 June 2026.
    expect(presetRange('this-year', TODAY, 'hijri')).toEqual({ from: '2026-06-16', to: TODAY });
  });

  it('names the recent months with Jalali names for a Persian user, Hijri names when chosen', () => {
    const fa = namedPeriods(TODAY, { locale: 'fa', calendar: 'auto', digits: 'auto' }, quarter);
    expect(fa.slice(0, 3).map((p) => p.name)).toEqual(['آذر ۱۴۰۵', 'آبان ۱۴۰۵', 'مهر ۱۴۰۵']);
    expect(fa[0]).toMatchObject({ from: '2026-11-22', to: '2026-12-21' });
    expect(fa.filter((p) => p.kind === 'quarter')[0]).toMatchObject({ name: 'Q3 ۱۴۰۵', from: '2026-09-23', to: '2026-12-21' });
    expect(fa.filter((p) => p.kind === 'year').map((p) => p.name)).toEqual(['۱۴۰۵', '۱۴۰۴']);
    const ar = namedPeriods(TODAY, { locale: 'ar', calendar: 'hijri', digits: 'auto' }, quarter);
    expect(ar[0].name).toBe('جمادى الآخرة ١٤٤٨');
    const en = namedPeriods(TODAY, { locale: 'en', calendar: 'auto', digits: 'auto' }, quarter);
    expect(en.slice(0, 2).map((p) => p.name)).toEqual(['December 2026', 'November 2026']);
    expect(en.filter((p) => p.kind === 'month')).toHaveLength(12);
  });

  it('asks the API for the calendar the user reads', () => {
    expect(periodCalendarOf({ locale: 'fa', calendar: 'auto' })).toBe('persian');
    expect(periodCalendarOf({ locale: 'ar', calendar: 'hijri' })).toBe('hijri');
    expect(periodCalendarOf({ locale: 'en', calendar: 'auto' })).toBe('gregorian');
  });
});

describe('the Metrics page URL', () => {
  it('keeps presets by name, named periods by their days, and falls back on anything unreadable', () => {
    const preset = viewFromQuery(new URLSearchParams('metric=csat&range=this-quarter&breakdown=channel'), TODAY, 'persian');
    expect(preset).toEqual({ metric: 'csat', range: 'this-quarter', from: '2026-09-23', to: TODAY, grain: 'month', breakdown: 'channel' });
    expect(viewToSearch(preset)).toBe('?metric=csat&range=this-quarter&grain=month&breakdown=channel');
    const named = viewFromQuery(new URLSearchParams('from=2026-11-22&to=2026-12-21&grain=week'), TODAY, 'persian');
    expect(named).toMatchObject({ metric: 'nps', range: null, from: '2026-11-22', to: '2026-12-21', grain: 'week', breakdown: null });
    const bad = viewFromQuery(
      new URLSearchParams('metric=nan&range=never&grain=hour&breakdown=x&from=2026-12-31&to=2026-01-01'),
      TODAY,
      'gregorian',
    );
    expect(bad).toEqual({ metric: 'nps', range: 'last-12-months', from: '2026-01-01', to: TODAY, grain: 'month', breakdown: null });
  });
});
