/**
 * Surveys, each part on a fresh database (the link page on either engine, email on PostgreSQL):
 *
 * 1. Link page: answers to a live NPS survey posted to POST /s/<token>/answer (form-encoded, as the
 *    page sends them), each one a new respondent (its own `_n` nonce and client address), by
 *    autocannon. Afterwards SQL checks that every 303 made exactly one response, one answer and one
 *    feedback item.
 * 2. Email: 10,000 survey emails through the job queue to an SMTP server in this process. A
 *    `feedloop worker` delivers them, is killed with SIGKILL at about 40 %, and a new worker
 *    finishes; every Message-ID received is counted, so lost and duplicated messages show.
 *
 *   BENCH_ONLY=surveys npm run bench                                 # link page, embedded database
 *   BENCH_ONLY=surveys BENCH_DATABASE_URL=postgres://… npm run bench   # both parts on PostgreSQL
 *
 * BENCH_SURVEY_PARTS=link or =email runs one part; BENCH_SURVEY_SECONDS (15) and BENCH_SURVEY_EMAILS
 * (10,000) change the sizes.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import { createBenchDatabase } from './search.js';
import { benchDatabase, type BenchDatabase } from './bench-database.js';
import { feedloop, sleep, startServer, type Child } from './processes.js';
import { fmt, table } from './report.js';

export const SURVEY_TARGETS = { answersPerS: 1000, embeddedP99Ms: 100 };
const ANSWER_SECONDS = Number(process.env.BENCH_SURVEY_SECONDS ?? 15);
const ANSWER_CONNECTIONS = 50;
const EMAILS = Number(process.env.BENCH_SURVEY_EMAILS ?? 10_000);
const SEND_BATCH = 1000;
const KILL_AT = 0.4;
const EMAIL_TIME_LIMIT_S = 150;
// A killed worker's claimed jobs come back when their lock expires (JOB_LIMITS.lockSeconds, 120 s).
// The benchmark expires those locks at once instead of waiting, unless BENCH_SURVEY_REAL_LOCKS=1.
const WAIT_FOR_LOCKS = process.env.BENCH_SURVEY_REAL_LOCKS === '1';

export interface AnswerLoad {
  requests: number;
  redirects: number;
  /** Anything but a 303, by status code. */
  other: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  perS: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  sampleError: string | null;
}

export interface SurveyBenchResult {
  engine: BenchDatabase['engine'];
  link?: {
    warmup: AnswerLoad;
    load: AnswerLoad;
    /** 303s of the warm-up and the measured run together: what the rows below must equal. */
    expected: number;
    responses: number;
    answers: number;
    items: number;
  };
  email?: {
    sends: number;
    sent: number;
    notSent: Record<string, number>;
    received: number;
    distinct: number;
    duplicates: number;
    lost: number;
    killedAt: number;
    heldByKilled: number;
    locksExpired: boolean;
    seconds: number;
    firstWorkerPerS: number;
    timedOut: boolean;
  };
  errors: string[];
}

let log = (message: string) => console.log(`  · surveys: ${message}`);

/** On the PostgreSQL server at serverUrl; without one, the link page on the embedded database. */
export async function benchSurveys(serverUrl: string | undefined): Promise<SurveyBenchResult> {
  const engine = serverUrl ? 'PostgreSQL' : 'PGlite';
  const out: SurveyBenchResult = { engine, errors: [] };
  log = (message: string) => console.log(`  · surveys, ${engine}: ${message}`);
  const parts = (process.env.BENCH_SURVEY_PARTS ?? (serverUrl ? 'link,email' : 'link')).split(',');
  if (parts.includes('link')) {
    try {
      await linkPart(serverUrl, out);
    } catch (err) {
      out.errors.push(`link page: ${(err as Error).message.split('\n').slice(0, 6).join('\n')}`);
    }
  }
  if (parts.includes('email') && serverUrl) {
    try {
      await emailPart(serverUrl, out);
    } catch (err) {
      out.errors.push(`email: ${(err as Error).message.split('\n').slice(0, 6).join('\n')}`);
    }
  }
  return out;
}

