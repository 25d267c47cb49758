// Due times worked out by hand (the reasoning is beside each row), not by running the code:
// a Nowruz week in Tehran, Ramadan and Eid al-Fitr in Riyadh in two Gregorian years, and both
// DST changes in Berlin.
import { describe, it, expect } from 'vitest';
import { PRESET_HOURS, type Holiday } from '../../contracts/business-hours.js';
import { type BusinessCalendar, addBusinessMinutes, businessMinutesBetween } from './business-time.js';
import { closedDatesIn, holidayProblem } from './holiday-dates.js';
import { hijriMonthLength } from '../../platform/calendars.js';

const yearly = (calendar: Holiday['calendar'], month: number, day: number, name = 'holiday'): Holiday => ({
  name,
  calendar,
  year: null,
  month,
  day,
});

// Asia/Tehran is UTC+03:30 all year (no DST since 2022); Saturday–Thursday 09:00–17:00.
const tehran: BusinessCalendar = {
  timeZone: 'Asia/Tehran',
  weekly: PRESET_HOURS.iran.weekly,
  closedDates: closedDatesIn(
    [1, 2, 3, 4, 12, 13].map((d) => yearly('jalali', 1, d, 'Nowruz')),
    2025,
    2026,
  ),
};
// Asia/Riyadh is UTC+03:00 all year; Sunday–Thursday 09:00–17:00; Eid al-Fitr 1–4 Shawwal.
const riyadh: BusinessCalendar = {
  timeZone: 'Asia/Riyadh',
  weekly: PRESET_HOURS.gulf.weekly,
  closedDates: closedDatesIn(
    [1, 2, 3, 4].map((d) => yearly('hijri', 10, d, 'Eid al-Fitr')),
    2025,
    2026,
  ),
};
// Europe/Berlin: CET (UTC+1) until 30 March 2025 02:00, CEST (UTC+2) until 26 October 2025 03:00.
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', weekly: PRESET_HOURS.western.weekly, closedDates: [] };
const berlinAllDay: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  closedDates: [],
};
const berlinSundayNight: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: [{ weekday: 7, start: '01:00', end: '05:00' }],
  closedDates: [],
};

const DUE: Array<[string, BusinessCalendar, string, number, string]> = [
  // Thu 20 Mar 16:00 (+03:30): 60 min that day; Fri 21 (weekend, 1 Farvardin) to Mon 24 (4 Farvardin)
  // closed; Tue 25 09:00 + 180 min = 12:00 +03:30.
  ['Tehran: Nowruz 1–4 Farvardin and the Friday weekend skipped', tehran, '2025-03-20T12:30:00Z', 240, '2025-03-25T08:30:00Z'],
  // Mon 31 Mar 10:00: 420 min (1020 left); Tue 1 / Wed 2 Apr are 12–13 Farvardin; Thu 3: 480 (540 left);
  // Fri 4 weekend; Sat 5: 480 (60 left); Sun 6 09:00 + 60 = 10:00 +03:30.
  ['Tehran: 24 business hours over 12–13 Farvardin', tehran, '2025-03-31T06:30:00Z', 1440, '2025-04-06T06:30:00Z'],
  // Fri 28 Mar 2025 is a weekend day: the clock starts Sat 29 09:00; 30 min later is 09:30 +03:30.
  ['Tehran: a ticket on Friday starts counting on Saturday', tehran, '2025-03-28T08:00:00Z', 30, '2025-03-29T06:00:00Z'],
  // Sun 2 Mar 2025 (2 Ramadan 1446) 10:00 +03:00: 420 (780 left); Mon 3: 480 (300 left); Tue 4 09:00 + 300 = 14:00.
  ['Riyadh: a Ramadan week, Sunday to Tuesday', riyadh, '2025-03-02T07:00:00Z', 1200, '2025-03-04T11:00:00Z'],
  // Thu 27 Mar 15:00: 120 min (360 left); Fri 28 / Sat 29 weekend; 1–4 Shawwal 1446 = Sun 30 Mar – Wed 2 Apr
  // (Ramadan 1446 had 29 days); Thu 3 Apr 09:00 + 360 = 15:00 +03:00.
  ['Riyadh: Eid al-Fitr 1446 after a 29-day Ramadan', riyadh, '2025-03-27T12:00:00Z', 480, '2025-04-03T12:00:00Z'],
  // A year later the same holiday is 11 days earlier: Ramadan 1447 has 30 days, 1 Shawwal = Fri 20 Mar 2026.
  // Thu 19 Mar 16:00: 60 (60 left); Fri 20 – Mon 23 closed (weekend, Eid); Tue 24 09:00 + 60 = 10:00 +03:00.
  ['Riyadh: Eid al-Fitr 1447 moved to March 20, 2026', riyadh, '2026-03-19T13:00:00Z', 120, '2026-03-24T07:00:00Z'],
  // Fri 28 Mar 16:00 CET (15:00Z): 60 (60 left); Mon 31 Mar 09:00 CEST + 60 = 10:00 CEST = 08:00Z, not 09:00Z.
  ['Berlin: over the spring DST weekend', berlin, '2025-03-28T15:00:00Z', 120, '2025-03-31T08:00:00Z'],
  // Fri 24 Oct 16:00 CEST (14:00Z): 60 (60 left); Mon 27 Oct 09:00 CET + 60 = 10:00 CET = 09:00Z.
  ['Berlin: over the autumn DST weekend', berlin, '2025-10-24T14:00:00Z', 120, '2025-10-27T09:00:00Z'],
  // Open around the clock: Sat 29 Mar 12:00 CET (11:00Z) + 24 h of real time = Sun 30 Mar 11:00Z = 13:00 CEST.
  ['Berlin: 24 hours around the clock across the lost hour', berlinAllDay, '2025-03-29T11:00:00Z', 1440, '2025-03-30T11:00:00Z'],
];

