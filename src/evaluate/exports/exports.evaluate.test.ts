// The Evaluate pages' tables as exports: the league table and the drivers, in the reader's language.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { seedFeedback } from '../../platform/testing/seed-feedback.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';

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
});
