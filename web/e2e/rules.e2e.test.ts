// Rules in the browser: install a playbook from the gallery, build a rule whose condition rows are
// checked as they are typed, preview what it would have fired, read a run log, and edit and
// approve a drafted reply; in English and Persian (right to left, Persian digits), with a look at
// Arabic and Chinese.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../src/locales/rules/en.json' with { type: 'json' };
import fa from '../src/locales/rules/fa.json' with { type: 'json' };
import ar from '../src/locales/rules/ar.json' with { type: 'json' };
import zh from '../src/locales/rules/zh.json' with { type: 'json' };
import { bearer, createKey } from '../../src/platform/testing/test-app.js';
import { screenshot as save } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

/** A full-page screenshot from the top, so the sticky header stays where it belongs. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return save(page, name);
}

async function switchLanguage(page: Page, locale: string, dir: 'rtl' | 'ltr') {
  await page.getByTestId('lang-switcher').selectOption(locale);
  await until(
    () => documentDirection(page),
    (d) => d.lang === locale && d.dir === dir,
    `<html lang="${locale}" dir="${dir}">`,
  );
}

/** A new rule: NPS at most 6 → a task; the value is typed wrong first, then right. */
async function buildRule(page: Page, c: typeof en.rules, name: string, wrong: string, right: string) {
  await page.getByTestId('rule-new').click();
  await page.getByTestId('rule-name').fill(name);
  await page.getByTestId('rule-trigger').selectOption('score_received');
  await page.getByTestId('add-condition').click();
  await page.getByTestId('condition-field').selectOption('item.nps');
  await page.getByTestId('condition-operator').selectOption('lte');
  await page.getByTestId('condition-value').fill(wrong);
  await untilText(page.getByTestId('condition-problem'), (t) => t === c.problems.value, 'the row saying its value is wrong');
  expect(await page.getByTestId('rule-save').isDisabled()).toBe(true);
  await page.getByTestId('condition-value').fill(right);
  await until(
    () => page.getByTestId('condition-problem').count(),
    (n) => n === 0,
    'the row accepted',
  );
  await page.getByTestId('action-text').first().fill('Call back {{customer.name}}');
  await page.getByTestId('rule-dry-run').click();
  await page.getByTestId('dry-run-match').first().waitFor();
  expect(await page.getByTestId('dry-run-match').allTextContents()).toEqual([expect.stringContaining('Too slow')]);
}

