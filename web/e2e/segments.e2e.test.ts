// Segments in the browser: building a segment with a live count, client-side validation, saving,
// reopening, renaming and deleting, in English and in Persian (right to left, Persian digits),
// with a smoke pass in Arabic and Chinese.
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import en from '../src/locales/segments/en.json' with { type: 'json' };
import fa from '../src/locales/segments/fa.json' with { type: 'json' };
import ar from '../src/locales/segments/ar.json' with { type: 'json' };
import zh from '../src/locales/segments/zh.json' with { type: 'json' };
import enMain from '../src/locales/en.json' with { type: 'json' };
import { bearer, createKey, sessionCookie } from '../../src/platform/testing/test-app.js';
import { memberships, users } from '../../src/platform/auth/auth.tables.js';
import { newId } from '../../src/platform/ids.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

type Locale = 'en' | 'fa' | 'ar' | 'zh';

describeBrowser('segments', () => {
  const dashboard = useDashboard();
  let cookie = '';

  async function useLocale(locale: Locale) {
    const res = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale } });
    if (res.statusCode !== 200) throw new Error(`locale failed: ${res.statusCode} ${res.body}`);
  }

  async function openSegments(locale: Locale): Promise<Page> {
    await useLocale(locale);
    const { page } = await dashboard.open({ cookie });
    await page.goto('/segments');
    await page.getByTestId('segments-page').waitFor();
    return page;
  }

  const previewCount = (page: Page) =>
    until(
      () => page.getByTestId('segment-preview-count').getAttribute('data-count', { timeout: 1000 }),
      () => true,
      'a preview count',
    );
  const untilCount = (page: Page, count: number) =>
    until(
      () => page.getByTestId('segment-preview-count').getAttribute('data-count', { timeout: 1000 }),
      (c) => c === String(count),
      `a live count of ${count}`,
    );
  const condition = (page: Page, index: number): Locator => page.getByTestId('segment-condition').nth(index);

  /** plan = pro AND at least one order, typed the way a user of this language would. */
  async function buildProBuyers(page: Page, digits: { one: string }) {
    await page.getByTestId('condition-add').click();
    const plan = condition(page, 0);
    await plan.getByTestId('condition-name').fill('plan');
    await plan.getByTestId('condition-value').fill('pro');
    await untilCount(page, 2);
    await page.getByTestId('condition-add').click();
    const orders = condition(page, 1);
    await orders.getByTestId('condition-field').selectOption('orders');
    await orders.getByTestId('condition-minCount').fill(digits.one);
    await untilCount(page, 1);
  }

  it('seeds customers', async () => {
    cookie = await signedInOwner(dashboard.t);
    const key = await createKey(dashboard.t, cookie);
    const post = (url: string, payload: object) => dashboard.t.app.inject({ method: 'POST', url, headers: bearer(key), payload });
    await post('/api/v1/customers/identify', {
      externalId: 'c1',
      name: 'سارا رضایی',
      email: 'sara@example.com',
      attributes: { plan: 'pro' },
    });
    await post('/api/v1/customers/identify', { externalId: 'c2', name: 'Ali Karimi', attributes: { plan: 'pro' } });
    await post('/api/v1/customers/identify', { externalId: 'c3', name: '王芳', attributes: { plan: 'free' } });
    await post('/api/v1/orders', { customer: { externalId: 'c1' }, externalId: 'O-1', amount: 1200000, currency: 'IRR' });
    await post('/api/v1/orders', { customer: { externalId: 'c3' }, externalId: 'O-2', amount: 20, currency: 'USD' });
  });

  it('builds a segment with a live count, validates it, saves, reopens and renames it (en)', async () => {
    const page = await openSegments('en');
    expect(await page.getByTestId('segments-empty').textContent()).toBe(en.segments.empty);
    expect(await page.getByTestId('segment-no-conditions').textContent()).toBe(en.segments.noConditions);
    expect(await previewCount(page)).toBe('3'); // no conditions: everyone

    await buildProBuyers(page, { one: '1' });
    expect(await page.getByTestId('segment-sample').locator('li').allTextContents()).toEqual([expect.stringContaining('سارا رضایی')]);
    expect(await page.getByTestId('segment-preview-count').textContent()).toBe('1 customer matches');

    // A mistyped number is flagged at once, in words, and the preview waits for a fix.
    const orders = condition(page, 1);
    await orders.getByTestId('condition-minCount').fill('one');
    await untilText(orders.locator('.field-error'), (text) => text === en.segments.errors.wholeNumber, 'the number error');
    await untilText(page.getByTestId('segment-preview'), (text) => text.includes(en.segments.previewInvalid), 'the waiting preview');
    await orders.getByTestId('condition-minCount').fill('1');
    await untilCount(page, 1);

    // Saving without a name asks for one.
    await page.getByTestId('segment-save').click();
    await untilText(
      page.getByTestId('segment-builder').locator('.field-error'),
      (text) => text === enMain.validation.required,
      'the name error',
    );
    await page.getByTestId('segment-name').fill('Pro buyers');
    await screenshot(page, 'segments-builder-en');
    await page.getByTestId('segment-save').click();
    await untilText(page.locator('.alert-success'), (text) => text === en.segments.saved, 'saved');
    await untilText(page.getByTestId('segment-member-count'), (text) => text === '1 customer', 'the member count');

    // Reopen from a fresh page: the builder shows what was saved.
    await page.reload();
    await page.getByTestId('segment-list-item').click();
    expect(await page.getByTestId('segment-name').inputValue()).toBe('Pro buyers');
    expect(await page.getByTestId('segment-condition').count()).toBe(2);
    expect(await condition(page, 0).getByTestId('condition-value').inputValue()).toBe('pro');
    expect(await condition(page, 1).getByTestId('condition-field').inputValue()).toBe('orders');
    await untilCount(page, 1);

    // Any instead of all widens it; renaming and saving keeps it in the list.
    await page.getByTestId('segment-match').selectOption('any');
    await untilCount(page, 3);
    await page.getByTestId('segment-name').fill('Pro or buyers');
    await page.getByTestId('segment-save').click();
    await untilText(page.getByTestId('segment-member-count'), (text) => text === '3 customers', 'the new member count');
    expect(await page.getByTestId('segment-list-item').locator('.segment-list-name').textContent()).toBe('Pro or buyers');
    await screenshot(page, 'segments-saved-en');
  });

  it('works right to left with Persian digits, and deletes a segment (fa)', async () => {
    const page = await openSegments('fa');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    expect(await page.locator('h1').textContent()).toBe(fa.segments.title);
    await buildProBuyers(page, { one: '۱' });
    expect(await page.getByTestId('segment-preview-count').textContent()).toBe('۱ مشتری منطبق است');
    await condition(page, 1).getByTestId('condition-minCount').fill('یک');
    await untilText(
      condition(page, 1).locator('.field-error'),
      (text) => text === fa.segments.errors.wholeNumber,
      'the Persian number error',
    );
    await condition(page, 1).getByTestId('condition-minCount').fill('۱');
    await untilCount(page, 1);
    await page.getByTestId('segment-name').fill('خریداران حرفه‌ای');
    await screenshot(page, 'segments-builder-fa');
    await page.getByTestId('segment-save').click();
    await untilText(page.locator('.alert-success'), (text) => text === fa.segments.saved, 'saved in Persian');
    const saved = page.locator('[data-testid=segment-list-item][aria-current=true]');
    await untilText(saved.getByTestId('segment-member-count'), (text) => text === '۱ مشتری', 'the Persian member count');
    await screenshot(page, 'segments-saved-fa');

    await page.getByTestId('segment-delete').click();
    await page.getByTestId('segment-delete-confirm').click();
    await untilText(page.locator('.alert-success'), (text) => text === fa.segments.deleted, 'deleted');
    expect(await page.getByTestId('segment-list-item').count()).toBe(1);
  });

  it('lets a viewer explore and preview, without save, rename or delete', async () => {
    const [{ workspaceId }] = await dashboard.t.database.db.select().from(memberships);
    const viewerId = newId();
    await dashboard.t.database.db
      .insert(users)
      .values({ id: viewerId, email: 'viewer@example.com', name: 'Viewer', passwordHash: await hashPassword('viewer password 1') });
    await dashboard.t.database.db.insert(memberships).values({ workspaceId, userId: viewerId, role: 'viewer' });
    const login = await dashboard.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'viewer@example.com', password: 'viewer password 1' },
    });
    const { page } = await dashboard.open({ cookie: sessionCookie(login.headers['set-cookie']) });
    await page.goto('/segments');
    await page.getByTestId('segment-list-item').click();
    await untilCount(page, 3);
    expect(await page.getByText(en.segments.readOnly).count()).toBe(1);
    for (const testId of ['segment-name', 'segment-save', 'segment-delete']) expect(await page.getByTestId(testId).count(), testId).toBe(0);
  });

  it.each([
    ['ar', ar.segments],
    ['zh', zh.segments],
  ] as const)('shows and opens saved segments (%s smoke)', async (locale, messages) => {
    const page = await openSegments(locale);
    expect((await documentDirection(page)).dir).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('h1').textContent()).toBe(messages.title);
    await page.getByTestId('segment-list-item').click();
    await untilCount(page, 3);
    expect(await page.getByTestId('condition-add').textContent()).toBe(messages.addCondition);
    await screenshot(page, `segments-${locale}`);
  });
});
