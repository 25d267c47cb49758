// Dates in the browser: the full Persian date in Persian order, and the Umm al-Qura Hijri calendar
// chosen by an Arabic user (or for the whole workspace) on every date the dashboard shows.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import adminAr from '../src/locales/admin/ar.json' with { type: 'json' };
import ar from '../src/locales/ar.json' with { type: 'json' };
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

// 7 December 2026 is Monday 16 Azar 1405 and 27 Jumada II 1448.
const FIXED_DAY = '2026-12-07T12:00:00Z';
const FIXED_TEXT = 'التوصيل كان سريعاً.';
const TODAY_TEXT = 'الدفع عبر التطبيق لا يعمل.';
const HIJRI_MONTH = /محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة/;
const GREGORIAN_MONTH_AR = /يناير|فبراير|مارس|أبريل|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/;

/** The date half of the profile settings' preview. */
const previewDate = (page: Page) => page.getByTestId('settings-form').locator('.preview span[lang]').first();

/** The day label uPlot's legend shows for the point under the pointer. */
async function chartDayUnderPointer(page: Page): Promise<string> {
  const box = (await page.getByTestId('chart-volume').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  return (await page.getByTestId('chart-volume').locator('.u-legend .u-series').first().locator('.u-value').textContent()) ?? '';
}

describeBrowser('dates and calendars', () => {
  const dashboard = useDashboard();
  let cookie = '';

  async function setMe(payload: object) {
    const res = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload });
    expect(res.statusCode).toBe(200);
  }

  it('previews a full Persian date as Persian writes it: weekday, day, month, year', async () => {
    cookie = await signedInOwner(dashboard.t, 'fa');
    const { page } = await dashboard.open({ cookie });
    await page.goto('/settings');
    const text = await untilText(previewDate(page), (t) => /۱۴[۰-۹]{2}/.test(t), 'the Jalali preview');
    // e.g. "دوشنبه ۱۶ آذر ۱۴۰۵ ساعت ۱۲:۰۰", never "۱۴۰۵ آذر ۱۶, دوشنبه".
    expect(text).toMatch(/^[^\s۰-۹]+ [۰-۹]{1,2} [^\s۰-۹]+ ۱۴[۰-۹]{2} /);
    expect(text).not.toContain(',');
    expect(await page.getByTestId('settings-form').getByLabel(fa.settings.calendar).locator('option[value=hijri]').textContent()).toBe(
      fa.settings.calendarHijri,
    );
    await screenshot(page, 'settings-preview-fa');

    await page.getByTestId('lang-switcher').selectOption('en');
    const english = await untilText(previewDate(page), (t) => /\b20\d\d\b/.test(t), 'the English preview');
    expect(english).toMatch(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, 20\d\d at /);
    await screenshot(page, 'settings-preview-en');
  });

  it('shows every date in the Umm al-Qura calendar once an Arabic user chooses it', async () => {
    await setMe({ locale: 'ar', calendar: 'auto' });
    await seedFeedback(dashboard.t, cookie, [
      { language: 'ar', text: FIXED_TEXT, createdAt: FIXED_DAY },
      { language: 'ar', text: TODAY_TEXT },
    ]);
    const { page } = await dashboard.open({ cookie });
    await page.goto('/settings');
    const form = page.getByTestId('settings-form');
    await untilText(previewDate(page), (t) => GREGORIAN_MONTH_AR.test(t), 'a Gregorian preview');
    await form.getByLabel(ar.settings.calendar).selectOption('hijri');
    const preview = await untilText(previewDate(page), (t) => t.includes('هـ'), 'a Hijri preview');
    expect(preview).toMatch(HIJRI_MONTH);
    expect(preview).toMatch(/^[^\s٠-٩]+، [٠-٩]{1,2} /);
    await form.locator('button[type=submit]').click();
    await untilText(page.locator('.alert-success'), (t) => t === ar.settings.saved, 'saved');
    await screenshot(page, 'settings-hijri-ar');

    // The explorer's rows and the detail page.
    await page.goto('/feedback');
    const row = page.getByTestId('feedback-row').filter({ hasText: FIXED_TEXT });
    expect(await untilText(row.locator('time'), (t) => t.includes('١٤٤٨'), 'the row in Hijri')).toBe('٢٧ جمادى الآخرة ١٤٤٨ هـ');
    await screenshot(page, 'feedback-list-hijri-ar');
    await row.locator('.row-text').click();
    const created = await untilText(page.getByTestId('feedback-detail').locator('time').first(), (t) => t.length > 0, 'the detail dates');
    expect(created).toContain('٢٧ جمادى الآخرة ١٤٤٨ هـ');

    // The overview: its window and the days of its charts' axis.
    await page.goto('/');
    const window = await untilText(page.getByTestId('overview-window'), (t) => t.includes('هـ'), 'the window in Hijri');
    expect(window).not.toMatch(GREGORIAN_MONTH_AR);
    await page.getByTestId('chart-volume').locator('canvas').first().waitFor();
    const day = await until(
      () => chartDayUnderPointer(page),
      (t) => t !== '',
      'a day under the pointer',
    );
    expect(day).toMatch(HIJRI_MONTH);
    expect(day).toMatch(/[٠-٩]/);
    await screenshot(page, 'overview-hijri-ar');
  });

  it('lets an admin make Hijri the workspace calendar, which users on "auto" follow', async () => {
    await setMe({ locale: 'ar', calendar: 'auto' });
    const { page } = await dashboard.open({ cookie });
    await page.goto('/settings?section=workspace');
    const form = page.getByTestId('workspace-form');
    await form.getByLabel(adminAr.admin.workspace.calendar).selectOption('hijri');
    await page.getByTestId('save-workspace').click();
    await untilText(page.locator('.alert-success'), (t) => t === adminAr.admin.workspace.saved, 'saved');
    await page.goto('/feedback');
    const row = page.getByTestId('feedback-row').filter({ hasText: FIXED_TEXT });
    await untilText(row.locator('time'), (t) => t === '٢٧ جمادى الآخرة ١٤٤٨ هـ', 'the row in Hijri');

    // An English user on "auto" in the same workspace reads Hijri dates too, in English.
    await setMe({ locale: 'en' });
    await page.reload();
    expect(await untilText(row.locator('time'), (t) => t.includes('1448'), 'the row in Hijri, in English')).toBe('Jum. II 27, 1448 AH');
    expect(await page.locator('h1').textContent()).toBe(en.list.title);
    await screenshot(page, 'feedback-list-hijri-en');
  });
});