describeBrowser('rules', () => {
  const dashboard = useDashboard();
  let cookie = '';

  it('installs a playbook, builds and previews a rule, reads its run log and approves a reply, in English', async () => {
    const { t } = dashboard;
    cookie = await signedInOwner(t, 'en');
    const key = await createKey(t, cookie, ['feedback:write']);
    const seed = (items: object[]) =>
      t.app.inject({ method: 'POST', url: '/api/v1/feedback/bulk', headers: bearer(key), payload: { items } });
    await seed([
      { channel: 'survey', text: 'Too slow', nps: 3 },
      { channel: 'survey', text: 'Great', nps: 10 },
    ]);
    await t.drainJobs();

    const { page } = await dashboard.open({ cookie });
    await page.goto('/rules?tab=gallery');
    await page.getByTestId('playbook').nth(4).waitFor();
    await page.getByTestId('playbook-install').nth(1).click();
    await untilText(page.getByTestId('gallery-message'), (s) => s.includes('Bad public review'), 'the installed message');
    await screenshot(page, 'rules-gallery-en');

    await seed([
      {
        channel: 'review',
        rating: 1,
        language: 'en',
        text: 'Delivery was late and nobody answered',
        customer: { externalId: 'r1', name: 'Sam' },
      },
      { channel: 'review', rating: 2, language: 'fa', text: 'بسته خیلی دیر رسید', customer: { externalId: 'r2', name: 'مریم' } },
    ]);
    await t.drainJobs();

    await page.locator('.rule-tabs').getByRole('link', { name: en.rules.tabs.rules, exact: true }).click();
    await buildRule(page, en.rules, 'Detractors: call back', 'six', '6');
    await untilText(page.getByTestId('dry-run-result').locator('p'), (s) => s === 'Would have fired once out of 2 checked.', 'the preview');
    await screenshot(page, 'rules-builder-en');
    await page.getByTestId('rule-save').click();
    await untilText(page.getByTestId('rule-notice'), (s) => s === en.rules.builder.saved, 'saved');
    expect(await page.getByTestId('rule-row').count()).toBe(2);

    const reply = page.getByTestId('rule-row').filter({ hasText: 'Bad public review' });
    await reply.getByTestId('rule-show-runs').click();
    await until(
      () => reply.getByTestId('rule-run').count(),
      (n) => n === 2,
      'two runs',
    );
    expect(await reply.getByTestId('rule-run').first().locator('.badge').textContent()).toBe(en.rules.runStatus.done);
    await screenshot(page, 'rules-list-en');

    await page.locator('.rule-tabs').getByRole('link', { name: en.rules.tabs.drafts, exact: true }).click();
    const draft = page.getByTestId('reply-draft').filter({ hasText: 'Delivery was late' });
    const body = draft.getByTestId('draft-body');
    expect(await body.inputValue()).toMatch(/^Hello Sam,/);
    await body.fill(`${await body.inputValue()}\nP.S. We have refunded the delivery fee.`);
    await screenshot(page, 'rules-drafts-en');
    await draft.getByTestId('draft-approve').click();
    await untilText(page.getByTestId('draft-message'), (s) => s === en.rules.drafts.approved, 'approved');
    expect(await page.getByTestId('reply-draft').count()).toBe(1);
  });

  it('shows the rules page right to left in Persian, accepting Persian digits', async () => {
    const { page } = await dashboard.open({ cookie });
    await page.goto('/rules');
    await switchLanguage(page, 'fa', 'rtl');
    await untilText(page.locator('h1'), (s) => s === fa.rules.title, 'the Persian title');
    await buildRule(page, fa.rules, 'منتقدها', 'شش', '۶');
    await untilText(
      page.getByTestId('dry-run-result').locator('p'),
      (s) => s === 'از ۲ مورد بررسی‌شده، ۱ بار اجرا می‌شد.',
      'the preview in Persian digits',
    );
    // The builder reads right to left: the trigger select starts at the right edge of the form.
    const form = await page.getByTestId('rule-builder').boundingBox();
    const trigger = await page.getByTestId('rule-trigger').boundingBox();
    expect(form!.x + form!.width - (trigger!.x + trigger!.width)).toBeLessThan(80);
    await screenshot(page, 'rules-builder-fa');
    await page.locator('.rule-tabs').getByRole('link', { name: fa.rules.tabs.drafts, exact: true }).click();
    const draft = page.getByTestId('draft-body');
    expect(await draft.getAttribute('dir')).toBe('rtl');
    expect(await draft.inputValue()).toContain('مریم عزیز');
    await screenshot(page, 'rules-drafts-fa');
  });

  it('builds a rule emailing a Persian template and sending a survey, and keeps both when reopened', async () => {
    const { t } = dashboard;
    cookie ||= await signedInOwner(t, 'en');
    const writer = bearer(await createKey(t, cookie, ['surveys:manage']));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: writer,
      payload: { template: 'nps', languages: ['fa', 'en'], defaultLanguage: 'fa' },
    });
    const survey = created.json() as { id: string };
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${survey.id}/publish`, headers: writer })).statusCode).toBe(200);

    const { page, allowHttpError } = await dashboard.open({ cookie });
    allowHttpError(422, '/api/v1/rules');
    await page.goto('/rules');
    await switchLanguage(page, 'fa', 'rtl');
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-name').fill('پیگیری سفارش');
    await page.getByTestId('action-kind').selectOption('send_email');
    const subject = page.getByTestId('email-subject');
    const body = page.getByTestId('email-body');
    await page.getByTestId('email-lang-fa').click();
    expect(await body.getAttribute('dir')).toBe('rtl');
    await subject.fill('سفارش شما');
    await body.fill('سلام {{customer.nam}}');
    // An unknown variable is flagged as typed …
    await untilText(page.getByTestId('email-problem'), (s) => s.includes('{{customer.nam}}'), 'the unknown variable flagged');
    await page.getByTestId('email-lang-en').click();
    expect(await body.getAttribute('dir')).toBe('ltr');
    await subject.fill('Your order');
    await body.fill('Hello {{customer.name}}');
    // … and refused by the server on that field: the Persian tab opens to show it.
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-error').waitFor();
    await until(
      () => page.getByTestId('email-lang-fa').getAttribute('aria-selected'),
      (v) => v === 'true',
      'the Persian tab opened on the refused body',
    );
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    await body.fill('سلام ');
    expect(await body.getAttribute('aria-invalid')).toBeNull();
    await body.focus();
    await page.getByTestId('email-variable').selectOption('customer.name');
    await until(
      () => body.inputValue(),
      (v) => v === 'سلام {{customer.name}}',
      'the variable inserted',
    );
    await page.getByRole('button', { name: fa.rules.builder.addAction }).click();
    await page.getByTestId('action-kind').nth(1).selectOption('send_survey');
    await page.getByTestId('action-survey').selectOption(survey.id);
    await screenshot(page, 'rules-email-survey-fa');
    await page.getByTestId('rule-save').click();
    await untilText(page.getByTestId('rule-notice'), (s) => s === fa.rules.builder.saved, 'saved');

    await page.reload();
    await untilText(page.locator('h1'), (s) => s === fa.rules.title, 'the Persian title after reload');
    await page.getByTestId('rule-row').filter({ hasText: 'پیگیری سفارش' }).getByRole('button', { name: fa.rules.list.edit }).click();
    const kinds = page.getByTestId('action-kind');
    expect(await Promise.all([kinds.nth(0).inputValue(), kinds.nth(1).inputValue()])).toEqual(['send_email', 'send_survey']);
    expect(await page.getByTestId('action-survey').inputValue()).toBe(survey.id);
    await page.getByTestId('email-lang-fa').click();
    expect([await subject.inputValue(), await body.inputValue()]).toEqual(['سفارش شما', 'سلام {{customer.name}}']);
    await screenshot(page, 'rules-email-survey-fa-reopened');
  });

  for (const [lang, c] of [
    ['ar', ar.rules],
    ['zh', zh.rules],
  ] as const) {
    it(`shows the gallery in ${lang}`, async () => {
      const { page } = await dashboard.open({ cookie });
      await page.goto('/rules?tab=gallery');
      await switchLanguage(page, lang, lang === 'ar' ? 'rtl' : 'ltr');
      await untilText(page.locator('h1'), (s) => s === c.title, 'the title');
      await page.getByTestId('playbook').nth(4).waitFor();
      await screenshot(page, `rules-gallery-${lang}`);
    });
  }
});
