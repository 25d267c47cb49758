// Exports from the customers list and the tickets inbox, in Persian and English: the Export menu
// sits in each page's heading, exports what the page shows (its search or filters) and offers
// the file for download.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, untilText, useDashboard, type Dashboard } from './harness.js';

/** Chooses a format in the menu, runs the export's job and downloads the file the link offers. */
async function exportAndDownload(dashboard: Dashboard, page: Page, format: 'csv' | 'xlsx', shot: string) {
  await page.getByTestId('export-button').click();
  await page.getByTestId(`export-${format}`).waitFor();
  await screenshot(page, `${shot}-menu`);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/exports') && r.request().method() === 'POST');
  await page.getByTestId(`export-${format}`).click();
  const response = await created;
  expect(response.status()).toBe(202);
  await dashboard.t.drainJobs();
  const link = page.getByTestId('export-download');
  await link.waitFor({ timeout: 30_000 });
  await screenshot(page, `${shot}-ready`);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return {
    filters: (response.request().postDataJSON() as { filters: Record<string, string> }).filters,
    name: download.suggestedFilename(),
    bytes: fs.readFileSync(await download.path()),
    linkText: (await link.textContent()) ?? '',
  };
}

/** The Export button sits inside the page's heading, beside its title, on screen. */
async function expectButtonInHeading(page: Page) {
  const head = await page.locator('.page-head').first().boundingBox();
  const button = await page.getByTestId('export-button').boundingBox();
  expect(head && button).toBeTruthy();
  if (!head || !button) return;
  expect(button.y).toBeGreaterThanOrEqual(head.y - 1);
  expect(button.y + button.height).toBeLessThanOrEqual(head.y + head.height + 1);
  expect(button.x).toBeGreaterThanOrEqual(0);
  expect(button.x + button.width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 1280);
}

describeBrowser('exports from the customers and tickets pages', () => {
  const dashboard = useDashboard();

  it('exports the customers list (its search) and the inbox (its filters) in Persian and English', async () => {
    const cookie = await signedInOwner(dashboard.t, 'fa');
    const api = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await dashboard.t.app.inject({ method, url, headers: { cookie }, payload });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const maryam = (await api('POST', '/api/v1/customers/identify', { externalId: 'm-1', name: 'مریم رضایی', email: 'maryam@example.com' }))
      .id;
    await api('POST', '/api/v1/customers/identify', { externalId: 'l-2', name: 'ليلى أحمد', email: 'layla@example.com' });
    await api('POST', '/api/v1/customers/identify', { externalId: 'w-3', name: '王芳', email: 'wang@example.com' });
    await api('POST', '/api/v1/customers/identify', { externalId: 'x-4', name: '=HYPERLINK("http://x")', email: 'formula@example.com' });
    await api('POST', '/api/v1/tickets', { subject: 'سفارش دیر رسید', priority: 'urgent', customerId: maryam });
    await api('POST', '/api/v1/tickets', { subject: 'Refund please', priority: 'low', customerId: maryam });
    await api('POST', '/api/v1/tickets', { subject: '退款太慢了', priority: 'urgent' });

    // Persian: every customer as CSV.
    const fa = await dashboard.open({ cookie, locale: 'fa-IR', viewport: { width: 1280, height: 900 } });
    await fa.page.goto('/customers');
    await untilText(fa.page.getByTestId('export-button'), (text) => text === 'خروجی گرفتن', 'the Persian Export button');
    await expectButtonInHeading(fa.page);
    const customersFa = await exportAndDownload(dashboard, fa.page, 'csv', 'exports-customers-fa');
    expect(customersFa.linkText).toBe('دانلود CSV (۴ ردیف)');
    expect(customersFa.name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = customersFa.bytes.toString('utf8');
    expect(csv.startsWith('\ufeffنام,ایمیل,تلفن,شناسهٔ شما')).toBe(true);
    for (const name of ['مریم رضایی', 'ليلى أحمد', '王芳']) expect(csv).toContain(name);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);

    // Persian: the inbox's urgent tickets as Excel, right to left.
    await fa.page.goto('/tickets?priority=urgent');
    await fa.page.getByTestId('tickets-page').waitFor();
    await expectButtonInHeading(fa.page);
    const ticketsFa = await exportAndDownload(dashboard, fa.page, 'xlsx', 'exports-tickets-fa');
    expect(ticketsFa.filters).toEqual({ priority: 'urgent' });
    expect(ticketsFa.linkText).toBe('دانلود اکسل (۲ ردیف)');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ticketsFa.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('تیکت‌ها');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(2).value).toBe('موضوع تیکت');
    expect([sheet.getRow(2).getCell(2).value, sheet.getRow(3).getCell(2).value].sort()).toEqual(['سفارش دیر رسید', '退款太慢了'].sort());
    expect(sheet.rowCount).toBe(3);

    // English: the customers found by a search as Excel, the inbox as CSV.
    await api('PATCH', '/api/v1/me', { locale: 'en' });
    const en = await dashboard.open({ cookie, viewport: { width: 1280, height: 900 } });
    await en.page.goto('/customers?q=maryam');
    await untilText(en.page.getByTestId('export-button'), (text) => text === 'Export', 'the English Export button');
    await expectButtonInHeading(en.page);
    const customersEn = await exportAndDownload(dashboard, en.page, 'xlsx', 'exports-customers-en');
    expect(customersEn.filters).toEqual({ q: 'maryam' });
    expect(customersEn.linkText).toBe('Download Excel (1 row)');
    const customersBook = new ExcelJS.Workbook();
    await customersBook.xlsx.load(customersEn.bytes as unknown as ArrayBuffer);
    expect(customersBook.worksheets[0].views[0]?.rightToLeft ?? false).toBe(false);
    expect(customersBook.worksheets[0].getRow(2).getCell(1).value).toBe('مریم رضایی');

    await en.page.goto('/tickets');
    await en.page.getByTestId('tickets-page').waitFor();
    await expectButtonInHeading(en.page);
    const ticketsEn = await exportAndDownload(dashboard, en.page, 'csv', 'exports-tickets-en');
    expect(ticketsEn.linkText).toBe('Download CSV (3 rows)');
    const text = ticketsEn.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('Ticket,Subject,Status,Priority,Customer,Feedback items,Tags,Opened,Resolved,ID');
    expect(lines).toHaveLength(4);

    // The breaching queue is live: it offers no export.
    await en.page.goto('/tickets?queue=breaching');
    await en.page.getByTestId('tickets-page').waitFor();
    expect(await en.page.getByTestId('export-button').count()).toBe(0);
  }, 240_000);
});
