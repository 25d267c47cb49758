// What a respondent meets outside the dashboard, with a screen reader and on a phone: the survey
// link page (a refused answer explained in the page's language, focus on the question to fix,
// the scale's end labels read with its end buttons, one row of buttons at 360 px, a readable
// notice in dark mode) and the widget (a slide-in survey announced without taking focus, a
// pop-up that is a real modal dialog). In English and Persian, at 360 × 740 and 1280 × 900, with
// axe-core finding nothing serious in light and dark mode.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { widgetDistDir } from '../../src/collect/widget/widget-assets.routes.js';
import { ensureWidgetBuilt } from '../../scripts/build-widget.mjs';
import { DESKTOP, horizontalOverflow, PHONE, seriousViolations, useColorScheme as showInColorScheme } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, until, useDashboard } from './harness.js';

const LANGUAGES = ['en', 'fa'] as const;
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;
const WORDS = {
  en: { submit: 'Next', required: 'this question needs an answer.' },
  fa: { submit: 'بعدی', required: 'به این پرسش باید پاسخ دهید.' },
};
const ANNOUNCED = { en: 'A short survey opened in the corner of the page.', fa: 'یک نظرسنجی کوتاه در گوشهٔ صفحه باز شد.' };

/** What Chromium tells screen readers about the focused element: its role, name and description. */
async function focusedForScreenReaders(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = (await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' })) as { result: { objectId: string } };
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false })) as {
      nodes: Array<{ role?: { value: string }; name?: { value: string }; description?: { value: string } }>;
    };
    const node = nodes[0];
    return { role: node?.role?.value ?? '', name: node?.name?.value ?? '', description: node?.description?.value ?? '' };
  } finally {
    await cdp.detach();
  }
}

/** The WCAG contrast ratio of an element's text on its own background colour. */
function contrastOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(element);
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}

/** axe-core in light and in dark mode: nothing serious or critical in either. */
async function expectNoSeriousViolations(page: Page, what: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await showInColorScheme(page, scheme);
    expect(await seriousViolations(page), `${what}: axe-core (${scheme})`).toEqual([]);
  }
  await showInColorScheme(page, 'light');
}

