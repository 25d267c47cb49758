// Layout in four languages: Chinese text drawn with the bundled font on Persian and Arabic pages
// (dashboard, survey link page, demo shop and widget), numbers separated by something that cannot
// be read as a Persian zero, and the explorer's columns keeping Chinese words in lines.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { hiddenFields, postForm } from '../../src/platform/testing/survey-forms.js';
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

// Families as the CSS names them, and as the font files call themselves once drawn.
const CJK_FONT = 'Noto Sans SC Variable';
const CJK_DRAWN = /^Noto Sans SC/;
const ARABIC_DRAWN = /^Vazirmatn/;
const CHINESE_NAME = '王芳';
const CHINESE_TEXT = '页面加载有点慢，客服回复也很慢，希望下个版本能改进。';
const LONG_CHINESE_NAME = '北京市朝阳区客户服务中心王经理';

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The element whose own text contains `text`, looking inside shadow roots too. */
function elementWithText(node: DomNode, text: string): DomNode | null {
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    if (child.nodeType === 3 && child.nodeValue?.includes(text)) return node;
    const found = elementWithText(child, text);
    if (found) return found;
  }
  return null;
}

/**
 * The bundled (web) fonts Chromium actually drew an element's text with, read over CDP; system
 * fonts come back as `system:<name>`. The element is a CSS selector, or the one holding `text`.
 */
async function drawnWith(page: Page, target: string | { text: string }): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const nodeId =
      typeof target === 'string'
        ? (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: target })).nodeId
        : elementWithText(root as DomNode, target.text)?.nodeId;
    if (!nodeId) return [];
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => (font.isCustomFont ? font.familyName : `system:${font.familyName}`));
  } finally {
    await cdp.detach();
  }
}

/** Waits until the element's text is drawn with a bundled `family` (fonts arrive after the first paint). */
function untilDrawnWith(page: Page, target: string | { text: string }, family: RegExp, what: string) {
  return until(
    () => drawnWith(page, target),
    (fonts) => fonts.some((font) => family.test(font)),
    what,
    15_000,
  );
}

