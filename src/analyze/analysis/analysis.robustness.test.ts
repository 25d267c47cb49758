// Bad input never breaks the analysis pipeline: it is analysed, or refused with a reason, and an
// item whose analysis fails is marked failed with the reason (visible in the API), never dropped.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgArray } from '../../platform/db/pg-array.js';
import { analyzeAndStore, processFeedback, processFeedbackJobs } from './process-feedback.js';
import { staticAnalysisContext } from './analysis-context.js';
import { runAnalyzeCommand } from './analyze-command.js';
import type { KeywordMatcher } from '../topics/keyword-matcher.js';

let t: TestApp;
let key: string;
let api: SignedInApp['api'];

beforeAll(async () => {
  ({ t, key, api } = await signedInApp());
});
afterAll(() => t.close());

const create = async (payload: object) => {
  const res = await api('POST', '/api/v1/feedback', payload);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};
const get = async (id: string) => (await api('GET', `/api/v1/feedback/${id}`)).json();

describe('analysis robustness', () => {
  it('invalid UTF-8 in the body is stored with replacement characters and analysed', async () => {
    const body = Buffer.concat([
      Buffer.from('{"channel":"api","text":"bad bytes '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' the app crashes"}'),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: body,
      headers: { ...bearer(key), 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().text).toContain('\uFFFD');
    await t.drainJobs();
    expect((await get(res.json().id)).status).toBe('processed');
  });

  it('long, mixed-script and markup-only texts are analysed', async () => {
    const ids = [
      await create({ channel: 'api', text: 'کیفیت عالی ولی delivery دیر بود 配送慢 '.repeat(500).slice(0, 20_000) }),
      await create({ channel: 'api', text: '<div><br/></div>' }),
      await create({ channel: 'api', text: '\u200f\u200e\u202e‮!!!' }),
    ];
    await t.drainJobs();
    for (const id of ids) expect((await get(id)).status).toBe('processed');
  });

  it('analysing 250 items writes their results in statements of at most 100, each with its rule triggers', async () => {
    // A long write holds the embedded database's only connection: requests would wait behind it.
    const bulk = await api('POST', '/api/v1/feedback/bulk', {
      items: Array.from({ length: 250 }, (_, i) => ({ channel: 'api', text: `batch item ${i}` })),
    });
    expect(bulk.statusCode).toBe(201);
    const ids = (bulk.json().results as Array<{ id: string }>).map((r) => r.id);
    const [ws] = await t.database.db.select().from(workspaces);
    await t.database.rows(sql`insert into rules (id, workspace_id, name, trigger_kind, definition)
      values (${randomUUID()}, ${ws.id}, 'listens', 'feedback_analysed', '{}'::jsonb)`);
    await analyzeAndStore(new WorkspaceScope(t.database, ws.id), t.database.db, ids);
    const jobs = await t.database.rows<{ n: number }>(sql`select jsonb_array_length(payload->'triggers') as n from jobs
      where queue = 'evaluate-rules' and payload->'triggers'->0->>'kind' = 'feedback_analysed'`);
    expect(jobs.map((j) => j.n).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(
      await t.database.rows(sql`select 1 from feedback_items where id = any(${pgArray(ids)}::uuid[]) and status <> 'processed'`),
    ).toEqual([]);
  });

  it('an item whose analysis throws is marked failed with the reason; its neighbours are analysed', async () => {
    const good = await create({ channel: 'api', text: 'Great service' });
    const bad = await create({ channel: 'api', text: 'explodes here' });
    const [ws] = await t.database.db.select().from(workspaces);
    const scope = new WorkspaceScope(t.database, ws.id);
    const ctx = staticAnalysisContext([]);
    const original = ctx.matcher;
    ctx.matcher = {
      match: (text: string) => {
        if (text.includes('explodes')) throw new Error('matcher failed on this text');
        return original.match(text);
      },
    } as unknown as KeywordMatcher;
    await analyzeAndStore(scope, t.database.db, [good, bad], ctx);
    expect(await get(good)).toMatchObject({ status: 'processed', analysisError: null });
    expect(await get(bad)).toMatchObject({ status: 'failed', analysisError: 'matcher failed on this text' });
    const failed = (await api('GET', '/api/v1/feedback?status=failed')).json().data;
    expect(failed.map((f: { id: string }) => f.id)).toEqual([bad]);
  });

  it("a job's last failed attempt marks its items failed with the error; earlier attempts leave them pending", async () => {
    const id = await create({ channel: 'api', text: 'never analysed' });
    const [ws] = await t.database.db.select().from(workspaces);
    const failing = async () => {
      throw new Error('database unavailable');
    };
    const attempt = (n: number) => ({ id: 'job', queue: 'analyze-feedback', payload: {}, attempts: n, maxAttempts: 3 });
    await expect(processFeedback(t.database, { workspaceId: ws.id, ids: [id] }, attempt(1), failing)).rejects.toThrow(
      'database unavailable',
    );
    expect((await get(id)).status).toBe('pending');
    await expect(processFeedback(t.database, { workspaceId: ws.id, ids: [id] }, attempt(3), failing)).rejects.toThrow(
      'database unavailable',
    );
    expect(await get(id)).toMatchObject({ status: 'failed', analysisError: 'database unavailable' });
  });

  it("jobs run together analyse each workspace's ids in that workspace only", async () => {
    const a = await create({ channel: 'api', text: 'Delivery was late again' });
    const b = await create({ channel: 'api', text: 'Love the new design' });
    const [ws] = await t.database.db.select().from(workspaces);
    const job = (n: number, workspaceId: string, ids: string[]) => ({
      id: `job${n}`,
      queue: 'analyze-feedback',
      payload: { workspaceId, ids },
      attempts: 1,
      maxAttempts: 3,
    });
    // `b` is listed under another workspace: that workspace's scope cannot see it.
    await processFeedbackJobs(t.database, [job(1, ws.id, [a]), job(2, randomUUID(), [b])]);
    expect(await get(a)).toMatchObject({ status: 'processed', sentiment: 'negative' });
    expect(await get(b)).toMatchObject({ status: 'pending', sentiment: null });
    await processFeedbackJobs(t.database, [job(3, ws.id, [b]), job(4, ws.id, [a])]);
    expect(await get(b)).toMatchObject({ status: 'processed', sentiment: 'positive' });
  });
});

describe('feedloop analyze', () => {
  it('prints language, sentiment, type and topics for each text', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      await runAnalyzeCommand(['配送太慢了', 'The price is too high'], { json: true });
    } finally {
      process.stdout.write = write;
    }
    const lines = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ text: '配送太慢了', language: 'zh' });
    expect(lines[0].topics).toContain('delivery');
    expect(lines[1].topics).toContain('price');
    expect(['negative', 'neutral', 'positive']).toContain(lines[1].sentiment.label);
  });
});
