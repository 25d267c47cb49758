// `feedloop demo`'s seeding on a real database: a new workspace with customers, orders, events,
// multilingual feedback that gets analysed, and two surveys.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, type TestApp } from '../testing/test-app.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await setupOwner(t);
});
afterAll(() => t.close());

describe('demo workspace', () => {
  it('is created next to the owner\'s workspace, filled, analysed, with surveys', async () => {
    const result = await seedDemo(t.database, 'Demo shop', new Date(), 'http://localhost:3000');
    expect(result).toMatchObject({ surveys: 2, widgetKey: expect.stringMatching(/^pk_/) });
    const [ws] = await t.database.rows<{ id: string; name: string }>(sql`select id, name from workspaces where name = 'Demo shop'`);
    const count = async (table: string) => (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where workspace_id = ${ws.id}`))[0].n;
    expect(await count('customers')).toBeGreaterThan(20);
    expect(await count('orders')).toBeGreaterThan(10);
    expect(await count('feedback_items')).toBeGreaterThan(300);
    const surveys = await t.database.rows<{ status: string }>(sql`select status from surveys where workspace_id = ${ws.id} order by status`);
    expect(surveys.map((s) => s.status)).toEqual(['draft', 'live']);
    expect(await count('survey_triggers')).toBe(1);
    // The demo shop's widget key allows the server's own origin; its NPS survey is in the widget.
    const [key] = await t.database.rows<{ allowed_origins: string[] }>(sql`select allowed_origins from widget_keys where workspace_id = ${ws.id}`);
    expect(key.allowed_origins).toEqual(['http://localhost:3000']);
    // Profiles carry the totals of the orders and events written for them.
    const [totals] = await t.database.rows<{ events: number; counted: number; ltv: number }>(sql`select sum(event_count)::int as events,
      (select count(*)::int from events where workspace_id = ${ws.id}) as counted,
      count(*) filter (where lifetime_value <> '{}'::jsonb)::int as ltv from customers where workspace_id = ${ws.id}`);
    expect(totals.events).toBe(totals.counted);
    expect(totals.ltv).toBeGreaterThan(0);
    await t.drainJobs();
    const languages = await t.database.rows<{ language: string }>(sql`select distinct language from feedback_items where workspace_id = ${ws.id} and status = 'processed' order by 1`);
    expect(languages.map((l) => l.language)).toEqual(expect.arrayContaining(['ar', 'en', 'fa', 'zh']));
  });
});
