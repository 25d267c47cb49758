/**
 * Search on 1M items (PostgreSQL): loads BENCH_SEARCH_ROWS feedback rows (default 1,000,000) into
 * one workspace with INSERT … SELECT over generate_series, drawing from a few thousand distinct
 * multilingual texts whose search_text is computed here with the app's own searchDocument().
 * Then times GET /api/v1/feedback's service function (listFeedback, so parsing, SQL and snippets
 * count; HTTP does not) for several searches, and prints each one's plan.
 *
 *   BENCH_ONLY=search BENCH_DATABASE_URL=postgres://… npm run bench
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/client.js';
import { openFeedloopDatabase } from '../../src/app/database.js';
import { WorkspaceScope } from '../../src/platform/db/workspace-scope.js';
import { setupOwner } from '../../src/platform/auth/setup.service.js';
import { listFeedback } from '../../src/collect/feedback/feedback.service.js';
import { ZListFeedbackQuery } from '../../src/collect/feedback/feedback.input.js';
import { feedbackSearch } from '../../src/analyze/search/feedback-search.js';
import { searchDocument } from '../../src/analyze/search/search-document.js';
import { SEARCH_LIMITS } from '../../src/analyze/search/limits.js';
import { pgArray } from '../../src/platform/db/pg-array.js';
import { onCleanup } from './processes.js';
import { searchBenchTexts } from './search-texts.js';
import { fmt, table } from './report.js';

export const SEARCH_ROWS = Number(process.env.BENCH_SEARCH_ROWS ?? 1_000_000);
const DISTINCT_TEXTS = 4000;
const CHUNK_ROWS = 250_000;
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 25);
export const SEARCH_TARGET_MS = 150;

const QUERIES: Array<{ name: string; params: Record<string, string> }> = [
  { name: 'rare word', params: { q: 'zephyrine' } },
  { name: 'common word', params: { q: 'delivery' } },
  { name: 'Chinese word', params: { q: '客服' } },
  { name: 'Persian, Arabic ي/ك typed', params: { q: 'كيفيت' } },
  { name: 'phrase', params: { q: '"late delivery"' } },
  { name: 'search + sentiment', params: { q: 'delivery', sentiment: 'negative' } },
  { name: 'two words, Persian', params: { q: 'ارسال دیر' } },
  { name: 'rare word, relevance', params: { q: 'quokka', sort: 'relevance' } },
  { name: 'common word, relevance', params: { q: 'delivery', sort: 'relevance' } },
];

// The explorer's list without search: its first page, and the filters agents combine most.
const EXPLORER_QUERIES: Array<{ name: string; params: Record<string, string> }> = [
  { name: 'first page, no filter', params: {} },
  { name: 'sentiment + topic', params: { sentiment: 'negative', topic: 'delivery' } },
  { name: 'tag (2% of items)', params: { tag: 'vip' } },
  { name: 'tag + sentiment', params: { tag: 'vip', sentiment: 'negative' } },
  { name: 'rare tag (0.01%)', params: { tag: 'escalated' } },
  { name: 'unassigned + type', params: { assignee_id: 'none', type: 'complaint' } },
];

export interface SearchTiming {
  name: string;
  q: string;
  matches: number;
  medianMs: number;
  p95Ms: number;
  plan: string;
}

export async function benchSearch(
  serverUrl: string,
): Promise<{ rows: number; loadSeconds: number; timings: SearchTiming[]; explorer: SearchTiming[] }> {
  const { url, dispose } = await createBenchDatabase(serverUrl);
  const database = await openFeedloopDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
  try {
    await database.migrate();
    const { workspace } = await setupOwner(database, {
      organizationName: 'Bench',
      workspaceName: 'Search',
      name: 'Bench',
      email: 'search@bench.example',
      password: 'bench password 12345',
      locale: 'en',
    });
    const started = performance.now();
    await loadSearchRows(database, workspace.id, SEARCH_ROWS);
    const loadSeconds = (performance.now() - started) / 1000;
    const scope = new WorkspaceScope(database, workspace.id);
    const timings: SearchTiming[] = [];
    for (const query of QUERIES) timings.push(await timeQuery(database, scope, query.name, query.params));
    const explorer: SearchTiming[] = [];
    for (const query of EXPLORER_QUERIES) explorer.push(await timeQuery(database, scope, query.name, query.params));
    return { rows: SEARCH_ROWS, loadSeconds, timings, explorer };
  } finally {
    await database.close().catch(() => {});
    await dispose();
  }
}

/** A fresh database on the server (dropped at the end, or on Ctrl-C via the cleanup hooks). */
export async function createBenchDatabase(serverUrl: string, prefix = 'feedloop_bench_search_') {
  const name = `${prefix}${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  let dropped = false;
  const dispose = async () => {
    if (dropped) return;
    dropped = true;
    await admin(`drop database if exists ${name} with (force)`);
  };
  onCleanup(dispose);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), dispose };
}

export async function loadSearchRows(database: Database, workspaceId: string, rows: number) {
  const texts = searchBenchTexts(DISTINCT_TEXTS);
  console.log(`  · search: ${texts.length} distinct texts, loading ${fmt.int(rows)} rows…`);
  await database.rows(
    sql`create table bench_texts (k int primary key, text text not null, search_text text not null, language text not null)`,
  );
  await database.rows(sql`insert into bench_texts select * from unnest(
    ${pgArray(texts.map((_, k) => k))}::int[], ${pgArray(texts.map((t) => t.text))}::text[],
    ${pgArray(texts.map((t) => searchDocument(t.text)))}::text[], ${pgArray(texts.map((t) => t.language))}::text[])`);
  for (let from = 1; from <= rows; from += CHUNK_ROWS) {
    const to = Math.min(rows, from + CHUNK_ROWS - 1);
    const t0 = performance.now();
    // Sentiment, type and topics follow the row number, so filters have realistic shares.
    await database.rows(sql`
      insert into feedback_items (id, workspace_id, channel, text, search_text, language, language_confidence, status,
        sentiment, feedback_type, topics, tags, created_at, received_at, processed_at, updated_at)
      select gen_random_uuid(), ${workspaceId}::uuid, (array['survey','email','chat','review'])[1 + g % 4], t.text, t.search_text,
        t.language, 0.99, 'processed',
        (array['negative','neutral','positive','negative','positive'])[1 + (g / 7) % 5],
        (array['complaint','suggestion','praise','question','bug','other'])[1 + (g / 11) % 6],
        array[(array['delivery','price','support','product_quality'])[1 + (g / 13) % 4]],
        case when g % 10000 = 0 then array['escalated', 'vip'] when g % 50 = 0 then array['vip'] else '{}'::text[] end,
        ts, ts, ts, ts
      from generate_series(${from}::int, ${to}::int) g
      join bench_texts t on t.k = (g::bigint * 7919) % ${texts.length}
      cross join lateral (select timestamptz '2024-01-01' + make_interval(secs => (g::bigint * 104729) % 63072000)) d(ts)`);
    console.log(`  · search: rows ${fmt.int(from)}–${fmt.int(to)} in ${fmt.s((performance.now() - t0) / 1000)}`);
  }
  await database.rows(sql`drop table bench_texts`);
  const t0 = performance.now();
  await database.rows(sql`vacuum analyze feedback_items`);
  console.log(`  · search: vacuum analyze in ${fmt.s((performance.now() - t0) / 1000)}`);
}

async function timeQuery(database: Database, scope: WorkspaceScope, name: string, params: Record<string, string>): Promise<SearchTiming> {
  const input = ZListFeedbackQuery.parse(params);
  const durations: number[] = [];
  for (let run = 0; run < RUNS + 3; run++) {
    const t0 = performance.now();
    await listFeedback(scope, input);
    if (run >= 3) durations.push(performance.now() - t0); // the first runs warm the cache
  }
  durations.sort((a, b) => a - b);
  const search = input.q ? feedbackSearch(input.q) : null;
  // The list query's filters and shape (the join to customers left out), for the count and the plan.
  const where = sql.join(
    [
      sql`workspace_id = ${scope.workspaceId}`,
      ...(search ? [search.where] : []),
      ...(input.sentiment ? [sql`sentiment = any(${pgArray(input.sentiment)}::text[])`] : []),
      ...(input.type ? [sql`feedback_type = any(${pgArray(input.type)}::text[])`] : []),
      ...(input.topic ? [sql`topics @> ${pgArray(input.topic)}::text[]`] : []),
      ...(input.tag ? [sql`tags @> ${pgArray(input.tag)}::text[]`] : []),
      ...(input.assignee_id === 'none' ? [sql`assignee_id is null`] : []),
    ],
    sql` and `,
  );
  const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from feedback_items where ${where}`);
  const newest = sql`created_at desc nulls last, id desc nulls last`;
  const byRelevance = search !== null && input.sort === 'relevance';
  const candidates = byRelevance
    ? sql` and id in (select id from feedback_items where ${where} order by ${newest} limit ${SEARCH_LIMITS.relevanceCandidates})`
    : sql``;
  const rank = search?.rank ?? sql`0`;
  const plan = await database.rows<{ 'QUERY PLAN': string }>(sql`explain (analyze, costs off, timing off, summary on)
    select id, ${rank} as rank from feedback_items where ${where}${candidates} order by ${byRelevance ? sql`${rank} desc, id desc` : newest} limit 51`);
  return {
    name,
    q: input.q ?? new URLSearchParams(params).toString(),
    matches: Number(n),
    medianMs: durations[Math.floor(durations.length / 2)],
    p95Ms: durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)],
    plan: plan.map((r) => r['QUERY PLAN']).join('\n'),
  };
}

export function searchReport(result: Awaited<ReturnType<typeof benchSearch>>): string {
  const rows = (timings: SearchTiming[]) =>
    timings.map((t) => [t.name, t.q, fmt.int(t.matches), fmt.ms(t.medianMs), fmt.ms(t.p95Ms), t.p95Ms < SEARCH_TARGET_MS ? 'yes' : 'NO']);
  const header = (what: string) => ['query', what, 'matching rows', 'median', 'p95', `p95 < ${SEARCH_TARGET_MS} ms`];
  const plans = (timings: SearchTiming[]) =>
    timings.map(
      (t) =>
        `Plan, ${t.name} (${t.q || 'no filter'}):\n${t.plan
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}\n`,
    );
  return [
    `Search on ${fmt.int(result.rows)} items (PostgreSQL; loaded in ${fmt.s(result.loadSeconds)}; ${RUNS} timed runs each, service function listFeedback, limit 50)\n`,
    table(header('q'), rows(result.timings)),
    '',
    `Feedback explorer list on the same ${fmt.int(result.rows)} items (first page of 50, newest first)\n`,
    table(header('filters'), rows(result.explorer)),
    '',
    ...plans(result.timings),
    ...plans(result.explorer),
  ].join('\n');
}
