import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import type { CellValue } from './export-sources.js';
import type { ExportSheet } from './export-sheet.js';
import { EXPORT_LIMITS } from './limits.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { olderThan } from '../../platform/http/page.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customers } from '../../customers/customers/customers.tables.js';
import { writeCsv } from './write-csv.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-exports-stream-'));
const sheet: ExportSheet = {
  title: 'Feedback',
  locale: 'en',
  columns: [
    { key: 'createdAt', type: 'date', header: 'Received' },
    { key: 'text', type: 'text', header: 'Feedback' },
    { key: 'nps', type: 'number', header: 'NPS score' },
  ],
  dates: { calendar: 'persian', timeZone: 'Asia/Tehran' },
  workspaceName: 'Main',
  filters: {},
};
const TEXT = 'ارسال خیلی دیر بود و کسی جواب نداد، the parcel came a week late, 客服态度很好 '.repeat(3);

/**
 * Rows made on demand, a page of EXPORT_LIMITS.pageRows at a time; when the writer asks for row
 * `checkAt`, the file must already hold most of what came before it. A writer that gathered rows
 * in memory would have written nothing yet.
 */
function rowsWatching(file: string, count: number, checkAt: number, seen: { bytesAtCheck: number }) {
  return (async function* (): AsyncGenerator<CellValue[][]> {
    for (let from = 0; from < count; from += EXPORT_LIMITS.pageRows) {
      if (from === checkAt) {
        // Give the file stream a moment to flush what it was handed.
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen.bytesAtCheck = fs.statSync(`${file}`).size;
      }
      const page: CellValue[][] = [];
      for (let i = from; i < Math.min(count, from + EXPORT_LIMITS.pageRows); i++)
        page.push([new Date(Date.UTC(2026, 2, 21) + i * 1000), `${i} ${TEXT}`, i % 11]);
      yield page;
    }
  })();
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('streamed exports', () => {
  it('writes a large CSV as its rows come, never holding them', async () => {
    const file = path.join(dir, 'large.csv');
    fs.writeFileSync(file, '');
    const rows = 120_000;
    const seen = { bytesAtCheck: 0 };
    await writeCsv(file, sheet, rowsWatching(file, rows, 100_000, seen));
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(30_000_000);
    // By row 100,000 of 120,000 at least three quarters of the file was on disk.
    expect(seen.bytesAtCheck).toBeGreaterThan(size * 0.75);
    const head = fs.readFileSync(file, 'utf8').slice(0, 300);
    expect(head).toContain('Received,Feedback,NPS score');
    expect(head).toContain('1405/01/01 03:30');
  }, 120_000);
});

describe('an export of many pages through the job', () => {
  let s: SignedInApp;
  let t: TestApp;
  beforeAll(async () => {
    s = await signedInApp({ env: { DATA_DIR: dir } });
    t = s.t;
  }, 120_000);
  afterAll(() => t?.close());

  it('walks every page of the list once, in order, and reports the count', async () => {
    const count = EXPORT_LIMITS.pageRows * 3 + 7;
    await t.database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, status, created_at)
      select gen_random_uuid(), ${s.workspace.id}, 'api', 'item ' || g, 'processed', timestamptz '2026-03-21 00:00Z' + g * interval '1 minute'
      from generate_series(1, ${count}) g`);
    const created = await s.api('POST', '/api/v1/exports', { subject: 'feedback', format: 'csv' });
    expect(created.statusCode).toBe(202);
    await t.drainJobs();
    const done = (await s.api('GET', `/api/v1/exports/${created.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', rows: count, total: count, percent: 100 });
    const body = (await t.app.inject({ method: 'GET', url: new URL(done.downloadUrl).pathname })).body;
    const texts = body
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    expect(texts).toHaveLength(count);
    expect(texts[0]).toBe(`item ${count}`);
    expect(texts.at(-1)).toBe('item 1');
    expect(new Set(texts).size).toBe(count);
  }, 120_000);

  it('reads a deep page as a range of the index, not by discarding every newer row', async () => {
    // The export walks a million rows page by page: a page that re-read the rows before it would
    // make the whole walk quadratic.
    await t.database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, status, created_at)
      select gen_random_uuid(), ${s.workspace.id}, 'api', 'deep ' || g, 'processed', timestamptz '2025-01-01 00:00Z' + g * interval '1 minute'
      from generate_series(1, 20000) g`);
    await t.database.rows(sql`analyze feedback_items`);
    const scope = new WorkspaceScope(t.database, s.workspace.id);
    const [middle] = await t.database.rows<{ created_at: string; id: string }>(
      sql`select created_at::text, id from feedback_items where workspace_id = ${s.workspace.id} order by created_at desc, id desc offset 10000 limit 1`,
    );
    // The list's own query (feedback.service.ts): items with their customer, newest first, one page.
    const page = scope.db
      .select({ id: feedbackItems.id, customer: customers.name })
      .from(feedbackItems)
      .leftJoin(customers, eq(customers.id, feedbackItems.customerId))
      .where(scope.where(feedbackItems, olderThan(feedbackItems, { time: new Date(middle.created_at), id: middle.id })))
      .orderBy(sql`${feedbackItems.createdAt} desc nulls last`, sql`${feedbackItems.id} desc nulls last`)
      .limit(EXPORT_LIMITS.pageRows + 1)
      .toSQL();
    const explained = sql.raw(
      `explain (analyze, format json) ${page.sql.replace(/\$(\d+)/g, (_, n) => `'${page.params[Number(n) - 1]}'`)}`,
    );
    const [plan] = await t.database.rows<{ 'QUERY PLAN': unknown }>(explained);
    const text = JSON.stringify(plan['QUERY PLAN']);
    const discarded = [...text.matchAll(/"Rows Removed by Filter":(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(discarded).toBeLessThan(EXPORT_LIMITS.pageRows);
    expect(text).not.toContain('"Node Type":"Sort"');
  }, 120_000);
});
