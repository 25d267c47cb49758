// The survey editor: a name per language (shown in the list and on the results in the viewer's
// language), questions numbered in the locale's digits, follow-up and skip choices by numbered
// question text instead of internal ids, and email triggers ("3 days after delivery, to a segment,
// not at night") with this survey's daily limit; in Persian at 1280 px and in English at 390 px.
import { expect, it } from 'vitest';
import dashboardFa from '../src/locales/fa.json' with { type: 'json' };
import en from '../src/locales/surveys/en.json' with { type: 'json' };
import fa from '../src/locales/surveys/fa.json' with { type: 'json' };
import { createKey, bearer, type TestApp } from '../../src/platform/testing/test-app.js';
import path from 'node:path';
import { screenshot, screenshotDir } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

const faTriggers = fa.surveySending.triggers;
/** A title set apart from the text around it (U+2068 … U+2069), as the choices show it. */
const isolated = (title: string) => `\u2068${title}\u2069`;

async function seed(t: TestApp, cookie: string) {
  const key = await createKey(t, cookie, ['customers:read', 'customers:write', 'surveys:manage', 'surveys:read']);
  const call = (method: 'POST' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });
  const segment = await call('POST', '/api/v1/segments', {
    name: 'مشتریان ویژه',
    definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] },
  });
  const survey = (await call('POST', '/api/v1/surveys', { template: 'nps', settings: { maxResponses: 500 } })).json();
  return { surveyId: survey.id as string, segmentId: segment.json().id as string, call };
}

describeBrowser('the survey editor in Persian', () => {
  const dashboard = useDashboard();

  it('names the survey per language, numbers questions in Persian digits, offers follow-ups by text, and sets up email triggers', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'fa');
    const { surveyId, segmentId, call } = await seed(t, cookie);
    const { page } = await dashboard.open({ cookie });
    await page.goto(`/surveys/${surveyId}`);
    await page.getByTestId('survey-editor').waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    expect(await page.locator('h1').textContent()).toBe('شاخص خالص مروجان (NPS)');

    // Numbers in Persian digits; the follow-up's "show only after" names question ۱ by its text.
    expect(await page.locator('.question-legend .num').allTextContents()).toEqual(['۱', '۲', '۳', '۴']);
    const followUp = page.getByTestId('question-detractor_reason').getByLabel(dashboardFa.surveys.followUpOf);
    expect(await followUp.locator('option').allTextContents()).toEqual([
      dashboardFa.surveys.always,
      `۱. ${isolated('چقدر احتمال دارد ما را به دوست یا همکارتان پیشنهاد کنید؟')}`,
    ]);
    expect(await followUp.inputValue()).toBe('nps');
    // A skip rule's targets are numbered question texts too.
    const npsEditor = page.getByTestId('question-nps');
    await npsEditor.getByRole('button', { name: dashboardFa.surveys.addRule }).click();
    const goTo = npsEditor.getByTestId('logic-rule').getByLabel(dashboardFa.surveys.goTo);
    expect(await goTo.locator('option').allTextContents()).toEqual([
      `۲. ${isolated('چه چیزی درست پیش نرفت و چه کاری را می‌توانیم بهتر انجام دهیم؟')}`,
      `۳. ${isolated('چه چیزی تجربه شما را عالی می‌کرد؟')}`,
      `۴. ${isolated('چه چیزی را در ما بیشتر دوست دارید؟')}`,
      dashboardFa.surveys.end,
    ]);
    await npsEditor.getByRole('button', { name: dashboardFa.surveys.removeRule }).click();

    // The name in Persian, the English one kept.
    const name = page.getByTestId('survey-name');
    expect(await name.inputValue()).toBe('شاخص خالص مروجان (NPS)');
    await name.fill('نظر شما درباره فروشگاه');
    await page.getByTestId('save-survey').click();
    await untilText(page.locator('.alert-success'), (text) => text === dashboardFa.surveys.saved, 'saved');
    await untilText(page.locator('h1'), (text) => text === 'نظر شما درباره فروشگاه', 'the Persian name as the title');
    const stored = (await call('GET', `/api/v1/surveys/${surveyId}`)).json();
    expect(stored.names).toMatchObject({ fa: 'نظر شما درباره فروشگاه', en: 'Net Promoter Score (NPS)' });
    expect(stored.name).toBe('Net Promoter Score (NPS)');
    await page.getByRole('tab', { name: 'English' }).click();
    expect(await name.inputValue()).toBe('Net Promoter Score (NPS)');

    // An email trigger: 3 days after delivery, to a segment, not between 22:00 and 08:00.
    const triggers = page.getByTestId('email-triggers');
    await untilText(triggers.locator('.trigger-limits'), (text) => text.includes('هر ۳۰ روز'), 'the workspace throttle');
    expect(await triggers.getByLabel(faTriggers.event, { exact: true }).inputValue()).toBe('order_delivered');
    expect(await triggers.getByLabel(faTriggers.delay, { exact: true }).inputValue()).toBe('۳');
    await triggers.getByLabel(faTriggers.delay, { exact: true }).fill('۳');
    await triggers.getByLabel(faTriggers.unit).selectOption('days');
    await triggers.getByLabel(faTriggers.audience, { exact: true }).selectOption('eq');
    await triggers.getByLabel(faTriggers.segment, { exact: true }).selectOption({ label: 'مشتریان ویژه' });
    await triggers.getByRole('checkbox', { name: faTriggers.quietHours }).check();
    await triggers.getByLabel(faTriggers.quietFrom).fill('۲۲:۰۰');
    await triggers.getByLabel(faTriggers.quietTo).fill('۰۸:۰۰');
    await triggers.getByTestId('add-trigger').click();
    await untilText(triggers.locator('.alert-success'), (text) => text === faTriggers.added, 'the trigger saved');
    const facts = await triggers.getByTestId('email-trigger').locator('dd').allTextContents();
    expect(facts).toEqual([faTriggers.events.order_delivered, '۳ روز', 'مشتریان بخش مشتریان ویژه', 'نه بین ۲۲:۰۰ و ۰۸:۰۰']);
    const saved = (await call('GET', `/api/v1/surveys/${surveyId}/triggers`)).json().data;
    expect(saved).toMatchObject([
      {
        eventName: 'order_delivered',
        delayMinutes: 4320,
        segment: [{ field: 'segment', op: 'eq', value: segmentId }],
        quietHours: { start: '22:00', end: '08:00' },
        enabled: true,
      },
    ]);

    // This survey's daily email limit, kept beside its other settings.
    await triggers.getByLabel(faTriggers.maxPerDay).fill('۵۰');
    await triggers.getByRole('button', { name: faTriggers.saveLimit }).click();
    await untilText(triggers.locator('.alert-success'), (text) => text === faTriggers.limitSaved, 'the limit saved');
    expect((await call('GET', `/api/v1/surveys/${surveyId}`)).json().settings).toEqual({ maxResponses: 500, maxSendsPerDay: 50 });
    await screenshot(page, 'survey-editor-triggers-fa');
    await triggers.screenshot({ path: path.join(screenshotDir, 'survey-editor-triggers-section-fa.png') });
    await page.getByTestId('question-detractor_reason').screenshot({ path: path.join(screenshotDir, 'survey-editor-follow-up-fa.png') });

    // A custom event name that the server would refuse is stopped here, naming the field.
    await triggers.getByLabel(faTriggers.event, { exact: true }).selectOption('custom');
    await triggers.getByLabel(faTriggers.eventName).fill('signup/completed');
    await triggers.getByTestId('add-trigger').click();
    await untilText(triggers.locator('.field-error'), (text) => text === faTriggers.errors.eventName, 'the event name error');
    await triggers.getByTestId('email-trigger').getByRole('button', { name: faTriggers.remove }).click();
    await until(
      () => call('GET', `/api/v1/surveys/${surveyId}/triggers`).then((r) => r.json().data.length),
      (n) => n === 0,
      'the trigger removed',
    );

    // The list and the results use the viewer's language, with the questions numbered.
    await page.goto('/surveys');
    await untilText(page.locator('.survey-row .card-title'), (text) => text === 'نظر شما درباره فروشگاه', 'the Persian name in the list');
    await page.goto(`/surveys/${surveyId}/results`);
    await untilText(page.locator('.question-number').first(), (text) => text === 'پرسش ۱', 'question numbers in Persian digits');
    expect(await page.locator('h1').textContent()).toBe('نظر شما درباره فروشگاه');
    await screenshot(page, 'survey-results-numbered-fa');
    await page.getByTestId('lang-switcher').selectOption('en');
    await until(
      () => documentDirection(page),
      (d) => d.lang === 'en',
      'English',
    );
    await untilText(page.locator('h1'), (text) => text === 'Net Promoter Score (NPS)', 'the English name');
    expect(await page.locator('.question-number').first().textContent()).toBe('Question 1');
  });
});