describe('business time: hand-checked due times', () => {
  it.each(DUE)('%s', (_name, calendar, from, minutes, expected) => {
    expect(addBusinessMinutes(calendar, new Date(from), minutes).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('counts the business minutes between two instants', () => {
    // Wed 19 Mar 09:00 to Wed 26 Mar 09:00 Tehran: Wed 480 + Thu 480 + (Fri–Mon closed) + Tue 480.
    expect(businessMinutesBetween(tehran, new Date('2025-03-19T05:30:00Z'), new Date('2025-03-26T05:30:00Z'))).toBe(1440);
    // Local noon to local noon over the spring change is 23 hours, over the autumn one 25.
    expect(businessMinutesBetween(berlinAllDay, new Date('2025-03-29T11:00:00Z'), new Date('2025-03-30T10:00:00Z'))).toBe(23 * 60);
    expect(businessMinutesBetween(berlinAllDay, new Date('2025-10-25T10:00:00Z'), new Date('2025-10-26T11:00:00Z'))).toBe(25 * 60);
    // Sunday 01:00–05:00 on 30 March 2025 is 01:00 CET (00:00Z) to 05:00 CEST (03:00Z): three hours.
    expect(businessMinutesBetween(berlinSundayNight, new Date('2025-03-29T00:00:00Z'), new Date('2025-03-31T00:00:00Z'))).toBe(180);
    expect(businessMinutesBetween(berlin, new Date('2025-03-31T10:00:00Z'), new Date('2025-03-31T09:00:00Z'))).toBe(0);
  });

  it('puts holidays entered in three calendars on their Gregorian dates', () => {
    expect(closedDatesIn([yearly('jalali', 1, 1)], 2025, 2026)).toEqual(['2025-03-21', '2026-03-21']);
    expect(closedDatesIn([yearly('hijri', 10, 1)], 2025, 2026)).toEqual(['2025-03-30', '2026-03-20']);
    expect(closedDatesIn([{ name: 'Once', calendar: 'gregorian', year: 2025, month: 12, day: 25 }], 2025, 2026)).toEqual(['2025-12-25']);
    // 30 Esfand exists only in leap years: 1403 is one (20 March 2025), 1404 is not.
    expect(closedDatesIn([yearly('jalali', 12, 30)], 2025, 2026)).toEqual(['2025-03-20']);
  });

  it('knows the real month lengths of each calendar', () => {
    expect(hijriMonthLength(1446, 9)).toBe(29);
    expect(hijriMonthLength(1447, 9)).toBe(30);
    expect(holidayProblem({ name: 'x', calendar: 'hijri', year: 1446, month: 9, day: 30 })?.field).toBe('day');
    expect(holidayProblem({ name: 'x', calendar: 'hijri', year: 1447, month: 9, day: 30 })).toBeNull();
    expect(holidayProblem({ name: 'x', calendar: 'jalali', year: 1404, month: 12, day: 30 })?.field).toBe('day');
    expect(holidayProblem({ name: 'x', calendar: 'jalali', year: 1403, month: 12, day: 30 })).toBeNull();
    expect(holidayProblem({ name: 'x', calendar: 'jalali', year: null, month: 7, day: 31 })?.field).toBe('day');
    expect(holidayProblem({ name: 'x', calendar: 'gregorian', year: 2025, month: 2, day: 29 })?.field).toBe('day');
  });
});
