// The demo workspace in the browser, in Persian and English: its surveys' results count the same
// NPS and CSAT answers as the overview over a period that holds them all, the explorer's survey
// filter lists them, a respondent's timeline shows the invitation and the response, and the
// support messages are tickets. Screenshots of each page.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { sql } from 'drizzle-orm';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { toAsciiDigits } from '../../src/platform/digits.js';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, until, untilText, useDashboard } from './harness.js';

const TEXTS = { en, fa };
type Lang = keyof typeof TEXTS;

/** The numbers in a text, in any digits, in reading order. */
const numbers = (text: string) => (toAsciiDigits(text).match(/\d+/g) ?? []).map(Number);

describeBrowser('the demo workspace', () => {
  const dashboard = useDashboard();

  it('counts the same answers on every page, in Persian and English', async () => {
    const { t } = dashboard;
    const owner = await signedInOwner(t);
    const demo = await seedDemo(t.database, 'Demo shop', new Date(), dashboard.url);
    await t.drainJobs();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/workspace',
      headers: { cookie: owner },
      payload: { workspaceId: demo.workspace.id },
    });
    const surveys = await t.database.rows<{ id: string; type: string }>(sql`
      select s.id, v.definition->'questions'->0->>'type' as type from surveys s
      join survey_versions v on v.survey_id = s.id and v.version = s.current_version
      where s.workspace_id = ${demo.workspace.id} and s.status = 'live'`);
    const surveyOf = (type: string) => surveys.find((s) => s.type === type)!.id;
    const [respondent] = await t.database.rows<{ customer_id: string }>(sql`
      select customer_id from survey_responses where workspace_id = ${demo.workspace.id} and channel = 'email' order by completed_at desc limit 1`);

    for (const lang of ['fa', 'en'] as Lang[]) {
      const x = TEXTS[lang];
      await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
      const { page } = await dashboard.open({ cookie: owner, viewport: { width: 1280, height: 900 } });

      // The overview over 90 days holds the demo's 60 days.
      await page.goto('/?days=90');
      const npsNote = await untilText(
        page.getByTestId('figure-nps').locator('.figure-note'),
        (s) => numbers(s).length > 0,
        'the NPS answers',
      );
      const csatNote = await page.getByTestId('figure-csat').locator('.figure-note').textContent();
      const overview = { nps: numbers(npsNote)[0], csat: numbers(csatNote!)[0] };
      expect(overview.nps).toBeGreaterThan(40);
      await settledShot(page, `demo-overview-90-days-${lang}`);

      for (const type of ['nps', 'csat'] as const) {
        const id = surveyOf(type);
        await page.goto(`/surveys/${id}/results`);
        const card = page.getByTestId(`result-${type}`);
        const line = await untilText(card.locator('p.muted').first(), (s) => s.includes(x.surveys.types[type]), `the ${type} results`);
        const answers = numbers(line).at(-1);
        expect(answers, `${type} answers in the results (${lang})`).toBe(overview[type]);
        const completed = numbers((await page.locator('.stat').nth(1).locator('dd').textContent())!)[0];
        expect(completed).toBe(overview[type]);
        await settledShot(page, `demo-survey-results-${type}-${lang}`);

        await page.goto(`/feedback?survey_id=${id}`);
        const shown = await untilText(page.getByTestId('list-count'), (s) => numbers(s).length > 0, 'the filtered list');
        expect(numbers(shown)[0], `${type} items in the explorer (${lang})`).toBe(overview[type]);
      }
      await settledShot(page, `demo-explorer-csat-survey-${lang}`);

      // A respondent's timeline: the survey email, the response and the scored answer.
      await page.goto(`/customers/${respondent.customer_id}`);
      const timeline = page.getByTestId('timeline');
      await until(
        () => timeline.locator('[data-kind="survey_response"]').count(),
        (n) => n > 0,
        'the survey response on the timeline',
      );
      expect(await timeline.locator('[data-kind="notification"]').count()).toBeGreaterThan(0);
      await settledShot(page, `demo-customer-${lang}`);

      // Every support message became a ticket.
      await page.goto('/tickets');
      await until(
        () => page.getByTestId('ticket-row').count(),
        (n) => n === demo.tickets,
        'the tickets',
      );
      await settledShot(page, `demo-tickets-${lang}`);
      await expectNoOverflow(page);
    }
  }, 400_000); // seeding and analysing ~370 items, then two languages of pages, on a busy machine
});

/** A screenshot once the font subsets the page's text asked for have arrived. */
async function settledShot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await screenshot(page, name);
}

/** Nothing sticks out sideways (a long subject or name would push the page wider). */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