async function owner(
  url: string,
  scopes: string[],
): Promise<{ key: string; api: (method: string, path: string, body?: object) => Promise<{ status: number; json: any }> }> {
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organizationName: 'Bench Inc',
      workspaceName: 'Surveys',
      name: 'Bench Owner',
      email: 'owner@bench.example',
      password: 'bench password 12345',
      locale: 'en',
    }),
  });
  if (setup.status !== 201) throw new Error(`POST /api/v1/setup: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')?.split(';')[0] ?? '';
  const res = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'bench', scopes }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/api-keys: ${res.status} ${await res.text()}`);
  const key = ((await res.json()) as { key: string }).key;
  const api = async (method: string, path: string, body?: object) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, json };
  };
  return { key, api };
}

async function liveSurvey(api: Awaited<ReturnType<typeof owner>>['api']): Promise<{ id: string; linkPath: string }> {
  const created = await api('POST', '/api/v1/surveys', { template: 'nps', languages: ['en'] });
  if (created.status !== 201) throw new Error(`POST /api/v1/surveys: ${created.status} ${JSON.stringify(created.json)}`);
  const published = await api('POST', `/api/v1/surveys/${created.json.id}/publish`);
  if (published.json?.status !== 'live') throw new Error(`publish: ${published.status} ${JSON.stringify(published.json)}`);
  return { id: created.json.id, linkPath: created.json.linkPath };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Link page answers

async function linkPart(serverUrl: string | undefined, out: SurveyBenchResult) {
  const target = await benchDatabase(serverUrl, 'feedloop_bench_surveys_');
  try {
    const onPostgres = target.engine === 'PostgreSQL';
    log(`link page: \`feedloop serve${onPostgres ? ' --no-workers' : ''}\` on a fresh database…`);
    // TRUST_PROXY: the load comes from one address; X-Forwarded-For gives each respondent its own,
    // as behind a reverse proxy, so the per-address limit on answers (120 a minute) applies per respondent.
    // On PostgreSQL without workers: the answer path alone (the analysis jobs the answers enqueue
    // stay queued). The embedded database has one process, which analyses the answers meanwhile.
    const server = await startServer({ ...target.env, TRUST_PROXY: 'true', ...(onPostgres ? { WORKERS: 'off' } : {}) });
    try {
      const { api } = await owner(server.url, ['surveys:manage', 'surveys:read', 'feedback:read']);
      const survey = await liveSurvey(api);
      // The form's hidden fields as the page renders them; each request gets its own nonce.
      const page = await (await fetch(`${server.url}${survey.linkPath}`)).text();
      const hidden: Record<string, string> = {};
      for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) hidden[m[1]] = m[2].replace(/&amp;/g, '&');
      if (!hidden._n || !hidden._q) throw new Error('the survey page has no _n/_q hidden fields');
      const questionId = hidden._q.split(',')[0];
      const opts = { url: server.url, path: `${survey.linkPath}/answer`, hidden, questionId };

      log(`link page: warming up (2,000 answers, ${ANSWER_CONNECTIONS} connections)…`);
      const warmup = await loadAnswers({ ...opts, amount: 2000 });
      // A fixed number of requests (not a duration), so every response is in when autocannon returns
      // and the rows can be checked against the 303s exactly; sized for about ANSWER_SECONDS.
      const amount = Math.max(5000, Math.round(warmup.perS * 1.35 * ANSWER_SECONDS));
      log(
        `link page: POST ${survey.linkPath.replace(/\/s\/.*/, '/s/<token>')}/answer, ${ANSWER_CONNECTIONS} connections, ${fmt.int(amount)} answers (~${ANSWER_SECONDS} s)…`,
      );
      const load = await loadAnswers({ ...opts, amount });
      await server.stop(); // the embedded database is read once its process let go of it
      const [counts] = await target.rows<{ responses: number; answers: number; items: number }>(sql`
        select (select count(*)::int from survey_responses where survey_id = ${survey.id}) as responses,
               (select count(*)::int from survey_answers where survey_id = ${survey.id}) as answers,
               (select count(*)::int from feedback_items where channel = 'survey' and metadata->>'survey_id' = ${survey.id}::text) as items`);
      out.link = {
        warmup,
        load,
        expected: warmup.redirects + load.redirects,
        responses: Number(counts.responses),
        answers: Number(counts.answers),
        items: Number(counts.items),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await target.dispose();
  }
}

async function loadAnswers(opts: {
  url: string;
  path: string;
  hidden: Record<string, string>;
  questionId: string;
  amount: number;
}): Promise<AnswerLoad> {
  const run = randomBytes(6).toString('base64url');
  let n = 0;
  let sampleError: string | null = null;
  let redirects = 0;
  const other: Record<string, number> = {};
  const fixed = Object.entries(opts.hidden)
    .filter(([k]) => k !== '_n')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const started = performance.now();
  const result = await autocannon({
    url: opts.url,
    connections: ANSWER_CONNECTIONS,
    amount: opts.amount,
    timeout: 30,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: [
      {
        method: 'POST',
        path: opts.path,
        setupRequest: (req) => {
          const i = n++;
          // Nonce: 16+ characters, unique per request; address: 10.x.y.z, unique for 16M requests.
          return {
            ...req,
            headers: { ...req.headers, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
            body: `${fixed}&_n=bench${run}${i.toString().padStart(8, '0')}&a_${opts.questionId}=${i % 11}`,
          };
        },
        onResponse: (status, body) => {
          if (status === 303) {
            redirects++;
            return;
          }
          other[status] = (other[status] ?? 0) + 1;
          sampleError ??= `${status} ${String(body).replace(/\s+/g, ' ').slice(0, 300)}`;
        },
      },
    ],
  });
  // Wall time of the whole run (to the last response), not autocannon's rounded duration.
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: result.requests.total,
    redirects,
    other,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    perS: redirects / seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    sampleError,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Email surveys through the queue

interface Inbox {
  counts: Map<string, number>;
  received: number;
  first: number;
  last: number;
}

async function startSmtp(): Promise<{ port: number; inbox: Inbox; close(): Promise<void> }> {
  const inbox: Inbox = { counts: new Map(), received: 0, first: 0, last: 0 };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        if (size < 64 * 1024) chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => {
        const head = Buffer.concat(chunks)
          .toString('utf8')
          .split(/\r?\n\r?\n/, 1)[0];
        const id = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1];
        if (!id) return callback(new Error('no Message-ID'));
        // Counted when accepted: the 250 reply follows this callback.
        inbox.counts.set(id, (inbox.counts.get(id) ?? 0) + 1);
        inbox.received++;
        inbox.last = performance.now();
        if (!inbox.first) inbox.first = inbox.last;
        callback();
      });
    },
  });
  smtp.on('error', () => {
    /* a killed worker drops its connections */
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { port, inbox, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

async function emailPart(serverUrl: string, out: SurveyBenchResult) {
  const { url: dbUrl, dispose } = await createBenchDatabase(serverUrl, 'feedloop_bench_surveys_');
  const smtp = await startSmtp();
  const workers: Child[] = [];
  try {
    log(`email: \`feedloop serve --no-workers\`, an SMTP server on 127.0.0.1:${smtp.port}, ${fmt.int(EMAILS)} customers…`);
    const server = await startServer({ DATABASE_URL: dbUrl, WORKERS: 'off' });
    try {
      const { api } = await owner(server.url, ['surveys:manage', 'surveys:read', 'customers:write', 'customers:read']);
      const survey = await liveSurvey(api);
      const customerIds: string[] = new Array(EMAILS);
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < EMAILS) {
            const i = next++;
            const res = await api('POST', '/api/v1/customers/identify', {
              externalId: `bench-${i}`,
              email: `customer${i}@bench.example`,
              locale: 'en',
            });
            if (res.status !== 200 && res.status !== 201)
              throw new Error(`POST /api/v1/customers/identify: ${res.status} ${JSON.stringify(res.json)}`);
            customerIds[i] = res.json.id;
          }
        }),
      );

      const workerEnv = {
        DATABASE_URL: dbUrl,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls=off`,
        PUBLIC_URL: 'https://feedback.bench.example',
      };
      const startWorker = () => {
        const w = feedloop(['worker'], workerEnv);
        workers.push(w);
        return w;
      };
      const first = startWorker();
      await sleep(1500); // start-up (it polls an empty queue), not counted
      if (first.proc.exitCode !== null) throw new Error(`the worker exited:\n${first.output()}`);

      log(
        `email: POST /api/v1/surveys/:id/send, ${EMAILS / SEND_BATCH} batches of ${fmt.int(SEND_BATCH)}; worker killed (SIGKILL) at ~${KILL_AT * 100} %…`,
      );
      const started = performance.now();
      const sending = (async () => {
        for (let i = 0; i < customerIds.length; i += SEND_BATCH) {
          const res = await api('POST', `/api/v1/surveys/${survey.id}/send`, { customerIds: customerIds.slice(i, i + SEND_BATCH) });
          if (res.status !== 202 || res.json.queued !== Math.min(SEND_BATCH, customerIds.length - i))
            throw new Error(`POST /send: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
        }
      })();
      const deadline = started + EMAIL_TIME_LIMIT_S * 1000;
      while (smtp.inbox.received < EMAILS * KILL_AT && performance.now() < deadline) {
        if (first.proc.exitCode !== null) throw new Error(`the worker exited:\n${first.output()}`);
        await sleep(20);
      }
      first.proc.kill('SIGKILL');
      await first.exited;
      const killedAt = smtp.inbox.received;
      const firstWorkerPerS = killedAt / ((performance.now() - started) / 1000);
      await sending;
      const held = await withClient(dbUrl, async (c) => {
        const { rows } = await c.query<{ n: number }>(
          `select count(*)::int as n from jobs where queue = 'send-survey-email' and state = 'active'`,
        );
        if (!WAIT_FOR_LOCKS) await c.query(`update jobs set locked_until = now() where queue = 'send-survey-email' and state = 'active'`);
        return rows[0].n;
      });
      log(
        `email: killed at ${fmt.int(killedAt)} received, ${held} jobs held by it${WAIT_FOR_LOCKS ? ' (waiting for their locks to expire)' : ' (locks expired now)'}; a new worker finishes…`,
      );
      startWorker();

      let status: Record<string, number> = {};
      let timedOut = false;
      await withClient(dbUrl, async (c) => {
        for (;;) {
          const { rows } = await c.query<{ status: string; n: number }>(
            `select status, count(*)::int as n from survey_sends where survey_id = $1 group by status`,
            [survey.id],
          );
          status = Object.fromEntries(rows.map((r) => [r.status, r.n]));
          if ((status.queued ?? 0) === 0 && Object.values(status).reduce((a, b) => a + b, 0) === EMAILS) break;
          if (performance.now() > deadline) {
            timedOut = true;
            break;
          }
          await sleep(100);
        }
      });
      const sendRows = await withClient(
        dbUrl,
        async (c) => (await c.query<{ message_id: string }>(`select message_id from survey_sends where survey_id = $1`, [survey.id])).rows,
      );
      const counts = smtp.inbox.counts;
      const lost = sendRows.filter((r) => !counts.has(r.message_id)).length;
      const { sent = 0, ...notSent } = status;
      out.email = {
        sends: sendRows.length,
        sent,
        notSent,
        received: smtp.inbox.received,
        distinct: counts.size,
        duplicates: [...counts.values()].filter((n) => n > 1).length,
        lost,
        killedAt,
        heldByKilled: held,
        locksExpired: !WAIT_FOR_LOCKS,
        seconds: (smtp.inbox.last - started) / 1000,
        firstWorkerPerS,
        timedOut,
      };
    } finally {
      await server.stop();
    }
  } finally {
    for (const w of workers) w.proc.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await smtp.close();
    await dispose();
  }
}

