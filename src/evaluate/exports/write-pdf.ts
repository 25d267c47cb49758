// PDF: the report's HTML printed by headless Chromium. The page is served from an address that
// never reaches a network: the report and the dashboard's bundled fonts are answered from here,
// every other request is refused.
import fs from 'node:fs';
import path from 'node:path';
import { webDistDir } from '../../platform/paths.js';
import type { CellValue } from './export-sources.js';
import type { ExportSheet } from './export-sheet.js';
import { reportHtml } from './report-html.js';
import { EXPORT_LIMITS } from './limits.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://report.feedloop.invalid';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--proxy-server=http://127.0.0.1:9'];

/** Reads at most EXPORT_LIMITS.pdfMaxRows rows (the report says when there were more) and prints them. */
export async function writePdf(target: string, sheet: ExportSheet, batches: AsyncIterable<CellValue[][]>): Promise<number> {
  const kept: CellValue[][] = [];
  let cut = false;
  for await (const batch of batches) {
    const room = EXPORT_LIMITS.pdfMaxRows - kept.length;
    if (batch.length > room) {
      kept.push(...batch.slice(0, room));
      cut = true;
      break;
    }
    kept.push(...batch);
  }
  const page = reportHtml(sheet, kept, cut, new Date());
  // Loaded on first use, like Chromium itself: playwright-core would add a quarter second to every start.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: EXPORT_LIMITS.pdfTimeoutMs });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    tab.setDefaultTimeout(EXPORT_LIMITS.pdfTimeoutMs);
    await tab.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
      const file = path.join(webDistDir, path.normalize(url.pathname));
      if (url.pathname.startsWith('/assets/') && file.startsWith(path.join(webDistDir, 'assets')) && fs.existsSync(file))
        return route.fulfill({ status: 200, path: file });
      return route.fulfill({ status: 404, body: '' });
    });
    await tab.goto(`${ORIGIN}/`, { waitUntil: 'load' });
    await tab.evaluate(() => document.fonts.ready).catch(() => undefined);
    await tab.pdf({ path: target, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
  return kept.length;
}
