// Customer 360 in the browser: find a customer by a phone number typed in Persian digits, read
// the profile (lifetime value, flags, score history, segments), page through the timeline and merge a
// duplicate after its preview, in English and Persian; a smoke pass in Arabic and Chinese.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../src/locales/customer360/en.json' with { type: 'json' };
import fa from '../src/locales/customer360/fa.json' with { type: 'json' };
import ar from '../src/locales/customer360/ar.json' with { type: 'json' };
import zh from '../src/locales/customer360/zh.json' with { type: 'json' };
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { surveys, surveyVersions, surveyResponses } from '../../src/collect/surveys/surveys.tables.js';
import { newId, randomToken } from '../../src/platform/ids.js';
import { segments } from '../../src/customers/segments/segments.tables.js';
import { bearer, createKey } from '../../src/platform/testing/test-app.js';
import { screenshot, screenshotDir } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard, type Dashboard } from './harness.js';

type Catalog = typeof en.customer360;
const EXTRA_EVENTS = 22;

/** Two records of one person: a rich one found by phone, and a duplicate known by email. */
async function seed(dashboard: Dashboard, key: string, s: { tag: string; name: string; phone: string }) {
  const { t } = dashboard;
  const call = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: bearer(key), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const customer = { externalId: `sara-${s.tag}` };
  const main = await call('/api/v1/customers/identify', { ...customer, name: s.name, phone: s.phone, attributes: { plan: 'gold' } });
  await call('/api/v1/feedback', {
    channel: 'api',
    text: 'Great service, fast delivery.',
    customer,
    nps: 9,
    createdAt: '2026-01-10T09:00:00Z',
  });
  await call('/api/v1/feedback', {
    channel: 'api',
    text: 'بسته دیر رسید و کسی جواب نداد.',
    customer,
    nps: 4,
    csat: 2,
    createdAt: '2026-02-10T09:00:00Z',
  });
  await call('/api/v1/orders', {
    customer,
    externalId: `ORD-${s.tag}-1`,
    amount: 12_500_000,
    currency: 'IRR',
    placedAt: '2026-01-05T09:00:00Z',
  });
  await call('/api/v1/orders', { customer, externalId: `ORD-${s.tag}-2`, amount: 42.5, currency: 'USD', placedAt: '2026-01-06T09:00:00Z' });
  await call('/api/v1/events/bulk', {
    events: Array.from({ length: EXTRA_EVENTS }, (_, i) => ({
      customer,
      name: 'page_view',
      properties: { page: i },
      occurredAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
    })),
  });
  const [ws] = await t.database.db.select().from(workspaces);
  const surveyId = newId();
  const versionId = newId();
  await t.database.db.insert(surveys).values({
    id: surveyId,
    workspaceId: ws.id,
    name: `Post-purchase ${s.tag}`,
    publicToken: randomToken(16),
    signingKey: randomToken(16),
  });
  await t.database.db.insert(surveyVersions).values({
    id: versionId,
    workspaceId: ws.id,
    surveyId,
    version: 1,
    definition: { languages: ['en'], defaultLanguage: 'en', questions: [], hiddenFields: [], display: 'one_per_screen' },
  });
  await t.database.db.insert(surveyResponses).values({
    id: newId(),
    workspaceId: ws.id,
    surveyId,
    versionId,
    customerId: main.id,
    channel: 'email',
    language: 'fa',
    resumeTokenHash: randomToken(16),
    status: 'completed',
    startedAt: new Date('2026-03-01T09:00:00Z'),
    completedAt: new Date('2026-03-01T09:05:00Z'),
  });
  await t.database.db.insert(segments).values({
    id: newId(),
    workspaceId: ws.id,
    name: `Gold ${s.tag}`,
    definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'gold' }] },
  });
  // The duplicate has one record of every kind the merge moves but events.
  const email = `sara.${s.tag}@example.com`;
  await call('/api/v1/orders', {
    customer: { email },
    externalId: `ORD-${s.tag}-dup`,
    amount: 10,
    currency: 'USD',
    placedAt: '2026-02-01T09:00:00Z',
  });
  const duplicate = (await call('/api/v1/customers/identify', { email })).id as string;
  await call('/api/v1/feedback', {
    channel: 'email',
    text: 'Where is my refund?',
    customerId: duplicate,
    createdAt: '2026-02-02T09:00:00Z',
  });
  await call('/api/v1/tickets', { subject: `Refund ${s.tag}`, customerId: duplicate });
  await call('/api/v1/tasks', { title: `Call back ${s.tag}`, customerId: duplicate });
  await call('/api/v1/compensations', { customerId: duplicate, kind: 'credit', amount: 5, currency: 'USD' });
  return { id: main.id as string, email };
}

