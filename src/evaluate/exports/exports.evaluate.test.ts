// The Evaluate pages' tables as exports: the league table, the drivers and a before/after comparison,
// in the reader's language.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';
import { BEFORE_AFTER_METRICS, type BeforeAfterResponse } from '../../contracts/before-after.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedloop-exports-league-'));
let s: SignedInApp;
let t: TestApp;

beforeAll(async () => {
  s = await signedInApp({ env: { DATA_DIR: dataDir } });
  t = s.t;
  const at = (iso: string) => new Date(iso);
  await seedFeedback(t.database, s.workspace.id, [
    { createdAt: at('2025-03-01T08:00:00Z'), channel: 'email', nps: 10, topics: ['price'] },
    { createdAt: at('2025-03-05T08:00:00Z'), channel: 'email', nps: 9, topics: ['price'] },
    { createdAt: at('2025-03-10T08:00:00Z'), channel: 'email', nps: 2, topics: ['delivery'] },
    { createdAt: at('2025-03-12T08:00:00Z'), channel: 'widget', nps: 7 },
    { createdAt: at('2025-03-20T21:00:00Z'), channel: 'widget', nps: 0 },
  ]);
  await rebuildRollups(t.database, s.workspace.id);
}, 120_000);

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('league table and drivers exports', () => {
  it('writes the ranking the league page shows, with Persian headers', async () => {
    const cookie = { cookie: s.owner.cookie };
    expect((await s.api('PATCH', '/api/v1/me', { locale: 'fa' }, cookie)).statusCode).toBe(200);
    const filters = { metric: 'nps', dimension: 'channel', from: '2025-03-01', to: '2025-03-31', minN: '1' };
    const created = await s.api('POST', '/api/v1/exports', { subject: 'league', format: 'csv', filters }, cookie);
    expect(created.statusCode, created.body).toBe(202);
    await t.drainJobs();
    const done = (await s.api('GET', `/api/v1/exports/${created.json().id}`, undefined, cookie)).json();
    expect(done).toMatchObject({ status: 'done', rows: 2, fileName: expect.stringMatching(/^league-/) });
    const body = (await t.app.inject({ method: 'GET', url: new URL(done.downloadUrl).pathname })).body;
    const [header, ...rows] = parse(body.replace(/^\ufeff/, '')) as string[][];
    expect(header).toEqual(['رتبه', 'تفکیک', 'شاخص', 'مقدار', 'تعداد پاسخ', 'کران پایین ۹۵٪', 'کران بالای ۹۵٪']);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['1', 'email', 'nps', '33.3', '3'],
      ['2', 'widget', 'nps', '-50', '2'],
    ]);
  });

  it('names a bad filter of the league table', async () => {
    const res = await s.api('POST', '/api/v1/exports', {
      subject: 'league',
      format: 'csv',
      filters: { metric: 'nps', dimension: 'weather', from: '2025-03-01', to: '2025-03-31' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('filters.dimension');
  });

  it('writes the drivers the drivers page shows, topics named in the reader’s language', async () => {
    const cookie = { cookie: s.owner.cookie };
    expect((await s.api('PATCH', '/api/v1/me', { locale: 'fa' }, cookie)).statusCode).toBe(200);
    const filters = { from: '2025-03-01', to: '2025-03-31' };
    const shown = (await s.api('GET', '/api/v1/drivers?from=2025-03-01&to=2025-03-31', undefined, cookie)).json();
    expect(shown.data.length).toBeGreaterThan(0);
    const created = await s.api('POST', '/api/v1/exports', { subject: 'drivers', format: 'csv', filters }, cookie);
    expect(created.statusCode, created.body).toBe(202);
    await t.drainJobs();
    const done = (await s.api('GET', `/api/v1/exports/${created.json().id}`, undefined, cookie)).json();
    expect(done).toMatchObject({ status: 'done', rows: shown.data.length });
    const body = (await t.app.inject({ method: 'GET', url: new URL(done.downloadUrl).pathname })).body;
    const [header, ...rows] = parse(body.replace(/^\ufeff/, '')) as string[][];
    expect(header.slice(0, 2)).toEqual(['موضوع', 'تعداد اشاره']);
    expect(header).toContain('اثر بر NPS');
    type Shown = { topic: { key: string; names: Record<string, string> }; volume: number };
    expect(rows.map((r) => [r[0], Number(r[1])])).toEqual(
      (shown.data as Shown[]).map((d) => [d.topic.names.fa ?? d.topic.names.en ?? d.topic.key, d.volume]),
    );
  });

  it('writes the before/after comparison the page shows, one row per metric', async () => {
    const cookie = { cookie: s.owner.cookie };
    expect((await s.api('PATCH', '/api/v1/me', { locale: 'fa', calendar: 'gregorian' }, cookie)).statusCode).toBe(200);
    const filters = { date: '2025-03-10', days: '12' };
    const shown = (await s.api('GET', '/api/v1/before-after?date=2025-03-10&days=12', undefined, cookie)).json<BeforeAfterResponse>();
    expect(shown.metrics.nps.before.n).toBe(2);
    const created = await s.api('POST', '/api/v1/exports', { subject: 'before_after', format: 'csv', filters }, cookie);
    expect(created.statusCode, created.body).toBe(202);
    await t.drainJobs();
    const done = (await s.api('GET', `/api/v1/exports/${created.json().id}`, undefined, cookie)).json();
    expect(done).toMatchObject({ status: 'done', rows: BEFORE_AFTER_METRICS.length, fileName: expect.stringMatching(/^before_after-/) });
    const body = (await t.app.inject({ method: 'GET', url: new URL(done.downloadUrl).pathname })).body;
    const [header, ...rows] = parse(body.replace(/^\ufeff/, '')) as string[][];
    expect(header).toEqual([
      'شاخص',
      'قبل، از',
      'قبل، تا',
      'قبل',
      'قبل: تعداد پاسخ',
      'بعد، از',
      'بعد، تا',
      'بعد',
      'بعد: تعداد پاسخ',
      'تغییر',
      'مقدار p',
      'معنادار (۵٪)',
    ]);
    expect(rows.map((r) => r[0])).toEqual([...BEFORE_AFTER_METRICS]);
    const nps = rows.find((r) => r[0] === 'nps')!;
    // Before: 10 and 9 (+100); after: 2, 7 and 0 (−66.7, the last on the 21st in the workspace's zone).
    expect(nps.slice(1, 10)).toEqual(['2025-02-26', '2025-03-09', '100', '2', '2025-03-10', '2025-03-21', '-66.67', '3', '-166.67']);
    const m = shown.metrics.nps;
    expect(Number(nps[10])).toBeCloseTo(m.pValue!, 4);
    expect(nps[11]).toBe(m.significant ? 'بله' : 'خیر');
    // Volume has no test: its p-value and significance stay empty.
    const volume = rows.find((r) => r[0] === 'volume')!;
    expect([volume[3], volume[7], ...volume.slice(9)]).toEqual(['2', '3', '1', '', '']);
  });

  it('names a bad filter of the before/after comparison', async () => {
    const both = await s.api('POST', '/api/v1/exports', {
      subject: 'before_after',
      format: 'xlsx',
      filters: { date: '2025-03-10', ideaId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.field).toBe('filters.ideaId');
    const days = await s.api('POST', '/api/v1/exports', {
      subject: 'before_after',
      format: 'csv',
      filters: { date: '2025-03-10', days: '999' },
    });
    expect(days.json().error.field).toBe('filters.days');
  });
});
