import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { importFile } from './import-file.js';
import { parseMapping } from './column-mapping.js';

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
  fs.writeFileSync(file, '\uFEFF' + csv);

  it('maps columns, reports every rejected row with its reason, keeps unmapped columns as metadata', async () => {
    const rejects: string[] = [];
    const summary = await importFile(scope, file, {
      mapping: parseMapping(['text=Comment', 'nps=Score', 'customer.email=Mail', 'createdAt=Date']),
      channel: 'import', batchSize: 2, onReject: (r) => rejects.push(`${r.row}:${r.field}`),
    });
    expect(summary).toMatchObject({ rowsRead: 6, imported: 4, rejected: 2, duplicates: 0 });
    expect(rejects).toEqual(['3:nps', '5:createdAt']);
    const rows = await t.database.rows<{ text: string; nps: number; metadata: { Store: string }; created_at: string }>(sql`select text, nps, metadata, created_at from feedback_items order by created_at`);
    expect(rows[0]).toMatchObject({ text: 'ارسال سریع بود؛ ممنون', nps: 9, metadata: { Store: 'Tehran' } });
    expect(rows.map((r) => r.text)).toContain('=HYPERLINK("http://evil")'); // stored as given; exports defang
    const customers = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from customers`);
    expect(customers[0].n).toBe(3);
  });

  it('a re-run of the same file imports nothing twice', async () => {
    const before = await count();
    const summary = await importFile(scope, file, { mapping: parseMapping(['text=Comment', 'nps=Score', 'customer.email=Mail', 'createdAt=Date']), channel: 'import', batchSize: 1000 });
    expect(summary.imported).toBe(0);
    expect(await count()).toBe(before);
  });

  it('resumes after an interruption at the first uncommitted row', async () => {
    const big = path.join(dir, 'big.jsonl');
    fs.writeFileSync(big, Array.from({ length: 2500 }, (_, i) => JSON.stringify({ id: `r${i}`, message: `row ${i}`, user: { email: `u${i % 7}@example.com` } })).join('\n') + '\n');
    const before = await count();
    const mapping = parseMapping(['externalId=id', 'text=message', 'customer.email=user.email']);
    let batches = 0;
    await expect(importFile(scope, big, {
      mapping, channel: 'api', batchSize: 1000,
      onProgress: (p) => { if (p.rows >= 2000 && ++batches) throw new Error('killed'); },
    })).rejects.toThrow('killed');
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
    await expect(importFile(scope, file, { mapping: parseMapping(['text=Nope']), channel: 'import', batchSize: 10 })).rejects.toThrow(/Column "Nope" is not in the file/);
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