/** What the merge moves from the duplicate, and what the customer then has, kind by kind. */
const MERGE_MOVES = { feedback: 1, events: 0, orders: 1, tickets: 1, tasks: 1, compensations: 1 };
const MERGED = { feedback: 3, events: EXTRA_EVENTS, orders: 3, tickets: 1, tasks: 1, compensations: 1 };
const KIND_LABELS = {
  feedback: 'feedbackCount',
  events: 'eventCount',
  orders: 'orderCount',
  tickets: 'ticketCount',
  tasks: 'taskCount',
  compensations: 'compensationCount',
} as const;

/** The merge preview's table: label → [moves here, after the merge]. */
async function previewTotals(page: Page): Promise<Record<string, [string, string]>> {
  return page
    .getByTestId('merge-totals')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.querySelector('th')?.textContent ?? '',
          [
            row.querySelector('[data-testid=merge-moving]')?.textContent ?? '',
            row.querySelector('[data-testid=merge-after]')?.textContent ?? '',
          ],
        ]),
      ),
    );
}

/** The profile's Activity card: label → value. */
async function activityCard(page: Page): Promise<Record<string, string>> {
  return page
    .getByTestId('customer-activity')
    .locator('.kv-row')
    .evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? ''])),
    );
}

async function switchLanguage(page: Page, locale: string, dir: 'rtl' | 'ltr') {
  await page.getByTestId('lang-switcher').selectOption(locale);
  await until(
    () => documentDirection(page),
    (d) => d.lang === locale && d.dir === dir,
    `<html lang="${locale}" dir="${dir}">`,
  );
}

/** Search by phone in Persian digits, open the profile, page the timeline, merge the duplicate. */
async function walkThrough(
  page: Page,
  c: Catalog,
  lang: string,
  s: { tag: string; name: string; phoneQuery: string },
  money: { ltv: string; usd: string },
) {
  await page.getByRole('link', { name: c.nav, exact: true }).click();
  await page.getByTestId('customers-page').waitFor();
  await page.getByTestId('customer-search').fill(s.phoneQuery);
  await until(
    () => page.getByTestId('customer-row').allTextContents(),
    (rows) => rows.length === 1 && rows[0].includes(s.name),
    'the customer found by phone',
  );
  const row = page.getByTestId('customer-row');
  expect(await row.textContent()).toContain(money.ltv);
  expect(await row.textContent()).toContain(money.usd);
  await screenshot(page, `customers-${lang}`);

  await row.getByRole('link').click();
  await page.getByTestId('customer-page').waitFor();
  await untilText(page.getByTestId('customer-name'), (text) => text === s.name, 'the profile');
  expect(await page.getByTestId('flag-vip').textContent()).toBe(c.vip);
  expect(await page.getByTestId('flag-churn').textContent()).toBe(c.churnRisk);
  expect(await page.getByTestId('score-history-nps').locator('li').count()).toBe(2);
  expect(await page.getByTestId('customer-segments').locator('.chip').allTextContents()).toContain(`Gold ${s.tag}`);
  expect(await page.getByTestId('score-history-csat').locator('li').count()).toBe(1);

  const entries = page.getByTestId('timeline-entry');
  await until(
    () => entries.count(),
    (n) => n === 20,
    'the first timeline page',
  );
  const kinds = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
  expect(kinds[0]).toBe('survey_response');
  expect(await entries.first().textContent()).toContain(`Post-purchase ${s.tag}`);
  await page.getByTestId('timeline-load-more').click();
  // 2 feedback + 1 survey response + 2 orders + the events.
  await until(
    () => entries.count(),
    (n) => n === 5 + EXTRA_EVENTS,
    'the whole timeline',
  );
  expect(new Set(await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))))).toEqual(
    new Set(['survey_response', 'feedback', 'order', 'event']),
  );
  expect(await page.getByTestId('timeline-load-more').count()).toBe(0);
  await screenshot(page, `customer-${lang}`);

  await page.getByTestId('merge-open').click();
  const panel = page.getByTestId('merge-panel');
  // Confirming without a choice explains what is missing, in the user's language.
  await panel.getByTestId('merge-confirm').click();
  await untilText(panel.locator('.field-error'), (text) => text === c.merge.chooseFirst, 'the missing choice');
  await panel.getByTestId('merge-search').fill(`sara.${s.tag}@`);
  await panel.getByTestId('merge-candidate').click();
  const preview = panel.getByTestId('merge-preview');
  await preview.waitFor();
  const previewText = (await preview.textContent()) ?? '';
  expect(previewText).toContain(`sara.${s.tag}@example.com`);
  expect(previewText).toContain(`sara-${s.tag}`);
  // Every kind with what moves and what the customer has afterwards, in the page's digits.
  const digits = new Intl.NumberFormat(lang);
  const expected = Object.fromEntries(
    Object.entries(KIND_LABELS).map(([kind, label]) => [
      c[label],
      [digits.format(MERGE_MOVES[kind as keyof typeof KIND_LABELS]), digits.format(MERGED[kind as keyof typeof KIND_LABELS])],
    ]),
  );
  expect(await previewTotals(page)).toEqual(expected);
  await screenshot(page, `customer-merge-preview-${lang}`);
  await panel.screenshot({ path: path.join(screenshotDir, `customer-merge-panel-${lang}.png`), animations: 'disabled' });
  const merged = page.waitForResponse(
    (res) => res.url().endsWith('/api/v1/customers/merge') && (res.request().postDataJSON() as { preview: boolean }).preview === false,
  );
  await panel.getByTestId('merge-confirm').click();
  expect((await merged).status()).toBe(200);
  await untilText(page.locator('.alert-success'), (text) => text === c.merge.done, 'the merge notice');
  await untilText(page.getByTestId('customer-identifiers'), (text) => text.includes(`sara.${s.tag}@example.com`), 'the merged email');
  // The profile after the merge shows what the preview announced.
  const after = await activityCard(page);
  expect(Object.fromEntries(Object.entries(expected).map(([label]) => [label, after[label]]))).toEqual(
    Object.fromEntries(Object.entries(expected).map(([label, [, total]]) => [label, total])),
  );
}

