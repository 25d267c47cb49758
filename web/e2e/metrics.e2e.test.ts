// The Metrics page in the browser: the period picker in the user's calendar (Jalali months for a
// Persian user), the chart mirrored in Persian and Arabic, every number with its sample size, "no
// data" instead of NaN, and a drill-down that lands on the explorer with the items behind a number.
import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rebuildRollups } from '../../src/evaluate/rollups/rebuild-rollups.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { seriousViolations } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

// Mehr 1405 is 23 Sep – 22 Oct 2026, Aban 1405 is 23 Oct – 21 Nov 2026.
const RANGE = 'from=2026-09-23&to=2026-11-21';
const ITEMS = [
  { channel: 'email', text: 'Fast delivery, thank you.', nps: 10, createdAt: '2026-10-01T10:00:00Z' },
  { channel: 'chat', text: 'پشتیبانی جواب نداد.', language: 'fa', nps: 3, createdAt: '2026-10-05T10:00:00Z' },
  { channel: 'email', text: 'Great prices.', nps: 9, createdAt: '2026-10-25T10:00:00Z' },
  { channel: 'email', text: 'The parcel came broken.', nps: 2, createdAt: '2026-11-02T10:00:00Z' },
  { channel: 'email', text: 'Lovely packaging.', nps: 10, createdAt: '2026-11-10T10:00:00Z' },
  { channel: 'chat', text: 'الخدمة ممتازة', language: 'ar', nps: 8, createdAt: '2026-11-12T10:00:00Z' },
];
const HIJRI_MONTH = /^(محرم|صفر|ربيع الأول|ربيع الآخر|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة) ١٤[٠-٩]{2}$/;
const JALALI_MONTH = /^(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ۱۴[۰-۹]{2}$/;

const monthOptions = (page: Page) => page.locator('[data-testid="period-picker"] optgroup').nth(1).locator('option').allTextContents();
const chartSide = (page: Page) => page.getByTestId('metric-trend').evaluate((el) => `${el.dataset.xDirection}:${el.dataset.firstDaySide}`);

async function expectNoBrokenNumbers(page: Page) {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/NaN|undefined|Infinity|metrics\.\w/);
}

