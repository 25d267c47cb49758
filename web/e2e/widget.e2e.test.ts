// The website widget on a page of another origin, in headless Chromium: identify a customer
// (signed by the shop's server), a survey triggered by an event (English) and by a URL rule
// (Persian, right to left), a bug report from a visitor whose identity is only claimed (shown as
// unverified in the dashboard), a "Was this helpful?" vote sent after the connection comes back,
// a page that keeps working when Feedloop is down, and the demo shop signing in its shopper.
// Everything is then found through the API.
import http from 'node:http';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, it, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { bearer, createKey } from '../../src/platform/testing/test-app.js';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { widgetDistDir } from '../../src/collect/widget/widget-assets.routes.js';
import { ensureWidgetBuilt } from '../../scripts/build-widget.mjs';
import { screenshot, type GuardedPage } from './browser.js';
import { describeBrowser, signedInOwner, until, useDashboard } from './harness.js';

const PURCHASE_NPS = {
  languages: ['en', 'fa'],
  defaultLanguage: 'en',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: { en: 'How likely are you to recommend our shop?', fa: 'چقدر احتمال دارد فروشگاه ما را پیشنهاد کنید؟' },
      required: true,
    },
    { id: 'why', type: 'text', title: { en: 'What is the main reason?', fa: 'دلیل اصلی چیست؟' } },
  ],
};
const PRICING_CSAT = {
  languages: ['en', 'fa'],
  defaultLanguage: 'en',
  questions: [{ id: 'csat', type: 'csat', title: { en: 'Are our prices clear?', fa: 'قیمت‌ها روشن هستند؟' }, required: true }],
};

/** One yes/no question whose title names the trigger, to see which survey came up. */
const oneQuestion = (title: string) => ({
  languages: ['en'],
  defaultLanguage: 'en',
  questions: [{ id: 'ok', type: 'yes_no', title: { en: title } }],
});
const TRIGGERED = [
  ['Clicked', { triggers: [{ type: 'click', selector: '#own', url: { match: 'contains', value: '/click' } }] }],
  ['Scrolled', { triggers: [{ type: 'scroll', percent: 50, url: { match: 'contains', value: '/long' } }] }],
  ['Waited', { triggers: [{ type: 'time_on_page', seconds: 1, url: { match: 'contains', value: '/wait' } }] }],
  ['Leaving', { triggers: [{ type: 'exit_intent', url: { match: 'regex', value: '/exit\\b' } }] }],
  ['Once only', { triggers: [{ type: 'page_view', url: { match: 'contains', value: '/once' } }], display: 'once' }],
  ['Never sampled', { triggers: [{ type: 'page_view', url: { match: 'contains', value: '/never' } }], samplePercent: 0 }],
] as const;

