// Business hours and SLA in the browser: a Persian owner sets Iran's hours in Tehran and a
// Nowruz holiday picked in the Jalali calendar (an impossible 30 Esfand refused), an English
// owner sets hours in Berlin (closing before opening refused) with Gregorian and Hijri holidays
// and SLA targets; an Arabic user who chose Hijri is offered the Hijri calendar. Each sees a
// ticket's SLA clock.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import adminEn from '../src/locales/admin/en.json' with { type: 'json' };
import adminFa from '../src/locales/admin/fa.json' with { type: 'json' };
import adminAr from '../src/locales/admin/ar.json' with { type: 'json' };
import slaEn from '../src/locales/sla/en.json' with { type: 'json' };
import slaFa from '../src/locales/sla/fa.json' with { type: 'json' };
import slaAr from '../src/locales/sla/ar.json' with { type: 'json' };
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import ar from '../src/locales/ar.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { PHONE, horizontalOverflow, seriousViolations } from './accessibility.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

const TEXTS = { en: { ...en, ...adminEn, ...slaEn }, fa: { ...fa, ...adminFa, ...slaFa }, ar: { ...ar, ...adminAr, ...slaAr } };
type Lang = keyof typeof TEXTS;

async function openSection(page: Page, lang: Lang) {
  await page.goto('/settings?section=businessHours');
  await untilText(page.getByTestId('settings-tab-businessHours'), (text) => text === TEXTS[lang].admin.section.businessHours, 'the tab');
  await page.getByTestId('business-hours-form').waitFor();
}