describeBrowser('metrics', () => {
  const dashboard = useDashboard();
  let cookie = '';

  beforeAll(async () => {
    cookie = await signedInOwner(dashboard.t);
    await seedFeedback(dashboard.t, cookie, ITEMS);
    // The rollups the metrics are read from, as `feedloop rollups rebuild` makes them.
    const [workspace] = await dashboard.t.database.db.select({ id: workspaces.id }).from(workspaces);
    await rebuildRollups(dashboard.t.database, workspace.id);
  });

  async function openAs(locale: 'en' | 'fa' | 'ar') {
    const me = await dashboard.t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie },
      payload: { locale, calendar: 'auto' },
    });
    expect(me.statusCode, me.body).toBe(200);
    const { page } = await dashboard.open({ cookie, locale });
    await page.goto(`/evaluate/metrics?metric=nps&${RANGE}&grain=month&breakdown=channel`);
    return page;
  }

  it('shows Jalali months and a mirrored chart to a Persian user, and drills down to the items behind a number', async () => {
    const page = await openAs('fa');

    // The picker names the recent months in the Jalali calendar, in Persian digits.
    const months = await until(
      () => monthOptions(page),
      (m) => m.length === 12,
      'twelve named months',
    );
    expect(
      months.every((m) => JALALI_MONTH.test(m)),
      months.join(', '),
    ).toBe(true);

    // Jalali months: Mehr and Aban.
    const rows = page.getByTestId('metric-table').locator('tbody th');
    await until(
      () => rows.allTextContents(),
      (r) => r.join() === 'مهر ۱۴۰۵,آبان ۱۴۰۵',
      'Mehr and Aban 1405',
    );
    // Six answers: three promoters (10, 9, 10), one passive (8), two detractors (3, 2) → (3 − 2) / 6 = +16.7.
    await untilText(page.getByTestId('metric-total'), (text) => text.includes('+۱۶٫۷') && text.includes('۶'), 'the overall NPS');
    expect(await chartSide(page)).toBe('rtl:right');
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-fa');

    // Aban × email (second row, second column): 9, 2 and 10.
    const cell = page.getByTestId('metric-cell-1-1');
    expect(await cell.textContent()).toContain('از ۳ مورد');
    await page.getByTestId('metric-cell-1-1-link').click();
    await until(
      async () => new URL(page.url()).searchParams.toString(),
      (q) => q === 'channel=email&score_type=nps&from=2026-10-23&to=2026-11-21',
      'the explorer filtered to Aban, email, NPS answers',
    );
    await untilText(page.getByTestId('list-count'), (text) => text.startsWith('۳ '), 'three items');
    expect((await page.getByTestId('feedback-row').locator('.row-text').allTextContents()).sort()).toEqual([
      'Great prices.',
      'Lovely packaging.',
      'The parcel came broken.',
    ]);
    await screenshot(page, 'metrics-fa-drilldown');
  });

  it('reads left to right in English, shows "no data" where nothing was measured, and splits sentiment', async () => {
    const page = await openAs('en');
    const months = await until(
      () => monthOptions(page),
      (m) => m.length === 12,
      'twelve named months',
    );
    expect(
      months.every((m) => /^[A-Z][a-z]+ 20\d\d$/.test(m)),
      months.join(', '),
    ).toBe(true);
    const rows = page.getByTestId('metric-table').locator('tbody th');
    await until(
      () => rows.allTextContents(),
      (r) => r.join() === 'September 2026,October 2026,November 2026',
      'Gregorian months',
    );
    await untilText(page.getByTestId('metric-total'), (text) => text.includes('+16.7'), 'the overall NPS');
    expect(await chartSide(page)).toBe('ltr:left');
    expect(await page.getByTestId('metric-bar').count()).toBe(2);
    // September has no answers: "No data", never NaN or 0.
    expect(await page.getByTestId('metric-cell-0-0').textContent()).toBe('No data');
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-en');

    await page.getByTestId('metric-picker').selectOption('ces');
    await untilText(page.getByTestId('metric-total'), (text) => text === 'No data', 'no CES answers');
    await expectNoBrokenNumbers(page);

    await page.getByTestId('metric-picker').selectOption('volume');
    await page.getByTestId('breakdown-picker').selectOption('sentiment');
    await page.getByTestId('metric-split').waitFor();
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-en-sentiment');
  });

  it('is mirrored in Arabic, with Arabic digits, and in Umm al-Qura months for a user who chose the Hijri calendar', async () => {
    const page = await openAs('ar');
    await untilText(page.getByTestId('metric-total'), (text) => text.includes('١٦٫٧'), 'the overall NPS in Arabic digits');
    expect(await chartSide(page)).toBe('rtl:right');
    await expectNoBrokenNumbers(page);
    await screenshot(page, 'metrics-ar');

    const hijri = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { calendar: 'hijri' } });
    expect(hijri.statusCode, hijri.body).toBe(200);
    await page.reload();
    const months = await until(
      () => monthOptions(page),
      (m) => m.length === 12,
      'twelve named months',
    );
    expect(
      months.every((m) => HIJRI_MONTH.test(m)),
      months.join(', '),
    ).toBe(true);
    const rows = page.getByTestId('metric-table').locator('tbody th');
    await until(
      () => rows.allTextContents(),
      (r) => r.length >= 2 && r.every((m) => HIJRI_MONTH.test(m)),
      'Hijri months in the table',
    );
    await untilText(page.getByTestId('metric-total'), (text) => text.includes('١٦٫٧'), 'the same overall NPS');
    await expectNoBrokenNumbers(page);
    await screenshot(page, 'metrics-ar-hijri');
  });

  it('ranks the drivers with their figures and complaints, each opening the explorer (fa, en)', async () => {
    for (const locale of ['fa', 'en'] as const) {
      const page = await openAs(locale);
      await page.goto(`/evaluate/drivers?${RANGE}`);
      const drivers = page.getByTestId('driver');
      await until(
        () => drivers.count(),
        (n) => n > 0,
        'ranked topics',
      );
      // NPS over the period is the Metrics page's: +16.7.
      await untilText(page.getByTestId('drivers-overall-nps'), (text) => text.includes(locale === 'fa' ? '+۱۶٫۷' : '+16.7'), 'the NPS');
      expect(await page.locator('.driver-example-text').count()).toBeGreaterThan(0);
      await expectNoBrokenNumbers(page);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `metrics-drivers-${locale}`);
    }
    const page = await openAs('en');
    await page.goto(`/evaluate/drivers?${RANGE}`);
    const topic = page.getByTestId('driver').first().locator('.driver-name a');
    await topic.waitFor();
    await topic.click();
    await until(
      async () => new URL(page.url()).searchParams,
      (q) => q.get('from') === '2026-09-23' && q.get('to') === '2026-11-21' && Boolean(q.get('topic')),
      'the explorer filtered to the topic and the period',
    );
    await untilText(page.getByTestId('list-count'), (text) => /^\d+ items?/.test(text), 'the items mentioning the topic');
  }, 240_000);

  it('compares each metric before and after a change, with its change and significance (en, fa)', async () => {
    const page = await openAs('en');
    await page.goto('/evaluate/before-after?date=2026-10-23&days=30');
    const rows = page.getByTestId('before-after-row');
    await until(
      () => rows.count(),
      (n) => n === 7,
      'seven metrics',
    );
    // NPS: 10 and 3 before (0), 9, 2, 10 and 8 after (+25).
    const nps = rows.first();
    await untilText(nps.getByTestId('before-after-change'), (text) => text === '+25', 'the NPS change');
    expect(await nps.getByTestId('before-after-significance').textContent()).toMatch(/^Could be chance \(p = 0\.\d+\)$/);
    expect(await rows.last().getByTestId('before-after-change').textContent()).toBe('+2');
    expect(await page.getByTestId('before-after-windows').textContent()).toBe(
      'Before: Sep 23, 2026 to Oct 22, 2026 · After: Oct 23, 2026 to Nov 21, 2026',
    );
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-before-after-en');

    // The Export menu writes the same comparison, one row per metric.
    await page.getByTestId('export-button').click();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/exports') && r.request().method() === 'POST');
    await page.getByTestId('export-csv').click();
    const response = await created;
    expect(response.status()).toBe(202);
    expect((response.request().postDataJSON() as { subject: string; filters: object }).filters).toEqual({ date: '2026-10-23', days: '30' });
    await dashboard.t.drainJobs();
    const link = page.getByTestId('export-download');
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^before_after-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Metric,Before from,Before to,Before,Before: responses,After from,After to,After,After: responses,Change,p-value,Significant (5%)',
    );
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^nps,2026-09-23,2026-10-22,0,2,2026-10-23,2026-11-21,25,4,25,0\.\d+,no$/);

    const fa = await openAs('fa');
    await fa.goto('/evaluate/before-after?date=2026-10-23&days=30');
    await untilText(
      fa.getByTestId('before-after-row').first().getByTestId('before-after-change'),
      (text) => text.includes('+۲۵'),
      'the NPS change in Persian digits',
    );
    await expectNoBrokenNumbers(fa);
    expect(await seriousViolations(fa)).toEqual([]);
    await screenshot(fa, 'metrics-before-after-fa');
  }, 180_000);

  it('ranks the channels in a league table, listing those with too few answers unranked', async () => {
    const page = await openAs('en');
    await page.goto(`/evaluate/league?metric=nps&${RANGE}&breakdown=channel`);
    const rows = page.getByTestId('league-row');
    await until(
      () => rows.allTextContents(),
      (r) => r.length === 2,
      'email and chat',
    );
    // Four and two answers: fewer than five each, so listed without a rank, largest first.
    expect(await rows.first().textContent()).toMatch(/^Too few answersEmail\+50from 4/);
    expect(await rows.last().textContent()).toMatch(/^Too few answersChat-50from 2/);
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-league-en');
  });
});
