// Sending a survey from the dashboard: a pasted list checked before sending (repeats and invalid
// lines reported), the email previewed per language, a confirmed send followed to the end, and
// personal links made for a list (copied, downloaded as CSV) and for one customer found by
// search; in Persian at 1280 px and in English on a 390 px phone.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import en from '../src/locales/surveys/en.json' with { type: 'json' };
import fa from '../src/locales/surveys/fa.json' with { type: 'json' };
import { createKey, bearer, type TestApp } from '../../src/platform/testing/test-app.js';
import path from 'node:path';
import { screenshot, screenshotDir } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

const faSend = fa.surveySending;
const screenshotPath = (name: string) => path.join(screenshotDir, `${name}.png`);
const enSend = en.surveySending;

/** Customers, a saved segment of two of them, and a live NPS survey in all four languages. */
async function seed(t: TestApp, cookie: string) {
  const key = await createKey(t, cookie, ['customers:read', 'customers:write', 'surveys:manage', 'surveys:read']);
  const call = (method: 'POST' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });
  for (const c of [
    { externalId: 'u-1', name: 'سارا احمدی', email: 'sara@example.com', locale: 'fa', attributes: { plan: 'pro' } },
    { externalId: 'u-2', name: 'Ali Karimi', email: 'ali@example.com', locale: 'en', attributes: { plan: 'pro' } },
    { externalId: 'u-3', name: 'Mona', phone: '+971501234567' },
  ])
    expect((await call('POST', '/api/v1/customers/identify', c)).statusCode).toBeLessThan(300);
  const segment = await call('POST', '/api/v1/segments', {
    name: 'مشتریان ویژه',
    definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] },
  });
  const survey = (await call('POST', '/api/v1/surveys', { template: 'nps' })).json();
  await call('POST', `/api/v1/surveys/${survey.id}/publish`, {});
  return { surveyId: survey.id as string, segmentId: segment.json().id as string, call };
}