describeBrowser('the survey link page and the widget with a screen reader and on a phone', () => {
  const dashboard = useDashboard();
  let link = '';
  let rendererCode = '';

  beforeAll(async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'en');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: { cookie },
      payload: { template: 'nps', languages: ['en', 'fa'], defaultLanguage: 'en' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${created.json().id}/publish`,
      headers: { cookie },
      payload: {},
    });
    expect(published.statusCode, published.body).toBe(200);
    link = published.json().linkPath as string;
    await ensureWidgetBuilt();
    rendererCode = fs.readFileSync(path.join(widgetDistDir, 'renderer.js'), 'utf8');
  });

  for (const language of LANGUAGES) {
    it(`link page: a refused answer is explained in ${language}, focus lands on the scale, whose ends are read aloud`, async () => {
      const words = WORDS[language];
      for (const [size, viewport] of SIZES) {
        const guarded = await dashboard.open({ locale: language, viewport });
        const { page } = guarded;
        await page.goto(`${link}?lang=${language}`);
        await page.locator('.scale').waitFor();

        // One row of eleven buttons, even on a phone.
        const tops = await page.locator('.scale .choice span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().top));
        expect(tops).toHaveLength(11);
        expect(Math.max(...tops) - Math.min(...tops), `one row at ${size} size`).toBeLessThanOrEqual(1);
        expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);

        // The end buttons carry the end labels for screen readers.
        const [low, high] = await page.locator('.scale-labels span').allTextContents();
        expect(low && high).toBeTruthy();
        await page.locator('input[value="0"]').focus();
        expect(await focusedForScreenReaders(page)).toMatchObject({ role: 'radio', description: low });
        await page.locator('input[value="10"]').focus();
        expect(await focusedForScreenReaders(page)).toMatchObject({ role: 'radio', description: high });
        await page.locator('input[value="5"]').focus();
        expect((await focusedForScreenReaders(page)).description).toBe('');
        await expectNoSeriousViolations(page, `${language} ${size} question`);
        await screenshot(page, `link-page-question-${language}-${size}`);

        // Next with no answer: the page comes back with the reason in the page's language and
        // focus on the first button of the scale, which names the error.
        guarded.allowHttpError(400, `${link}/answer`);
        await page.getByRole('button', { name: words.submit }).click();
        const error = page.locator('.error');
        await error.waitFor();
        expect(await error.textContent()).toContain(words.required);
        expect(await error.textContent()).not.toContain('an answer is required');
        const focused = await until(
          () => focusedForScreenReaders(page),
          (f) => f.role === 'radio',
          'focus on the scale',
        );
        expect(focused.name).toBe(language === 'fa' ? '۰' : '0');
        expect(focused.description).toContain(low);
        expect(focused.description).toContain(words.required);
        await expectNoSeriousViolations(page, `${language} ${size} refused answer`);
        await screenshot(page, `link-page-error-${language}-${size}`);
      }
    });
  }

  it('link page: the notice stays readable in dark mode', async () => {
    // Chinese is not offered: the page says so in a notice, in the survey's default language.
    const { page } = await dashboard.open({ locale: 'zh', viewport: PHONE });
    await page.goto(`${link}?lang=zh`);
    await page.locator('.notice').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await showInColorScheme(page, scheme);
      expect(await contrastOf(page, '.notice'), `notice contrast (${scheme})`).toBeGreaterThanOrEqual(4.5);
    }
    await expectNoSeriousViolations(page, 'notice');
    await showInColorScheme(page, 'dark');
    await screenshot(page, 'link-page-notice-dark');
  });

  /** A plain page with the widget's renderer, driven as the loader drives it. */
  async function pageWithWidget(language: (typeof LANGUAGES)[number], viewport: { width: number; height: number }) {
    const { page } = await dashboard.open({ locale: language, viewport });
    const dir = language === 'fa' ? 'rtl' : 'ltr';
    await page.setContent(
      `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><title>Shop</title></head>
<body><main><h1>Coffee</h1><p>Shipping takes 2–4 days.</p><button id="page-button">Add to cart</button></main></body></html>`,
    );
    await page.addScriptTag({ content: rendererCode });
    return page;
  }

  const showSurvey = (page: Page, language: string, placement: 'popup' | 'slide_in') =>
    page.evaluate(
      ([lang, where]) => {
        const host = {
          language: () => lang,
          send() {},
          surveyShown() {},
          surveyClosed() {},
          newId: () => 'k'.repeat(22),
        };
        const survey = {
          id: 'srv_1',
          widget: {
            enabled: true,
            triggers: [],
            display: 'always',
            everyDays: 30,
            samplePercent: 100,
            segment: [],
            placement: where,
            delaySeconds: 0,
          },
          definition: {
            languages: ['en', 'fa'],
            defaultLanguage: 'en',
            hiddenFields: [],
            display: 'one_per_screen',
            questions: [
              {
                id: 'nps',
                type: 'nps',
                required: true,
                title: { en: 'How likely are you to recommend us?', fa: 'چقدر احتمال دارد ما را پیشنهاد کنید؟' },
              },
            ],
          },
        };
        (window as unknown as { __feedloopRenderer: { showSurvey(h: unknown, s: unknown): void } }).__feedloopRenderer.showSurvey(
          host,
          survey,
        );
      },
      [language, placement] as const,
    );

  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase());
  const pageInert = (page: Page) => page.evaluate(() => document.querySelector('main')!.closest('[inert]') !== null);

  for (const language of LANGUAGES) {
    it(`widget: a slide-in is announced without taking focus, a pop-up is a modal dialog (${language})`, async () => {
      for (const [size, viewport] of SIZES) {
        const page = await pageWithWidget(language, viewport);
        const dialog = page.getByRole('dialog');

        // Slide-in: the visitor keeps their place; a polite status says a survey is there.
        await page.locator('#page-button').focus();
        await showSurvey(page, language, 'slide_in');
        await dialog.waitFor();
        const status = page.locator('feedloop-widget [role="status"]');
        await until(
          () => status.textContent(),
          (text) => text === ANNOUNCED[language],
          'the announcement',
        );
        expect(await activeId(page)).toBe('page-button');
        expect(await dialog.getAttribute('aria-modal')).toBeNull();
        expect(await pageInert(page)).toBe(false);
        await expectNoSeriousViolations(page, `${language} ${size} slide-in`);
        await screenshot(page, `widget-slide-in-${language}-${size}`);
        // Closed without ever being entered: focus stays on the page.
        await dialog.getByRole('button', { name: language === 'fa' ? 'بستن' : 'Close' }).click();
        await page.locator('#page-button').focus();
        expect(await page.locator('feedloop-widget').count()).toBe(0);

        // Pop-up: the page behind is inert, Tab stays in the card, Escape closes and gives focus back.
        await showSurvey(page, language, 'popup');
        await dialog.waitFor();
        expect(await dialog.getAttribute('aria-modal')).toBe('true');
        expect(await activeId(page)).toBe('feedloop-widget');
        expect(await pageInert(page)).toBe(true);
        for (let i = 0; i < 15; i++) {
          await page.keyboard.press('Tab');
          expect(await activeId(page), `Tab ${i + 1} stays in the dialog`).toBe('feedloop-widget');
        }
        await expectNoSeriousViolations(page, `${language} ${size} pop-up`);
        await screenshot(page, `widget-popup-${language}-${size}`);
        await page.keyboard.press('Escape');
        expect(await page.locator('feedloop-widget').count()).toBe(0);
        expect(await pageInert(page)).toBe(false);
        expect(await activeId(page)).toBe('page-button');
      }
    });
  }
});
