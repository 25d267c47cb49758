/**
 * Event ingestion on PostgreSQL, on a fresh database with `feedloop serve --no-workers`:
 *
 * 1. Bulk: POST /api/v1/events/bulk, 50 events per call, each call a mix of ~2,000 customers
 *    by externalId (created first, so the run measures the steady state) → events/s, p50/p99.
 * 2. Single: POST /api/v1/events, one event per call, same customers → events/s, p99.
 *
 * Afterwards SQL checks that no customer was created twice and that the customers' event_count
 * adds up to the events stored (the counters are updated under concurrent load).
 *
 *   BENCH_ONLY=events BENCH_DATABASE_URL=postgres://… npm run bench
 *
 * BENCH_EVENTS_SECONDS (12) changes the length of each measured run.
 */
import pg from 'pg';
import { setupAndCreateKey } from './api.js';
import { loadPost, type LoadResult } from './load.js';
import { startServer } from './processes.js';
import { fmt, table } from './report.js';
import { createBenchDatabase } from './search.js';

export const EVENT_TARGETS = { eventsPerS: 3000 };
const SECONDS = Number(process.env.BENCH_EVENTS_SECONDS ?? 12);
const WARMUP_SECONDS = 3;
const CUSTOMERS = 2000;
const EVENTS_PER_CALL = 50;
// Measured settings: more connections only queue on the two cores the whole run shares.
const BULK_CONNECTIONS = 8;
const SINGLE_CONNECTIONS = 50;
const EVENT_NAMES = ['page_view', 'product_view', 'add_to_cart', 'search', 'login', 'checkout_started'];

export interface EventsBenchResult {
  seed?: { calls: number; seconds: number };
  bulk?: LoadResult;
  single?: LoadResult;
  check?: { events: number; counted: number; customers: number };
  errors: string[];
}

const log = (message: string) => console.log(`  · events: ${message}`);

/** Deterministic pseudo-random numbers, so every run sends the same bodies. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function eventBody(random: () => number, customer: number) {
  const name = EVENT_NAMES[Math.floor(random() * EVENT_NAMES.length)];
  return {
    customer: { externalId: `bench-customer-${customer}` },
    name,
    properties: { path: `/p/${Math.floor(random() * 500)}`, source: 'bench' },
  };
}

/** Bulk bodies: each call draws its 50 events from all the customers, so calls overlap on some. */
function bulkBodies(count: number): string[] {
  const random = prng(20261124);
  return Array.from({ length: count }, () =>
    JSON.stringify({
      events: Array.from({ length: EVENTS_PER_CALL }, () => eventBody(random, Math.floor(random() * CUSTOMERS))),
    }),
  );
}

function singleBodies(count: number): string[] {
  const random = prng(7);
  return Array.from({ length: count }, () => JSON.stringify(eventBody(random, Math.floor(random() * CUSTOMERS))));
}

export async function benchEvents(serverUrl: string): Promise<EventsBenchResult> {
  const out: EventsBenchResult = { errors: [] };
  const { url: dbUrl, dispose } = await createBenchDatabase(serverUrl, 'feedloop_bench_events_');
  try {
    log('`feedloop serve --no-workers` on a fresh PostgreSQL database…');
    const server = await startServer({ DATABASE_URL: dbUrl, WORKERS: 'off' });
    try {
      const key = await setupAndCreateKey(server.url, ['events:write']);
      out.seed = await seedCustomers(server.url, key);
      const load = (path: string, bodies: string[], connections: number, seconds: number) =>
        loadPost({ url: server.url, key, path, bodies, connections, seconds });

      const bulk = bulkBodies(400);
      log(`bulk: warming up (${WARMUP_SECONDS} s)…`);
      await load('/api/v1/events/bulk', bulk, BULK_CONNECTIONS, WARMUP_SECONDS);
      log(`bulk: POST /api/v1/events/bulk, ${EVENTS_PER_CALL} events per call, ${BULK_CONNECTIONS} connections, ${SECONDS} s…`);
      out.bulk = await load('/api/v1/events/bulk', bulk, BULK_CONNECTIONS, SECONDS);

      log(`single: POST /api/v1/events, ${SINGLE_CONNECTIONS} connections, ${SECONDS} s…`);
      out.single = await load('/api/v1/events', singleBodies(5000), SINGLE_CONNECTIONS, SECONDS);
    } finally {
      await server.stop();
    }
    out.check = await countCheck(dbUrl);
  } catch (err) {
    out.errors.push((err as Error).message.split('\n').slice(0, 6).join('\n'));
  } finally {
    await dispose();
  }
  return out;
}

