// The smtp.inbox through the API: replies emailed to a real SMTP server on loopback (threaded),
// notes and mentions, canned replies, assignment, CSAT on resolve and first-contact resolution.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { addMember } from '../../platform/testing/members.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { type MailCatcher, startMailCatcher } from '../../platform/testing/mail-catcher.js';

let t: TestApp;
let owner: { cookie: string; id: string };
let sara: { cookie: string; id: string };
let omid: { cookie: string; id: string };
let smtp: MailCatcher;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const as = (who: { cookie: string }) => (method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
const api = (method: Method, url: string, payload?: object) => as(owner)(method, url, payload);
const mailTo = (address: string) => smtp.to(address);
const customer = async (body: object) => (await api('POST', '/api/v1/customers/identify', body)).json().id as string;
const ticket = async (body: object) => {
  const res = await api('POST', '/api/v1/tickets', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Acme <help@acme.test>' });
  const setup = await setupOwner(t, { workspaceName: 'Acme <Shop>' });
  owner = { cookie: setup.cookie, id: setup.body.user.id };
  const [workspace] = await t.database.db.select().from(workspaces);
  sara = await addMember(t, workspace.id, 'sara@example.com', 'agent');
  omid = await addMember(t, workspace.id, 'omid@example.com', 'agent');
  await addMember(t, workspace.id, 'viewer@example.com', 'viewer');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('the conversation', () => {
  it('emails replies to the customer in their language, escaped and threaded, and keeps notes inside the team', async () => {
    const maryam = await customer({ externalId: 'm', email: 'maryam@example.com', name: 'مریم', locale: 'fa' });
    const tk = await ticket({ subject: 'سفارش <دیر> رسید', customerId: maryam, assigneeId: null });
    expect(tk.status).toBe('new');
    expect(tk.firstResponseAt).toBeNull();

    const first = await as(sara)('POST', `/api/v1/tickets/${tk.id}/messages`, { kind: 'reply', body: 'سلام <b>مریم</b>\nپیگیری می‌کنیم.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'reply', delivery: 'queued', toEmail: 'maryam@example.com', authorName: 'sara' });
    const note = await as(sara)('POST', `/api/v1/tickets/${tk.id}/messages`, { kind: 'note', body: 'فقط برای تیم' });
    expect(note.json().delivery).toBeNull();
    await as(sara)('POST', `/api/v1/tickets/${tk.id}/messages`, { kind: 'reply', body: 'ارسال شد.' });
    await t.drainJobs();

    const mails = mailTo('maryam@example.com');
    expect(mails).toHaveLength(2);
    // The workers may deliver the two in either order: the first reply is the one answering nothing.
    const a = mails.find((m) => !m.inReplyTo)!;
    const b = mails.find((m) => m.inReplyTo)!;
    expect(a.subject).toBe('سفارش <دیر> رسید [#1]');
    expect(a.html).toContain('dir="rtl"');
    expect(a.html).toContain('سلام &lt;b&gt;مریم&lt;/b&gt;<br>پیگیری می‌کنیم.');
    expect(a.text).toContain('درخواست شمارهٔ ۱ شما به Acme <Shop>');
    expect(a.messageId).toMatch(/^<.+@feedloop>$/);
    // The second reply answers the first, so a mail client and a future inbound reply thread them.
    expect(b.inReplyTo).toBe(a.messageId);
    expect(b.references).toBe(a.messageId);
    expect(smtp.inbox.some((m) => m.text?.includes('فقط برای تیم'))).toBe(false);

    const after = (await api('GET', `/api/v1/tickets/${tk.id}`)).json();
    expect(after.status).toBe('open');
    expect(after.firstResponseAt).not.toBeNull();
    const thread = (await api('GET', `/api/v1/tickets/${tk.id}/messages`)).json().data;
    expect(thread.map((m: { kind: string; delivery: string | null }) => [m.kind, m.delivery])).toEqual([
      ['reply', 'sent'],
      ['note', null],
      ['reply', 'sent'],
    ]);
  });

  it('refuses a reply without a customer email, and mentions of strangers', async () => {
    const tk = await ticket({ subject: 'No customer' });
    const reply = await api('POST', `/api/v1/tickets/${tk.id}/messages`, { kind: 'reply', body: 'Hello' });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error).toMatchObject({ code: 'no_customer_email', field: 'kind' });
    const stranger = await api('POST', `/api/v1/tickets/${tk.id}/messages`, {
      kind: 'note',
      body: '@someone',
      mentions: ['0190f000-0000-7000-8000-000000000000'],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.field).toBe('mentions.0');
    expect((await api('GET', `/api/v1/tickets/${tk.id}/messages`)).json().data).toHaveLength(0);
  });

  it('shows a mention to the teammate mentioned until they open the ticket', async () => {
    const tk = await ticket({ subject: 'Refund question', assigneeId: null });
    const posted = await as(sara)('POST', `/api/v1/tickets/${tk.id}/messages`, {
      kind: 'note',
      body: '@omid can you check?',
      mentions: [omid.id],
    });
    expect(posted.json().mentions).toEqual([{ userId: omid.id, name: 'omid' }]);
    const queue = (await as(omid)('GET', '/api/v1/tickets?queue=mentions')).json().data;
    expect(queue.map((q: { id: string; unseenMentions: number }) => [q.id, q.unseenMentions])).toEqual([[tk.id, 1]]);
    expect((await as(sara)('GET', '/api/v1/tickets?queue=mentions')).json().data).toHaveLength(0);
    await as(omid)('GET', `/api/v1/tickets/${tk.id}/messages`);
    expect((await as(omid)('GET', '/api/v1/tickets?queue=mentions')).json().data[0].unseenMentions).toBe(0);
  });
});

describe('canned replies', () => {
  it('refuses an unknown variable when saved, and fills one in for a ticket in the customer’s language', async () => {
    const bad = await api('POST', '/api/v1/canned-replies', {
      texts: { en: { title: 'Late', body: 'Hi {{customer.name}}' }, fa: { title: 'تأخیر', body: 'سلام {{customer.nmae}}' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'unknown_template_variable', field: 'texts.fa.body' });
    expect((await api('GET', '/api/v1/canned-replies')).json().data).toHaveLength(0);

    const saved = await api('POST', '/api/v1/canned-replies', {
      texts: {
        en: {
          title: 'Late order',
          body: 'Hi {{customer.name}}, order {{order.id}} (request {{ticket.number}}) is on its way. {{agent.name}}',
        },
        fa: {
          title: 'تأخیر سفارش',
          body: '{{customer.name}} عزیز، سفارش {{order.id}} (درخواست {{ticket.number}}) در راه است. {{agent.name}}',
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    await api('POST', '/api/v1/orders', {
      customer: { externalId: 'reza', email: 'reza@example.com', name: 'رضا', locale: 'fa' },
      externalId: 'A-1',
      amount: 10,
      currency: 'usd',
    });
    await api('POST', '/api/v1/orders', {
      customer: { externalId: 'reza' },
      externalId: 'A-2',
      amount: 20,
      currency: 'usd',
      placedAt: new Date().toISOString(),
    });
    const reza = await customer({ externalId: 'reza' });
    const tk = await ticket({ subject: 'کجاست؟', customerId: reza });
    const filled = await as(sara)('POST', `/api/v1/canned-replies/${saved.json().id}/render`, { ticketId: tk.id });
    expect(filled.json()).toEqual({ language: 'fa', body: `رضا عزیز، سفارش A-2 (درخواست ${tk.number}) در راه است. sara` });
    const john = await customer({ externalId: 'john', name: 'John', locale: 'zh' });
    const other = await ticket({ subject: 'Where?', customerId: john });
    // No Chinese text: the workspace's language (English).
    expect((await api('POST', `/api/v1/canned-replies/${saved.json().id}/render`, { ticketId: other.id })).json()).toEqual({
      language: 'en',
      body: `Hi John, order  (request ${other.number}) is on its way. Owner`,
    });
  });
});
