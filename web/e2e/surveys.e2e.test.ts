// Surveys in the browser: build a survey from a template in the Persian (RTL) dashboard, edit a
// text, preview, publish, answer it on the public link page in Persian and English (follow-up by
// score), and read the results.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import fa from '../src/locales/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, until, untilText, useDashboard } from './harness.js';

describeBrowser('surveys', () => {
  const dashboard = useDashboard();

  it('builds, publishes, answers and reports an NPS survey in Persian and English', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'fa');
    const { page } = await dashboard.open({ cookie });

    await page.goto('/surveys');
    await untilText(page.locator('h1'), (text) => text === fa.surveys.title, 'the surveys page');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('template-select').selectOption('nps');
    await page.getByRole('button', { name: fa.surveys.create }).click();
    await page.getByTestId('survey-editor').waitFor();
    expect(await page.getByTestId('survey-status').textContent()).toBe(fa.surveys.status.draft);

    // The preview renders the saved survey in the chosen language, mirrored for Persian.
    const preview = page.frameLocator('[data-testid="survey-preview"]');
    await untilText(preview.locator('legend').first(), (text) => text.includes('چقدر احتمال دارد'), 'the Persian preview');
    expect(await preview.locator('html').getAttribute('dir')).toBe('rtl');

    // Edit the first question in Persian, save, publish.
    const title = page.getByTestId('question-nps').getByLabel(fa.surveys.questionTitle);
    await title.fill('چقدر احتمال دارد فروشگاه ما را به دوستانتان معرفی کنید؟');
    // Skip logic: passives (7–8) finish right after the score.
    const npsEditor = page.getByTestId('question-nps');
    await npsEditor.getByRole('button', { name: fa.surveys.addRule }).click();
    const rule = npsEditor.getByTestId('logic-rule');
    await rule.getByLabel(fa.surveys.fromScore).fill('7');
    await rule.getByLabel(fa.surveys.toScore).fill('8');
    await rule.getByLabel(fa.surveys.goTo).selectOption('end');
    await page.getByTestId('save-survey').click();
    await untilText(page.locator('.alert-success'), (text) => text === fa.surveys.saved, 'saved');
    await page.getByRole('button', { name: fa.surveys.publish }).click();
    await untilText(page.getByTestId('survey-status'), (text) => text === fa.surveys.status.live, 'live');
    await screenshot(page, 'survey-editor-fa');
    const link = new URL((await page.getByTestId('public-link').getAttribute('href'))!).pathname;

    // A respondent answers in Persian: score 3 brings the detractor follow-up.
    const respondent = await dashboard.open({ locale: 'fa-IR' });
    await respondent.page.goto(link);
    expect(await respondent.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await untilText(respondent.page.locator('legend'), (text) => text.includes('فروشگاه ما'), 'the edited question');
    await respondent.page.locator('label.choice', { hasText: /^۳$/ }).click();
    await screenshot(respondent.page, 'survey-link-fa');
    await respondent.page.getByRole('button', { name: 'بعدی' }).click();
    await respondent.page.locator('textarea[name="a_detractor_reason"]').fill('ارسال دو هفته طول کشید');
    await respondent.page.getByRole('button', { name: 'بعدی' }).click();
    await untilText(respondent.page.locator('h1'), (text) => text.includes('سپاسگزاریم'), 'the thank-you page');

    // Another answers in English (keyboard only): 10, then the promoter follow-up.
    const english = await dashboard.open({ locale: 'en-US' });
    await english.page.goto(`${link}?lang=en`);
    expect(await english.page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await english.page.locator('input[name="a_nps"][value="10"]').focus();
    await english.page.keyboard.press('Space');
    await english.page.keyboard.press('Enter');
    await english.page.locator('textarea[name="a_promoter_reason"]').fill('Fast and friendly support');
    await english.page.getByRole('button', { name: 'Next' }).click();
    await untilText(english.page.locator('h1'), (text) => text.includes('Thank you'), 'the English thank-you page');

    const surveyId = new URL(page.url()).pathname.split('/')[2];
    const [{ definition }] = await t.database.rows<{ definition: { questions: Array<{ id: string; logic?: unknown }> } }>(
      sql`select definition from survey_versions where survey_id = ${surveyId} order by version desc limit 1`,
    );
    expect(definition.questions[0].logic).toEqual([{ if: { question: 'nps', min: 7, max: 8 }, goTo: 'end' }]);

    await t.drainJobs();
    await page.goto(`${page.url()}/results`);
    const nps = page.getByTestId('nps-score');
    await until(
      () => nps.textContent(),
      (text) => Boolean(text?.includes('NPS') && text.includes('۰')),
      'the NPS headline',
    );
    expect(await page.locator('.open-text-list li').count()).toBe(2);
    await screenshot(page, 'survey-results-fa');
  });
});
