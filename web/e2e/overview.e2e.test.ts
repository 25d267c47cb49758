// The overview (home page) in the browser: the figures of seeded feedback, the charts mirrored
// for Persian and Arabic, Persian digits and the self-hosted fonts, with no request leaving the machine.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../src/locales/overview/en.json' with { type: 'json' };
import fa from '../src/locales/overview/fa.json' with { type: 'json' };
import ar from '../src/locales/overview/ar.json' with { type: 'json' };
import zh from '../src/locales/overview/zh.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

const LATE_FA = 'ارسال خیلی دیر بود و کسی جواب نداد.';
const REFUND_ZH = '退款太慢了，客服也不回复。';
const ITEMS = [
  { language: 'en', text: 'Delivery was late again and support never answered.', nps: 2 },
  { language: 'en', text: 'Great product, fast delivery.', nps: 10 },
  { language: 'en', text: 'Love the new design.', nps: 9 },
  { language: 'en', text: 'Everything arrived as promised.', nps: 10 },
  { language: 'fa', text: LATE_FA, nps: 4 },
  { language: 'en', text: 'Checkout was fine.', csat: 5 },
  { language: 'zh', text: REFUND_ZH, csat: 2 },
];

const CATALOGS = { en, fa, ar, zh };

async function switchLanguage(page: Page, locale: keyof typeof CATALOGS, dir: 'rtl' | 'ltr') {
  await page.getByTestId('lang-switcher').selectOption(locale);
  await until(
    () => documentDirection(page),
    (d) => d.lang === locale && d.dir === dir,
    `<html lang="${locale}" dir="${dir}">`,
  );
  await untilText(page.locator('.page-title'), (text) => text === CATALOGS[locale].overview.title, `the ${locale} overview`);
}

/** The charts' direction as set, and where the first day was actually drawn. */
function chartDirections(page: Page) {
  return page
    .locator('.trend-chart')
    .evaluateAll((charts) => charts.map((c) => `${c.getAttribute('data-x-direction')}:${(c as HTMLElement).dataset.firstDaySide}`));
}

describeBrowser('overview', () => {
  const dashboard = useDashboard();

  it('shows the figures of the seeded feedback, mirrored in fa and ar, with self-hosted fonts', async () => {
    const cookie = await signedInOwner(dashboard.t);
    await seedFeedback(dashboard.t, cookie, ITEMS);

    const { page } = await dashboard.open({ cookie });
    const fonts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fonts.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await page.goto('/');
    await untilText(page.getByTestId('figure-today-value'), (text) => text === '7', "today's volume");
    // 5 NPS answers: 3 promoters, 2 detractors → +20; CSAT: 1 of 2 satisfied.
    expect(await page.getByTestId('figure-nps-value').textContent()).toBe('+20');
    expect(await page.getByTestId('figure-csat-value').textContent()).toBe('50%');
    expect(await page.getByTestId('attention-item').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('overview-attention').textContent()).toContain(LATE_FA);
    expect(await page.getByTestId('overview-topic').count()).toBeGreaterThan(0);
    await until(
      () => chartDirections(page),
      (d) => d.length === 2 && d.every((x) => x === 'ltr:left'),
      'charts running left to right',
    );
    expect(await page.locator('a.nav-link.active').textContent()).toBe(en.overview.nav);
    await screenshot(page, 'overview-en');

    await page.getByTestId('overview-days').selectOption('7');
    await untilText(page.getByTestId('figure-volume'), (text) => text.includes('in the last 7 days'), 'the 7-day period');
    expect(new URL(page.url()).search).toBe('?days=7');
    expect(await page.getByTestId('figure-volume-value').textContent()).toBe('7');

    await switchLanguage(page, 'fa', 'rtl');
    await untilText(page.getByTestId('figure-today-value'), (text) => text === '۷', 'Persian digits');
    expect(await page.getByTestId('figure-nps-value').textContent()).toContain('۲۰');
    await until(
      () => chartDirections(page),
      (d) => d.length === 2 && d.every((x) => x === 'rtl:right'),
      'charts running right to left',
    );
    // Jalali dates: the window's years are 14xx.
    expect(await page.getByTestId('overview-window').textContent()).toMatch(/۱۴[۰-۹]{2}/);
    // The legend sits at the right edge of its chart.
    const gap = await page
      .locator('.trend-chart')
      .first()
      .evaluate((chart) => chart.getBoundingClientRect().right - chart.querySelector('.u-legend')!.getBoundingClientRect().right);
    expect(gap).toBeLessThan(2);
    await screenshot(page, 'overview-fa');

    await switchLanguage(page, 'ar', 'rtl');
    await untilText(page.getByTestId('figure-today-value'), (text) => text === '٧', 'Arabic digits');
    await until(
      () => chartDirections(page),
      (d) => d.every((x) => x === 'rtl:right'),
      'charts mirrored in ar',
    );
    await screenshot(page, 'overview-ar');

    await switchLanguage(page, 'zh', 'ltr');
    await untilText(page.getByTestId('figure-today-value'), (text) => text === '7', 'the zh overview');
    await until(
      () => chartDirections(page),
      (d) => d.every((x) => x === 'ltr:left'),
      'charts left to right in zh',
    );
    await screenshot(page, 'overview-zh');

    // The fonts came from this server, only the subsets the text needed.
    await until(
      async () => fonts,
      (f) => f.some((x) => x.includes('vazirmatn-arabic')) && f.some((x) => x.includes('noto-sans-sc')),
      'the Persian and Chinese fonts',
    );
    expect(fonts.every((x) => x.startsWith('200 /assets/'))).toBe(true);
    expect(fonts.length).toBeLessThan(20);
  });
});
