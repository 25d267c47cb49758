// Concurrent single creates are coalesced into shared transactions; each caller must still get
// exactly its own answer, and one bad item must not fail its neighbours.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';

let t: TestApp;
let api: SignedInApp['api'];

beforeAll(async () => {
  ({ t, api } = await signedInApp());
});
afterAll(() => t.close());

const post = (payload: object) => api('POST', '/api/v1/feedback', payload);
const analysisJobs = async () =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from jobs where queue = 'analyze-feedback'`))[0].n;

describe('coalesced creates', () => {
  it('answers 60 concurrent requests each with its own item, bad ones with their own error', async () => {
    const payloads = Array.from({ length: 60 }, (_, i) =>
      i % 15 === 7
        ? { channel: 'api', text: `bad ${i}`, customerId: '00000000-0000-4000-8000-000000000000' }
        : {
            channel: 'api',
            text: `item ${i}`,
            nps: i % 11,
            customer: { email: `c${i % 6}@example.com`, name: i < 6 ? `Customer ${i}` : undefined },
          },
    );
    const answers = await Promise.all(payloads.map(post));
    answers.forEach((res, i) => {
      if (i % 15 === 7) {
        expect(res.statusCode).toBe(422);
        expect(res.json().error.field).toBe('customerId');
      } else {
        expect(res.statusCode).toBe(201);
        expect(res.json().text).toBe(`item ${i}`);
        expect(res.json().customer.email).toBe(`c${i % 6}@example.com`);
      }
    });
    const [{ n }] = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from feedback_items where text like 'item %'`);
    expect(n).toBe(56);
    const counts = await t.database.rows<{ email: string; feedback_count: number }>(
      sql`select email, feedback_count from customers order by email`,
    );
    expect(counts).toHaveLength(6);
    expect(counts.reduce((s, c) => s + c.feedback_count, 0)).toBe(56);
  });

  it('40 concurrent creates are written together: a few shared writes, not one each', async () => {
    const before = await analysisJobs();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post({ channel: 'api', text: `together ${i}` })));
    expect(answers.every((res) => res.statusCode === 201)).toBe(true);
    // Each shared write queues one analysis job for its items. On the embedded database a write
    // used to hold the event loop until it ended, so each request was read only after the
    // previous one was stored: 40 writes.
    expect((await analysisJobs()) - before).toBeLessThanOrEqual(3);
  });

  it('the same externalId sent concurrently is stored once; every caller gets that item', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => post({ channel: 'api', text: 'once', externalId: 'ext-1' })));
    const ids = new Set(answers.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(19);
  });
});
