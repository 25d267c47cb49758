// The feedback explorer in the browser: filters (with the date range typed and read back in the
// user's calendar), saved views, bulk tag, assign, ticket and idea (then the tickets and ideas pages),
// infinite scroll and one-click sentiment correction,
// in English and in Persian (right to left, Jalali), with a smoke pass in Arabic and Chinese.
import { expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import ar from '../src/locales/ar.json' with { type: 'json' };
import zh from '../src/locales/zh.json' with { type: 'json' };
import explorerEn from '../src/locales/explorer/en.json' with { type: 'json' };
import explorerFa from '../src/locales/explorer/fa.json' with { type: 'json' };
import { feedbackItems } from '../../src/collect/feedback/feedback.tables.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, until, untilRows, untilText, useDashboard } from './harness.js';

const LATE = ['The parcel came a week late.', 'بسته یک هفته دیر رسید.', 'Courier lost my delivery again.'];
const OUT_OF_RANGE = 'February delivery was late too.';
// Enough other items for a second page (the list loads 50 at a time).
const OTHERS = Array.from({ length: 56 }, (_, i) => ({
  text: `Routine feedback number ${i + 1}`,
  language: 'en',
  createdAt: `2026-05-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
}));

const CATALOG = { en: { ...en, ...explorerEn }, fa: { ...fa, ...explorerFa } };

describeBrowser('feedback explorer', () => {
  const dashboard = useDashboard();
  let cookie = '';

  async function setLocale(locale: string) {
    const res = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale } });
    expect(res.statusCode).toBe(200);
  }

  async function apiItems(query: string): Promise<Array<{ text: string; tags: string[]; assigneeId: string | null }>> {
    const res = await dashboard.t.app.inject({ method: 'GET', url: `/api/v1/feedback?${query}`, headers: { cookie } });
    return res.json().data;
  }

  async function seed() {
    cookie = await signedInOwner(dashboard.t);
    await seedFeedback(dashboard.t, cookie, [
      ...LATE.map((text, i) => ({ text, createdAt: `2026-03-${String(5 + i * 10).padStart(2, '0')}T12:00:00Z` })),
      { text: OUT_OF_RANGE, createdAt: '2026-02-10T12:00:00Z' },
      ...OTHERS,
    ]);
  }

  /** Fixes the analysis of the items under test, whatever the model (or an earlier correction) said. */
  async function resetAnalysis() {
    if (!cookie) await seed();
    const db = dashboard.t.database.db;
    await db.update(feedbackItems).set({ sentiment: 'positive', topics: [] });
    await db
      .update(feedbackItems)
      .set({ sentiment: 'negative', sentimentConfidence: 0.8, topics: ['delivery'] })
      .where(inArray(feedbackItems.text, [...LATE, OUT_OF_RANGE]));
    await db.execute(sql`analyze feedback_items`);
  }

  it.each(['en', 'fa'] as const)(
    'filters, saves a view, bulk-tags and assigns, scrolls, corrects, opens a ticket and an idea in %s',
    async (lang) => {
      await resetAnalysis();
      await setLocale(lang);
      const c = CATALOG[lang];
      const { page } = await dashboard.open({ cookie });
      await page.goto('/feedback');
      await untilText(page.locator('h1'), (text) => text === c.list.title, 'the list');
      expect((await documentDirection(page)).dir).toBe(lang === 'fa' ? 'rtl' : 'ltr');

      // Filters: sentiment + topic + a date range shown in the user's calendar.
      await page.getByTestId('filter-sentiment').selectOption('negative');
      await until(
        () => page.getByTestId('filter-topic').locator('option[value=delivery]').count(),
        (n) => n === 1,
        'the topics',
      );
      await page.getByTestId('filter-topic').selectOption('delivery');
      const param = (name: string) => new URL(page.url()).searchParams.get(name);
      if (lang === 'fa') {
        // Persian users type the range in Jalali, in Persian digits; the URL keeps Gregorian days.
        const from = page.getByTestId('filter-from');
        const to = page.getByTestId('filter-to');
        expect(await from.getAttribute('type')).toBe('text');
        expect(await from.getAttribute('placeholder')).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
        await from.fill('۱۴۰۴/۱۲/۱۰');
        await until(
          async () => param('from'),
          (day) => day === '2026-03-01',
          'the Gregorian from-day in the URL',
        );
        await untilRows(page, LATE, 'the deliveries since 10 Esfand 1404');
        // 30 Esfand 1404 does not exist (1404 is not a leap year): refused in Persian, nothing applied.
        await to.fill('۱۴۰۴/۱۲/۳۰');
        const toError = page.locator('.field', { has: to }).locator('.field-error');
        const invalidPrefix = c.explorer.filters.dateInvalid.split('{{')[0];
        await untilText(toError, (text) => text.startsWith(invalidPrefix) && /[۰-۹]/.test(text), 'the invalid date message');
        expect(await to.getAttribute('aria-invalid')).toBe('true');
        expect(param('to')).toBeNull();
        await to.fill('1405-1-11');
        await until(
          async () => param('to'),
          (day) => day === '2026-03-31',
          'the Gregorian to-day in the URL',
        );
        expect(await toError.count()).toBe(0);
        expect(await to.getAttribute('aria-invalid')).toBeNull();
      } else {
        await page.getByTestId('filter-from').fill('2026-03-01');
        await page.getByTestId('filter-to').fill('2026-03-31');
      }
      await untilRows(page, LATE, 'the late deliveries of March');
      expect([param('from'), param('to')]).toEqual(['2026-03-01', '2026-03-31']);
      const range = await page.getByTestId('filter-range').textContent();
      // 1 March 2026 is 10 Esfand 1404 in the Persian calendar.
      expect(range).toContain(lang === 'fa' ? 'اسفند' : 'March');
      if (lang === 'fa') expect(range).toContain('۱۴۰۴');
      expect(new URL(page.url()).searchParams.get('topic')).toBe('delivery');
      await screenshot(page, `explorer-filters-${lang}`);

      // Save the view (the empty name is refused in the user's language), clear, reopen it.
      const viewName = lang === 'fa' ? 'تحویل‌های دیر' : 'Late deliveries';
      await page.getByTestId('save-view').click();
      await page.getByTestId('view-submit').click();
      await untilText(page.locator('.saved-views .field-error'), (text) => text === c.explorer.views.nameRequired, 'the name error');
      await page.getByTestId('view-name').fill(viewName);
      await page.getByTestId('view-submit').click();
      await until(
        () => page.getByTestId('view-name').count(),
        (n) => n === 0,
        'the saved view',
      );
      await page.getByRole('button', { name: c.filters.clear }).click();
      await until(
        () => page.getByTestId('feedback-row').count(),
        (n) => n === 50,
        'the first page',
      );
      const option = page.getByTestId('saved-views').locator('option', { hasText: viewName });
      await page.getByTestId('saved-views').selectOption(await option.getAttribute('value'));
      await untilRows(page, LATE, 'the saved view reopened');
      if (lang === 'fa') {
        // The ISO days of the view are shown back in Jalali.
        expect(await page.getByTestId('filter-from').inputValue()).toBe('۱۴۰۴/۱۲/۱۰');
        expect(await page.getByTestId('filter-to').inputValue()).toBe('۱۴۰۵/۰۱/۱۱');
      }

      // Bulk: tag and assign two items.
      const tag = `late-${lang}`;
      const rows = page.getByTestId('feedback-row');
      await rows.nth(0).getByTestId('select-row').check();
      await rows.nth(1).getByTestId('select-row').check();
      await untilText(page.getByTestId('bulk-count'), (text) => text.includes(lang === 'fa' ? '۲' : '2'), 'two selected');
      await page.getByTestId('bulk-tag').fill(tag);
      await page.getByTestId('bulk-add-tag').click();
      await until(
        () => page.locator(`[data-tag="${tag}"]`).count(),
        (n) => n === 2,
        'the tags in the list',
      );
      await page.getByTestId('bulk-assignee').selectOption({ index: 1 });
      await page.getByTestId('bulk-assign').click();
      await until(
        () => page.getByTestId('item-assignee').count(),
        (n) => n >= 2,
        'the assignees in the list',
      );
      expect((await apiItems(`tag=${tag}`)).map((i) => i.assigneeId !== null)).toEqual([true, true]);
      await screenshot(page, `explorer-bulk-${lang}`);

      // One-click correction of a row's sentiment.
      const first = rows.first();
      const corrected = page.waitForResponse((res) => res.request().method() === 'POST' && res.url().endsWith('/analysis'));
      await first.getByTestId('quick-sentiment').selectOption('neutral');
      expect((await corrected).status()).toBe(200);
      await until(
        () => first.getByTestId('corrected-sentiment').count(),
        (n) => n === 1,
        'the corrected mark',
      );

      // Infinite scroll: the whole list loads its second page when scrolled to the end.
      await page.getByRole('button', { name: c.filters.clear }).click();
      await until(
        () => rows.count(),
        (n) => n === 50,
        'the first page',
      );
      await page.mouse.wheel(0, 100_000);
      await until(
        () => rows.count(),
        (n) => n === LATE.length + 1 + OTHERS.length,
        'the second page',
      );
      await screenshot(page, `explorer-scrolled-${lang}`);

      // Bulk: one ticket for two items, then a new idea grouping them.
      await rows.nth(0).getByTestId('select-row').check();
      await rows.nth(1).getByTestId('select-row').check();
      await page.getByTestId('bulk-open-ticket').click();
      await until(
        () => page.getByTestId('bulk-bar').locator('.field-error').count(),
        (n) => n === 1,
        'the missing subject',
      );
      const subject = `Late parcels ${lang}`;
      await page.getByTestId('bulk-ticket-subject').fill(subject);
      await page.getByTestId('bulk-ticket-priority').selectOption('high');
      await page.getByTestId('bulk-open-ticket').click();
      await untilText(page.getByTestId('bulk-done'), (text) => text.includes('#'), "the new ticket's number");
      const api = async (url: string) => (await dashboard.t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
      const ticket = (await api('/api/v1/tickets')).data.find((x: { subject: string }) => x.subject === subject);
      expect(ticket).toMatchObject({ priority: 'high', status: 'new', feedbackCount: 2 });
      const ideaTitle = `Faster couriers ${lang}`;
      await page.getByTestId('bulk-idea').selectOption('new');
      await page.getByTestId('bulk-idea-title').fill(ideaTitle);
      await page.getByTestId('bulk-add-to-idea').click();
      await untilText(page.getByTestId('bulk-done'), (text) => text.includes(ideaTitle), 'the idea');
      const idea = (await api('/api/v1/ideas')).data.find((x: { title: string }) => x.title === ideaTitle);
      expect(idea).toMatchObject({ status: 'new', feedbackCount: 2 });
      await screenshot(page, `explorer-bulk-ticket-idea-${lang}`);

      // The tickets page: the ticket, its two items, and its status changed in place.
      await page.goto('/tickets');
      const ticketRow = page.getByTestId('ticket-row').filter({ hasText: subject });
      await ticketRow.locator('summary').click();
      await until(
        () => ticketRow.getByTestId('linked-items').locator('li').count(),
        (n) => n === 2,
        "the ticket's items",
      );
      await ticketRow.getByTestId('ticket-status').selectOption('resolved');
      await page.getByTestId('ticket-message').waitFor();
      expect((await api(`/api/v1/tickets/${ticket.id}`)).status).toBe('resolved');
      await screenshot(page, `tickets-${lang}`);

      // The ideas page: the idea moves to "planned".
      await page.goto('/ideas');
      const ideaRow = page.getByTestId('idea-row').filter({ hasText: ideaTitle });
      await ideaRow.getByTestId('idea-status').selectOption('planned');
      await page.getByTestId('idea-message').waitFor();
      expect((await api(`/api/v1/ideas/${idea.id}`)).status).toBe('planned');
      await screenshot(page, `ideas-${lang}`);
    },
  );

  it.each([
    ['ar', ar],
    ['zh', zh],
  ] as const)('shows the explorer in %s', async (lang, catalog) => {
    await resetAnalysis();
    await setLocale(lang);
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback?sentiment=negative&topic=delivery');
    await untilText(page.locator('h1'), (text) => text === catalog.list.title, 'the list');
    await untilRows(page, [...LATE, OUT_OF_RANGE], 'the negative deliveries');
    expect(await page.getByTestId('saved-views').count()).toBe(1);
    await screenshot(page, `explorer-${lang}`);
  });
});
