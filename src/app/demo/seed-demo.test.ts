// `feedloop demo`'s seeding on a real database: a new workspace with customers, orders, events,
// multilingual feedback that gets analysed, surveys whose results count the same answers as the
// overview, the explorer and the customers' timelines, and tickets for the support messages.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { seedDemo } from './seed-demo.js';
import { ticketSubject } from './demo-tickets.js';
import { refreshStaleRollups } from '../../evaluate/rollups/refresh-rollups.js';

let t: TestApp;
let cookie = '';
let ws = '';
const now = new Date();
const get = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await setupOwner(t));
  const result = await seedDemo(t.database, 'Demo shop', now, 'http://localhost:3000');
  expect(result).toMatchObject({ surveys: 3, widgetKey: expect.stringMatching(/^pk_/) });
  ws = result.workspace.id;
  await t.app.inject({ method: 'POST', url: '/api/v1/me/workspace', headers: { cookie }, payload: { workspaceId: ws } });
});
afterAll(() => t.close());

const count = async (table: string, where = sql``) =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where workspace_id = ${ws} ${where}`))[0].n;

describe('demo workspace', () => {
  it("is created next to the owner's workspace, filled, analysed, with surveys", async () => {
    expect(await count('customers')).toBeGreaterThan(20);
    expect(await count('orders')).toBeGreaterThan(10);
    expect(await count('feedback_items')).toBeGreaterThan(300);
    const surveys = await t.database.rows<{ status: string }>(sql`select status from surveys where workspace_id = ${ws} order by status`);
    expect(surveys.map((s) => s.status)).toEqual(['draft', 'live', 'live']);
    expect(await count('survey_triggers')).toBe(2);
    // The demo shop's widget key allows the server's own origin; its NPS survey is in the widget.
    const [key] = await t.database.rows<{ allowed_origins: string[] }>(
      sql`select allowed_origins from widget_keys where workspace_id = ${ws}`,
    );
    expect(key.allowed_origins).toEqual(['http://localhost:3000']);
    // Profiles carry the totals of the orders and events written for them.
    const [totals] = await t.database.rows<{ events: number; counted: number; ltv: number }>(sql`select sum(event_count)::int as events,
      (select count(*)::int from events where workspace_id = ${ws}) as counted,
      count(*) filter (where lifetime_value <> '{}'::jsonb)::int as ltv from customers where workspace_id = ${ws}`);
    expect(totals.events).toBe(totals.counted);
    expect(totals.ltv).toBeGreaterThan(0);
    await t.drainJobs();
    const languages = await t.database.rows<{ language: string }>(
      sql`select distinct language from feedback_items where workspace_id = ${ws} and status = 'processed' order by 1`,
    );
    expect(languages.map((l) => l.language)).toEqual(expect.arrayContaining(['ar', 'en', 'fa', 'zh']));
  });

  it('every NPS and CSAT score is an answer to a live survey: results, overview, explorer and timelines agree', async () => {
    const list = await get<{ data: Array<{ id: string; name: string; status: string; publishedAt: string }> }>('/api/v1/surveys');
    const live = list.data.filter((s) => s.status === 'live');
    const overview = await get<{ totals: { npsCount: number; csatCount: number } }>('/api/v1/overview?days=90');
    const scores = { nps: 0, csat: 0 };
    for (const survey of live) {
      const results = await get<{
        responses: { started: number; completed: number };
        email: { sent: number; responses: number; responseRate: number };
        questions: Array<{ type: string; answers: number }>;
      }>(`/api/v1/surveys/${survey.id}/results`);
      const score = results.questions[0];
      expect(['nps', 'csat']).toContain(score.type);
      scores[score.type as 'nps' | 'csat'] = score.answers;
      expect(results.responses.completed).toBe(results.responses.started);
      expect(score.answers).toBe(results.responses.completed);
      // Emails went out before their answers; about half were never answered.
      expect(results.email.responses).toBeGreaterThan(0);
      expect(results.email.sent).toBeGreaterThan(results.email.responses);
      expect(results.email.responseRate).toBeLessThan(100);
      // The explorer's survey filter finds exactly the survey's answers.
      const filtered = await get<{ data: unknown[] }>(`/api/v1/feedback?survey_id=${survey.id}&limit=200`);
      expect(filtered.data).toHaveLength(score.answers);
      // Nothing was answered before the survey was published, or after now.
      const [span] = await t.database.rows<{ first: Date; last: Date }>(
        sql`select min(started_at) as first, max(completed_at) as last from survey_responses where survey_id = ${survey.id}`,
      );
      expect(new Date(span.first).getTime()).toBeGreaterThan(new Date(survey.publishedAt).getTime());
      expect(new Date(span.last).getTime()).toBeLessThanOrEqual(now.getTime());
    }
    expect(scores.nps).toBe(overview.totals.npsCount);
    expect(scores.csat).toBe(overview.totals.csatCount);
    expect(scores.nps).toBeGreaterThan(40);
    expect(await count('feedback_items', sql`and (nps is not null or csat is not null) and survey_response_id is null`)).toBe(0);
    // Each response's item is dated at the response, and every email answer follows its email.
    expect(
      await count(
        'feedback_items f',
        sql`and f.survey_response_id is not null and f.created_at <> (select completed_at from survey_responses r where r.id = f.survey_response_id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        'survey_responses r',
        sql`and r.channel = 'email' and not exists (select 1 from survey_sends s where 'send:' || s.id = r.personal_key and s.sent_at < r.started_at and s.customer_id = r.customer_id)`,
      ),
    ).toBe(0);

    // A respondent's timeline shows the invitation, the response and the scored feedback.
    const [respondent] = await t.database.rows<{ customer_id: string }>(
      sql`select customer_id from survey_responses where workspace_id = ${ws} and channel = 'email' limit 1`,
    );
    const timeline = await get<{ data: Array<{ kind: string; nps?: number | null; csat?: number | null; purpose?: string }> }>(
      `/api/v1/customers/${respondent.customer_id}/timeline?limit=200`,
    );
    expect(timeline.data.some((e) => e.kind === 'survey_response')).toBe(true);
    expect(timeline.data.some((e) => e.kind === 'feedback' && (e.nps != null || e.csat != null))).toBe(true);
    expect(timeline.data.some((e) => e.kind === 'notification' && e.purpose === 'survey_invitation')).toBe(true);
  });

  it('support messages are tickets; a rated ticket was resolved before its CSAT answer', async () => {
    const support = await count('feedback_items', sql`and channel = 'support_ticket'`);
    expect(support).toBeGreaterThan(20);
    expect(await count('feedback_items', sql`and channel = 'support_ticket' and ticket_id is null`)).toBe(0);
    expect(await count('tickets')).toBe(support);
    const tickets = await get<{
      data: Array<{ number: number; status: string; createdAt: string; resolvedAt: string | null; customerId: string | null }>;
    }>('/api/v1/tickets?limit=200');
    expect(tickets.data.map((x) => x.number).sort((a, b) => a - b)).toEqual(Array.from({ length: support }, (_, i) => i + 1));
    expect(new Set(tickets.data.map((x) => x.status))).toEqual(new Set(['open', 'pending', 'resolved', 'closed']));
    for (const ticket of tickets.data) {
      expect(ticket.customerId).not.toBeNull();
      expect(ticket.resolvedAt === null).toBe(ticket.status === 'open' || ticket.status === 'pending');
      if (ticket.resolvedAt) expect(new Date(ticket.resolvedAt).getTime()).toBeGreaterThan(new Date(ticket.createdAt).getTime());
      expect(new Date(ticket.createdAt).getTime()).toBeLessThanOrEqual(now.getTime());
    }
    // Ticket numbers follow the order the messages came in.
    const byNumber = [...tickets.data].sort((a, b) => a.number - b.number).map((x) => new Date(x.createdAt).getTime());
    expect(byNumber).toEqual([...byNumber].sort((a, b) => a - b));
    const rated = await t.database.rows<{ resolved: Date; answered: Date }>(sql`
      select t.resolved_at as resolved, r.completed_at as answered from tickets t
      join survey_responses r on r.customer_id = t.customer_id and r.workspace_id = t.workspace_id
      join survey_answers a on a.response_id = r.id and a.question_id = 'csat'
      where t.workspace_id = ${ws} and t.status = 'resolved' and r.completed_at > t.resolved_at`);
    expect(rated.length).toBeGreaterThanOrEqual(8);
  });

  it('customers became customers before they first acted, and were last seen at their latest activity', async () => {
    const wrong = await t.database.rows<{ name: string }>(sql`
      select c.name from customers c where c.workspace_id = ${ws} and (
        exists (select 1 from orders o where o.customer_id = c.id and o.placed_at < c.created_at)
        or exists (select 1 from events e where e.customer_id = c.id and (e.occurred_at < c.created_at or e.occurred_at > c.last_seen_at))
        or exists (select 1 from feedback_items f where f.customer_id = c.id and (f.created_at < c.created_at or f.created_at > c.last_seen_at))
        or c.created_at > ${now}::timestamptz)`);
    expect(wrong).toEqual([]);
    // VIP on the profile and the VIP plan say the same for a plan customer.
    const [vip] = await t.database.rows<{ id: string }>(
      sql`select id from customers where workspace_id = ${ws} and attributes->>'plan' = 'vip' limit 1`,
    );
    expect((await get<{ flags: { vip: boolean } }>(`/api/v1/customers/${vip.id}/profile`)).flags.vip).toBe(true);
  });

  it('has two regions of two branches each, and the league table ranks them on first start', async () => {
    const tree = await get<{ data: Array<{ kind: string; children: Array<{ kind: string; id: string }> }> }>('/api/v1/service-units');
    expect(tree.data.map((r) => [r.kind, r.children.length])).toEqual([
      ['region', 2],
      ['region', 2],
    ]);
    await refreshStaleRollups(t.database, ws);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const from = day(new Date(now.getTime() - 90 * 86_400_000));
    const league = await get<{ rows: Array<{ key: string; rank: number | null; value: { n: number } }> }>(
      `/api/v1/metrics/league?metric=nps&dimension=service_unit&level=branch&from=${from}&to=${day(now)}`,
    );
    expect(league.rows).toHaveLength(4);
    expect(league.rows.every((r) => r.rank !== null && r.value.n > 0)).toBe(true);
    expect(await count('tickets', sql`and service_unit_id is not null`)).toBeGreaterThan(0);
  });

  it("ticket subjects are the message's first sentence, or its start cut at a word", () => {
    expect(ticketSubject('Charged twice. Please refund.')).toBe('Charged twice.');
    expect(ticketSubject('کد تایید ورود برام نمیاد. شماره‌م رو چند بار چک کردم درسته.')).toBe('کد تایید ورود برام نمیاد.');
    expect(ticketSubject('退货已经寄回去十天了，物流显示你们已签收。可退款一直没到账')).toBe('退货已经寄回去十天了，物流显示你们已签收。');
    const long = ticketSubject('My order was marked as delivered yesterday afternoon but nothing arrived at my door or the mailroom');
    expect(long).toBe('My order was marked as delivered yesterday afternoon but nothing…');
  });
});
