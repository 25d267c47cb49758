// The five playbooks, installed from the gallery and run end to end on a real database; mail
// goes to a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { addMember } from '../../platform/testing/members.js';
import { scanInactivity, scanThresholds } from './rule-scans.js';
import { type MailCatcher, startMailCatcher } from '../../platform/testing/mail-catcher.js';

let s: SignedInApp;
let smtp: MailCatcher;
let manager: { id: string };
const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => s.api(method, url, payload, { cookie: s.owner.cookie });
const install = async (key: string, locale = 'en') => {
  const res = await as('POST', `/api/v1/rules/playbooks/${key}/install`, { locale });
  expect(res.statusCode).toBe(201);
  return res.json();
};
const tasksOf = (customerId: string) =>
  s.t.database.rows<{ title: string; assignee_id: string; due_at: Date; created_at: Date }>(
    sql`select title, assignee_id, due_at, created_at from tasks where customer_id = ${customerId}`,
  );

beforeAll(async () => {
  smtp = await startMailCatcher();
  s = await signedInApp({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Acme <hello@acme.test>' },
    setup: { workspaceName: 'Acme Shop' },
  });
  manager = await addMember(s.t, s.workspace.id, 'manager@acme.test', 'agent');
});
afterAll(async () => {
  await s.t.close();
  await smtp.close();
});