describeBrowser('the survey editor on a phone', () => {
  const dashboard = useDashboard();

  it('adds a trigger for a custom event in English at 390 px', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'en');
    const { surveyId, call } = await seed(t, cookie);
    const { page } = await dashboard.open({ cookie, viewport: { width: 390, height: 844 } });
    await page.goto(`/surveys/${surveyId}`);
    const triggers = page.getByTestId('email-triggers');
    await triggers.waitFor();
    const e = en.surveySending.triggers;
    await triggers.getByLabel(e.event, { exact: true }).selectOption('custom');
    await triggers.getByLabel(e.eventName).fill('signup_completed');
    await triggers.getByLabel(e.delay, { exact: true }).fill('2');
    await triggers.getByLabel(e.unit).selectOption('hours');
    await triggers.getByTestId('add-trigger').click();
    await untilText(
      triggers.getByTestId('email-trigger'),
      (text) => text.includes('signup_completed') && text.includes('2 hours'),
      'the trigger in the list',
    );
    expect((await call('GET', `/api/v1/surveys/${surveyId}/triggers`)).json().data).toMatchObject([
      { eventName: 'signup_completed', delayMinutes: 120, segment: [], quietHours: null },
    ]);
    await triggers.scrollIntoViewIfNeeded();
    await screenshot(page, 'survey-editor-triggers-en-390');
    const outside = await triggers.evaluate((section) =>
      [section, ...section.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 || el.getBoundingClientRect().left < -1)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(outside).toEqual([]);
  });
});