describeBrowser('sending surveys from the dashboard', () => {
  const dashboard = useDashboard();

  it('checks a pasted list, previews the email per language, sends after confirming and follows the sends, in Persian', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'fa');
    const { surveyId } = await seed(t, cookie);
    const { page, context } = await dashboard.open({ cookie });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // From the editor to the send page.
    await page.goto(`/surveys/${surveyId}`);
    await page.getByTestId('send-and-share').click();
    await page.getByTestId('survey-send-page').waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    expect(await page.locator('h1').textContent()).toContain('شاخص خالص مروجان (NPS)');

    // The saved segment is offered with its live count, in Persian digits.
    const segment = page.getByTestId('send-segment');
    await until(
      () => segment.isEnabled(),
      (enabled) => enabled,
      'the segment list',
    );
    expect(await segment.locator('option').allTextContents()).toContain('مشتریان ویژه (۲ مشتری)');

    // A pasted list: a repeat on line 2, an invalid address on line 3, a customer without email.
    await page.getByLabel(faSend.email.toList).check();
    await page.getByTestId('send-list').fill('sara@example.com\nali@example.com، sara@example.com\nnot-an-email@\n+971 50 123 4567');
    await page.getByTestId('check-recipients').click();
    const check = page.getByTestId('send-check');
    await untilText(check.locator('.send-headline'), (text) => text === '۲ مشتری ایمیل را دریافت می‌کنند.', 'the recipient count');
    expect(await page.getByTestId('send-skipped').textContent()).toBe(`${faSend.email.skip.no_email}۱`);
    const problems = await page
      .getByTestId('list-problem')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(problems).toEqual([
      ['۲', 'sara@example.com', 'همان مشتری سطر ۱'],
      ['۳', 'not-an-email@', faSend.email.problem.invalid_email],
    ]);

    // The email as it is sent, in Persian and then in English.
    const preview = page.frameLocator('[data-testid="email-preview"]');
    await page.getByTestId('email-preview-language').selectOption('fa');
    await untilText(page.getByTestId('email-subject'), (text) => text.includes('چقدر احتمال دارد'), 'the Persian subject');
    await untilText(preview.locator('h1'), (text) => text.includes('چقدر احتمال دارد'), 'the Persian email');
    expect(await preview.locator('html').getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'survey-send-fa');
    // A full-page capture leaves the sandboxed frame blank: the email on its own.
    await page.getByTestId('email-preview').screenshot({ path: screenshotPath('survey-send-email-fa') });
    await page.getByTestId('email-preview-language').selectOption('en');
    await untilText(page.getByTestId('email-subject'), (text) => text.includes('How likely are you'), 'the English subject');
    await untilText(preview.locator('h1'), (text) => text.includes('How likely are you'), 'the English email');

    // Nothing goes out before the confirmation.
    await page.getByTestId('send-survey').click();
    expect(await page.getByRole('alertdialog').textContent()).toContain('۲ مشتری');
    expect((await t.database.rows<{ n: number }>(sql`select count(*)::int as n from survey_sends`))[0].n).toBe(0);
    await page.getByTestId('confirm-send').click();
    await untilText(page.locator('.alert-success'), (text) => text.startsWith('۲ ایمیل در راه است'), 'the queued message');
    await t.drainJobs();
    const stats = page.getByTestId('send-stats');
    await untilText(stats.locator('.stat').first(), (text) => text === `${faSend.sends.status.sent}۲`, 'two emails sent');
    expect(await page.getByTestId('response-rate').textContent()).toBe('۰٪');
    expect(await page.getByTestId('send-row').count()).toBe(2);
    await screenshot(page, 'survey-send-progress-fa');

    // Personal links for a pasted list, copied and downloaded as CSV.
    const links = page.getByTestId('personal-links');
    await links.getByLabel(faSend.links.forList).check();
    await links.getByTestId('links-list').fill('sara@example.com\nali@example.com\nnobody@example.com');
    await links.getByTestId('make-links').click();
    await links.getByTestId('links-made').waitFor();
    expect(await links.getByTestId('link-row').count()).toBe(2);
    expect(await links.getByTestId('list-problem').textContent()).toContain(faSend.email.problem.not_found);
    await links.getByRole('button', { name: 'کپی پیوند سارا احمدی' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/s\/[A-Za-z0-9_-]+\?c=/);
    const [download] = await Promise.all([page.waitForEvent('download'), links.getByTestId('download-links').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFنام,ایمیل,تلفن,شناسه مشتری,پیوند')).toBe(true);
    expect(csv).toContain(`سارا احمدی,sara@example.com,,u-1,${copied}`);
    await screenshot(page, 'survey-links-fa');

    // The link works: it opens the survey for that customer.
    const respondent = await dashboard.open({ locale: 'fa-IR' });
    await respondent.page.goto(new URL(copied).pathname + new URL(copied).search);
    await respondent.page.locator('input[name="_c"]').waitFor({ state: 'attached' });

    // One customer, found by search.
    await links.getByLabel(faSend.links.forCustomer).check();
    await links.getByTestId('link-search').fill('Ali');
    await links.getByRole('button', { name: 'ساخت پیوند برای Ali Karimi' }).click();
    await untilText(links.getByTestId('link-row'), (text) => text.includes('Ali Karimi'), 'the link for Ali');
  });
});

describeBrowser('sending surveys on a phone', () => {
  const dashboard = useDashboard();

  it('checks a list and previews the email on a 390 px phone in English, without scrolling sideways', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'en');
    const { surveyId } = await seed(t, cookie);
    const { page } = await dashboard.open({ cookie, viewport: { width: 390, height: 844 } });
    await page.goto(`/surveys/${surveyId}/send`);
    await page.getByTestId('survey-send-page').waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await page.getByLabel(enSend.email.toList).check();
    await page.getByTestId('send-list').fill('ali@example.com\nstranger@example.com');
    await page.getByTestId('check-recipients').click();
    await untilText(
      page.getByTestId('send-check').locator('.send-headline'),
      (text) => text === '1 customer will get the email.',
      'the recipient count',
    );
    expect(await page.getByTestId('list-problem').textContent()).toBe(`2stranger@example.com${enSend.email.problem.not_found}`);
    await untilText(page.getByTestId('email-subject'), (text) => text.includes('How likely'), 'the English subject');
    await untilText(
      page.frameLocator('[data-testid="email-preview"]').locator('h1'),
      (text) => text.includes('How likely'),
      'the English email',
    );
    await screenshot(page, 'survey-send-en-390');
    // Nothing of the page is wider than the phone (the app's own header is another matter).
    const overflow = await page
      .getByTestId('survey-send-page')
      .evaluate((main) =>
        [main, ...main.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1)
          .map((e) => e.outerHTML.slice(0, 80)),
      );
    expect(overflow).toEqual([]);
  });
});
