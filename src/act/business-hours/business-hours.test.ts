import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { setupTeam } from '../../platform/testing/team.js';

let t: TestApp;
let owner: string;
let agent: string;
let stranger: string;

type Method = 'GET' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, payload });

const TEHRAN = {
  timeZone: 'Asia/Tehran',
  weekStart: 6,
  weekly: [6, 7, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  holidays: [
    { name: 'نوروز', calendar: 'jalali', year: null, month: 1, day: 1 },
    { name: 'عید فطر', calendar: 'hijri', year: null, month: 10, day: 1 },
    { name: 'Once', calendar: 'jalali', year: 1403, month: 12, day: 30 },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const team = await setupTeam(t);
  owner = team.owner;
  agent = team.agent.cookie;
  stranger = team.stranger.cookie;
});
afterAll(() => t.close());

describe('business hours', () => {
  it('answers around the clock in the workspace time zone until hours are set', async () => {
    const res = await call('GET', '/api/v1/business-hours', agent);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ configured: false, holidays: [] });
    expect(res.json().weekly).toHaveLength(7);
  });

  it('saves weekly hours and holidays in the Jalali, Hijri and Gregorian calendars', async () => {
    const res = await call('PUT', '/api/v1/business-hours', owner, TEHRAN);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ configured: true, ...TEHRAN });
    expect((await call('GET', '/api/v1/business-hours', agent)).json()).toEqual({ configured: true, ...TEHRAN });
    // Another workspace sees its own, not these.
    expect((await call('GET', '/api/v1/business-hours', stranger)).json().configured).toBe(false);
  });

  it.each([
    [
      '30 Esfand in a common Jalali year',
      { holidays: [{ name: 'x', calendar: 'jalali', year: 1404, month: 12, day: 30 }] },
      'holidays.0.day',
    ],
    [
      '30 Ramadan in a year whose Ramadan has 29 days',
      { holidays: [{ name: 'x', calendar: 'hijri', year: 1446, month: 9, day: 30 }] },
      'holidays.0.day',
    ],
    [
      'a yearly 31st of a 30-day Jalali month',
      { holidays: [{ name: 'x', calendar: 'jalali', year: null, month: 8, day: 31 }] },
      'holidays.0.day',
    ],
    [
      'hours that end before they start',
      {
        weekly: [
          { weekday: 1, start: '09:00', end: '17:00' },
          { weekday: 2, start: '18:00', end: '08:00' },
        ],
      },
      'weekly.1.end',
    ],
    ['an unknown time zone', { timeZone: 'Asia/Atlantis' }, 'timeZone'],
    ['no open hours at all', { weekly: [] }, 'weekly'],
  ])('refuses %s with a 422 naming the field, and keeps what was saved', async (_name, change, field) => {
    const res = await call('PUT', '/api/v1/business-hours', owner, { ...TEHRAN, ...change });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_business_hours', field });
    expect((await call('GET', '/api/v1/business-hours', owner)).json()).toEqual({ configured: true, ...TEHRAN });
  });

  it('accepts 30 Ramadan in a year whose Ramadan has 30 days', async () => {
    const holidays = [{ name: 'x', calendar: 'hijri', year: 1447, month: 9, day: 30 }];
    expect((await call('PUT', '/api/v1/business-hours', owner, { ...TEHRAN, holidays })).statusCode).toBe(200);
    expect((await call('PUT', '/api/v1/business-hours', owner, TEHRAN)).statusCode).toBe(200);
  });

  it('refuses a malformed time and an agent with 400 and 403', async () => {
    const bad = await call('PUT', '/api/v1/business-hours', owner, { ...TEHRAN, weekly: [{ weekday: 1, start: '9am', end: '17:00' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('weekly.0.start');
    expect((await call('PUT', '/api/v1/business-hours', agent, TEHRAN)).statusCode).toBe(403);
  });
});
