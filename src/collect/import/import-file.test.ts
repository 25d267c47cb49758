import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { importFile } from './import-file.js';
import { parseMapping } from './column-mapping.js';
import { describePlan } from './import-plan.js';

let t: TestApp;
let scope: WorkspaceScope;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-import-'));

beforeAll(async () => {
  t = await createTestApp();
  const { body } = await setupOwner(t);
  scope = new WorkspaceScope(t.database, body.workspace.id);
});
afterAll(() => t.close());

const count = async () => (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from feedback_items`))[0].n;

describe('CSV import', () => {
  const csv = [
    'Comment;Score;Mail;Date;Store',
    '"ارسال سریع بود؛ ممنون";۹;sara@example.com;2026-02-01T10:00:00Z;Tehran',
    'Too expensive;3;john@example.com;2026-02-02;London',
    'Bad score row;11;x@example.com;2026-02-03;Paris',
    '"=HYPERLINK(""http://evil"")";5;;2026-02-04;Dubai',
    'Bad date;7;a@example.com;not a date;Rome',
    '送货很快;10;li@example.com;2026-02-05;上海',
  ].join('\n');
  const file = path.join(dir, 'survey.csv');
  fs.writeFileSync(file, `\uFEFF${csv}`);

  it('maps columns, reports every rejected row with its reason, keeps unmapped columns as metadata', async () => {
    const rejects: string[] = [];
    const summary = await importFile(scope, file, {
      mapping: parseMapping(['text=Comment', 'nps=Score', 'customer.email=Mail', 'createdAt=Date']),
      channel: 'import',
      batchSize: 2,
      onReject: (r) => rejects.push(`${r.row}:${r.field}`),
    });
    expect(summary).toMatchObject({ rowsRead: 6, imported: 4, rejected: 2, duplicates: 0 });
    expect(rejects).toEqual(['3:nps', '5:createdAt']);
    const rows = await t.database.rows<{ text: string; nps: number; metadata: { Store: string }; created_at: string }>(
      sql`select text, nps, metadata, created_at from feedback_items order by created_at`,
    );
    expect(rows[0]).toMatchObject({ text: 'ارسال سریع بود؛ ممنون', nps: 9, metadata: { Store: 'Tehran' } });
    expect(rows.map((r) => r.text)).toContain('=HYPERLINK("http://evil")'); // stored as given; exports defang
    const customers = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from customers`);
    expect(customers[0].n).toBe(3);
  });

  it('a re-run of the same file imports nothing twice', async () => {
    const before = await count();
    const summary = await importFile(scope, file, {
      mapping: parseMapping(['text=Comment', 'nps=Score', 'customer.email=Mail', 'createdAt=Date']),
      channel: 'import',
      batchSize: 1000,
    });
    expect(summary.imported).toBe(0);
    expect(await count()).toBe(before);
  });

  it('resumes after an interruption at the first uncommitted row', async () => {
    const big = path.join(dir, 'big.jsonl');
    fs.writeFileSync(
      big,
      `${Array.from({ length: 2500 }, (_, i) => JSON.stringify({ id: `r${i}`, message: `row ${i}`, user: { email: `u${i % 7}@example.com` } })).join('\n')}\n`,
    );
    const before = await count();
    const mapping = parseMapping(['externalId=id', 'text=message', 'customer.email=user.email']);
    let batches = 0;
    await expect(
      importFile(scope, big, {
        mapping,
        channel: 'api',
        batchSize: 1000,
        onProgress: (p) => {
          if (p.rows >= 2000 && ++batches) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = (await count()) - before;
    expect(partial).toBeGreaterThanOrEqual(1000);
    expect(partial).toBeLessThan(2500);
    const summary = await importFile(scope, big, { mapping, channel: 'api', batchSize: 1000 });
    expect(summary.resumedFromRow).toBe(partial);
    expect((await count()) - before).toBe(2500);
    const jobs = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from jobs where queue = 'analyze-feedback'`);
    expect(jobs[0].n).toBeGreaterThan(0);
  });

  it('refuses a mapping to a missing column or an unknown field', async () => {
    await expect(importFile(scope, file, { mapping: parseMapping(['text=Nope']), channel: 'import', batchSize: 10 })).rejects.toThrow(
      /Column "Nope" is not in the file/,
    );
    expect(() => parseMapping(['colour=Comment'])).toThrow(/Unknown field "colour"/);
  });

  it('recognises common column names without a mapping and reports bad JSON lines', async () => {
    const f = path.join(dir, 'auto.jsonl');
    fs.writeFileSync(f, '{"feedback":"auto mapped","rating":"4","email":"auto@example.com"}\n{not json}\n');
    const summary = await importFile(scope, f, { mapping: {}, channel: 'import', batchSize: 10 });
    expect(summary).toMatchObject({ imported: 1, rejected: 1 });
    expect(summary.rejections[0]).toMatchObject({ row: 2, reason: 'the line is not valid JSON' });
  });
});

describe('reading a file without a mapping', () => {
  const write = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, `${lines.join('\n')}\n`);
    return f;
  };
  const stored = (texts: string[]) =>
    t.database.rows<{ text: string; nps: number | null; csat: number | null; ces: number | null; rating: number | null; created_at: Date }>(
      sql`select text, nps, csat, ces, rating, created_at from feedback_items where text in ${sql.raw(`(${texts.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')})`)} order by text`,
    );

  it('a "score" column holding 0–10 is read as NPS, and the run says so before storing anything', async () => {
    const f = write('nps.csv', ['comment,score', 'nps ten,10', 'nps seven,۷', 'nps zero,0']);
    const said: string[] = [];
    const summary = await importFile(scope, f, {
      mapping: {},
      channel: 'import',
      batchSize: 10,
      onPlan: (plan) => said.push(...describePlan(plan)),
    });
    expect(summary).toMatchObject({ imported: 3, rejected: 0 });
    expect(said).toContain(
      'nps ← score: read as NPS (0–10) from its values (0–10 in the first 3 rows); if that is wrong, map it, e.g. --map rating=score',
    );
    expect((await stored(['nps ten', 'nps seven', 'nps zero'])).map((r) => [r.text, r.nps, r.rating])).toEqual([
      ['nps seven', 7, null],
      ['nps ten', 10, null],
      ['nps zero', 0, null],
    ]);
  });

  it('a later value that leaves the scale read from the first rows is rejected with the reason; --map wins', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `stars ${i},${(i % 5) + 1}`);
    const f = write('stars.csv', ['comment,score', ...rows, 'stars late nine,9', 'stars late four,4']);
    const summary = await importFile(scope, f, { mapping: {}, channel: 'import', batchSize: 500 });
    expect(summary).toMatchObject({ imported: 1001, rejected: 1 });
    expect(summary.rejections[0]).toEqual({
      row: 1001,
      field: 'rating',
      reason:
        'score: 9 is outside 1–5: the column was read as a star rating (1–5) from the values in its first 1,000 rows; map it explicitly (e.g. --map nps=score) if it holds another scale',
    });
    expect((await stored(['stars late four']))[0]).toMatchObject({ rating: 4, nps: null });

    const explicit = write('stars-as-nps.csv', ['comment,score', 'explicit one,1', 'explicit nine,9']);
    const again = await importFile(scope, explicit, { mapping: parseMapping(['nps=score']), channel: 'import', batchSize: 10 });
    expect(again).toMatchObject({ imported: 2, rejected: 0 });
    expect((await stored(['explicit one', 'explicit nine'])).map((r) => [r.nps, r.rating])).toEqual([
      [9, null],
      [1, null],
    ]);
  });

  it('headers in Persian, Arabic and Chinese name their fields; Jalali dates are read in the workspace time zone', async () => {
    await t.database.rows(sql`update workspaces set timezone = 'Asia/Tehran' where id = ${scope.workspaceId}`);
    try {
      const fa = write('fa.csv', [
        'نظر,رضایت,تاریخ,ایمیل',
        'ارسال عالی بود,۵,۱۴۰۵/۰۹/۰۱ ۱۴:۳۰,fa1@example.com',
        'بسته‌بندی بد بود,2,1405-09-02,fa2@example.com',
        'تاریخ اشتباه,3,1404/12/30,fa3@example.com',
      ]);
      const said: string[] = [];
      const summary = await importFile(scope, fa, {
        mapping: {},
        channel: 'import',
        batchSize: 10,
        onPlan: (plan) => said.push(...describePlan(plan)),
      });
      expect(summary).toMatchObject({ imported: 2, rejected: 1 });
      expect(summary.rejections[0]).toMatchObject({
        row: 3,
        field: 'createdAt',
        reason: 'createdAt: "1404/12/30" is not a valid Jalali date',
      });
      expect(said).toEqual(
        expect.arrayContaining([
          'text ← نظر',
          'customer.email ← ایمیل',
          "csat ← رضایت: CSAT (1–5), from the column's name",
          'createdAt ← تاریخ: Jalali dates; times without an offset are in Asia/Tehran',
        ]),
      );
      const rows = await stored(['ارسال عالی بود', 'بسته‌بندی بد بود']);
      expect(rows.map((r) => [r.csat, new Date(r.created_at).toISOString()])).toEqual([
        [5, '2026-11-22T11:00:00.000Z'],
        [2, '2026-11-22T20:30:00.000Z'],
      ]);

      // Dates in the past: imported times may lie at most a day ahead of the clock.
      const zh = write('zh.csv', ['评论,满意度,日期', '客服很耐心,4,2026/11/07']);
      const ar = write('ar.jsonl', [
        '{"التعليق":"التوصيل سريع","التقييم":"٥","التاريخ":"07/11/2026"}',
        '{"التعليق":"التغليف سيئ","التقييم":"2","التاريخ":"25/11/2026"}',
      ]);
      expect(await importFile(scope, zh, { mapping: {}, channel: 'import', batchSize: 10 })).toMatchObject({ imported: 1 });
      expect(await importFile(scope, ar, { mapping: {}, channel: 'import', batchSize: 10 })).toMatchObject({ imported: 2 });
      const asRead = await stored(['客服很耐心', 'التوصيل سريع']);
      expect(asRead.map((r) => [r.text, r.csat, r.rating, new Date(r.created_at).toISOString()])).toEqual([
        ['التوصيل سريع', null, 5, '2026-11-06T20:30:00.000Z'], // 25/11/2026 further down shows the order: day first
        ['客服很耐心', 4, null, '2026-11-06T20:30:00.000Z'],
      ]);
    } finally {
      await t.database.rows(sql`update workspaces set timezone = 'UTC' where id = ${scope.workspaceId}`);
    }
  });

  it('a date that could be day or month first is rejected unless --date-format settles it', async () => {
    const ambiguous = write('ambiguous.csv', ['comment,date', 'ambiguous day,07/12/2026']);
    const refused = await importFile(scope, ambiguous, { mapping: {}, channel: 'import', batchSize: 10 });
    expect(refused.rejections).toEqual([
      {
        row: 1,
        field: 'createdAt',
        reason: 'createdAt: "07/12/2026" could be 7 December or 12 July: pass --date-format dmy or --date-format mdy',
      },
    ]);
    const settled = write('settled.csv', ['comment,date', 'month first day,07/12/2026']);
    expect(await importFile(scope, settled, { mapping: {}, channel: 'import', batchSize: 10, dateFormat: 'mdy' })).toMatchObject({
      imported: 1,
    });
    expect(new Date((await stored(['month first day']))[0].created_at).toISOString()).toBe('2026-07-12T00:00:00.000Z');
  });
});
