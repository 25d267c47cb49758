// The renderer in a real Chromium: built as it ships, injected into a page whose own CSS is as
// hostile as it gets, and driven through a fake host that records every call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumAvailability, launchBrowser } from '../../../web/e2e/browser.js';
import type { Locale, Renderer, RendererHost, WidgetSurvey } from '../types.js';
import type { Question, SurveyDefinition } from '@feedloop/contracts/survey-definition';

type Call = { fn: 'send'; action: string; body: Record<string, unknown> } | { fn: 'shown' | 'closed'; id: string; completed?: boolean };
declare global {
  interface Window {
    calls: Call[];
    host: RendererHost & { lang: Locale };
    makeHost(lang: Locale): RendererHost & { lang: Locale };
    pwned?: number;
  }
}

const availability = chromiumAvailability();
if (!availability.available) console.warn(`Skipping the widget renderer browser tests. ${availability.reason}`);

// The page's own styles try everything: nothing of it may reach the widget.
const HOST_PAGE = `<!doctype html><html lang="en"><head><style>
* { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: serif !important; line-height: 3 !important; letter-spacing: 3px !important; }
div, button, label, textarea, input, fieldset, p { border: 5px dashed green !important; padding: 30px !important; margin: 20px !important; display: inline !important; }
feedloop-widget, [class] { display: none; transform: scale(.5); }
</style></head><body>
<h1 id="title">Guide</h1><p id="text">Install the app.</p><button id="page-button">Page button</button>
<div id="helpful" data-feedloop-helpful data-feedloop-topic="Install guide"></div>
</body></html>`;

// Records calls as JSON, as they would go over the wire.
const FAKE_HOST = `window.calls = [];
window.makeHost = (lang) => ({
  lang,
  language() { return this.lang; },
  send(action, body) { calls.push({ fn: 'send', action, body: JSON.parse(JSON.stringify(body)) }); },
  surveyShown(id) { calls.push({ fn: 'shown', id }); },
  surveyClosed(id, completed) { calls.push({ fn: 'closed', id, completed }); },
  newId() { return 'k'.repeat(22); },
});
window.host = window.makeHost('en');`;

const en = (text: string) => ({ en: text });
const WIDGET: WidgetSurvey['widget'] = {
  enabled: true,
  triggers: [{ type: 'page_view' }],
  display: 'until_answered',
  everyDays: 30,
  samplePercent: 100,
  segment: [],
  placement: 'popup',
  delaySeconds: 0,
};
type QuestionInput = Omit<Question, 'required'> & { required?: boolean };
function makeSurvey(
  questions: QuestionInput[],
  definition: Partial<SurveyDefinition> = {},
  placement: 'popup' | 'slide_in' = 'popup',
): WidgetSurvey {
  return {
    id: 'srv_1',
    widget: { ...WIDGET, placement },
    definition: {
      languages: ['en'],
      defaultLanguage: 'en',
      hiddenFields: [],
      display: 'one_per_screen',
      ...definition,
      questions: questions.map((q) => ({ required: false, ...q })),
    },
  };
}

let rendererCode = '';
let browser: Browser;
const pages: Page[] = [];

