// The explorer's total: how many items match the filters, counted up to a bound.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { HTTP_LIMITS } from '../../platform/http/limits.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';

let t: TestApp;
let api: SignedInApp['api'];

const list = async (qs: string) => {
  const res = await api('GET', `/api/v1/feedback?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: unknown[]; nextCursor: string | null; total?: number; totalCapped?: boolean };
};

beforeAll(async () => {
  ({ t, api } = await signedInApp());
  const res = await api('POST', '/api/v1/feedback/bulk', {
    items: [
      { channel: 'email', text: 'The parcel arrived late', createdAt: '2026-01-01T10:00:00Z' },
      { channel: 'email', text: 'Refund took two weeks', createdAt: '2026-01-02T10:00:00Z' },
      { channel: 'chat', text: 'Price is too high', createdAt: '2026-01-03T10:00:00Z' },
    ],
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => t.close());

describe('feedback total', () => {
  it('counts every item matching the filters, not only the page', async () => {
    expect(await list('limit=1')).toMatchObject({ total: 3, totalCapped: false });
    expect(await list('channel=email&limit=1')).toMatchObject({ total: 2, totalCapped: false });
    expect(await list('channel=review')).toMatchObject({ data: [], total: 0, totalCapped: false });
    // Later pages leave the (unchanged) total out: the first page already said it.
    const first = await list('limit=2');
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second).not.toHaveProperty('total');
  });

  it(`stops counting above ${HTTP_LIMITS.listTotalCap.toLocaleString('en')} and says so`, async () => {
    const [ws] = await t.database.db.select({ id: workspaces.id }).from(workspaces);
    await t.database.db.execute(sql`
      insert into feedback_items (id, workspace_id, channel, text, created_at)
      select gen_random_uuid(), ${ws.id}, 'import', 'Imported row ' || g, timestamptz '2025-06-01' + g * interval '1 minute'
      from generate_series(1, ${HTTP_LIMITS.listTotalCap + 5}) g`);
    expect(await list('channel=import&limit=5')).toMatchObject({ total: HTTP_LIMITS.listTotalCap, totalCapped: true });
    expect(await list('channel=email')).toMatchObject({ total: 2, totalCapped: false });
  });
});
