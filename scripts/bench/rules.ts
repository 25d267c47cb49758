// The rules phase (PostgreSQL): evaluation of new feedback items against 50 enabled rules, the
// cost per item that rules add to storing feedback, and the inactivity scan over 1,000,000
// customers. It runs the engine's own functions in this process against a fresh database
// (feedloop_bench_rules_<random>, dropped at the end), so the figures are the engine's, not HTTP's.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openFeedloopDatabase } from '../../src/app/database.js';
import type { Database } from '../../src/platform/db/client.js';
import { WorkspaceScope } from '../../src/platform/db/workspace-scope.js';
import { newId } from '../../src/platform/ids.js';
import { organizations, workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { rules } from '../../src/act/rules/rules.tables.js';
import { evaluateRules } from '../../src/act/rules/evaluate-rules.job.js';
import { scanInactiveCustomers } from '../../src/act/rules/rule-scans.js';
import { storeFeedbackBatch } from '../../src/collect/feedback/store-feedback.js';
import type { RuleDefinition } from '../../src/contracts/rules.js';
import { fmt, figuresTable, type Figure } from './report.js';

const TARGETS = { itemsPerS: 5_000, scanSeconds: 10 };
const ITEMS = Number(process.env.BENCH_RULE_ITEMS ?? 50_000);
const CUSTOMERS = Number(process.env.BENCH_RULE_CUSTOMERS ?? 1_000_000);
const RULES = 50;
const BATCH = 500;

/** 50 rules of the kinds workspaces write: scores, channels, words, topics, customer attributes. */
function benchRules(): RuleDefinition[] {
  const task = { kind: 'create_task', title: 'Follow up', assignee: { kind: 'account_owner' }, dueInBusinessHours: 24 } as const;
  return Array.from({ length: RULES }, (_, i): RuleDefinition => {
    const kinds = [
      [{ field: 'item.nps', operator: 'equals', value: i % 11 }],
      [
        { field: 'item.channel', operator: 'equals', value: 'review' },
        { field: 'item.rating', operator: 'lte', value: 1 },
        { field: 'item.sentiment', operator: 'equals', value: 'negative' },
      ],
      [{ field: 'item.text', operator: 'contains', value: `refund-${i}` }],
      [{ field: 'item.topics', operator: 'includes', value: `topic-${i}` }],
      [
        { field: 'customer.attributes.plan', operator: 'equals', value: `plan-${i}` },
        { field: 'item.sentiment', operator: 'equals', value: 'negative' },
      ],
    ];
    return { trigger: { kind: 'feedback_analysed' }, match: 'all', conditions: kinds[i % kinds.length], actions: [task] };
  });
}

async function freshDatabase(serverUrl: string) {
  const name = `feedloop_bench_rules_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openFeedloopDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function workspace(database: Database): Promise<WorkspaceScope> {
  const organizationId = newId();
  const id = newId();
  await database.db.insert(organizations).values({ id: organizationId, name: 'Bench' });
  await database.db.insert(workspaces).values({ id, organizationId, name: 'Bench', slug: `bench-${id.slice(-12)}` });
  return new WorkspaceScope(database, id);
}

async function setRules(scope: WorkspaceScope, definitions: RuleDefinition[], enabled: boolean) {
  await scope.db.delete(rules).where(sql`workspace_id = ${scope.workspaceId}`);
  if (definitions.length === 0) return;
  await scope.db
    .insert(rules)
    .values(
      definitions.map((definition, i) =>
        scope.stamp({ id: newId(), name: `rule ${i}`, enabled, triggerKind: definition.trigger.kind, definition }),
      ),
    );
}

/** Items/s through evaluateRules, 500 triggers per job as producers queue them, and the runs they matched per item. */
async function evaluation(scope: WorkspaceScope): Promise<{ perS: number; matchesPerItem: number }> {
  await scope.database.rows(sql`
    insert into feedback_items (id, workspace_id, channel, text, nps, rating, sentiment, topics, status, created_at, received_at)
    select gen_random_uuid(), ${scope.workspaceId}::uuid, (array['email','review','survey','chat'])[1 + n % 4],
      'bench item ' || n, case when n % 3 = 0 then n % 11 end, case when n % 4 = 1 then 1 + n % 5 end,
      (array['negative','neutral','positive'])[1 + n % 3], array['topic-' || (n % 200)], 'processed', now(), now()
    from generate_series(1, ${ITEMS}::int) n`);
  const ids = (await scope.database.rows<{ id: string }>(sql`select id from feedback_items where workspace_id = ${scope.workspaceId}`)).map(
    (r) => r.id,
  );
  const started = performance.now();
  for (let k = 0; k < ids.length; k += BATCH)
    await evaluateRules(scope.database, {
      workspaceId: scope.workspaceId,
      chain: [],
      triggers: ids.slice(k, k + BATCH).map((feedbackId) => ({ kind: 'feedback_analysed', feedbackId })),
    });
  const perS = ids.length / ((performance.now() - started) / 1000);
  const [{ n }] = await scope.database.rows<{ n: number }>(
    sql`select count(*)::int as n from rule_runs where workspace_id = ${scope.workspaceId}`,
  );
  return { perS, matchesPerItem: n / ids.length };
}

/** Milliseconds per stored item, in batches of 500, with `rulesOn` rules listening for new feedback. */
async function ingest(scope: WorkspaceScope, rulesOn: boolean): Promise<number> {
  const created = benchRules().map((d) => ({ ...d, trigger: { kind: 'feedback_created' as const } }));
  await setRules(scope, created, rulesOn);
  const rounds = 20;
  const started = performance.now();
  for (let r = 0; r < rounds; r++)
    await storeFeedbackBatch(
      scope,
      Array.from({ length: BATCH }, (_, i) => ({ channel: 'api' as const, text: `ingest ${r}-${i}`, links: {}, metadata: {} })),
    );
  return (performance.now() - started) / (rounds * BATCH);
}

/** Seconds of one inactivity scan (90 days) over CUSTOMERS customers; the second scan finds nothing new. */
async function inactivity(scope: WorkspaceScope): Promise<{ first: number; again: number; fired: number }> {
  await scope.database.rows(sql`
    insert into customers (id, workspace_id, external_id, last_seen_at)
    select gen_random_uuid(), ${scope.workspaceId}::uuid, 'c' || n, now() - make_interval(days => (n % 120)::int, mins => (n % 1440)::int)
    from generate_series(1, ${CUSTOMERS}::int) n`);
  await scope.database.rows(sql`analyze customers`);
  const definition: RuleDefinition = {
    trigger: { kind: 'customer_inactive', days: 90 },
    match: 'all',
    conditions: [],
    actions: [{ kind: 'flag_customer', flag: 'churn_risk' }],
  };
  await setRules(scope, [definition], true);
  const [rule] = await scope.db.select().from(rules).where(sql`workspace_id = ${scope.workspaceId}`);
  let started = performance.now();
  const fired = await scanInactiveCustomers(scope.database, rule);
  const first = (performance.now() - started) / 1000;
  started = performance.now();
  await scanInactiveCustomers(scope.database, rule);
  return { first, again: (performance.now() - started) / 1000, fired };
}

export async function benchRulesPhase(serverUrl: string | undefined): Promise<Figure[]> {
  if (!serverUrl) {
    console.log('rules: skipped (needs PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return [];
  }
  const { database, drop } = await freshDatabase(serverUrl);
  try {
    const scope = await workspace(database);
    await setRules(scope, benchRules(), true);
    console.log(`rules: evaluating ${fmt.int(ITEMS)} items against ${RULES} rules…`);
    const { perS, matchesPerItem } = await evaluation(scope);
    console.log('rules: storing feedback with and without 50 rules listening…');
    const without = await ingest(scope, false);
    const withRules = await ingest(scope, true);
    console.log(`rules: scanning ${fmt.int(CUSTOMERS)} customers for 90 days of inactivity…`);
    const scan = await inactivity(await workspace(database));
    return [
      {
        measure: `rule evaluation (${RULES} rules)`,
        engine: 'PostgreSQL',
        value: `${fmt.int(perS)} items/s`,
        target: `≥ ${fmt.int(TARGETS.itemsPerS)} items/s`,
        met: perS >= TARGETS.itemsPerS,
        note: `${matchesPerItem.toFixed(2)} matching rules per item, each run logged and its actions queued`,
      },
      {
        measure: 'rules on ingest (per item)',
        engine: 'PostgreSQL',
        value: `+${(withRules - without).toFixed(3)} ms`,
        target: '',
        met: null,
        note: `${without.toFixed(3)} ms/item without rules, ${withRules.toFixed(3)} with ${RULES} listening (batches of ${BATCH})`,
      },
      {
        measure: `inactivity scan (${fmt.int(CUSTOMERS)} customers)`,
        engine: 'PostgreSQL',
        value: fmt.s(scan.first),
        target: `< ${TARGETS.scanSeconds} s`,
        met: scan.first < TARGETS.scanSeconds,
        note: `${fmt.int(scan.fired)} fired and queued; a second scan, nothing new: ${fmt.s(scan.again)}`,
      },
    ];
  } finally {
    await drop();
  }
}

export const rulesReport = (figures: Figure[]) => (figures.length ? `\nRules\n\n${figuresTable(figures)}\n` : '');