/** Every customer seen once before the measured runs: 40 calls of 50 distinct customers, 4 at a time. */
async function seedCustomers(url: string, key: string): Promise<{ calls: number; seconds: number }> {
  const random = prng(1);
  const calls = Array.from({ length: CUSTOMERS / EVENTS_PER_CALL }, (_, c) =>
    JSON.stringify({
      events: Array.from({ length: EVENTS_PER_CALL }, (_, k) => eventBody(random, c * EVENTS_PER_CALL + k)),
    }),
  );
  log(`creating ${fmt.int(CUSTOMERS)} customers (${calls.length} bulk calls)…`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < calls.length) {
        const res = await fetch(`${url}/api/v1/events/bulk`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: calls[next++],
        });
        if (res.status !== 201) throw new Error(`POST /api/v1/events/bulk: ${res.status} ${(await res.text()).slice(0, 300)}`);
      }
    }),
  );
  return { calls: calls.length, seconds: (performance.now() - started) / 1000 };
}

async function countCheck(dbUrl: string) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ events: number; counted: number; customers: number }>(`
      select (select count(*)::int from events) as events,
             (select coalesce(sum(event_count), 0)::int from customers) as counted,
             (select count(*)::int from customers) as customers`);
    return rows[0];
  } finally {
    await client.end();
  }
}

export function eventsReport(r: EventsBenchResult): string {
  const lines: string[] = ['Event ingestion (PostgreSQL, fresh database, `serve --no-workers`)\n'];
  const rows: string[][] = [];
  const add = (measure: string, value: string, target = '', met: boolean | null = null, note = '') =>
    rows.push([measure, value, target || '—', met === null ? '' : met ? 'yes' : 'NO', note]);
  const target = `≥ ${fmt.int(EVENT_TARGETS.eventsPerS)} events/s`;
  const statuses = (l: LoadResult) => {
    const bad = Object.entries(l.non2xx)
      .map(([code, n]) => `${n}×${code}`)
      .join(' ');
    return `non-2xx: ${bad || '0'}, errors: ${l.errors}, timeouts: ${l.timeouts}`;
  };
  if (r.bulk) {
    const l = r.bulk;
    const perS = l.rps * EVENTS_PER_CALL;
    add(
      'bulk ingestion',
      `${fmt.int(perS)} events/s`,
      target,
      perS >= EVENT_TARGETS.eventsPerS,
      `${fmt.int(l.rps)} calls/s × ${EVENTS_PER_CALL} events, ${BULK_CONNECTIONS} connections, ${fmt.int(l.ok)} calls in ${SECONDS} s; ${statuses(l)}`,
    );
    add('bulk latency p50', fmt.ms(l.p50), '', null, `p90 ${fmt.ms(l.p90)}`);
    add('bulk latency p99', fmt.ms(l.p99), '', null, `max ${fmt.ms(l.max)}`);
  } else add('bulk ingestion', 'not measured');
  if (r.single) {
    const l = r.single;
    add(
      'single-event ingestion',
      `${fmt.int(l.rps)} events/s`,
      target,
      l.rps >= EVENT_TARGETS.eventsPerS,
      `POST /api/v1/events, ${SINGLE_CONNECTIONS} connections; p50 ${fmt.ms(l.p50)}; ${statuses(l)}`,
    );
    add('single-event latency p99', fmt.ms(l.p99), '', null, `max ${fmt.ms(l.max)}`);
  } else add('single-event ingestion', 'not measured');
  if (r.check) {
    const c = r.check;
    const exact = c.counted === c.events && c.customers === CUSTOMERS;
    add(
      'customers.event_count',
      exact ? 'adds up' : 'MISMATCH',
      'sum = events stored',
      exact,
      `${fmt.int(c.events)} events stored, sum of event_count ${fmt.int(c.counted)}; ${fmt.int(c.customers)} customers (${fmt.int(CUSTOMERS)} expected)`,
    );
  }
  if (r.seed)
    add(
      'first sight of each customer',
      `${fmt.int((r.seed.calls * EVENTS_PER_CALL) / r.seed.seconds)} events/s`,
      '',
      null,
      `${r.seed.calls} bulk calls creating ${fmt.int(CUSTOMERS)} customers, 4 at a time, cold server (not the target's measure)`,
    );
  lines.push(table(['measure', 'value', 'target', 'met', 'note'], rows));
  if (r.bulk?.sampleError) lines.push(`\nFirst bulk answer other than 2xx: ${r.bulk.sampleError}`);
  if (r.single?.sampleError) lines.push(`\nFirst single-event answer other than 2xx: ${r.single.sampleError}`);
  for (const err of r.errors) lines.push(`\nThe run stopped early: ${err}`);
  lines.push('\nNotes: events name customers by externalId only (the common server-to-server shape); each bulk call draws');
  lines.push(
    `its ${EVENTS_PER_CALL} events from all ${fmt.int(CUSTOMERS)} customers, so concurrent calls update some of the same customers' counters.\n`,
  );
  return lines.join('\n');
}
