// The emerging-themes page: a recurring Persian phrase listed in the Persian (RTL) dashboard, the
// language filter, and "make this a topic" for the owner.
import { expect, it } from 'vitest';
import fa from '../src/locales/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

const XSS = '<img src=x onerror=alert(1)>';
const ITEMS = [
  { language: 'fa', text: 'امتیاز باشگاه من هنوز ثبت نشده' },
  { language: 'fa', text: 'امتیاز باشگاه را پیدا نمی‌کنم' },
  { language: 'fa', text: `امتياز باشگاه صفر شد ${XSS}` },
  { language: 'en', text: 'The stamp card option disappeared' },
  { language: 'en', text: 'stamp card option missing at checkout' },
  { language: 'en', text: 'Where is the stamp card option?' },
];

describeBrowser('emerging themes', () => {
  const dashboard = useDashboard();

  it('lists themes per language and turns one into a topic', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'fa');
    await seedFeedback(t, cookie, ITEMS);

    const { page } = await dashboard.open({ cookie });
    await page.goto('/themes');
    const themes = page.getByTestId('theme');
    await until(
      () => themes.locator('.theme-phrase').allTextContents(),
      (p) => p.includes('امتیاز باشگاه') && p.includes('stamp card option'),
      'both themes',
    );
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // User text is text: the markup in a feedback item is shown, never run.
    expect(await page.locator('.theme-example', { hasText: XSS }).count()).toBe(1);
    expect(await page.locator('.theme-example img').count()).toBe(0);
    await screenshot(page, 'themes-fa');

    await page.getByTestId('themes-language').selectOption('fa');
    await until(
      () => themes.locator('.theme-phrase').allTextContents(),
      (p) => p.length === 1 && p[0] === 'امتیاز باشگاه',
      'only the Persian theme',
    );
    expect(new URL(page.url()).search).toBe('?language=fa');

    await themes.getByTestId('theme-promote').click();
    await untilText(
      themes.locator('.alert-success'),
      (text) => text.includes(fa.themes.promoted) && text.includes('امتیاز باشگاه'),
      'the created topic',
    );
    expect(await themes.getByTestId('theme-promote').count()).toBe(0);
    await screenshot(page, 'themes-promoted-fa');
  });
});
