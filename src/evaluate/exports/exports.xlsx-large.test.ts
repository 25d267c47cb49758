// Large Excel exports: streamed like CSV, every row kept, the rows going on in a new sheet when
// one is full.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import type { CellValue } from './export-sources.js';
import type { ExportSheet } from './export-sheet.js';
import { writeXlsx } from './write-xlsx.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-exports-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sheet = (locale: 'fa' | 'en', calendar: 'persian' | 'gregorian'): ExportSheet => ({
  title: locale === 'fa' ? 'بازخوردها' : 'Feedback',
  locale,
  columns: [
    { key: 'createdAt', type: 'date', header: locale === 'fa' ? 'زمان دریافت' : 'Received' },
    { key: 'text', type: 'text', header: locale === 'fa' ? 'بازخورد' : 'Feedback' },
    { key: 'nps', type: 'number', header: 'NPS' },
  ],
  dates: { calendar, timeZone: 'Asia/Tehran' },
  workspaceName: 'Main',
  filters: {},
});

async function* pages(count: number, pageRows: number): AsyncGenerator<CellValue[][]> {
  for (let from = 0; from < count; from += pageRows) {
    const page: CellValue[][] = [];
    for (let i = from; i < Math.min(count, from + pageRows); i++)
      page.push([new Date(Date.UTC(2026, 2, 21, 0, 0) + i * 60_000), i % 7 === 0 ? `=HYPERLINK("x") ${i}` : `item ${i}`, i % 11]);
    yield page;
  }
}

/** Every sheet's name, direction and rows (values as read back), through exceljs's streaming reader. */
async function readBack(file: string) {
  const sheets: Array<{ name: string; rows: unknown[][] }> = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore' });
  for await (const worksheet of reader) {
    const rows: unknown[][] = [];
    for await (const row of worksheet) rows.push((row.values as unknown[]).slice(1));
    sheets.push({ name: (worksheet as unknown as { name: string }).name, rows });
  }
  return sheets;
}

describe('large Excel files', () => {
  it('goes on in a new sheet when one is full, each with its header, right to left, formulas defanged', async () => {
    const file = path.join(dir, 'split.xlsx');
    await writeXlsx(file, sheet('fa', 'persian'), pages(2_500, 250), { sheetRows: 1_000 });
    const sheets = await readBack(file);
    expect(sheets.map((s) => s.name)).toEqual(['بازخوردها', 'بازخوردها (2)', 'بازخوردها (3)']);
    expect(sheets.map((s) => s.rows.length)).toEqual([1_001, 1_001, 501]);
    for (const s of sheets) expect(s.rows[0]).toEqual(['زمان دریافت', 'بازخورد', 'NPS']);
    // Rows in order across the sheets: the second sheet starts with row 1,000.
    expect(sheets[1].rows[1]).toEqual(['1405/01/01 20:10', 'item 1000', 1000 % 11]);
    expect(sheets[0].rows[1]).toEqual(['1405/01/01 03:30', '\'=HYPERLINK("x") 0', 0]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.views[0]?.rightToLeft)).toEqual([true, true, true]);
  }, 60_000);

  it('writes Gregorian dates as date cells in every sheet', async () => {
    const file = path.join(dir, 'gregorian.xlsx');
    await writeXlsx(file, sheet('en', 'gregorian'), pages(30, 7), { sheetRows: 20 });
    const sheets = await readBack(file);
    expect(sheets.map((s) => s.rows.length)).toEqual([21, 11]);
    // 2026-03-21 00:20 UTC is 03:50 in Tehran: the wall-clock time, as a date cell (a serial day
    // number, which the streaming reader gives without its style).
    const serial = (Date.UTC(2026, 2, 21, 3, 50) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(sheets[1].rows[1][0]).toBeCloseTo(serial, 6);
    expect(sheets[1].rows[1].slice(1)).toEqual(['item 20', 9]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets[1].getCell('A2').value).toEqual(new Date(Date.UTC(2026, 2, 21, 3, 50)));
    expect(book.worksheets[1].getCell('A2').numFmt).toBe('yyyy-mm-dd hh:mm');
  }, 60_000);
});

describe('an Excel export of more than 100,000 rows through the job', () => {
  let s: SignedInApp;
  let t: TestApp;
  beforeAll(async () => {
    s = await signedInApp({ env: { DATA_DIR: dir } });
    t = s.t;
  }, 120_000);
  afterAll(() => t?.close());

  it('keeps every row', async () => {
    const count = 100_123;
    await t.database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, status, nps, created_at)
      select gen_random_uuid(), ${s.workspace.id}, 'api', 'item ' || g, 'processed', g % 11, timestamptz '2026-03-21 00:00Z' + g * interval '1 minute'
      from generate_series(1, ${count}) g`);
    const created = await s.api('POST', '/api/v1/exports', { subject: 'feedback', format: 'xlsx' });
    expect(created.statusCode).toBe(202);
    await t.drainJobs();
    const done = (await s.api('GET', `/api/v1/exports/${created.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', rows: count, total: count, percent: 100 });
    const file = path.join(dir, 'downloaded.xlsx');
    fs.writeFileSync(file, (await t.app.inject({ method: 'GET', url: new URL(done.downloadUrl).pathname })).rawPayload);
    const [only] = await readBack(file);
    expect(only.rows).toHaveLength(count + 1);
    expect(only.rows[1][2]).toBe(`item ${count}`);
    expect(only.rows[count][2]).toBe('item 1');
  }, 600_000);
});
