// Exports in the browser: the Export menu on the feedback list (Persian) and the overview
// (English) runs an export, shows its progress, then a download link whose file is downloaded.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { describeBrowser, seedFeedback, signedInOwner, untilText, useDashboard, type Dashboard } from './harness.js';

const LATE_FA = 'ارسال خیلی دیر بود و کسی جواب نداد.';
const ITEMS = [
  { language: 'fa', text: LATE_FA, nps: 3 },
  { language: 'en', text: '=1+1 looked like a formula', nps: 9 },
  { language: 'zh', text: '退款太慢了', csat: 2 },
];

/** Chooses a format in the menu, runs the export's job and downloads the file the link offers. */
async function exportAndDownload(dashboard: Dashboard, page: Page, format: 'csv' | 'xlsx' | 'pdf', shot: string) {
  await page.getByTestId('export-button').click();
  await page.getByTestId(`export-${format}`).waitFor();
  await screenshot(page, `${shot}-menu`);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/exports') && r.request().method() === 'POST');
  await page.getByTestId(`export-${format}`).click();
  expect((await created).status()).toBe(202);
  await page.getByTestId('export-progress').waitFor();
  await dashboard.t.drainJobs();
  const link = page.getByTestId('export-download');
  await link.waitFor({ timeout: 30_000 });
  await screenshot(page, `${shot}-ready`);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file), linkText: (await link.textContent()) ?? '' };
}

describeBrowser('exports', () => {
  const dashboard = useDashboard();

  it('exports the Persian feedback list as CSV and the English overview as Excel, with progress and a download', async () => {
    const cookie = await signedInOwner(dashboard.t, 'fa');
    await seedFeedback(dashboard.t, cookie, ITEMS);

    const fa = await dashboard.open({ cookie, locale: 'fa-IR' });
    await fa.page.goto('/feedback');
    await untilText(fa.page.getByTestId('export-button'), (text) => text === 'خروجی گرفتن', 'the Persian Export button');
    const csv = await exportAndDownload(dashboard, fa.page, 'csv', 'exports-feedback-fa');
    expect(csv.linkText).toBe('دانلود CSV (۳ ردیف)');
    expect(csv.name).toMatch(/^feedback-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeffزمان دریافت,کانال,بازخورد')).toBe(true);
    expect(text).toContain(LATE_FA);
    expect(text).toContain("'=1+1 looked like a formula");
    // Received today, in the Jalali calendar: 14xx/…
    expect(text).toMatch(/\n14\d\d\/\d\d\/\d\d \d\d:\d\d,api,/);

    const patched = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(patched.statusCode).toBe(200);
    const en = await dashboard.open({ cookie });
    await en.page.goto('/');
    await untilText(en.page.getByTestId('export-button'), (text) => text === 'Export', 'the English Export button');
    const xlsx = await exportAndDownload(dashboard, en.page, 'xlsx', 'exports-overview-en');
    expect(xlsx.linkText).toBe('Download Excel (30 rows)');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]?.rightToLeft ?? false).toBe(false);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Day', 'Feedback items', 'NPS', 'NPS answers', 'CSAT %', 'CSAT answers']);
    // Today is the last day: three items, two NPS answers (a promoter and a detractor), one CSAT answer.
    const today = sheet.getRow(31);
    expect([today.getCell(2).value, today.getCell(3).value, today.getCell(4).value, today.getCell(6).value]).toEqual([3, 0, 2, 1]);
  }, 180_000);
});
