// The digest through a real SMTP server on loopback: each member gets it once per period in
// their language, direction, calendar and digits, with untrusted text escaped, however many
// workers scan and run jobs at once; and its one-click unsubscribe link is honoured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { setupOwner } from '../../platform/testing/test-app.js';
import { addMember } from '../../platform/testing/members.js';
import { type MailCatcher, startMailCatcher } from '../../platform/testing/mail-catcher.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { enqueueOccurrence } from '../../platform/jobs/schedules.js';
import { queueDueDigests } from './send-digests.js';
import { rebuildRollups } from '../rollups/rebuild-rollups.js';

let t: TestApp;
let smtp: MailCatcher;
let owner: string;
const members: Record<'fa' | 'en' | 'ar' | 'zh', { id: string; cookie: string }> = {} as never;
const DAY = 86_400_000;

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = owner) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const rawHeader = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const makeDue = () => t.database.rows(sql`update digest_subscriptions set next_send_at = now() - interval '1 minute' where enabled`);

/** Several workers at once, all draining the same queue. */
const drainWithWorkers = (n: number) => Promise.all(Array.from({ length: n }, () => t.drainJobs()));

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Feedloop <digest@acme.test>' });
  owner = (await setupOwner(t, { workspaceName: 'Shop <b>One</b>' })).cookie;
  const [workspace] = await t.database.db.select().from(workspaces);
  await t.database.db.update(workspaces).set({ timezone: 'Asia/Tehran' }).where(eq(workspaces.id, workspace.id));
  for (const language of ['fa', 'en', 'ar', 'zh'] as const) {
    const member = await addMember(t, workspace.id, `${language}@acme.test`, 'viewer');
    await t.database.db.update(users).set({ locale: language }).where(eq(users.id, member.id));
    members[language] = member;
  }
  // This period: two promoters and a detractor (NPS 33); the one before: one detractor (NPS -100).
  for (const [nps, at] of [[10, 2], [9, 3], [3, 2], [2, 10]] as const)
    expect((await api('POST', '/api/v1/feedback', { text: `score ${nps}`, channel: 'api', nps, createdAt: daysAgo(at) })).statusCode).toBe(201);
  // The detractor complains about delivery: the digest's top driver.
  await t.database.rows(sql`update feedback_items set topics = '{delivery}' where nps = 3`);
  await rebuildRollups(t.database, workspace.id);
  const idea = (await api('POST', '/api/v1/ideas', { title: 'Dark mode <script>alert(1)</script>' })).json();
  expect((await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'done', notifyCustomers: false })).statusCode).toBe(200);
  // Completed within the period (the digest covers the seven days before today).
  await t.database.rows(sql`update ideas set status_changed_at = now() - interval '2 days'`);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('digest email', () => {
  it('goes to each member once per period, even with several workers scanning and sending at once', async () => {
    // Members are subscribed by default (the scan subscribes newcomers); make everyone due now.
    await queueDueDigests(t.database);
    await makeDue();
    const queued = await Promise.all([queueDueDigests(t.database), queueDueDigests(t.database), queueDueDigests(t.database)]);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(5);
    // The schedule's own occurrence, enqueued by two processes, runs once and finds nothing left.
    // (The occurrence names the app's schedule; the worker runs the app's scan for it.)
    const schedule = { name: 'send-digests', pattern: '*/15 * * * *', run: async () => {} };
    const at = new Date();
    expect([await enqueueOccurrence(t.database, schedule, at), await enqueueOccurrence(t.database, schedule, at)]).toEqual([true, false]);
    await drainWithWorkers(3);
    for (const address of ['fa@acme.test', 'en@acme.test', 'ar@acme.test', 'zh@acme.test', 'owner@example.com'])
      expect(smtp.to(address), address).toHaveLength(1);

    // A member who moves their hour after receiving it is due again, but the period is sent already.
    const moved = await api('PATCH', '/api/v1/me/digest', { hour: 23 }, members.en.cookie);
    expect(moved.statusCode).toBe(200);
    await makeDue();
    expect(await queueDueDigests(t.database)).toBe(0);
    await drainWithWorkers(2);
    expect(smtp.to('en@acme.test')).toHaveLength(1);
  });

  it('speaks the member language: right to left, Jalali dates and Persian digits in Persian; escaped text', async () => {
    const [fa] = smtp.to('fa@acme.test');
    expect(fa.subject).toContain('خلاصهٔ هفتگی بازخوردهای Shop <b>One</b>');
    expect(fa.subject).toMatch(/۱۴۰[۵۶]/); // the Jalali year, in Persian digits
    const html = String(fa.html);
    expect(html).toMatch(/<html[^>]*lang="fa"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="fa"/);
    expect(html).toContain('Shop &lt;b&gt;One&lt;/b&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Dark mode &lt;script&gt;alert(1)&lt;/script&gt;');
    // NPS 33 now against -100 before: +133 points, in Persian digits.
    expect(fa.text).toContain('NPS: ۳۳');
    expect(fa.text).toContain('+۱۳۳');
    expect(fa.text).toContain('ایده‌های انجام‌شده: ۱');
    // Delivery's one detractor costs 66.7 points (NPS 33 with it, 100 without), in Persian digits.
    expect(fa.text).toContain('- ارسال و تحویل: دفعات اشاره ۱، اثر بر NPS \u200e−۶۶٫۷ امتیاز');
    expect(smtp.to('en@acme.test')[0].text).toContain('- Delivery: mentions 1 · NPS impact -66.7 pts');
    expect(rawHeader(fa, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const [en] = smtp.to('en@acme.test');
    expect(en.subject).toMatch(/^Your weekly feedback digest for Shop <b>One<\/b>: \d+/);
    expect(String(en.html)).toMatch(/dir="ltr"/);
    expect(en.text).toContain('NPS: 33 (Period before: -100 · Change: +133)');
    expect(smtp.to('ar@acme.test')[0].text).toContain('NPS: ٣٣');
    expect(smtp.to('zh@acme.test')[0].subject).toContain('每周反馈摘要');
  });

  it('stops after one click on its unsubscribe link, with no sign-in; a forged link changes nothing', async () => {
    const [fa] = smtp.to('fa@acme.test');
    const link = /http:\/\/localhost:3000\/digest\/unsubscribe\/\S+/.exec(fa.text ?? '')![0];
    const path = new URL(link).pathname;
    expect(rawHeader(fa, 'list-unsubscribe')).toBe(`<${link}>`);
    // The GET only asks (mail scanners follow links); the token is 256 bits of HMAC.
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('لغو اشتراک');
    const token = path.split('/').pop()!;
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await t.app.inject({ method: 'POST', url: `/digest/unsubscribe/${forged}` })).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/me/digest', undefined, members.fa.cookie)).json().enabled).toBe(true);

    const done = await t.app.inject({ method: 'POST', url: path, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('دیگر خلاصهٔ بازخوردهای');
    expect((await api('GET', '/api/v1/me/digest', undefined, members.fa.cookie)).json()).toMatchObject({ enabled: false, nextSendAt: null });

    // Next period: everyone else gets theirs, the member who left does not.
    await t.database.rows(sql`delete from digest_sends`);
    await makeDue();
    await queueDueDigests(t.database);
    await drainWithWorkers(1);
    expect(smtp.to('fa@acme.test')).toHaveLength(1);
    expect(smtp.to('ar@acme.test')).toHaveLength(2);
  });
});