async function openPage(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, ...options });
  pages.push(page);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  // The renderer never fetches anything (no fonts, images or calls of its own).
  await page.route('**/*', (route) => {
    problems.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  await page.setContent(HOST_PAGE);
  await page.addScriptTag({ content: FAKE_HOST });
  await page.addScriptTag({ content: rendererCode });
  return { page, problems };
}

const call = (page: Page, method: keyof Renderer, ...args: unknown[]) =>
  page.evaluate(
    ([m, a]) => {
      const renderer = window.__feedloopRenderer as unknown as Record<string, (...x: unknown[]) => void>;
      const resolved = (a as unknown[]).map((x) => (x === '#helpful' ? document.getElementById('helpful') : x));
      renderer[m as string](window.host, ...resolved);
    },
    [method, args] as const,
  );
const showSurvey = (page: Page, survey: WidgetSurvey) => call(page, 'showSurvey', survey);
const setLanguage = (page: Page, lang: Locale) => page.evaluate((l) => (window.host.lang = l), lang);
const calls = (page: Page) => page.evaluate(() => window.calls);
const sent = async (page: Page) => (await calls(page)).flatMap((c) => (c.fn === 'send' ? [{ action: c.action, ...c.body }] : []));
const responses = async (page: Page) => (await sent(page)).map((s) => (s as { answers?: unknown }).answers);
const widgetHosts = (page: Page) => page.evaluate(() => document.querySelectorAll('feedloop-widget').length);

describe.skipIf(!availability.available)('widget renderer in Chromium', () => {
  beforeAll(async () => {
    const built = await build({
      entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'index.ts')],
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      target: ['es2019', 'chrome70', 'firefox68', 'safari12'],
      logLevel: 'silent',
    });
    rendererCode = built.outputFiles[0].text;
    browser = await launchBrowser();
  });
  let problems: string[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    expect(problems).toEqual([]);
    problems = [];
  });
  afterAll(async () => browser?.close());
  const open = async (options?: BrowserContextOptions) => {
    const opened = await openPage(options);
    problems = opened.problems;
    return opened.page;
  };

  it('walks every question type in English by keyboard and mouse and sends each step as typed values', async () => {
    const page = await open();
    await page.clock.install();
    await page.locator('#page-button').focus();
    await showSurvey(
      page,
      makeSurvey([
        { id: 'recommend', type: 'nps', title: en('How likely are you to recommend us?'), required: true },
        { id: 'satisfaction', type: 'csat', title: en('How satisfied are you?') },
        { id: 'effort', type: 'ces', title: en('How easy was it?') },
        { id: 'stars', type: 'rating', title: en('Rate your purchase') },
        { id: 'comment', type: 'text', title: en('What did you like?') },
        { id: 'other', type: 'text', title: en('Anything else?') },
        {
          id: 'plan',
          type: 'single',
          title: en('Your plan'),
          options: [
            { id: 'free', label: en('Free') },
            { id: 'pro', label: en('Pro') },
          ],
        },
        {
          id: 'features',
          type: 'multiple',
          title: en('What do you use?'),
          options: [
            { id: 'reports', label: en('Reports') },
            { id: 'api', label: en('API') },
            { id: 'export', label: en('Export') },
          ],
        },
        { id: 'again', type: 'yes_no', title: en('Would you buy again?') },
      ]),
    );
    const dialog = page.getByRole('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FEEDLOOP-WIDGET');
    const next = dialog.getByRole('button', { name: 'Next' });

    // nps by keyboard: Tab past the close button into the radio group, arrows to 9, Tab to Next.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    expect(await dialog.getByRole('radio', { name: '9' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // csat by mouse, on the visible number.
    await dialog.getByText('4', { exact: true }).click();
    await next.click();
    // ces by keyboard: focus is already on the new question.
    await page.keyboard.press('Space');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    // rating by mouse: the fourth star, painted with the three before it.
    await dialog.locator('label.star').nth(3).click();
    expect(await dialog.locator('label.star.on').count()).toBe(4);
    await next.click();
    await page.keyboard.type('  Great <b>service</b>  ');
    await page.keyboard.press('Tab'); // Back
    await page.keyboard.press('Tab'); // Next
    await page.keyboard.press('Enter');
    await next.click(); // "other" skipped
    await dialog.getByText('Pro').click();
    await next.click();
    // multiple by keyboard, chosen out of order: sent in the survey's order.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await dialog.getByText('No', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Submit' }).click();

    await dialog.getByText('Thank you! Your answers have been saved.').waitFor();
    expect(await responses(page)).toEqual([
      { recommend: 9 },
      { satisfaction: 4 },
      { effort: 6 },
      { stars: 4 },
      { comment: 'Great <b>service</b>' },
      { other: null },
      { plan: 'pro' },
      { features: ['reports', 'api'] },
      { again: false },
    ]);
    for (const s of await sent(page))
      expect(s).toMatchObject({ action: 'responses', surveyId: 'srv_1', responseKey: 'k'.repeat(22), language: 'en' });
    // The thank-you closes by itself and gives focus back to the page.
    await page.clock.runFor(5_000);
    await expect.poll(() => widgetHosts(page)).toBe(0);
    expect((await calls(page)).filter((c) => c.fn !== 'send')).toEqual([
      { fn: 'shown', id: 'srv_1' },
      { fn: 'closed', id: 'srv_1', completed: true },
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
  });

  it('shows an NPS survey in Persian, right to left in Persian digits, with a follow-up by score and a skip rule', async () => {
    const page = await open();
    await setLanguage(page, 'fa');
    const survey = makeSurvey(
      [
        {
          id: 'nps',
          type: 'nps',
          required: true,
          title: { en: 'How likely…?', fa: 'چقدر احتمال دارد ما را پیشنهاد کنید؟' },
          logic: [{ if: { question: 'nps', min: 9 }, goTo: 'end' }],
        },
        {
          id: 'why_low',
          type: 'text',
          title: { en: 'What went wrong?', fa: 'چه چیزی باید بهتر شود؟' },
          showIf: { question: 'nps', max: 6 },
        },
        { id: 'contact', type: 'yes_no', title: { en: 'May we contact you?', fa: 'با شما تماس بگیریم؟' } },
      ],
      { languages: ['en', 'fa'], thankYou: { en: 'Thanks', fa: 'ممنون از شما' } },
      'slide_in',
    );
    await showSurvey(page, survey);
    const dialog = page.getByRole('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBeNull();
    const box = page.locator('.fl').first();
    expect([await box.getAttribute('dir'), await box.getAttribute('lang')]).toEqual(['rtl', 'fa']);
    expect(await dialog.locator('label.chip').allTextContents()).toEqual(['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹', '۱۰']);
    await dialog.getByText('اصلاً احتمال ندارد').waitFor();
    // Mirrored: the slide-in sits in the bottom left corner, its close button at the card's left.
    const card = (await dialog.boundingBox())!;
    expect(card.x).toBeLessThan(100);
    expect((await dialog.getByRole('button', { name: 'بستن' }).boundingBox())!.x).toBeLessThan(card.x + 60);

    await dialog.getByText('۳', { exact: true }).click();
    await dialog.getByRole('button', { name: 'بعدی' }).click();
    await dialog.getByLabel('چه چیزی باید بهتر شود؟').fill('ارسال دیر بود');
    // Back shows the score as chosen; going forward again keeps what was typed.
    await dialog.getByRole('button', { name: 'قبلی' }).click();
    expect(await dialog.getByRole('radio', { name: '۳' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'بعدی' }).click();
    expect(await dialog.getByLabel('چه چیزی باید بهتر شود؟').inputValue()).toBe('ارسال دیر بود');
    await dialog.getByRole('button', { name: 'بعدی' }).click();
    await dialog.getByText('بله').click();
    await dialog.getByRole('button', { name: 'ارسال' }).click();
    await dialog.getByText('ممنون از شما').waitFor();
    await dialog.getByRole('button', { name: 'بستن' }).click();
    expect(await responses(page)).toEqual([{ nps: 3 }, { nps: 3 }, { why_low: 'ارسال دیر بود' }, { contact: true }]);
    expect((await sent(page)).every((s) => (s as { language?: string }).language === 'fa')).toBe(true);

    // A promoter's 10 ends the survey at once (the skip rule), so its button already says "Submit".
    await showSurvey(page, survey);
    await dialog.getByText('۱۰', { exact: true }).click();
    await dialog.getByRole('button', { name: 'ارسال' }).click();
    await dialog.getByText('ممنون از شما').waitFor();
    expect((await responses(page)).slice(4)).toEqual([{ nps: 10 }]);
  });

  it('refuses to go on without a required answer, says why, and sends nothing', async () => {
    const page = await open();
    await showSurvey(
      page,
      makeSurvey(
        [
          { id: 'score', type: 'csat', required: true, title: en('How satisfied are you?') },
          { id: 'why', type: 'text', required: true, title: en('What should we improve?'), showIf: { question: 'score', max: 2 } },
          { id: 'note', type: 'text', title: en('A note') },
        ],
        { display: 'all_on_one_page' },
      ),
    );
    const dialog = page.getByRole('dialog');
    const error = dialog.locator('[aria-live]');
    expect(await dialog.getByLabel('What should we improve?').isHidden()).toBe(true);
    await dialog.getByRole('button', { name: 'Submit' }).click();
    expect(await error.textContent()).toBe('Please answer: How satisfied are you?');
    expect(await error.getAttribute('aria-live')).toBe('assertive');
    expect(await dialog.getByRole('radio', { name: '1' }).evaluate((n) => n === (n.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    // A low score brings its required follow-up onto the page, which must be answered too.
    await dialog.getByText('2', { exact: true }).click();
    expect(await error.textContent()).toBe('');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    expect(await error.textContent()).toBe('Please answer: What should we improve?');
    expect(await sent(page)).toEqual([]);
    await dialog.getByLabel('What should we improve?').fill('Faster delivery');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    expect(await responses(page)).toEqual([{ score: 2, why: 'Faster delivery', note: null }]);
  });

  it('shows markup in survey texts as text', async () => {
    const page = await open();
    const markup = '<img src=x onerror="window.pwned=1">';
    await showSurvey(
      page,
      makeSurvey(
        [
          {
            id: 'pick',
            type: 'single',
            title: en(markup),
            description: en(markup),
            options: [
              { id: 'a', label: en(markup) },
              { id: 'b', label: en('B') },
            ],
          },
        ],
        { welcome: en(markup) },
      ),
    );
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByText(markup).count()).toBe(4);
    expect(await page.evaluate(() => document.querySelector('feedloop-widget')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  });

  it('closes on Escape, tells the host it was dismissed, and returns focus', async () => {
    const page = await open();
    await page.locator('#page-button').focus();
    await showSurvey(page, makeSurvey([{ id: 'nps', type: 'nps', title: en('How likely…?') }]));
    // Tab stays inside the modal card.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FEEDLOOP-WIDGET');
    await page.keyboard.press('Escape');
    await expect.poll(() => widgetHosts(page)).toBe(0);
    expect(await calls(page)).toEqual([
      { fn: 'shown', id: 'srv_1' },
      { fn: 'closed', id: 'srv_1', completed: false },
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
  });

  it('asks "was this helpful?" and sends one feedback item per vote', async () => {
    const page = await open();
    await call(page, 'mountHelpful', '#helpful');
    const block = page.locator('#helpful');
    await block.getByRole('button', { name: 'No' }).click();
    await block.getByRole('button', { name: 'Yes' }).click();
    expect(await block.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('true');
    await block.getByLabel('Anything to add? (optional)').fill('Clear steps');
    await block.getByRole('button', { name: 'Send' }).click();
    await block.getByText('Thanks for letting us know.').waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await sent(page)).toEqual([
      { action: 'feedback', kind: 'helpful', helpful: true, text: 'Clear steps', context: 'Install guide', elapsedMs: expect.any(Number) },
    ]);
  });

  it('sends a vote without a comment when the visitor leaves before pressing Send', async () => {
    const page = await open();
    await call(page, 'mountHelpful', '#helpful');
    await page.locator('#helpful').getByRole('button', { name: 'No' }).click();
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(await sent(page)).toEqual([
      { action: 'feedback', kind: 'helpful', helpful: false, text: '', context: 'Install guide', elapsedMs: expect.any(Number) },
    ]);
  });

  it('sends a bug report from the feedback button, with a honeypot people never fill', async () => {
    const page = await open();
    await call(page, 'mountButton');
    await page.getByRole('button', { name: 'Feedback' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send us feedback' });
    const honeypot = dialog.locator('input[name="website"]');
    expect(
      await honeypot.evaluate((n: HTMLInputElement) => [
        n.tabIndex,
        n.autocomplete,
        n.parentElement!.getAttribute('aria-hidden'),
        n.parentElement!.getBoundingClientRect().width,
      ]),
    ).toEqual([-1, 'off', 'true', 1]);
    await dialog.getByText('Bug report').click();
    await dialog.getByRole('button', { name: 'Send' }).click();
    expect(await dialog.locator('[aria-live]').textContent()).toBe('Please write a message.');
    await dialog.getByLabel('Your message').fill('The checkout button does nothing');
    await dialog.getByLabel(/^Email/).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Send' }).click();
    expect(await dialog.locator('[aria-live]').textContent()).toBe('Please check the email address.');
    expect(await sent(page)).toEqual([]);
    await dialog.getByLabel(/^Email/).fill('sara@example.com');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thanks! Your message was sent.').waitFor();
    const body = (await sent(page))[0] as Record<string, unknown>;
    expect(body).toEqual({
      action: 'feedback',
      kind: 'bug',
      text: 'The checkout button does nothing',
      contactEmail: 'sara@example.com',
      elapsedMs: expect.any(Number),
    });
    expect(Number.isInteger(body.elapsedMs) && (body.elapsedMs as number) >= 0 && (body.elapsedMs as number) < 60_000).toBe(true);

    // A bot that fills every field is sent as such: the server drops it.
    await page.getByRole('button', { name: 'Feedback' }).click();
    await call(page, 'openFeedback', 'idea');
    await dialog.getByLabel('Your message').fill('Buy cheap pills');
    await honeypot.evaluate((n: HTMLInputElement) => (n.value = 'https://spam.example'));
    await dialog.getByRole('button', { name: 'Send' }).click();
    expect((await sent(page))[1]).toMatchObject({ kind: 'idea', text: 'Buy cheap pills', website: 'https://spam.example' });
  });

  it('relabels everything on screen in Arabic, keeping what was chosen', async () => {
    const page = await open();
    await call(page, 'mountButton');
    await call(page, 'mountHelpful', '#helpful');
    await showSurvey(
      page,
      makeSurvey([{ id: 'nps', type: 'nps', title: { en: 'How likely…?', ar: 'ما مدى احتمال أن توصي بنا؟' } }], {
        languages: ['en', 'ar'],
      }),
    );
    const dialog = page.getByRole('dialog');
    await dialog.getByText('7', { exact: true }).click();
    await setLanguage(page, 'ar');
    await call(page, 'relabel');
    await dialog.getByText('ما مدى احتمال أن توصي بنا؟').waitFor();
    expect(await dialog.getByRole('radio', { name: '٧' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'إرسال' }).waitFor();
    await page.getByRole('button', { name: 'ملاحظات' }).waitFor();
    await page.locator('#helpful').getByText('هل كان هذا مفيدًا؟').waitFor();
    const boxes = await page.locator('.fl').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('dir'), n.getAttribute('lang')]));
    expect(boxes).toEqual([
      ['rtl', 'ar'],
      ['rtl', 'ar'],
      ['rtl', 'ar'],
    ]);
  });

  it('unmount removes everything it drew', async () => {
    const page = await open();
    const before = await page.evaluate(() => document.body.outerHTML);
    await call(page, 'mountButton');
    await call(page, 'mountHelpful', '#helpful');
    await page.locator('#helpful').getByRole('button', { name: 'Yes' }).click();
    await call(page, 'openFeedback');
    await showSurvey(page, makeSurvey([{ id: 'nps', type: 'nps', title: en('How likely…?') }]));
    expect(await widgetHosts(page)).toBe(4);
    await call(page, 'unmount');
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
    // reset() forgets the visitor first, so the unsent vote is dropped and nothing is left listening.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await sent(page)).toEqual([]);
  });

  it('keeps the page and the widget styles apart', async () => {
    const page = await open();
    const pageStyles = () =>
      page.evaluate(() =>
        ['title', 'text', 'page-button', 'helpful'].map((id) => {
          const s = getComputedStyle(document.getElementById(id)!);
          return [s.fontSize, s.color, s.fontFamily, s.display, s.borderTopStyle, s.direction];
        }),
      );
    const pageBefore = await pageStyles();
    await call(page, 'mountButton');
    await call(page, 'mountHelpful', '#helpful');
    await showSurvey(page, makeSurvey([{ id: 'nps', type: 'nps', title: en('How likely…?') }]));
    expect(await pageStyles()).toEqual(pageBefore);
    const widget = await page
      .getByRole('dialog')
      .getByText('How likely…?')
      .evaluate((n) => {
        const s = getComputedStyle(n);
        return [s.fontSize, s.color, s.letterSpacing];
      });
    expect(widget).toEqual(['15px', 'rgb(17, 24, 39)', 'normal']);
    expect(await page.getByRole('button', { name: 'Feedback' }).isVisible()).toBe(true);
    expect(
      await page
        .locator('#helpful')
        .getByText('Was this helpful?')
        .evaluate((n) => getComputedStyle(n).fontSize),
    ).toBe('15px');
  });

  it('fits a 360 px phone, has a dark card for dark mode, and no motion when reduced motion is asked', async () => {
    const page = await open({ viewport: { width: 360, height: 640 }, colorScheme: 'dark', reducedMotion: 'reduce' });
    await showSurvey(page, makeSurvey([{ id: 'nps', type: 'nps', title: en('How likely are you to recommend us to a friend?') }]));
    const dialog = page.getByRole('dialog');
    const card = (await dialog.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(360);
    expect(
      await dialog.evaluate((n) => [
        n.scrollWidth <= n.clientWidth,
        getComputedStyle(n).backgroundColor,
        getComputedStyle(n).animationName,
      ]),
    ).toEqual([true, 'rgb(31, 41, 55)', 'none']);
    const last = (await dialog.getByText('10', { exact: true }).boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(card.x + card.width);
  });
});