describeBrowser('business hours and SLA', () => {
  const dashboard = useDashboard();
  let owner = '';
  const api = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object) =>
    dashboard.t.app.inject({ method, url, headers: { cookie: owner }, payload });

  async function addHoliday(page: Page, h: { name: string; calendar?: string; month: number; day: number; year?: string }) {
    const picker = page.getByTestId('holiday-picker');
    await picker.locator('input[name="holiday-name"]').fill(h.name);
    if (h.calendar) await picker.locator('select[name="holiday-calendar"]').selectOption(h.calendar);
    await picker.locator('select[name="holiday-month"]').selectOption(String(h.month));
    await picker.locator('select[name="holiday-day"]').selectOption(String(h.day));
    await picker.locator('input[name="holiday-every-year"]').setChecked(h.year === undefined);
    if (h.year !== undefined) await picker.locator('input[name="holiday-year"]').fill(h.year);
    await page.getByTestId('add-holiday').click();
  }

  /** Nothing scrolls sideways on a phone: the tables scroll inside their card. */
  async function phoneFits(page: Page, lang: Lang) {
    const size = page.viewportSize();
    await page.setViewportSize(PHONE);
    const { overflow, widest } = await horizontalOverflow(page);
    expect(overflow, `scrolls sideways at 360 px; widest: ${widest}`).toBeLessThanOrEqual(0);
    await screenshot(page, `sla-business-hours-${lang}-phone`);
    if (size) await page.setViewportSize(size);
  }

  async function ticketClock(page: Page, lang: Lang) {
    const created = (
      await api('POST', '/api/v1/tickets', { subject: lang === 'fa' ? 'بسته دیر رسید' : 'Late parcel', priority: 'high' })
    ).json();
    await page.goto(`/tickets/${created.id}`);
    const clock = page.getByTestId('sla-clock').first();
    await clock.waitFor();
    expect(await clock.getByTestId('sla-firstResponse').getAttribute('data-state')).toBe('running');
    await untilText(
      clock.getByTestId('sla-firstResponse'),
      (text) => text.includes(TEXTS[lang].sla.clock.firstResponse),
      'the first-response target',
    );
    if (lang === 'en') {
      // Waiting on the customer: the clock stands still and says so.
      await api('PATCH', `/api/v1/tickets/${created.id}`, { status: 'pending' });
      await page.reload();
      const paused = page.getByTestId('sla-clock').getByTestId('sla-firstResponse');
      await untilText(paused, (text) => text.includes(TEXTS.en.sla.clock.state.paused), 'the paused clock');
      expect(await paused.getAttribute('data-state')).toBe('paused');
    }
    await screenshot(page, `sla-ticket-${lang}`);
  }

  it('a Persian owner sets Iran’s hours and a Jalali Nowruz holiday', async () => {
    const { t } = dashboard;
    owner ||= await signedInOwner(t);
    const x = TEXTS.fa;
    await api('PATCH', '/api/v1/me', { locale: 'fa' });
    const { page } = await dashboard.open({ cookie: owner });
    await openSection(page, 'fa');
    expect((await documentDirection(page)).dir).toBe('rtl');

    await page.getByTestId('preset-iran').click();
    await page.locator('input[name="timeZone"]').fill('Asia/Tehran');
    // Jalali is offered first, with Persian month names and digits.
    const picker = page.getByTestId('holiday-picker');
    expect(await picker.locator('select[name="holiday-calendar"]').inputValue()).toBe('jalali');
    expect(await picker.locator('select[name="holiday-month"] option').first().textContent()).toBe('فروردین');
    await addHoliday(page, { name: 'نوروز', month: 1, day: 1 });
    await addHoliday(page, { name: 'سیزده‌بدر', month: 1, day: 13 });
    // 30 Esfand 1404 does not exist (1404 is not a leap year).
    await addHoliday(page, { name: 'آزمون', month: 12, day: 30, year: '۱۴۰۴' });
    await untilText(picker.locator('.field-error'), (text) => text === x.sla.holidays.impossible, 'the impossible-day error');
    await addHoliday(page, { name: 'آزمون', month: 12, day: 30, year: '۱۴۰۳' });
    expect(await page.getByTestId('holiday').allTextContents()).toEqual([
      expect.stringContaining('۱ فروردین'),
      expect.stringContaining('۱۳ فروردین'),
      expect.stringContaining('۳۰ اسفند ۱۴۰۳'),
    ]);
    await page.getByTestId('save-business-hours').click();
    await untilText(page.locator('.alert-success'), (text) => text === x.sla.hours.saved, 'saved');
    const saved = (await api('GET', '/api/v1/business-hours')).json();
    expect(saved).toMatchObject({ configured: true, timeZone: 'Asia/Tehran', weekStart: 6 });
    expect(saved.weekly.map((p: { weekday: number }) => p.weekday)).toEqual([6, 7, 1, 2, 3, 4]);
    expect(saved.holidays).toEqual([
      { name: 'نوروز', calendar: 'jalali', year: null, month: 1, day: 1 },
      { name: 'سیزده‌بدر', calendar: 'jalali', year: null, month: 1, day: 13 },
      { name: 'آزمون', calendar: 'jalali', year: 1403, month: 12, day: 30 },
    ]);
    expect(await page.locator('input[name="start-6"]').inputValue()).toBe('۰۹:۰۰');

    await page.locator('input[name="firstResponse-high"]').fill('۴');
    await page.locator('input[name="resolution-high"]').fill('۲۴');
    await page.getByTestId('save-sla-policies').click();
    await untilText(page.locator('.alert-success').last(), (text) => text === x.sla.policies.saved, 'policies saved');
    expect((await api('GET', '/api/v1/sla/policies')).json().policies).toMatchObject([
      { priority: 'high', segmentId: null, firstResponseMinutes: 240, resolutionMinutes: 1440, warnPercent: 80 },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'sla-business-hours-fa');
    await phoneFits(page, 'fa');
    await ticketClock(page, 'fa');
  });

  it('an English owner sets hours in Berlin with Gregorian and Hijri holidays', async () => {
    const { t } = dashboard;
    owner ||= await signedInOwner(t);
    const x = TEXTS.en;
    await api('PATCH', '/api/v1/me', { locale: 'en' });
    const { page } = await dashboard.open({ cookie: owner });
    await openSection(page, 'en');
    expect((await documentDirection(page)).dir).toBe('ltr');

    await page.getByTestId('preset-western').click();
    await page.locator('input[name="timeZone"]').fill('Europe/Berlin');
    await page.locator('input[name="end-1"]').fill('08:00');
    await page.getByTestId('save-business-hours').click();
    await untilText(page.getByTestId('day-1').locator('.field-error'), (text) => text === x.sla.hours.endBeforeStart, 'the hours error');
    await page.locator('input[name="end-1"]').fill('17:00');
    const picker = page.getByTestId('holiday-picker');
    expect(await picker.locator('select[name="holiday-calendar"]').inputValue()).toBe('gregorian');
    await addHoliday(page, { name: 'Christmas', month: 12, day: 25 });
    await addHoliday(page, { name: 'Eid al-Fitr', calendar: 'hijri', month: 10, day: 1 });
    await page.getByTestId('save-business-hours').click();
    await untilText(page.locator('.alert-success'), (text) => text === x.sla.hours.saved, 'saved');
    const saved = (await api('GET', '/api/v1/business-hours')).json();
    expect(saved).toMatchObject({ timeZone: 'Europe/Berlin', weekStart: 1 });
    expect(saved.weekly).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })));
    expect(saved.holidays.slice(-2)).toEqual([
      { name: 'Christmas', calendar: 'gregorian', year: null, month: 12, day: 25 },
      { name: 'Eid al-Fitr', calendar: 'hijri', year: null, month: 10, day: 1 },
    ]);
    expect(await page.getByTestId('holiday').last().textContent()).toContain('Shawwal');
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'sla-business-hours-en');
    await phoneFits(page, 'en');
    await ticketClock(page, 'en');
  });

  it('an Arabic user who chose Hijri picks holidays in the Hijri calendar', async () => {
    const { t } = dashboard;
    owner ||= await signedInOwner(t);
    await api('PATCH', '/api/v1/me', { locale: 'ar', calendar: 'hijri' });
    // A lunch break set through the API: the editor changes the first period and keeps the second.
    const weekly = [
      { weekday: 7, start: '09:00', end: '12:00' },
      { weekday: 7, start: '13:00', end: '17:00' },
      { weekday: 1, start: '09:00', end: '17:00' },
    ];
    const hours = { timeZone: 'Asia/Riyadh', weekStart: 7, weekly, holidays: [] };
    expect(
      (await dashboard.t.app.inject({ method: 'PUT', url: '/api/v1/business-hours', headers: { cookie: owner }, payload: hours }))
        .statusCode,
    ).toBe(200);
    const { page } = await dashboard.open({ cookie: owner });
    await openSection(page, 'ar');
    expect((await documentDirection(page)).dir).toBe('rtl');
    await untilText(
      page.getByTestId('day-7').locator('.muted'),
      (text) => text === '\u2068١٣:٠٠\u2069–\u2068١٧:٠٠\u2069',
      'the second period',
    );
    await page.locator('input[name="end-7"]').fill('١١:٣٠');
    await page.getByTestId('save-business-hours').click();
    await untilText(page.locator('.alert-success'), (text) => text === TEXTS.ar.sla.hours.saved, 'saved');
    expect((await api('GET', '/api/v1/business-hours')).json().weekly).toEqual([
      { weekday: 7, start: '09:00', end: '11:30' },
      { weekday: 7, start: '13:00', end: '17:00' },
      { weekday: 1, start: '09:00', end: '17:00' },
    ]);
    const picker = page.getByTestId('holiday-picker');
    expect(await picker.locator('select[name="holiday-calendar"]').inputValue()).toBe('hijri');
    await until(
      () => picker.locator('select[name="holiday-month"] option').nth(8).textContent(),
      (text) => text === 'رمضان',
      'Ramadan among the months',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'sla-business-hours-ar');
  });
});
