// The dashboard on a phone and with a screen reader: the menu button at 360 px, each page's
// title and where focus lands after moving to it, the charts' hidden tables, the explorer's
// score-only rows and checkbox hit areas; in English and Persian, at 360 × 740 and 1280 × 900.
import { expect, it, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, horizontalOverflow, PHONE } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, until, useDashboard } from './harness.js';

const LANGUAGES = ['en', 'fa'] as const;
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;
const TITLES = {
  en: { overview: 'Overview — Feedloop', feedback: 'Feedback — Feedloop', customers: 'Customers — Feedloop' },
  fa: { overview: 'نمای کلی — Feedloop', feedback: 'بازخوردها — Feedloop', customers: 'مشتریان — Feedloop' },
};
const FEEDBACK_NAV = { en: 'Feedback', fa: 'بازخوردها' };
const CUSTOMERS_NAV = { en: 'Customers', fa: 'مشتریان' };

/** What has focus: its tag, and its text if it is a heading. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '', testId: el?.dataset.testid ?? '' };
  });
}

describeBrowser('the dashboard on a phone and with a screen reader', () => {
  const dashboard = useDashboard();
  let cookie = '';

  beforeAll(async () => {
    cookie = await signedInOwner(dashboard.t);
    await seedFeedback(dashboard.t, cookie, [
      { language: 'en', text: 'Delivery was late and nobody answered the phone.', nps: 3, customer: { externalId: 'c-1', name: 'Sara' } },
      { language: 'fa', text: 'بسته‌بندی عالی بود، ممنون.', nps: 10 },
      // A score with no comment, as a survey answer often is.
      { nps: 9, customer: { externalId: 'c-2', name: 'Reza' } },
    ]);
  });

  async function openIn(language: (typeof LANGUAGES)[number], viewport: { width: number; height: number }) {
    const res = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: language } });
    expect(res.statusCode).toBe(200);
    return (await dashboard.open({ cookie, locale: language, viewport })).page;
  }

  for (const language of LANGUAGES) {
    it(`folds the navigation behind a menu button on a phone, and shows it on a desktop (${language})`, async () => {
      const page = await openIn(language, PHONE);
      await page.goto('/feedback');
      await page.getByTestId('feedback-row').first().waitFor();
      const button = page.getByTestId('menu-button');
      const nav = page.locator('nav.nav');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
      // The logo link keeps its size next to the button.
      const brand = (await page.locator('a.brand').boundingBox())!;
      expect(brand.width).toBeGreaterThanOrEqual(28);
      await screenshot(page, `phone-menu-closed-${language}`);

      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
      // Every link fits the screen and is at least 44 px tall.
      for (const box of await nav.locator('a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(PHONE.width);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      await screenshot(page, `phone-menu-open-${language}`);

      // Escape closes it from inside the menu and gives focus back to the button.
      await nav.locator('a').nth(2).focus();
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect((await focused(page)).testId).toBe('menu-button');

      // Choosing a page closes the menu.
      await button.click();
      await nav.getByRole('link', { name: CUSTOMERS_NAV[language] }).click();
      await until(
        () => page.title(),
        (title) => title === TITLES[language].customers,
        'the customers page',
      );
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      await page.setViewportSize(DESKTOP);
      expect(await button.isVisible()).toBe(false);
      expect(await nav.isVisible()).toBe(true);
      expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `desktop-nav-${language}`);
    });

    it(`names each page in the title and moves focus to its heading (${language})`, async () => {
      const page = await openIn(language, DESKTOP);
      await page.goto('/');
      await page.locator('main h1').waitFor();
      await until(
        () => page.title(),
        (title) => title === TITLES[language].overview,
        'the overview title',
      );
      const link = page.locator('nav.nav').getByRole('link', { name: FEEDBACK_NAV[language] });
      await link.focus();
      await page.keyboard.press('Enter');
      await until(
        () => page.title(),
        (title) => title === TITLES[language].feedback,
        'the explorer title',
      );
      const heading = await until(
        () => focused(page),
        (f) => f.tag === 'h1',
        'focus on the explorer heading',
      );
      expect(heading.text).toBe(await page.locator('main h1').textContent());
    });
  }

  it("gives each chart a hidden table in the reader's language, calendar and digits, and labels that never overlap", async () => {
    for (const language of LANGUAGES) {
      for (const [size, viewport] of SIZES) {
        const page = await openIn(language, viewport);
        await page.goto('/');
        const table = page.getByTestId('chart-volume-table');
        await table.waitFor({ state: 'attached' });
        expect(await table.locator('caption').textContent()).toBe(language === 'fa' ? 'بازخورد در هر روز' : 'Feedback per day');
        // Thirty days, one row each; today's row holds the three seeded items.
        const rows = await table
          .locator('tbody tr')
          .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')));
        expect(rows).toHaveLength(30);
        const today = rows.at(-1)!;
        if (language === 'fa') {
          expect(today[0]).toMatch(/۱۴[۰-۹]{2}/); // a Jalali year in Persian digits
          expect(today[1]).toBe('۳');
        } else {
          expect(today[0]).toMatch(/20\d\d/);
          expect(today[1]).toBe('3');
        }
        // The canvas itself is hidden from screen readers: the table says it all.
        expect(await page.getByTestId('chart-volume').getAttribute('aria-hidden')).toBe('true');
        const gaps = await until(
          () => page.locator('.trend-chart').evaluateAll((charts) => charts.map((c) => Number((c as HTMLElement).dataset.labelGap))),
          (values) => values.length === 2 && values.every((v) => !Number.isNaN(v)),
          'the charts drawn',
        );
        expect(Math.min(...gaps), `day labels overlap at ${size} size in ${language}`).toBeGreaterThanOrEqual(4);
        expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `overview-${size}-${language}`);
      }
    }
  });

  it("names a score-only row's link and gives row checkboxes a 24 px hit area", async () => {
    for (const language of LANGUAGES) {
      for (const [size, viewport] of SIZES) {
        const page = await openIn(language, viewport);
        await page.goto('/feedback');
        await page.getByTestId('feedback-row').nth(2).waitFor();
        const names = await page.locator('a.row-text').evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ''));
        expect(names.filter((name) => name === '')).toEqual([]);
        expect(names).toContain(language === 'fa' ? 'فقط امتیاز، بدون توضیح' : 'Score only, no comment');
        const row = page.getByTestId('feedback-row').first();
        await row.scrollIntoViewIfNeeded();
        const target = (await row.locator('.check-target').boundingBox())!;
        expect(target.width).toBeGreaterThanOrEqual(24);
        expect(target.height).toBeGreaterThanOrEqual(24);
        // A click near the target's corner, outside the box itself, still ticks it.
        await page.mouse.click(target.x + 3, target.y + 3);
        expect(await row.getByTestId('select-row').isChecked()).toBe(true);
        expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
        await screenshot(page, `explorer-${size}-${language}`);
      }
    }
  });
});