describeBrowser('layout in four languages', () => {
  const dashboard = useDashboard();
  let cookie = '';

  /** The workspace's owner, set up by whichever test runs first. */
  async function signIn() {
    cookie ||= await signedInOwner(dashboard.t, 'fa');
  }

  let seeded = false;
  /** Feedback in Chinese and Persian from named customers, stored once. */
  async function seed() {
    await signIn();
    if (seeded) return;
    seeded = true;
    await seedFeedback(dashboard.t, cookie, [
      { language: 'zh', text: CHINESE_TEXT, customer: { externalId: 'wang', name: CHINESE_NAME }, csat: 2 },
      {
        language: 'zh',
        text: '退款到现在还没到账，客服电话一直打不通。',
        customer: { externalId: 'desk', name: LONG_CHINESE_NAME },
        nps: 3,
      },
      { language: 'fa', text: 'ارسال خیلی سریع بود، ممنون از پشتیبانی.', customer: { externalId: 'sara', name: 'سارا' }, nps: 9 },
    ]);
  }

  async function setLocale(locale: string) {
    const res = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale } });
    expect(res.statusCode).toBe(200);
  }

  it('draws Chinese with the bundled Chinese font on Persian and Arabic dashboard pages', async () => {
    await seed();
    for (const lang of ['fa', 'ar'] as const) {
      await setLocale(lang);
      const { page } = await dashboard.open({ cookie });
      await page.goto('/feedback');
      await page.getByTestId('feedback-row').first().waitFor();
      // The switcher (whose list shows "中文") and untagged text such as a customer's name.
      expect(await page.getByTestId('lang-switcher').evaluate((el) => getComputedStyle(el).fontFamily)).toContain(CJK_FONT);
      const customer = page.getByTestId('feedback-row').filter({ hasText: CHINESE_NAME }).locator('.col-customer bdi');
      expect(await customer.textContent()).toBe(CHINESE_NAME);
      await customer.evaluate((el) => el.setAttribute('data-probe', 'chinese-name'));
      await untilDrawnWith(page, '[data-probe=chinese-name]', CJK_DRAWN, `${CHINESE_NAME} drawn in ${CJK_FONT} (${lang})`);
      // Persian and Arabic still come first in their own font.
      expect((await drawnWith(page, 'h1')).every((font) => ARABIC_DRAWN.test(font))).toBe(true);
      await screenshot(page, `fonts-explorer-${lang}`);
    }
  });

  it('draws Chinese and Persian with the bundled fonts on the survey link page, the demo shop and its widget', async () => {
    const { t } = dashboard;
    await signIn();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: { cookie }, payload: { template: 'nps' } });
    const survey = (
      await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${created.json().id}/publish`, headers: { cookie }, payload: {} })
    ).json();
    const { page } = await dashboard.open({ locale: 'zh-CN' });
    const fonts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fonts.push(new URL(response.url()).pathname);
    });
    // An English page downloads no Chinese or Arabic subsets: only what its text needs.
    await page.goto(`${survey.linkPath}?lang=en`);
    await page.waitForLoadState('networkidle');
    expect(fonts.filter((file) => /noto-sans-sc|vazirmatn-arabic/.test(file))).toEqual([]);
    await page.goto(`${survey.linkPath}?lang=zh`);
    await untilDrawnWith(page, 'legend', CJK_DRAWN, 'the Chinese question in the bundled font');
    await screenshot(page, 'fonts-link-page-zh');
    await page.goto(`${survey.linkPath}?lang=fa`);
    await untilDrawnWith(page, 'legend', ARABIC_DRAWN, 'the Persian question in the bundled font');
    await screenshot(page, 'fonts-link-page-fa');

    // The demo shop uses the newest key named "Demo shop", as `feedloop demo` makes it.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/widget-keys',
      headers: { cookie },
      payload: { name: 'Demo shop', allowedOrigins: [dashboard.url] },
    });
    await page.goto('/demo/widget');
    await page.locator('#lang').selectOption('zh');
    await untilDrawnWith(page, 'header h1', CJK_DRAWN, 'the demo shop title in the bundled font');
    // The widget draws in its shadow root with the fonts the page offers.
    await untilDrawnWith(page, { text: '有帮助' }, CJK_DRAWN, 'the widget\'s "helpful?" question in the bundled font');
    await screenshot(page, 'fonts-demo-shop-zh');
    await page.locator('#lang').selectOption('fa');
    await untilDrawnWith(page, 'header h1', ARABIC_DRAWN, 'the Persian demo shop title in the bundled font');
    await screenshot(page, 'fonts-demo-shop-fa');
  });

  it('separates survey counts with a comma in Persian, never a middle dot that reads as ۰', async () => {
    const { t } = dashboard;
    await signIn();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: { cookie }, payload: { template: 'nps' } });
    const survey = (
      await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${created.json().id}/publish`, headers: { cookie }, payload: {} })
    ).json();
    // One passive (8) and one detractor (3): "۰ مروج، ۱ بی‌طرف، ۱ منتقد".
    for (const score of [8, 3]) {
      const landing = await t.app.inject({ method: 'GET', url: `${survey.linkPath}?lang=en` });
      const action = /<form method="post" action="([^"]+)"/.exec(landing.body)![1];
      const res = await postForm(t, action, { ...hiddenFields(landing.body), a_nps: String(score) });
      expect(res.statusCode).toBe(303);
    }
    await t.drainJobs();
    await setLocale('fa');
    const { page } = await dashboard.open({ cookie });
    await page.goto(`/surveys/${survey.id}/results`);
    const split = await untilText(page.locator('.nps-split'), (text) => text.length > 0, 'the NPS split');
    expect(split).toBe('۰ مروج، ۱ بی‌طرف، ۱ منتقد');
    const texts = await page.getByTestId('survey-results').locator('p').allTextContents();
    expect(texts.filter((text) => text.includes('·'))).toEqual([]);
    await screenshot(page, 'survey-results-separators-fa');

    await page.getByTestId('lang-switcher').selectOption('en');
    await untilText(page.locator('.nps-split'), (text) => text === '0 promoters · 1 passives · 1 detractors', 'the English split');
    await screenshot(page, 'survey-results-separators-en');
    expect(fa.surveys.npsSplit).not.toContain('·');
    expect(en.surveys.npsSplit).toContain('·');
  });

  it.each([
    ['zh', 1280],
    ['zh', 900],
    ['fa', 1280],
    ['en', 1280],
  ] as const)("keeps the explorer's labels in lines, not one character per line (%s, %i px wide)", async (lang, width) => {
    await seed();
    await setLocale(lang);
    const { page } = await dashboard.open({ cookie, viewport: { width, height: 900 } });
    await page.goto('/feedback');
    await until(
      () => page.getByTestId('feedback-row').count(),
      (n) => n >= 3,
      'the rows',
    );
    await until(
      () => page.locator('.col-language span').first().textContent(),
      (text) => Boolean(text),
      'the language names',
    );
    // Every short label (language, analysis, channel, scores, customer, date) on one line.
    const broken = await page.getByTestId('feedback-list').evaluate((table) => {
      // Lines of text in an element: its text's boxes, grouped by how far down they start.
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = [...range.getClientRects()]
          .filter((r) => r.width > 0)
          .map((r) => r.top)
          .sort((a, b) => a - b);
        const step = 0.8 * parseFloat(getComputedStyle(el).fontSize);
        return tops.filter((top, i) => i === 0 || top - tops[i - 1] > step).length;
      };
      const labels = table.querySelectorAll(
        'tbody :is(.col-language > span, .col-channel .tag, .col-scores .chip, .row-customer, .col-date time, .analysis-confidence, .item-analysis .tag, .item-analysis .chip)',
      );
      return { count: labels.length, broken: [...labels].filter((el) => lines(el) > 1).map((el) => el.textContent) };
    });
    expect(broken.count).toBeGreaterThan(15);
    expect(broken.broken).toEqual([]);
    // The Chinese text itself reads in lines of many characters, and long names are cut, not wrapped.
    const textWidth = await page
      .getByTestId('feedback-row')
      .filter({ hasText: CHINESE_TEXT })
      .locator('.row-text')
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(textWidth).toBeGreaterThan(200);
    const longName = page.getByTestId('feedback-row').filter({ hasText: LONG_CHINESE_NAME }).getByTestId('row-customer');
    expect(await longName.getAttribute('title')).toBe(LONG_CHINESE_NAME);
    expect(await longName.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(14 * 15 + 1);
    await screenshot(page, `explorer-columns-${lang}-${width}`);
  });
});
