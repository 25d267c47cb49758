// The Metrics page with metrics beyond feedback scores: customer retention with its cohort heat
// table (first-order months of the workspace calendar, mirrored in Persian) and compensations,
// whose amounts in different currencies are shown each on its own, never added up.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { refreshStaleRollups } from '../../src/evaluate/rollups/refresh-rollups.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { activitySeeder } from '../../src/platform/testing/seed-activity.js';
import { seriousViolations } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, until, untilText, useDashboard } from './harness.js';

const RANGE = 'from=2024-12-01&to=2025-03-31';

async function expectNoBrokenNumbers(page: Page) {
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/NaN|undefined|Infinity|metrics\.\w/);
}

describeBrowser('metrics beyond feedback', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let workspaceId = '';

  beforeAll(async () => {
    cookie = await signedInOwner(dashboard.t);
    const [workspace] = await dashboard.t.database.db.select({ id: workspaces.id }).from(workspaces);
    workspaceId = workspace!.id;
    const seed = activitySeeder(dashboard.t.database, workspaceId);
    const [c1, c2, c3] = [await seed.customer(), await seed.customer(), await seed.customer()];
    await seed.order(c1, '2025-01-05T10:00:00Z');
    await seed.order(c1, '2025-01-20T10:00:00Z');
    await seed.order(c1, '2025-03-01T10:00:00Z');
    await seed.order(c2, '2025-01-10T10:00:00Z');
    await seed.order(c2, '2025-02-15T10:00:00Z');
    await seed.order(c3, '2025-02-01T10:00:00Z');
    await seed.compensation(c1, { amount: 10, currency: 'EUR', status: 'approved', approvedAt: new Date('2025-03-02T10:00:00Z') });
    await seed.compensation(c2, { amount: 1_500_000, currency: 'IRR', status: 'approved', approvedAt: new Date('2025-03-04T10:00:00Z') });
  });

  async function openAs(locale: 'en' | 'fa', calendar: 'persian' | null, path: string) {
    await dashboard.t.database.db
      .update(workspaces)
      .set({ settings: calendar ? { calendar } : {} })
      .where(eq(workspaces.id, workspaceId));
    await refreshStaleRollups(dashboard.t.database);
    const me = await dashboard.t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie },
      payload: { locale, calendar: 'auto' },
    });
    expect(me.statusCode, me.body).toBe(200);
    const { page } = await dashboard.open({ cookie, locale });
    await page.goto(path);
    return page;
  }

  it('shows a Persian user retention and the cohort table by Jalali month, right to left', async () => {
    const page = await openAs('fa', 'persian', `/evaluate/metrics?metric=retention&${RANGE}&grain=month`);
    const table = page.getByTestId('cohort-table');
    const cohorts = table.locator('tbody th');
    // Dey 1403 (c1, c2) and Bahman 1403 (c3).
    await until(
      () => cohorts.allTextContents(),
      (r) => r.join() === 'دی ۱۴۰۳,بهمن ۱۴۰۳',
      'Dey and Bahman 1403',
    );
    const dey = table.locator('tbody tr').first().locator('td');
    expect(await dey.allTextContents()).toEqual(['۲', '۱۰۰٪', '۱۰۰٪', '۵۰٪']);
    // Month 0 at the start of the line: on the right in Persian.
    const [first, last] = await Promise.all(
      [1, 3].map((i) =>
        table
          .locator('thead th')
          .nth(i)
          .evaluate((el) => el.getBoundingClientRect().left),
      ),
    );
    expect(first).toBeGreaterThan(last!);
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-cohorts-fa');
  });

  it('shows an English user the cohort table by Gregorian month, and compensations per currency', async () => {
    const page = await openAs('en', null, `/evaluate/metrics?metric=retention&${RANGE}&grain=month`);
    const table = page.getByTestId('cohort-table');
    await until(
      () => table.locator('tbody th').allTextContents(),
      (r) => r.join() === 'January 2025,February 2025',
      'January and February 2025',
    );
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['2', '100%', '50%', '50%']);
    const [first, last] = await Promise.all(
      [1, 3].map((i) =>
        table
          .locator('thead th')
          .nth(i)
          .evaluate((el) => el.getBoundingClientRect().left),
      ),
    );
    expect(first).toBeLessThan(last!);
    await expectNoBrokenNumbers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'metrics-cohorts-en');

    await page.getByTestId('metric-picker').selectOption('compensation_total');
    await untilText(page.getByTestId('metric-total'), (text) => text.includes('€10.00') && text.includes('IRR'), 'amounts per currency');
    expect(await page.getByTestId('cohort-table').count()).toBe(0);
    await expectNoBrokenNumbers(page);
    await screenshot(page, 'metrics-compensations-en');
  });
});
