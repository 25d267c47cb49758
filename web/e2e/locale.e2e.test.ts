// Languages in the browser: direction, digits and calendars follow the language switcher and
// the user's settings.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import fa from '../src/locales/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, until, untilRows, untilText, useDashboard } from './harness.js';

const LATIN_DIGIT = /[0-9]/;
const PERSIAN_DIGIT = /[۰-۹]/;
const ARABIC_DIGIT = /[٠-٩]/;

const ITEMS = [
  { language: 'fa', text: 'ارسال خیلی سریع بود، ممنون از تیم پشتیبانی.', nps: 9 },
  { language: 'ar', text: 'المنتج وصل سليماً والتغليف ممتاز.', rating: 5 },
  { language: 'zh', text: '页面加载有点慢。', csat: 3 },
  { language: 'en', text: 'The refund took two weeks.', csat: 2 },
];

/** Switches the header's language switcher and waits for <html> to follow. */
async function switchLanguage(page: Page, locale: string, dir: 'rtl' | 'ltr') {
  await page.getByTestId('lang-switcher').selectOption(locale);
  await until(
    () => documentDirection(page),
    (d) => d.lang === locale && d.dir === dir,
    `<html lang="${locale}" dir="${dir}">`,
  );
}

/** The date shown on the first row, once it satisfies `accept`. */
function firstRowDate(page: Page, accept: (text: string) => boolean, what: string) {
  return untilText(page.getByTestId('feedback-row').first().locator('time'), accept, what);
}

describeBrowser('languages and calendars', () => {
  const dashboard = useDashboard();
  let cookie = '';

  it('mirrors the layout for fa and ar and uses their digits and calendars', async () => {
    cookie = await signedInOwner(dashboard.t, 'en');
    await seedFeedback(dashboard.t, cookie, ITEMS);
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await untilRows(
      page,
      ITEMS.map((item) => item.text),
      'the seeded rows',
    );
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await firstRowDate(page, (text) => /\b20\d\d\b/.test(text), 'a Gregorian date in Latin digits');

    await switchLanguage(page, 'fa', 'rtl');
    // Solar Hijri year 14xx in Persian digits, and no Latin digit anywhere in the date.
    const persianDate = await firstRowDate(page, (text) => /۱۴[۰-۹]{2}/.test(text), 'a Jalali year in Persian digits');
    expect(persianDate).not.toMatch(LATIN_DIGIT);
    expect(await page.locator('.page-title').textContent()).toBe(fa.list.title);
    await screenshot(page, 'feedback-list-fa');

    // The choice is saved to the profile, so it survives a reload.
    await page.reload();
    await page.getByTestId('feedback-row').first().waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });

    await switchLanguage(page, 'ar', 'rtl');
    const arabicDate = await firstRowDate(page, (text) => /٢٠[٠-٩]{2}/.test(text), 'a Gregorian year in Arabic-Indic digits');
    expect(arabicDate).not.toMatch(LATIN_DIGIT);
    expect(arabicDate).not.toMatch(PERSIAN_DIGIT);
    await screenshot(page, 'feedback-list-ar');

    await switchLanguage(page, 'zh', 'ltr');
    const chineseDate = await firstRowDate(page, (text) => /20\d\d年/.test(text), 'a Chinese date');
    expect(chineseDate).not.toMatch(ARABIC_DIGIT);
    await screenshot(page, 'feedback-list-zh');

    await switchLanguage(page, 'en', 'ltr');
    await firstRowDate(page, (text) => /\b20\d\d\b/.test(text) && !PERSIAN_DIGIT.test(text), 'an English date');
    await screenshot(page, 'feedback-list-en');
  });

  it('shows Gregorian dates in Persian digits once chosen in Settings', async () => {
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await page.getByTestId('feedback-row').first().waitFor();
    await switchLanguage(page, 'fa', 'rtl');
    await firstRowDate(page, (text) => /۱۴[۰-۹]{2}/.test(text), 'a Jalali date');

    await page.locator('.nav-link', { hasText: fa.nav.settings }).click();
    const form = page.getByTestId('settings-form');
    await form.waitFor();
    await form.locator('select[name=calendar]').selectOption('gregorian');
    await untilText(form.locator('.preview'), (text) => /۲۰[۰-۹]{2}/.test(text), 'a Gregorian year in Persian digits in the preview');
    await form.locator('button[type=submit]').click();
    await untilText(page.locator('.alert-success'), (text) => text === fa.settings.saved, 'the saved message');
    await screenshot(page, 'settings-gregorian-fa');

    await page.locator('.nav-link', { hasText: fa.nav.feedback }).click();
    const date = await firstRowDate(page, (text) => /۲۰[۰-۹]{2}/.test(text), 'a Gregorian year in Persian digits on the list');
    expect(date).not.toMatch(LATIN_DIGIT);
    expect(date).not.toMatch(/۱۴[۰-۹]{2}/);
    await screenshot(page, 'feedback-list-fa-gregorian');
  });
});
