import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { newId } from '../../platform/ids.js';
import { exportLinks, exports } from './exports.tables.js';
import { purgeExpiredExports } from './exports.service.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-exports-test-'));
let s: SignedInApp;
let t: TestApp;
const cookie = () => ({ cookie: s.owner.cookie });

async function seed(workspaceId: string, items: Array<Partial<typeof feedbackItems.$inferInsert>>) {
  const rows = items.map((item) => ({ id: newId(), workspaceId, channel: 'api', text: 'feedback', status: 'processed', ...item }));
  await t.database.db.insert(feedbackItems).values(rows);
  return rows.map((r) => r.id);
}

/** Asks for an export, runs its job and answers its final state. */
async function exportNow(body: object, headers: Record<string, string> = cookie()) {
  const created = await s.api('POST', '/api/v1/exports', body, headers);
  expect(created.statusCode, created.body).toBe(202);
  await t.drainJobs();
  const res = await s.api('GET', `/api/v1/exports/${created.json().id}`, undefined, headers);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function download(url: string) {
  const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
  return res;
}

const setUser = (patch: Partial<typeof users.$inferInsert>) => t.database.db.update(users).set(patch).where(eq(users.id, s.owner.userId));

beforeAll(async () => {
  s = await signedInApp({ env: { DATA_DIR: dataDir }, scopes: ['feedback:read'] });
  t = s.t;
  await seed(s.workspace.id, [
    // Nowruz 1405 in UTC: the Jalali new year's day.
    { createdAt: new Date('2026-03-21T08:30:00Z'), text: '=HYPERLINK("http://evil.example","click")', nps: 9, sentiment: 'positive' },
    { createdAt: new Date('2026-03-22T09:00:00Z'), text: '+cmd|calc', nps: 3, sentiment: 'negative' },
    { createdAt: new Date('2026-03-23T10:00:00Z'), text: '@SUM(A1)', csat: 5, sentiment: 'negative' },
    { createdAt: new Date('2026-03-24T11:00:00Z'), text: '\tTabbed', sentiment: 'neutral' },
    { createdAt: new Date('2026-03-25T12:00:00Z'), text: '-2+3', sentiment: 'neutral' },
  ]);
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('exports', () => {
  it('writes the filtered feedback list to CSV with formulas defanged, through a link that needs no sign-in', async () => {
    await setUser({ locale: 'en', calendar: 'auto' });
    const done = await exportNow({ subject: 'feedback', format: 'csv', filters: { sentiment: 'positive,negative' } });
    expect(done).toMatchObject({ status: 'done', rows: 3, total: 3, percent: 100, format: 'csv' });
    expect(done.downloadUrl).toMatch(/^http:\/\/localhost:3000\/api\/v1\/exports\/download\/[A-Za-z0-9_-]{43}$/);
    const res = await download(done.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="feedback-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parse(res.body, { bom: true }) as string[][];
    expect(header.slice(0, 3)).toEqual(['Received', 'Channel', 'Feedback']);
    const text = rows.map((r) => r[2]);
    expect(text).toEqual(["'@SUM(A1)", "'+cmd|calc", `'=HYPERLINK("http://evil.example","click")`]);
    expect(rows[2][0]).toBe('2026-03-21 08:30');
    expect(rows[2][header.indexOf('NPS score')]).toBe('9');
  });

  it('defangs every formula start in Excel too, writes scores as number cells and keeps left-to-right for English', async () => {
    const done = await exportNow({ subject: 'feedback', format: 'xlsx' });
    const res = await download(done.downloadUrl);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.views[0]?.rightToLeft ?? false).toBe(false);
    const texts = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(3).value);
    expect(texts).toEqual(["'-2+3", "'\tTabbed", "'@SUM(A1)", "'+cmd|calc", `'=HYPERLINK("http://evil.example","click")`]);
    for (let r = 2; r <= 6; r++) expect(sheet.getRow(r).getCell(3).type).toBe(ExcelJS.ValueType.String);
    const nps = sheet.getRow(6).getCell(6);
    expect(nps.type).toBe(ExcelJS.ValueType.Number);
    expect(nps.value).toBe(9);
    // Gregorian readers get real date cells, at the workspace's wall-clock time.
    expect(sheet.getRow(6).getCell(1).value).toEqual(new Date('2026-03-21T08:30:00Z'));
  });

  it('gives a Persian reader a right-to-left sheet, Persian headers and Jalali dates (Excel and CSV)', async () => {
    await setUser({ locale: 'fa', calendar: 'auto' });
    const xlsx = await exportNow({ subject: 'feedback', format: 'xlsx', filters: { sentiment: 'positive' } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(xlsx.downloadUrl)).rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('بازخوردها');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('زمان دریافت');
    expect(sheet.getRow(1).getCell(3).value).toBe('بازخورد');
    expect(sheet.getRow(2).getCell(1).value).toBe('1405/01/01 08:30');
    expect(sheet.getRow(2).getCell(6).value).toBe(9);

    const csv = await exportNow({ subject: 'feedback', format: 'csv', filters: { sentiment: 'positive' } });
    const [header, row] = parse((await download(csv.downloadUrl)).body, { bom: true }) as string[][];
    expect(header[0]).toBe('زمان دریافت');
    expect(row[0]).toBe('1405/01/01 08:30');
    await setUser({ locale: 'en' });
  });

  it('exports the overview’s daily table', async () => {
    await rebuildRollups(t.database, s.workspace.id);
    const done = await exportNow({ subject: 'overview', format: 'csv', filters: { from: '2026-03-21', to: '2026-03-23' } });
    const [header, ...rows] = parse((await download(done.downloadUrl)).body, { bom: true }) as string[][];
    expect(header).toEqual(['Day', 'Feedback items', 'NPS', 'NPS answers', 'CSAT %', 'CSAT answers']);
    expect(rows).toEqual([
      ['2026-03-21', '1', '100', '1', '', '0'],
      ['2026-03-22', '1', '-100', '1', '', '0'],
      ['2026-03-23', '1', '', '0', '100', '1'],
    ]);
  });

  it('exports a metric per period of the reader’s calendar, as GET /metrics answers it', async () => {
    await rebuildRollups(t.database, s.workspace.id);
    await setUser({ locale: 'fa', calendar: 'auto' });
    const done = await exportNow({
      subject: 'metrics',
      format: 'csv',
      filters: { metric: 'nps', from: '2026-03-21', to: '2026-03-24', grain: 'month' },
    });
    const [header, ...rows] = parse((await download(done.downloadUrl)).body, { bom: true }) as string[][];
    expect(header).toEqual(['شاخص', 'تفکیک', 'از', 'تا', 'مقدار', 'تعداد پاسخ', 'کران پایین ۹۵٪', 'کران بالای ۹۵٪']);
    // Farvardin 1405, the Jalali month from 21 March: one promoter, one detractor.
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 6)).toEqual(['nps', '', '1405/01/01', '1405/01/31', '0', '2']);
    await setUser({ locale: 'en' });
  });

  it('refuses bad input naming the field, and what the caller may not read', async () => {
    const cases: Array<[object, string]> = [
      [{ subject: 'feedback', format: 'docx' }, 'format'],
      [{ subject: 'orders', format: 'csv' }, 'subject'],
      [{ subject: 'feedback', format: 'csv', filters: { sentiment: 'furious' } }, 'filters.sentiment'],
      [{ subject: 'feedback', format: 'csv', filters: { colour: 'red' } }, 'filters.colour'],
      [{ subject: 'feedback', format: 'csv', filters: { cursor: 'abc' } }, 'filters.cursor'],
      [{ subject: 'overview', format: 'pdf', filters: { from: '2026-02-30' } }, 'filters.from'],
      [{ subject: 'tickets', format: 'csv', filters: { queue: 'breaching' } }, 'filters.queue'],
      [{ subject: 'metrics', format: 'xlsx', filters: { metric: 'nps', from: '2026-03-21' } }, 'filters.to'],
    ];
    for (const [body, field] of cases) {
      const res = await s.api('POST', '/api/v1/exports', body, cookie());
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    // The API key may read feedback only.
    const denied = await s.api('POST', '/api/v1/exports', { subject: 'customers', format: 'csv' });
    expect(denied.statusCode).toBe(403);
    expect(await t.database.db.select().from(exports).where(eq(exports.subject, 'customers'))).toEqual([]);
  });

  it('lets a link expire, then removes the file on schedule', async () => {
    const done = await exportNow({ subject: 'feedback', format: 'csv' });
    expect((await download(done.downloadUrl)).statusCode).toBe(200);
    await t.database.db
      .update(exportLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(exportLinks.exportId, done.id));
    const expired = await download(done.downloadUrl);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('link_expired');
    // Asking again gives a fresh link while the file is kept.
    const again = await s.api('GET', `/api/v1/exports/${done.id}`, undefined, cookie());
    expect((await download(again.json().downloadUrl)).statusCode).toBe(200);

    await t.database.db
      .update(exports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(exports.id, done.id));
    const file = path.join(dataDir, 'exports', s.workspace.id, `${done.id}.csv`);
    expect(fs.existsSync(file)).toBe(true);
    expect(await purgeExpiredExports(t.database, dataDir)).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(file)).toBe(false);
    const after = await s.api('GET', `/api/v1/exports/${done.id}`, undefined, cookie());
    expect(after.json()).toMatchObject({ status: 'expired', downloadUrl: null });
    expect((await download(again.json().downloadUrl)).statusCode).toBe(410);
    // Links are stored only as hashes.
    const stored = await t.database.rows<{ token_hash: string }>(sql`select token_hash from export_links`);
    const token = new URL(again.json().downloadUrl).pathname.split('/').pop()!;
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
  });

  it('never shows another workspace its exports or its rows', async () => {
    const other = await s.otherWorkspace(['feedback:read'], 'Elsewhere');
    await seed(other.workspace.id, [{ createdAt: new Date('2026-03-21T09:00:00Z'), text: 'secret of the other workspace' }]);
    const mine = await exportNow({ subject: 'feedback', format: 'csv' });
    expect((await s.api('GET', `/api/v1/exports/${mine.id}`, undefined, bearer(other.key))).statusCode).toBe(404);
    const theirs = await exportNow({ subject: 'feedback', format: 'csv' }, bearer(other.key));
    const body = (await download(theirs.downloadUrl)).body;
    expect(body).toContain('secret of the other workspace');
    expect(body).not.toContain('HYPERLINK');
    expect((await download(mine.downloadUrl)).body).not.toContain('secret of the other workspace');
  });
});
