/**
 * Event ingestion on a fresh database: on PostgreSQL with `feedloop serve --no-workers`, on the
 * embedded database with `feedloop serve` (its only layout: jobs in the same process):
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
import { sql } from 'drizzle-orm';
import { setupAndCreateKey } from './api.js';
import { benchDatabase, type BenchDatabase } from './bench-database.js';
import { loadPost, type LoadResult } from './load.js';
import { startServer } from './processes.js';
import { fmt, table } from './report.js';

// PostgreSQL; the embedded database, whose one process also runs the jobs, has the POST /feedback targets.
export const EVENT_TARGETS = { eventsPerS: 3000, embeddedEventsPerS: 1000, embeddedP99Ms: 100 };
const SECONDS = Number(process.env.BENCH_EVENTS_SECONDS ?? 12);
const WARMUP_SECONDS = 3;
const CUSTOMERS = 2000;
const EVENTS_PER_CALL = 50;
// Measured settings: more connections only queue on the two cores the whole run shares.
const BULK_CONNECTIONS = 8;
const SINGLE_CONNECTIONS = 50;
const EVENT_NAMES = ['page_view', 'product_view', 'add_to_cart', 'search', 'login', 'checkout_started'];

export interface EventsBenchResult {
  engine: BenchDatabase['engine'];
  seed?: { calls: number; seconds: number };
  bulk?: LoadResult;
  single?: LoadResult;
  check?: { events: number; counted: number; customers: number };
  errors: string[];
}

let log = (message: string) => console.log(`  · events: ${message}`);

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

/** On the PostgreSQL server at serverUrl, or on the embedded database without one. */
export async function benchEvents(serverUrl: string | undefined): Promise<EventsBenchResult> {
  const target = await benchDatabase(serverUrl, 'feedloop_bench_events_');
  const out: EventsBenchResult = { engine: target.engine, errors: [] };
  log = (message: string) => console.log(`  · events, ${target.engine}: ${message}`);
  try {
    log(`\`${serveCommand(target)}\` on a fresh database…`);
    const server = await startServer(target.engine === 'PostgreSQL' ? { ...target.env, WORKERS: 'off' } : target.env);
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
    out.check = await countCheck(target);
  } catch (err) {
    out.errors.push((err as Error).message.split('\n').slice(0, 6).join('\n'));
  } finally {
    await target.dispose();
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

/** PostgreSQL: the answer path alone. Embedded: one process holds the database, jobs included. */
const serveCommand = (target: BenchDatabase) => (target.engine === 'PostgreSQL' ? 'feedloop serve --no-workers' : 'feedloop serve');

async function countCheck(target: BenchDatabase) {
  const [row] = await target.rows<{ events: number; counted: number; customers: number }>(sql`
      select (select count(*)::int from events) as events,
             (select coalesce(sum(event_count), 0)::int from customers) as counted,
             (select count(*)::int from customers) as customers`);
  return { events: Number(row.events), counted: Number(row.counted), customers: Number(row.customers) };
}

export function eventsReport(r: EventsBenchResult): string {
  const layout = r.engine === 'PostgreSQL' ? '`serve --no-workers`' : '`feedloop serve`, jobs in the same process';
  const lines: string[] = [`Event ingestion (${r.engine}, fresh database, ${layout})\n`];
  const rows: string[][] = [];
  const add = (measure: string, value: string, target = '', met: boolean | null = null, note = '') =>
    rows.push([measure, value, target || '—', met === null ? '' : met ? 'yes' : 'NO', note]);
  const embedded = r.engine === 'PGlite';
  const perS = embedded ? EVENT_TARGETS.embeddedEventsPerS : EVENT_TARGETS.eventsPerS;
  const target = `≥ ${fmt.int(perS)} events/s`;
  const p99 = (measure: string, l: LoadResult) =>
    embedded
      ? add(measure, fmt.ms(l.p99), `< ${EVENT_TARGETS.embeddedP99Ms} ms`, l.p99 < EVENT_TARGETS.embeddedP99Ms, `max ${fmt.ms(l.max)}`)
      : add(measure, fmt.ms(l.p99), '', null, `max ${fmt.ms(l.max)}`);
  const statuses = (l: LoadResult) => {
    const bad = Object.entries(l.non2xx)
      .map(([code, n]) => `${n}×${code}`)
      .join(' ');
    return `non-2xx: ${bad || '0'}, errors: ${l.errors}, timeouts: ${l.timeouts}`;
  };
  if (r.bulk) {
    const l = r.bulk;
    const events = l.rps * EVENTS_PER_CALL;
    add(
      'bulk ingestion',
      `${fmt.int(events)} events/s`,
      target,
      events >= perS,
      `${fmt.int(l.rps)} calls/s × ${EVENTS_PER_CALL} events, ${BULK_CONNECTIONS} connections, ${fmt.int(l.ok)} calls in ${SECONDS} s; ${statuses(l)}`,
    );
    add('bulk latency p50', fmt.ms(l.p50), '', null, `p90 ${fmt.ms(l.p90)}`);
    p99('bulk latency p99', l);
  } else add('bulk ingestion', 'not measured');
  if (r.single) {
    const l = r.single;
    add(
      'single-event ingestion',
      `${fmt.int(l.rps)} events/s`,
      target,
      l.rps >= perS,
      `POST /api/v1/events, ${SINGLE_CONNECTIONS} connections; p50 ${fmt.ms(l.p50)}; ${statuses(l)}`,
    );
    p99('single-event latency p99', l);
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