describe('the playbook gallery', () => {
  it('lists the five playbooks in four languages', async () => {
    const { data } = (await as('GET', '/api/v1/rules/playbooks')).json();
    expect(data).toHaveLength(5);
    for (const p of data) expect(Object.keys(p.name).sort()).toEqual(['ar', 'en', 'fa', 'zh']);
  });

  it('a. an NPS of 0–6 gives the account owner an urgent task due in 24 business hours', async () => {
    const rule = await install('nps_detractor_follow_up', 'fa');
    expect(rule.name).toBe('منتقد NPS: کار پیگیری فوری');
    const owned = await s.api('POST', '/api/v1/feedback/bulk', {
      items: [
        { channel: 'survey', text: 'بد بود', nps: 2, customer: { externalId: 'c-a', name: 'Sara', email: 'sara@example.com' } },
        { channel: 'survey', text: 'عالی', nps: 9, customer: { externalId: 'c-b', name: 'Omid' } },
      ],
    });
    expect(owned.statusCode).toBe(201);
    await s.api('POST', '/api/v1/customers/identify', { externalId: 'c-a', attributes: { accountOwner: 'manager@acme.test' } });
    await s.t.drainJobs();
    const [customer] = await s.t.database.rows<{ id: string }>(sql`select id from customers where external_id = 'c-a'`);
    const [task] = await tasksOf(customer.id);
    expect(task.title).toBe('Urgent: call Sara back about their NPS score');
    expect(task.assignee_id).toBe(manager.id);
    expect(new Date(task.due_at).getTime() - new Date(task.created_at).getTime()).toBeGreaterThanOrEqual(24 * 3_600_000 - 5_000);
    const [other] = await s.t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from tasks t join customers c on c.id = t.customer_id where c.external_id = 'c-b'`,
    );
    expect(other.n).toBe(0);
    // Without an account owner, the workspace's owner gets it.
    await s.api('POST', '/api/v1/feedback/bulk', { items: [{ channel: 'survey', text: 'meh', nps: 5, customer: { externalId: 'c-c' } }] });
    await s.t.drainJobs();
    const [c] = await s.t.database.rows<{ id: string }>(sql`select id from customers where external_id = 'c-c'`);
    expect((await tasksOf(c.id))[0].assignee_id).toBe(s.owner.userId);
    await as('PATCH', `/api/v1/rules/${rule.id}`, { enabled: false });
  });

  it('b. a 1–2 star public review gets an apologetic draft in its own language naming its topics, for approval', async () => {
    await install('bad_review_reply_draft');
    const res = await s.api('POST', '/api/v1/feedback/bulk', {
      items: [
        {
          channel: 'review',
          rating: 1,
          language: 'fa',
          text: 'ارسال خیلی دیر رسید و بسته خراب بود',
          customer: { externalId: 'r-fa', name: 'مریم' },
        },
        { channel: 'review', rating: 2, language: 'en', text: 'Delivery was late and support never answered' },
        { channel: 'review', rating: 5, language: 'en', text: 'Lovely' },
      ],
    });
    await s.t.drainJobs();
    const drafts = (await as('GET', '/api/v1/reply-drafts')).json().data;
    expect(drafts).toHaveLength(2);
    const fa = drafts.find((d: { language: string }) => d.language === 'fa');
    const en = drafts.find((d: { language: string }) => d.language === 'en');
    expect(fa.body).toContain('مریم عزیز');
    expect(fa.body).toContain('متأسفیم');
    expect(fa.body).toContain('Acme Shop');
    expect(en.body).toMatch(/^Hello,/);
    expect(en.body).toContain('sorry');
    expect(en.body).toContain('please reply to this message');
    // The topics the analysis found are named, by their names in the review's language.
    const [item] = await s.t.database.rows<{ topics: string[] }>(
      sql`select topics from feedback_items where id = ${res.json().results[1].id}`,
    );
    if (item.topics.length > 0) expect(en.body).toContain('especially with');
    const edited = await as('PATCH', `/api/v1/reply-drafts/${fa.id}`, { body: `${fa.body}\nویرایش شد` });
    expect(edited.json().status).toBe('pending');
    expect((await as('PATCH', `/api/v1/reply-drafts/${fa.id}`, { status: 'approved' })).json()).toMatchObject({
      status: 'approved',
      decidedBy: s.owner.userId,
    });
    expect((await as('PATCH', `/api/v1/reply-drafts/${fa.id}`, { status: 'discarded' })).statusCode).toBe(409);
    expect((await as('PATCH', `/api/v1/reply-drafts/${en.id}`, { status: 'discarded' })).json().status).toBe('discarded');
  });

  it('c. 90 days without activity flags a churn risk and asks for personal outreach, once per inactivity period', async () => {
    await install('inactive_customer_outreach');
    await s.api('POST', '/api/v1/events', {
      name: 'login',
      customer: { externalId: 'quiet', name: 'Quiet Customer' },
      occurredAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
    });
    await s.api('POST', '/api/v1/events', { name: 'login', customer: { externalId: 'busy' } });
    await scanInactivity(s.t.database);
    await scanInactivity(s.t.database);
    await s.t.drainJobs();
    const [quiet] = await s.t.database.rows<{ id: string }>(sql`select id from customers where external_id = 'quiet'`);
    const tasks = await tasksOf(quiet.id);
    expect(tasks.map((t) => t.title)).toEqual(['Reach out personally to Quiet Customer: no activity for 90 days']);
    const profile = (await as('GET', `/api/v1/customers/${quiet.id}/profile`)).json();
    expect(profile.flags.stored).toEqual(['churn_risk']);
    expect(profile.flags.churnRisk).toBe(true);
    // Ten days on (the last cut-off moved back instead), the customer came back once and went quiet again.
    await s.t.database.rows(sql`update rule_marks set period = (now() - interval '100 days')::text`);
    await s.t.database.rows(sql`update customers set last_seen_at = now() - interval '95 days' where id = ${quiet.id}`);
    await scanInactivity(s.t.database);
    await s.t.drainJobs();
    expect(await tasksOf(quiet.id)).toHaveLength(2);
    const [busy] = await s.t.database.rows<{ id: string }>(sql`select id from customers where external_id = 'busy'`);
    expect((await as('GET', `/api/v1/customers/${busy.id}/profile`)).json().flags.stored).toEqual([]);
  });

  it('d. a large order flags a VIP and alerts the account owner, once', async () => {
    await install('vip_order');
    await s.api('POST', '/api/v1/customers/identify', { externalId: 'big', name: 'Big Spender', attributes: { accountOwner: manager.id } });
    await s.api('POST', '/api/v1/orders', { externalId: 'o-1', amount: '۲۵۰۰', currency: 'USD', customer: { externalId: 'big' } });
    await s.t.drainJobs();
    await s.api('POST', '/api/v1/orders', { externalId: 'o-2', amount: 3000, currency: 'USD', customer: { externalId: 'big' } });
    await s.api('POST', '/api/v1/orders', { externalId: 'o-3', amount: 20, currency: 'USD', customer: { externalId: 'small' } });
    await s.t.drainJobs();
    const [big] = await s.t.database.rows<{ id: string }>(sql`select id from customers where external_id = 'big'`);
    const tasks = await tasksOf(big.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'New VIP: Big Spender (order o-1)', assignee_id: manager.id });
    const profile = (await as('GET', `/api/v1/customers/${big.id}/profile`)).json();
    expect(profile.flags).toMatchObject({ vip: true, stored: ['vip'] });
  });

  it('e. more complaints than the threshold on one topic mails the topic owner the items behind it', async () => {
    const rule = await install('complaint_spike');
    const definition = { ...rule.definition, trigger: { kind: 'threshold_crossed', count: 2, windowHours: 24, perTopic: true } };
    definition.actions[0].to.owners = { delivery: manager.id };
    expect((await as('PATCH', `/api/v1/rules/${rule.id}`, { definition })).statusCode).toBe(200);
    const items = ['Delivery late again', 'The courier lost my parcel', 'Shipping took two weeks'].map((text) => ({
      channel: 'email',
      text,
    }));
    const ids = (await s.api('POST', '/api/v1/feedback/bulk', { items })).json().results.map((r: { id: string }) => r.id);
    await s.t.drainJobs();
    // The analysis decides type and topic; the test fixes them so the count is known.
    await s.t.database.rows(
      sql`update feedback_items set feedback_type = 'complaint', topics = '{delivery}' where id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    await scanThresholds(s.t.database);
    await scanThresholds(s.t.database);
    await s.t.drainJobs();
    const alerts = smtp.to('manager@acme.test');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).toBe('Complaints are piling up: delivery');
    expect(alerts[0].text).toContain('The courier lost my parcel');
    expect(alerts[0].text).toContain('Shipping took two weeks');
  });
});
