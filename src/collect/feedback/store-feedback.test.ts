// The write of a batch: one statement inserts the items, adds them to their customers' counters
// and queues their analysis; a batch that creates customers does so in the same transaction.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { storeFeedback, storeFeedbackBatch } from './store-feedback.js';
import { ZCreateFeedbackInput, type TCreateFeedbackInput } from './feedback.input.js';

let t: TestApp;
let scope: WorkspaceScope;

beforeAll(async () => {
  t = await createTestApp();
  const { body } = await setupOwner(t);
  scope = new WorkspaceScope(t.database, body.workspace.id);
});
afterAll(() => t.close());

const input = (raw: object): TCreateFeedbackInput => ZCreateFeedbackInput.parse(raw);
const rows = <T>(query: ReturnType<typeof sql>) => t.database.rows<T>(query);

describe('storing a batch of feedback', () => {
  it('queues every stored item for analysis exactly once, 500 per job, and counts them on their customers', async () => {
    const items = Array.from({ length: 1_100 }, (_, i) =>
      input({ channel: 'import', text: `bulk ${i}`, customer: { email: `bulk${i % 3}@example.com` } }),
    );
    const results = await scope.transaction((tx) => storeFeedback(scope, tx, items));
    const ids = results.map((r) => (r.ok ? r.id : 'error'));
    expect(new Set(ids).size).toBe(1_100);

    const jobs = await rows<{ ids: string[]; workspace_id: string; state: string }>(sql`
      select payload->'ids' as ids, payload->>'workspaceId' as workspace_id, state from jobs
      where queue = 'analyze-feedback' and payload->'ids' ? ${ids[0]} or payload->'ids' ? ${ids[1_099]} or payload->'ids' ? ${ids[700]}`);
    expect(jobs.map((j) => j.ids.length).sort((a, b) => a - b)).toEqual([100, 500, 500]);
    expect(jobs.every((j) => j.workspace_id === scope.workspaceId && j.state === 'pending')).toBe(true);
    expect(jobs.flatMap((j) => j.ids).sort()).toEqual([...ids].sort());

    const counts = await rows<{ email: string; feedback_count: number }>(sql`
      select email, feedback_count from customers where email like 'bulk%' order by email`);
    expect(counts).toEqual([
      { email: 'bulk0@example.com', feedback_count: 367 },
      { email: 'bulk1@example.com', feedback_count: 367 },
      { email: 'bulk2@example.com', feedback_count: 366 },
    ]);
  });

  it('stores a batch of known customers without a transaction, and reports duplicates and bad references per item', async () => {
    const [first] = await storeFeedbackBatch(scope, [
      input({ channel: 'api', text: 'first', externalId: 'ext-1', customer: { email: 'known@example.com' } }),
    ]);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    const results = await storeFeedbackBatch(
      scope,
      [
        input({ channel: 'api', text: 'again', externalId: 'ext-1', customer: { email: 'known@example.com' } }),
        input({ channel: 'api', text: 'second', customer: { email: 'known@example.com' } }),
        input({ channel: 'api', text: 'no order', links: { orderId: '00000000-0000-4000-8000-000000000000' } }),
      ],
      { views: true },
    );
    expect(results[0]).toEqual({ ok: true, id: first.ok ? first.id : '', duplicate: true });
    expect(results[1]).toMatchObject({
      ok: true,
      duplicate: false,
      item: { text: 'second', customer: { email: 'known@example.com' }, status: 'pending' },
    });
    expect(results[2]).toMatchObject({ ok: false, field: 'links.orderId', code: 'unknown_order' });
    const [known] = await rows<{ feedback_count: number }>(sql`select feedback_count from customers where email = 'known@example.com'`);
    expect(known.feedback_count).toBe(2);
  });

  it('counts concurrent batches on the same customers exactly, whatever order they name them in', async () => {
    const emails = [1, 2, 3, 4, 5].map((k) => `shared${k}@example.com`);
    await storeFeedbackBatch(
      scope,
      emails.map((email) => input({ channel: 'api', text: 'first', customer: { email } })),
    );
    const batches = Array.from({ length: 12 }, (_, b) => {
      const items = emails.map((email, k) => input({ channel: 'api', text: `batch ${b} item ${k}`, customer: { email } }));
      return b % 2 === 0 ? items : items.reverse();
    });
    const results = (await Promise.all(batches.map((items) => storeFeedbackBatch(scope, items)))).flat();
    expect(results.every((r) => r.ok && !r.duplicate)).toBe(true);
    const counts = await rows<{ feedback_count: number }>(sql`select feedback_count from customers where email like 'shared%'`);
    expect(counts.map((c) => c.feedback_count)).toEqual([13, 13, 13, 13, 13]);
  });

  it('creates new customers with their counts in the same write, and identifies the ones that need more', async () => {
    const results = await storeFeedbackBatch(
      scope,
      [
        input({
          channel: 'api',
          text: 'one',
          createdAt: '2026-03-01T10:00:00Z',
          customer: { email: 'Fresh@Example.com', name: 'Fresh', locale: 'fa' },
        }),
        input({
          channel: 'api',
          text: 'two',
          createdAt: '2026-03-02T10:00:00Z',
          customer: { email: 'Fresh@Example.com', name: 'Fresh', locale: 'fa' },
        }),
        input({ channel: 'api', text: 'three', customer: { externalId: 'twice-1', name: 'A' } }),
        input({ channel: 'api', text: 'four', customer: { externalId: 'twice-1', phone: '+98 912 000 1111' } }),
      ],
      { views: true },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const customers = await rows<{
      external_id: string | null;
      email: string | null;
      email_key: string | null;
      phone_key: string | null;
      name: string;
      locale: string | null;
      attributes: object;
      feedback_count: number;
      last_seen_at: string | null;
    }>(sql`
      select external_id, email, email_key, phone_key, name, locale, attributes, feedback_count, last_seen_at::text
      from customers where email_key = 'fresh@example.com' or external_id = 'twice-1' order by email_key nulls last`);
    expect(customers).toHaveLength(2);
    expect(customers[0]).toMatchObject({ email: 'Fresh@Example.com', name: 'Fresh', locale: 'fa', feedback_count: 2 });
    expect(new Date(customers[0].last_seen_at!).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(customers[1]).toMatchObject({ external_id: 'twice-1', name: 'A', phone_key: '+989120001111', feedback_count: 2 });
    const [first, second] = results;
    expect(first.ok && second.ok && first.item?.customerId === second.item?.customerId).toBe(true);
  });

  it('leaves no new customer behind when the write that follows fails', async () => {
    await t.database.rows(sql`create function refuse_marked_text() returns trigger language plpgsql as $$
      begin if new.text = 'refuse me' then raise exception 'refused'; end if; return new; end $$`);
    await t.database.rows(
      sql`create trigger refuse_marked_text before insert on feedback_items for each row execute function refuse_marked_text()`,
    );
    try {
      // A new customer created by the write statement, and one two inputs describe differently
      // (identified in a transaction first).
      for (const [email, other] of [
        ['brand-new@example.com', undefined],
        ['shared-new@example.com', { email: 'shared-new@example.com', name: 'Other' }],
      ] as const) {
        const failure = await storeFeedbackBatch(scope, [
          input({ channel: 'api', text: 'fine', customer: { email, name: 'New' } }),
          ...(other ? [input({ channel: 'api', text: 'fine', customer: other })] : []),
          input({ channel: 'api', text: 'refuse me' }),
        ]).catch((err: Error & { cause?: Error }) => err.cause ?? err);
        expect(failure).toBeInstanceOf(Error);
        expect((failure as Error).message).toMatch(/refused/);
        expect(await rows(sql`select id from customers where email = ${email}`)).toEqual([]);
      }
      expect(await rows(sql`select id from feedback_items where text = 'fine'`)).toEqual([]);
    } finally {
      await t.database.rows(sql`drop trigger refuse_marked_text on feedback_items`);
      await t.database.rows(sql`drop function refuse_marked_text()`);
    }
  });
});