// ---------------------------------------------------------------------------------------------

export function surveysReport(r: SurveyBenchResult): string {
  const lines: string[] = [`Surveys (${r.engine}; each part on a fresh database)\n`];
  const rows: string[][] = [];
  const add = (measure: string, value: string, target = '', met: boolean | null = null, note = '') =>
    rows.push([measure, value, target || '—', met === null ? '' : met ? 'yes' : 'NO', note]);
  if (r.link) {
    const { load: l, warmup } = r.link;
    const bad = Object.entries(l.other)
      .map(([code, n]) => `${n}×${code}`)
      .join(' ');
    add(
      'link page answers',
      `${fmt.int(l.perS)} answers/s`,
      `≥ ${fmt.int(SURVEY_TARGETS.answersPerS)} answers/s`,
      l.perS >= SURVEY_TARGETS.answersPerS,
      `${fmt.int(l.redirects)} × 303 in ${fmt.s(l.seconds)}, ${ANSWER_CONNECTIONS} connections; other statuses: ${bad || '0'}, errors: ${l.errors}, timeouts: ${l.timeouts}`,
    );
    add('link page latency p50', fmt.ms(l.p50), '', null, `p90 ${fmt.ms(l.p90)}`);
    if (r.engine === 'PGlite')
      add(
        'link page latency p99',
        fmt.ms(l.p99),
        `< ${SURVEY_TARGETS.embeddedP99Ms} ms`,
        l.p99 < SURVEY_TARGETS.embeddedP99Ms,
        `max ${fmt.ms(l.max)}`,
      );
    else add('link page latency p99', fmt.ms(l.p99), '', null, `max ${fmt.ms(l.max)}`);
    const exact = r.link.responses === r.link.expected && r.link.items === r.link.expected && r.link.answers === r.link.expected;
    add(
      'rows written per 303',
      exact ? 'exact' : 'MISMATCH',
      'one each',
      exact,
      `${fmt.int(r.link.expected)} × 303 (warm-up ${fmt.int(warmup.redirects)} included): ${fmt.int(r.link.responses)} responses, ${fmt.int(r.link.answers)} answers, ${fmt.int(r.link.items)} feedback items`,
    );
  } else add('link page answers', r.errors.some((e) => e.startsWith('link')) ? 'not measured (error)' : 'not measured');
  if (r.email) {
    const e = r.email;
    const notSent = Object.entries(e.notSent)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    add(
      'email surveys delivered',
      `${fmt.int(e.received / Math.max(e.seconds, 0.001))} msgs/s`,
      '',
      null,
      `${fmt.int(e.received)} received in ${fmt.s(e.seconds)} from the first POST /send to the last message, worker restart included; first worker ${fmt.int(e.firstWorkerPerS)} msgs/s`,
    );
    add(
      'distinct Message-IDs',
      fmt.int(e.distinct),
      fmt.int(e.sends),
      e.distinct === e.sends,
      `${fmt.int(e.sent)} of ${fmt.int(e.sends)} sends 'sent'${notSent ? `, ${notSent}` : ''}${e.timedOut ? `, time limit (${EMAIL_TIME_LIMIT_S} s) hit` : ''}`,
    );
    add('lost (never received)', fmt.int(e.lost), '0', e.lost === 0);
    add(
      'duplicates (received twice)',
      fmt.int(e.duplicates),
      '',
      null,
      e.duplicates
        ? "the worker was killed between the SMTP server's 250 and the send's status update; the copy has the same Message-ID"
        : '',
    );
    add(
      'worker killed (SIGKILL)',
      `at ${fmt.int(e.killedAt)} received`,
      '',
      null,
      `${e.heldByKilled} claimed job(s) held by it${e.locksExpired ? '; their 120 s lock was expired by the benchmark instead of waited for (BENCH_SURVEY_REAL_LOCKS=1 waits)' : ', redelivered when their 120 s lock expired'}`,
    );
  } else if (r.engine === 'PostgreSQL')
    add('email surveys delivered', r.errors.some((e) => e.startsWith('email')) ? 'not measured (error)' : 'not measured');
  lines.push(table(['measure', 'value', 'target', 'met', 'note'], rows));
  if (r.link?.load.sampleError) lines.push(`\nFirst answer other than 303: ${r.link.load.sampleError}`);
  for (const err of r.errors) lines.push(`\nThe ${err}`);
  lines.push('\nNotes: answers are posted as the page posts them (form-encoded, hidden fields from GET /s/<token>), one new');
  lines.push('respondent each (own _n nonce; own X-Forwarded-For with TRUST_PROXY=true, as behind a proxy), to');
  if (r.engine === 'PostgreSQL') {
    lines.push('`serve --no-workers` (the answer path alone; the analysis jobs it enqueues stay queued). Emails: `serve --no-workers`');
    lines.push(
      'queues them, a `feedloop worker` process sends them to an SMTP server in the benchmark process, which counts every Message-ID it accepts.\n',
    );
  } else lines.push('`feedloop serve` (the one process of the embedded database, which analyses the answers meanwhile).\n');
  return lines.join('\n');
}
