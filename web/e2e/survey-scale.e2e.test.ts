// The link page's score scales on wide and narrow screens: the eleven NPS buttons on one row
// down to 360 px, the end labels right under the end buttons, mirrored in Persian and Arabic.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, useDashboard } from './harness.js';

type Box = { x: number; y: number; width: number; height: number };

/** The buttons of the first scale and its two end labels, as laid out. */
async function scaleLayout(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const scale = document.querySelector('.scale')!;
    const labels = [...document.querySelectorAll('.scale-labels span')];
    return {
      buttons: [...scale.querySelectorAll('.choice span')].map((b) => ({ text: b.textContent, ...box(b) })),
      low: box(labels[0]),
      high: box(labels[1]),
      // Text that does not fit its button, and a page wider than the screen.
      clipped: [...scale.querySelectorAll('.choice span')].filter((b) => b.scrollWidth > b.clientWidth + 1).length,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

const near = (a: number, b: number, within = 2) => Math.abs(a - b) <= within;

/** Every button on one row, 0 first in reading order, the labels under the end buttons. */
function expectScaleOnOneRow(layout: Awaited<ReturnType<typeof scaleLayout>>, rtl: boolean, digits: string[]) {
  const { buttons, low, high } = layout;
  expect(buttons.map((b) => b.text)).toEqual(digits);
  expect(new Set(buttons.map((b) => Math.round(b.y))).size, 'one row').toBe(1);
  for (const b of buttons) expect(b.width, `button ${b.text} wide enough to tap`).toBeGreaterThanOrEqual(24);
  expect(layout.clipped, 'numbers that do not fit their button').toBe(0);
  expect(layout.pageOverflow, 'horizontal scrolling').toBeLessThanOrEqual(0);
  const first = buttons[0],
    last = buttons[buttons.length - 1];
  // Reading order: 0 at the start edge (left in English, right in Persian).
  expect(rtl ? first.x > last.x : first.x < last.x).toBe(true);
  const end = (b: Box) => b.x + b.width;
  const bottom = first.y + first.height;
  for (const label of [low, high]) {
    expect(label.y, 'labels below the buttons').toBeGreaterThanOrEqual(bottom);
    expect(label.y - bottom, 'labels close under the buttons').toBeLessThan(24);
  }
  if (rtl) {
    expect(near(end(low), end(first)), `low label under ۰ (${end(low)} vs ${end(first)})`).toBe(true);
    expect(near(high.x, last.x), `high label under ۱۰ (${high.x} vs ${last.x})`).toBe(true);
  } else {
    expect(near(low.x, first.x), `low label under 0 (${low.x} vs ${first.x})`).toBe(true);
    expect(near(end(high), end(last)), `high label under 10 (${end(high)} vs ${end(last)})`).toBe(true);
  }
}

const LATIN = Array.from({ length: 11 }, (_, n) => String(n));
const PERSIAN = LATIN.map((n) => n.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
const ARABIC = LATIN.map((n) => n.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]));

describeBrowser('survey scales on the link page', () => {
  const dashboard = useDashboard();

  it('keeps the NPS scale on one row with its end labels under the end buttons, from 1280 px down to 360 px, in English, Persian and Arabic', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'en');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: { cookie }, payload: { template: 'nps' } });
    const surveyId = created.json().id as string;
    const published = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/publish`, headers: { cookie }, payload: {} });
    expect(published.statusCode, published.body).toBe(200);
    const link = published.json().linkPath as string;

    const cases = [
      { lang: 'en', digits: LATIN, rtl: false },
      { lang: 'fa', digits: PERSIAN, rtl: true },
      { lang: 'ar', digits: ARABIC, rtl: true },
    ] as const;
    for (const { lang, digits, rtl } of cases) {
      for (const width of [1280, 420, 360]) {
        const { page } = await dashboard.open({ locale: lang, viewport: { width, height: 800 } });
        await page.goto(`${link}?lang=${lang}`);
        await page.locator('.scale').waitFor();
        expectScaleOnOneRow(await scaleLayout(page), rtl, digits);
        if (lang !== 'ar' || width === 360) await screenshot(page, `survey-scale-${lang}-${width}`);
      }
    }
  });
});
