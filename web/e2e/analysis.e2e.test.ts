// Analysis in the browser: correcting an item's sentiment and topics, managing the topic
// taxonomy, re-analysing past feedback and retraining the workspace model, in English and in
// Persian (right to left).
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { bearer, createKey } from '../../src/platform/testing/test-app.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

const GIFT_EN = 'My gift card balance disappeared after one week.';
const GIFT_FA = 'کارت هدیه من بعد از یک هفته باطل شد.';
const LATE = 'Delivery was two days late and nobody told me.';
const ITEMS = [
  { language: 'en', text: LATE },
  { language: 'en', text: GIFT_EN },
  { language: 'fa', text: GIFT_FA },
  { language: 'fa', text: 'بسته‌بندی محکم و تمیز بود، ممنون.' },
];

interface ItemJson {
  id: string;
  text: string;
  sentiment: string | null;
  topics: string[];
  correctedFields: string[];
}

describeBrowser('analysis and topics', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let managerKey = '';

  async function items(): Promise<ItemJson[]> {
    const res = await dashboard.t.app.inject({ method: 'GET', url: '/api/v1/feedback?limit=100', headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
    return res.json().data as ItemJson[];
  }

  async function itemByText(text: string): Promise<ItemJson> {
    const found = (await items()).find((item) => item.text === text);
    if (!found) throw new Error(`no item with text ${text}`);
    return found;
  }

  async function openItem(page: Page, id: string) {
    await page.goto(`/feedback/${id}`);
    await page.getByTestId('correction-form').waitFor();
  }

  it('corrects sentiment and topics with one click and marks them corrected', async () => {
    cookie = await signedInOwner(dashboard.t);
    managerKey = await createKey(dashboard.t, cookie, ['feedback:read', 'topics:manage']);
    await seedFeedback(dashboard.t, cookie, ITEMS);
    const before = await itemByText(LATE);

    const { page } = await dashboard.open({ cookie });
    await openItem(page, before.id);
    const card = page.getByTestId('analysis-card');
    expect(await card.getByTestId('corrected-sentiment').count()).toBe(0);
    await screenshot(page, 'feedback-analysis-en');

    const form = page.getByTestId('correction-form');
    const save = page.getByTestId('correction-save');
    expect(await save.isDisabled()).toBe(true);
    const sentiment = before.sentiment === 'positive' ? 'negative' : 'positive';
    await form.locator('select[name=sentiment]').selectOption(sentiment);
    // Choose exactly "delivery" and "order" (the analysis gave it delivery and support).
    for (const box of await form.locator('input[name=topics]').all()) {
      const key = await box.getAttribute('value');
      await box.setChecked(key === 'delivery' || key === 'order');
    }

    const sent = page.waitForRequest((req) => req.method() === 'POST' && req.url().endsWith(`/feedback/${before.id}/analysis`));
    await save.click();
    // Only the changed fields are sent.
    expect(Object.keys((await sent).postDataJSON() as object).sort()).toEqual(['sentiment', 'topics']);

    await untilText(card.getByTestId('analysis-sentiment'), (text) => text.includes(en.sentiment[sentiment]), 'the corrected sentiment');
    await card.getByTestId('corrected-sentiment').waitFor();
    await card.getByTestId('corrected-topics').waitFor();
    expect(await card.getByTestId('corrected-type').count()).toBe(0);
    expect(await card.getByTestId('corrected-sentiment').textContent()).toBe(en.analysis.corrected);
    const chips = await card
      .getByTestId('analysis-topics')
      .locator('.chip')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-topic')));
    expect(chips.sort()).toEqual(['delivery', 'order']);
    expect(await page.locator('.alert-success').textContent()).toBe(en.analysis.saved);
    await screenshot(page, 'feedback-analysis-corrected-en');

    const after = await itemByText(LATE);
    expect(after.sentiment).toBe(sentiment);
    expect(after.topics).toEqual(['delivery', 'order']);
    expect(after.correctedFields).toEqual(['sentiment', 'topics']);
  });

  it('adds a topic with a keyword, re-analyses past feedback and retrains the model', async () => {
    const { page } = await dashboard.open({ cookie });
    await page.goto('/settings');
    await page.getByTestId('settings-topics-link').click();
    await page.waitForURL('**/settings/topics');
    await page.getByTestId('topic-list').waitFor();

    await page.getByTestId('topic-add').click();
    const form = page.getByTestId('topic-create-form');
    await form.getByTestId('topic-name-en').fill('Gift cards');
    await form.getByTestId('topic-name-fa').fill('کارت هدیه');
    await form.getByTestId('topic-keywords-en').fill('gift card*, voucher');
    await form.getByTestId('topic-keywords-fa').fill('کارت هدیه');
    await form.getByTestId('topic-examples').fill('My gift card code does not work.');
    expect(await form.getByTestId('topic-keywords-fa').getAttribute('dir')).toBe('auto');
    await screenshot(page, 'topics-add-en');
    await form.getByTestId('topic-save').click();

    const card = page.locator('[data-testid=topic-card][data-key=gift_cards]');
    await card.waitFor();
    expect(await card.locator('.topic-name').textContent()).toBe('Gift cards');
    expect(await card.locator('.topic-keywords li').allTextContents()).toEqual(
      expect.arrayContaining(['gift card*', 'voucher', 'کارت هدیه']),
    );
    await page.getByTestId('topics-notice').waitFor();

    // Re-analysis runs as background jobs: start it, let the jobs run, and watch the bar finish.
    await page.getByTestId('reanalyze').click();
    const status = page.getByTestId('reanalysis-status');
    await status.waitFor();
    await dashboard.t.drainJobs();
    await until(
      () => status.getAttribute('data-status'),
      (s) => s === 'done',
      'the re-analysis to finish',
    );
    await untilText(status, (text) => text.includes(`${ITEMS.length} of ${ITEMS.length} items`), 'the final progress');
    expect(await status.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'topics-reanalysed-en');

    expect((await itemByText(GIFT_EN)).topics).toContain('gift_cards');
    expect((await itemByText(GIFT_FA)).topics).toContain('gift_cards');
    // The correction made before is kept.
    expect((await itemByText(LATE)).topics).toEqual(['delivery', 'order']);

    // The correction queued a training; "Retrain now" runs one more.
    const model = page.getByTestId('model-panel');
    await page.getByTestId('retrain').click();
    await until(
      () => model.getByTestId('model-status').getAttribute('data-status'),
      (s) => s === 'queued' || s === 'training',
      'a queued training',
    );
    await dashboard.t.drainJobs({ dueNow: true });
    await until(
      () => model.getByTestId('model-status').getAttribute('data-status'),
      (s) => s === 'idle',
      'the model to be trained',
    );
    expect(await model.textContent()).not.toContain(en.topics.model.never);
    await screenshot(page, 'topics-model-trained-en');
  });

  it('shows topics right to left in Persian and reports server errors in Persian', async () => {
    const { page, allowHttpError } = await dashboard.open({ cookie });
    await page.goto('/settings/topics');
    await page.getByTestId('topic-list').waitFor();
    await page.getByTestId('lang-switcher').selectOption('fa');
    await until(
      () => documentDirection(page),
      (d) => d.dir === 'rtl' && d.lang === 'fa',
      '<html dir="rtl" lang="fa">',
    );
    await untilText(page.locator('.page-title'), (text) => text === fa.topics.title, 'the Persian title');
    const card = page.locator('[data-testid=topic-card][data-key=gift_cards]');
    expect(await card.locator('.topic-name').textContent()).toBe('کارت هدیه');
    // Re-analysis numbers in Persian digits.
    await untilText(page.getByTestId('reanalysis-status'), (text) => /[۰-۹]/.test(text) && !/[0-9]/.test(text), 'Persian digits');
    await screenshot(page, 'topics-fa');

    // Rename in Persian through the edit form.
    await card.getByTestId('topic-edit').click();
    const edit = card.getByTestId('topic-edit-form');
    expect(await edit.getByTestId('topic-name-fa').getAttribute('dir')).toBe('auto');
    await edit.getByTestId('topic-name-fa').fill('کارت‌های هدیه');
    await edit.getByTestId('topic-save').click();
    await untilText(page.getByTestId('topics-notice'), (text) => text === fa.topics.updated, 'the saved notice');
    await untilText(card.locator('.topic-name'), (text) => text === 'کارت‌های هدیه', 'the new Persian name');

    // Correct an item in Persian; meanwhile someone deletes a topic, and the server refuses it.
    const item = await itemByText(GIFT_FA);
    await openItem(page, item.id);
    const form = page.getByTestId('correction-form');
    await form.locator('select[name=sentiment]').selectOption(item.sentiment === 'negative' ? 'neutral' : 'negative');
    await form.locator('input[name=topics][value=packaging]').check();
    const topics = (await dashboard.t.app.inject({ method: 'GET', url: '/api/v1/topics', headers: bearer(managerKey) })).json()
      .data as Array<{ id: string; key: string }>;
    const packaging = topics.find((topic) => topic.key === 'packaging')!;
    const removed = await dashboard.t.app.inject({ method: 'DELETE', url: `/api/v1/topics/${packaging.id}`, headers: bearer(managerKey) });
    expect(removed.statusCode).toBe(204);

    allowHttpError(422, `/api/v1/feedback/${item.id}/analysis`);
    await page.getByTestId('correction-save').click();
    await untilText(page.locator('#topic-choices-error'), (text) => text === fa.analysis.errors.unknownTopic, 'the Persian error');
    await screenshot(page, 'feedback-analysis-error-fa');

    await form.locator('input[name=topics][value=packaging]').uncheck();
    await page.getByTestId('correction-save').click();
    const marker = page.getByTestId('analysis-card').getByTestId('corrected-sentiment');
    await untilText(marker, (text) => text === fa.analysis.corrected, 'the Persian corrected marker');
    expect(await page.locator('#topic-choices-error').count()).toBe(0);
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await screenshot(page, 'feedback-analysis-corrected-fa');
  });
});