describeBrowser('customer 360', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let key = '';
  let farsiId = '';

  it('finds, shows and merges a customer in English', async () => {
    cookie = await signedInOwner(dashboard.t, 'en');
    key = await createKey(dashboard.t, cookie, [
      'feedback:read',
      'feedback:write',
      'customers:read',
      'customers:write',
      'events:write',
      'tickets:write',
    ]);
    await seed(dashboard, key, { tag: 'en', name: 'Sara Ahmadi', phone: '+98 912 111 0001' });
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await walkThrough(
      page,
      en.customer360,
      'en',
      { tag: 'en', name: 'Sara Ahmadi', phoneQuery: '۹۱۲۱۱۱۰۰۰۱' },
      { ltv: 'IRR', usd: '$42.50' },
    );
  });

  it('finds, shows and merges a customer in Persian, with rials as tomans and Jalali dates', async () => {
    farsiId = (await seed(dashboard, key, { tag: 'fa', name: 'سارا احمدی', phone: '۰۰۹۸ ۹۱۲ ۲۲۲ ۰۰۰۲' })).id;
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await switchLanguage(page, 'fa', 'rtl');
    await walkThrough(
      page,
      fa.customer360,
      'fa',
      { tag: 'fa', name: 'سارا احمدی', phoneQuery: '۹۱۲۲۲۲۰۰۰۲' },
      { ltv: '۱٬۲۵۰٬۰۰۰ تومان', usd: '۴۲٫۵۰' },
    );
    // Persian digits and the Solar Hijri calendar (1404/1405) on the timeline.
    expect(await page.getByTestId('timeline-entry').first().locator('time').textContent()).toMatch(/۱۴۰[۴۵]/);
  });

  for (const [lang, c] of [
    ['ar', ar.customer360],
    ['zh', zh.customer360],
  ] as const) {
    it(`shows the customer page in ${lang}`, async () => {
      const { page } = await dashboard.open({ cookie });
      await page.goto('/feedback');
      await switchLanguage(page, lang, lang === 'ar' ? 'rtl' : 'ltr');
      await page.getByRole('link', { name: c.nav, exact: true }).click();
      await untilText(page.locator('h1'), (text) => text === c.title, 'the customers page');
      await page.goto(`/customers/${farsiId}`);
      await page.getByTestId('timeline-entry').first().waitFor();
      expect(await page.locator('#timeline-title').textContent()).toBe(c.timeline);
      await screenshot(page, `customer-${lang}`);
    });
  }
});
