// Finding one's way in the browser: a new workspace's first steps (overview and explorer), the
// explorer's total of matching items in the locale's digits, and links from feedback to its customer.
import path from 'node:path';
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import adminEn from '../src/locales/admin/en.json' with { type: 'json' };
import adminFa from '../src/locales/admin/fa.json' with { type: 'json' };
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { HTTP_LIMITS } from '../../src/platform/http/limits.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { screenshot, screenshotDir } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

const TEXTS = { en: { ...en, ...adminEn }, fa: { ...fa, ...adminFa } };
type Lang = keyof typeof TEXTS;

/** The first steps' titles and where their links lead. */
async function firstSteps(page: Page) {
  const steps = page.getByTestId('first-steps').locator('.first-step');
  await steps.first().waitFor();
  return steps.evaluateAll((items) =>
    items.map((item) => ({
      number: item.querySelector('.first-step-number')?.textContent ?? '',
      title: item.querySelector('.first-step-name')?.textContent ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
}

describeBrowser('navigation', () => {
  const dashboard = useDashboard();
  let cookie = '';

  async function setLocale(locale: Lang) {
    const res = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale } });
    expect(res.statusCode).toBe(200);
  }

  it.each(['en', 'fa'] as const)('shows a new workspace its first steps on the overview and the explorer (%s)', async (lang) => {
    cookie ||= await signedInOwner(dashboard.t, lang);
    await setLocale(lang);
    const x = TEXTS[lang];
    const { page } = await dashboard.open({ cookie });
    await page.goto('/');
    const digits = lang === 'fa' ? ['۱', '۲', '۳', '۴'] : ['1', '2', '3', '4'];
    const expected = [
      { number: digits[0], title: x.firstSteps.widget.title, href: '/settings?section=widgetKeys' },
      { number: digits[1], title: x.firstSteps.survey.title, href: '/surveys' },
      { number: digits[2], title: x.firstSteps.import.title, href: '/api/docs' },
      { number: digits[3], title: x.firstSteps.apiKey.title, href: '/settings?section=apiKeys' },
    ];
    expect(await firstSteps(page)).toEqual(expected);
    expect(await page.getByTestId('figure-today').count()).toBe(0);
    await screenshot(page, `overview-first-steps-${lang}`);

    await page.goto('/feedback');
    expect(await firstSteps(page)).toEqual(expected);
    await screenshot(page, `feedback-first-steps-${lang}`);
    // Each step opens the page that does it.
    await page.getByTestId('first-step-widget').getByRole('link').click();
    await untilText(page.locator('.settings-tabs [aria-current=page]'), (text) => text === x.admin.section.widgetKeys, 'the widget keys');
    await page.goBack();
    await page.getByTestId('first-step-survey').getByRole('link').click();
    await untilText(page.locator('h1'), (text) => text === x.surveys.title, 'the surveys page');
    // With filters on, an empty list says nothing matches instead.
    await page.goto('/feedback?channel=email');
    await untilText(page.locator('.empty-state'), (text) => text === x.list.emptyFiltered, 'no match');
    expect(await page.getByTestId('first-steps').count()).toBe(0);
  });

  it.each(['en', 'fa'] as const)(
    "shows the total of matching items in the locale's digits, and links rows to their customers (%s)",
    async (lang) => {
      cookie ||= await signedInOwner(dashboard.t, lang);
      const { t } = dashboard;
      const [{ n }] = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from feedback_items`);
      if (n === 0) {
        await seedFeedback(t, cookie, [
          { text: 'سفارشم دیر رسید.', language: 'fa', channel: 'email', customer: { externalId: 'sara', name: 'سارا احمدی' } },
          ...Array.from({ length: 61 }, (_, i) => ({
            text: `Routine feedback ${i + 1}`,
            language: 'en',
            createdAt: `2026-05-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
          })),
        ]);
      }
      await setLocale(lang);
      const x = TEXTS[lang];
      const { page } = await dashboard.open({ cookie });
      await page.goto('/feedback');
      const count = page.getByTestId('list-count');
      const expectedCount = lang === 'fa' ? '۶۲ بازخورد، نمایش ۵۰ مورد' : '62 items · Showing 50 items';
      expect(await untilText(count, (text) => text.length > 0, 'the count')).toBe(expectedCount);
      // The top of the page only: the full list is 50 rows long.
      await page.screenshot({ path: path.join(screenshotDir, `feedback-total-${lang}.png`) });
      await page.getByTestId('filter-channel').selectOption('email');
      await untilText(count, (text) => text === (lang === 'fa' ? '۱ بازخورد' : '1 item'), 'the filtered total');

      // The row's customer opens the customer's page; so does the detail page.
      const customer = page.getByTestId('feedback-row').first().getByTestId('row-customer');
      expect(await customer.textContent()).toBe('سارا احمدی');
      await customer.click();
      await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
      await untilText(page.locator('h1'), (text) => text.includes('سارا احمدی'), 'the customer page');
      await screenshot(page, `customer-from-row-${lang}`);
      await page.goBack();
      await page.getByTestId('feedback-row').first().locator('.row-text').click();
      const link = page.getByTestId('detail-customer-link');
      expect(await link.textContent()).toBe(x.detail.openCustomer);
      await screenshot(page, `feedback-detail-customer-${lang}`);
      await link.click();
      await untilText(page.locator('h1'), (text) => text.includes('سارا احمدی'), 'the customer page from the detail page');
    },
  );

  it('says "10,000+" above the counting bound, in each language', async () => {
    const { t } = dashboard;
    cookie ||= await signedInOwner(t, 'en');
    const [ws] = await t.database.db.select({ id: workspaces.id }).from(workspaces);
    await t.database.db.execute(sql`
      insert into feedback_items (id, workspace_id, channel, text, created_at)
      select gen_random_uuid(), ${ws.id}, 'import', 'Imported row ' || g, timestamptz '2025-06-01' + g * interval '1 minute'
      from generate_series(1, ${HTTP_LIMITS.listTotalCap + 5}) g`);
    await setLocale('en');
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback?channel=import');
    await untilText(page.getByTestId('list-count'), (text) => text === '10,000+ items · Showing 50 items', 'the capped total');
    await page.getByTestId('lang-switcher').selectOption('fa');
    await untilText(
      page.getByTestId('list-count'),
      (text) => text === 'بیش از ۱۰٬۰۰۰ بازخورد، نمایش ۵۰ مورد',
      'the capped total in Persian',
    );
    await page.screenshot({ path: path.join(screenshotDir, 'feedback-total-capped-fa.png') });
    await page.getByTestId('lang-switcher').selectOption('ar');
    await until(
      () => page.getByTestId('list-count').textContent(),
      (text) => text?.startsWith('أكثر من ١٠٬٠٠٠') ?? false,
      'the capped total in Arabic',
    );
    await page.getByTestId('lang-switcher').selectOption('zh');
    await untilText(page.getByTestId('list-count'), (text) => text.startsWith('超过 10,000 条反馈'), 'the capped total in Chinese');
  });
});