/** A shop on another origin (localhost vs 127.0.0.1, another port) embedding the widget. */
function shopPage(lang: string, loaderUrl: string, key: string, apiHost: string): string {
  const dir = lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Shop</title>
<style>* { color: red !important; font-size: 31px !important; }</style></head>
<body><h1>Coffee shop</h1><button id="own" onclick="this.textContent='clicked'">Page's own button</button>
<p>Shipping takes 2–4 days.</p><div data-feedloop-helpful data-feedloop-topic="Shipping"></div><div style="height: 3000px"></div>
<script src="${loaderUrl}" data-key="${key}" data-api-host="${apiHost}" data-button="true" async></script></body></html>`;
}

describeBrowser('website widget', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let apiKey = '';
  let publicKey = '';
  let identitySecret = '';
  /** What the shop's server does for its signed-in customer. */
  const userHash = (externalId: string, email?: string) =>
    createHmac('sha256', identitySecret)
      .update(email ? `${externalId}\n${email}` : externalId)
      .digest('hex');
  let shop: http.Server;
  let shopUrl = '';

  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await dashboard.t.app.inject({ method, url, headers: bearer(apiKey), ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const widgetFeedback = async () =>
    (await api('GET', '/api/v1/feedback?channel=widget&limit=100')).data as Array<{
      id: string;
      text: string;
      customerId: string | null;
      metadata: Record<string, unknown>;
    }>;

  let closedPort = 0;

  beforeAll(async () => {
    await ensureWidgetBuilt();
    // A port nothing listens on: "Feedloop is down".
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    cookie = await signedInOwner(dashboard.t);
    apiKey = await createKey(dashboard.t, cookie, ['feedback:read', 'customers:read', 'surveys:read', 'surveys:manage']);
    shop = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // The loader copied onto the shop's own server, for the "Feedloop is down" page.
      if (url.pathname === '/loader.js')
        return res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(path.join(widgetDistDir, 'loader.js')));
      const down = url.searchParams.get('down') === '1';
      const apiHost = down ? `http://127.0.0.1:${closedPort}` : dashboard.url;
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          shopPage(url.searchParams.get('lang') ?? 'en', down ? '/loader.js' : `${dashboard.url}/widget/v1/loader.js`, publicKey, apiHost),
        );
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
    const created = await dashboard.t.app.inject({
      method: 'POST',
      url: '/api/v1/widget-keys',
      headers: { cookie },
      payload: { name: 'Shop', allowedOrigins: [shopUrl] },
    });
    ({ publicKey, identitySecret } = created.json());
    for (const [name, definition, widget] of [
      ['After purchase', PURCHASE_NPS, { triggers: [{ type: 'event', name: 'purchase' }], placement: 'slide_in' }],
      [
        'Pricing page',
        PRICING_CSAT,
        { triggers: [{ type: 'page_view', url: { match: 'contains', value: '/pricing' } }], placement: 'popup' },
      ],
    ] as const) {
      const survey = await api('POST', '/api/v1/surveys', { name, definition, settings: { widget } });
      await api('POST', `/api/v1/surveys/${survey.id}/publish`);
    }
    for (const [title, widget] of TRIGGERED) {
      const survey = await api('POST', '/api/v1/surveys', { name: title, definition: oneQuestion(title), settings: { widget } });
      await api('POST', `/api/v1/surveys/${survey.id}/publish`);
    }
  });
  afterAll(() => new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve())));

  async function openShop(pathname: string, lang: string, locale = 'en-US'): Promise<GuardedPage & { page: Page }> {
    const guarded = await dashboard.open({ locale });
    await guarded.page.goto(`${shopUrl}${pathname}?lang=${lang}`);
    await guarded.page.getByRole('button', { name: lang === 'fa' ? 'بازخورد' : 'Feedback' }).waitFor();
    return guarded;
  }

  it("identifies a customer signed by the shop's server, shows the purchase survey on track(), and stores the answers as theirs", async () => {
    const { page } = await openShop('/shop', 'en');
    await page.evaluate(
      (hash) => {
        window.feedloop!.identify!('cust-e2e', { email: 'sara@example.com', userHash: hash });
        window.feedloop!.track!('purchase', { value: 14 });
      },
      userHash('cust-e2e', 'sara@example.com'),
    );
    const dialog = page.getByRole('dialog', { name: 'Survey' });
    await dialog.getByText('How likely are you to recommend our shop?').waitFor();
    // The page's `* { font-size: 31px !important }` does not reach into the widget.
    expect(await dialog.evaluate((el) => getComputedStyle(el).fontSize)).not.toBe('31px');
    await dialog.getByText('9', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('textbox', { name: 'What is the main reason?' }).fill('Great beans, fast delivery');
    await screenshot(page, 'widget-survey-en');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Thank you! Your answers have been saved.').waitFor();

    const customers = (await api('GET', '/api/v1/customers?q=cust-e2e')).data as Array<{ id: string; email: string }>;
    expect(customers[0]).toMatchObject({ email: 'sara@example.com' });
    // Widget answers are widget feedback, linked to their survey.
    const items = await until(
      async () =>
        (await api('GET', `/api/v1/feedback?customer_id=${customers[0].id}&channel=widget`)).data as Array<{
          nps: number;
          text: string;
          metadata: Record<string, unknown>;
        }>,
      (list) => list.length === 2,
      'the survey answers as feedback',
    );
    expect(items.every((i) => i.metadata.identity === 'verified' && typeof i.metadata.survey_id === 'string')).toBe(true);
    // The score and the open question (not a follow-up of the score here) are an item each.
    expect(items.map((i) => [i.nps, i.text]).sort()).toEqual(
      [
        [9, ''],
        [null, 'Great beans, fast delivery'],
      ].sort(),
    );
    // The customer's purchase event reached their profile too.
    // The purchase reached the customer's timeline too (events are sent in batches, within a second).
    await until(
      async () => (await api('GET', `/api/v1/customers/${customers[0].id}/timeline`)).data as Array<{ kind: string; name?: string }>,
      (timeline) => timeline.some((e) => e.kind === 'event' && e.name === 'purchase'),
      'the purchase event on the timeline',
    );
  });

  it('shows the pricing survey by its URL rule in Persian, right to left with Persian digits', async () => {
    const { page } = await openShop('/pricing', 'fa', 'fa-IR');
    const dialog = page.getByRole('dialog', { name: 'نظرسنجی' });
    await dialog.getByText('قیمت‌ها روشن هستند؟').waitFor();
    expect(await dialog.evaluate((el) => el.closest('[dir]')?.getAttribute('dir'))).toBe('rtl');
    await dialog.getByText('۵', { exact: true }).click();
    await screenshot(page, 'widget-survey-fa');
    await dialog.getByRole('button', { name: 'ارسال' }).click();
    await page.getByText('سپاسگزاریم! پاسخ‌های شما ثبت شد.').waitFor();
    const items = await until(
      async () =>
        (await api('GET', '/api/v1/feedback?channel=widget&limit=100')).data as Array<{
          csat: number | null;
          metadata: Record<string, unknown>;
        }>,
      (list) => list.some((i) => i.csat === 5),
      'the Persian CSAT answer',
    );
    expect(items.find((i) => i.csat === 5)).toBeTruthy();
  });

  it('sends a bug report from the feedback button, with hostile text kept as text and a claimed identity kept off the customer', async () => {
    const { page } = await openShop('/shop', 'en');
    // identify() without the server's userHash: a claim, like anyone could make for anyone.
    await page.evaluate(() => window.feedloop!.identify!('cust-e2e', { email: 'sara@example.com' }));
    await page.getByRole('button', { name: 'Feedback' }).click();
    const form = page.getByRole('dialog', { name: 'Send us feedback' });
    await form.getByText('Bug report', { exact: true }).click();
    const text = '<img src=x onerror="window.pwned=1">The checkout button does nothing';
    await form.getByRole('textbox', { name: 'Your message' }).fill(text);
    await form.getByRole('textbox', { name: /Email/ }).fill('reporter@example.com');
    // People take a moment to write; forms sent faster than 1.5 s are dropped as bots.
    await page.waitForTimeout(1_600);
    await form.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thanks! Your message was sent.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const items = await until(widgetFeedback, (list) => list.some((i) => i.metadata.widget_kind === 'bug'), 'the bug report');
    const bug = items.find((i) => i.metadata.widget_kind === 'bug')!;
    expect(bug.text).toBe(text);
    expect(bug.metadata.page_url).toBe(`${shopUrl}/shop?lang=en`);
    expect(bug.customerId).toBeNull();
    expect(bug.metadata).toMatchObject({
      identity: 'unverified',
      claimed_external_id: 'cust-e2e',
      claimed_email: 'sara@example.com',
      contact_email: 'reporter@example.com',
    });
    // reset() (signing out) forgets the visitor and draws the page's blocks again for the next one.
    await page.evaluate(() => window.feedloop!.reset!());
    await page.locator('[data-feedloop-helpful]').getByText('Was this helpful?').waitFor();

    // The dashboard shows the claim for what it is, in English and in Persian.
    for (const [lang, texts] of [
      ['en', en],
      ['fa', fa],
    ] as const) {
      await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: lang } });
      const { page: detail } = await dashboard.open({ cookie });
      await detail.goto(`/feedback/${bug.id}`);
      const identity = detail.getByTestId('widget-identity');
      await identity.waitFor();
      expect(await identity.getAttribute('data-identity')).toBe('unverified');
      expect(await identity.locator('.badge').textContent()).toBe(texts.detail.identityUnverified);
      expect(await identity.getByText(texts.detail.identityUnverifiedHint).count()).toBe(1);
      expect(await identity.locator('dd').allTextContents()).toEqual([
        texts.detail.identityUnverified,
        'cust-e2e',
        'sara@example.com',
        'reporter@example.com',
      ]);
      expect(await detail.getByTestId('feedback-detail').locator('.detail-customer').getByText(texts.detail.noCustomer).count()).toBe(1);
      await screenshot(detail, `widget-unverified-identity-${lang}`);
    }
    await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'en' } });
  });

  it('keeps a vote made offline and sends it once when the connection is back', async () => {
    const guarded = await openShop('/shop', 'en');
    const { page, context } = guarded;
    const before = (await widgetFeedback()).filter((i) => i.metadata.widget_kind === 'helpful').length;
    await context.setOffline(true);
    const block = page.locator('[data-feedloop-helpful]');
    await page.waitForTimeout(1_600); // a vote within 1.5 s of the block appearing is a bot's
    await block.getByRole('button', { name: 'No' }).click();
    await block.getByRole('textbox').fill('Which days do you ship?');
    await block.getByRole('button', { name: 'Send' }).click();
    await block.getByText('Thanks for letting us know.').waitFor();
    await page.waitForTimeout(300);
    expect((await widgetFeedback()).filter((i) => i.metadata.widget_kind === 'helpful')).toHaveLength(before);
    await context.setOffline(false);
    const votes = await until(
      async () => (await widgetFeedback()).filter((i) => i.metadata.widget_kind === 'helpful'),
      (l) => l.length === before + 1,
      'the vote after reconnecting',
    );
    expect(votes[0]).toMatchObject({ text: 'Which days do you ship?', metadata: { helpful: false, context: 'Shipping' } });
    await page.waitForTimeout(500);
    expect((await widgetFeedback()).filter((i) => i.metadata.widget_kind === 'helpful')).toHaveLength(before + 1);
    // Failed requests while offline are expected here.
    guarded.problems.splice(0, guarded.problems.length, ...guarded.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')));
  });

  it('shows surveys on a click, a scroll, time on the page and exit intent, each on its own pages', async () => {
    const survey = (page: Page, title: string) => page.getByRole('dialog', { name: 'Survey' }).getByText(title).waitFor();
    let { page } = await openShop('/click', 'en');
    await page.getByRole('button', { name: "Page's own button" }).click();
    await survey(page, 'Clicked');
    ({ page } = await openShop('/long', 'en'));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await survey(page, 'Scrolled');
    ({ page } = await openShop('/wait', 'en'));
    await survey(page, 'Waited');
    ({ page } = await openShop('/exit', 'en'));
    // The pointer leaving through the top of the window.
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null })));
    await survey(page, 'Leaving');
  });

  it('keeps display rules and sampling: "once" is not shown again, a 0 % sample never', async () => {
    const { page } = await openShop('/once', 'en');
    const dialog = page.getByRole('dialog', { name: 'Survey' });
    await dialog.getByText('Once only').waitFor();
    // A slide-in leaves focus on the page: the visitor closes it with its button.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const pathname of ['/once', '/never']) {
      const config = page.waitForResponse((res) => res.url().includes('/config'));
      await page.goto(`${shopUrl}${pathname}?lang=en`);
      await config;
      await page.getByRole('button', { name: 'Feedback' }).waitFor();
      await page.waitForTimeout(300);
      expect(await dialog.count(), pathname).toBe(0);
    }
  });

  it('never breaks the page when Feedloop is down', async () => {
    const guarded = await dashboard.open();
    const { page } = guarded;
    await page.goto(`${shopUrl}/shop?lang=en&down=1`);
    await page.waitForFunction(() => typeof window.feedloop?.track === 'function');
    await page.evaluate(() => {
      window.feedloop!.identify!('cust-down');
      window.feedloop!.track!('purchase');
      window.feedloop!.showSurvey!('00000000-0000-4000-8000-000000000000');
    });
    await page.getByRole('button', { name: "Page's own button" }).click();
    await page.getByRole('button', { name: 'clicked' }).waitFor();
    guarded.problems.splice(0, guarded.problems.length, ...guarded.problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED')));
  });

  it('runs the demo shop at /demo/widget, its shopper signed in by the server', async () => {
    await dashboard.t.app.inject({
      method: 'POST',
      url: '/api/v1/widget-keys',
      headers: { cookie },
      payload: { name: 'Demo shop', allowedOrigins: [dashboard.url] },
    });
    const { page } = await dashboard.open();
    await page.goto('/demo/widget');
    await page.getByRole('button', { name: 'Feedback' }).waitFor();
    // Signing in sends the userHash the demo's server put in the page.
    const config = page.waitForResponse((res) => res.url().includes('/config') && res.url().includes('userHash='));
    await page.getByRole('button', { name: 'OK' }).click();
    await config;
    await page.getByRole('button', { name: 'Buy now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Survey' });
    await dialog.getByText('How likely are you to recommend our shop?').waitFor();
    // The page forbids inline styles (strict CSP): the widget's own styles still apply.
    expect((await page.request.get('/demo/widget')).headers()['content-security-policy']).not.toContain('unsafe-inline');
    expect(await dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await screenshot(page, 'widget-demo-shop');
    await dialog.getByText('10', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Thank you! Your answers have been saved.').waitFor();
    // Verified: the purchase and the answer are the shopper's.
    const shopper = await until(
      async () => (await api('GET', '/api/v1/customers?q=customer-42')).data as Array<{ id: string }>,
      (list) => list.length === 1,
      'the demo shopper',
    );
    await until(
      async () => (await api('GET', `/api/v1/customers/${shopper[0].id}/timeline`)).data as Array<{ kind: string; name?: string }>,
      (timeline) => timeline.some((e) => e.kind === 'event' && e.name === 'purchase') && timeline.some((e) => e.kind === 'feedback'),
      "the purchase and the answer on the shopper's timeline",
    );
  });
});
