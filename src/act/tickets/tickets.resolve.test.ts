// Resolving a ticket: Feedloop records "ticket_resolved" for the customer itself, so the CSAT
// survey triggered by it reaches them (a real SMTP server on loopback); first-contact resolution
// per ticket and per agent.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { addMember } from '../../platform/testing/members.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { type MailCatcher, startMailCatcher } from '../../platform/testing/mail-catcher.js';

let t: TestApp;
let owner: string;
let agent: { cookie: string; id: string };
let smtp: MailCatcher;

type Method = 'GET' | 'POST' | 'PATCH';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const api = (method: Method, url: string, payload?: object) => call(owner, method, url, payload);
const mailTo = (address: string) => smtp.to(address);

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Acme <help@acme.test>' });
  ({ cookie: owner } = await setupOwner(t));
  const [workspace] = await t.database.db.select().from(workspaces);
  agent = await addMember(t, workspace.id, 'sara@example.com', 'agent');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('resolving a ticket', () => {
  it('sends the CSAT survey listening for ticket_resolved to the ticket’s customer', async () => {
    const survey = (await api('POST', '/api/v1/surveys', { template: 'csat_after_ticket' })).json();
    expect((await api('POST', `/api/v1/surveys/${survey.id}/publish`, {})).statusCode).toBe(200);
    expect((await api('POST', `/api/v1/surveys/${survey.id}/triggers`, { eventName: 'ticket_resolved' })).statusCode).toBe(201);
    const customerId = (
      await api('POST', '/api/v1/customers/identify', { externalId: 'l', email: 'leila@example.com', name: 'لیلا', locale: 'fa' })
    ).json().id;
    const ticket = (await api('POST', '/api/v1/tickets', { subject: 'Broken zipper', customerId })).json();
    await api('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'pending' });
    await t.drainJobs();
    expect(mailTo('leila@example.com')).toHaveLength(0);

    expect((await api('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved' })).statusCode).toBe(200);
    await t.drainJobs();
    const [mail] = mailTo('leila@example.com');
    expect(mail).toBeDefined();
    expect(mail.html).toContain('dir="rtl"');
    const sends = (await api('GET', `/api/v1/surveys/${survey.id}/sends`)).json().data;
    expect(sends).toMatchObject([{ email: 'leila@example.com', status: 'sent' }]);
    // The event is in the customer's history like any other.
    const timeline = (await api('GET', `/api/v1/customers/${customerId}/timeline`)).json().data;
    expect(timeline.some((e: { kind: string; name?: string }) => e.kind === 'event' && e.name === 'ticket_resolved')).toBe(true);
  });

  it('counts first-contact resolution per ticket and per agent', async () => {
    const customerId = (await api('POST', '/api/v1/customers/identify', { externalId: 'k', email: 'kai@example.com' })).json().id;
    const open = async (subject: string) =>
      (await api('POST', '/api/v1/tickets', { subject, customerId, assigneeId: agent.id })).json().id as string;
    const reply = (id: string) => call(agent.cookie, 'POST', `/api/v1/tickets/${id}/messages`, { kind: 'reply', body: 'Done.' });
    const status = async (id: string, next: string) =>
      (await call(agent.cookie, 'PATCH', `/api/v1/tickets/${id}`, { status: next })).json();

    const once = await open('one reply');
    await reply(once);
    expect((await status(once, 'resolved')).firstContactResolution).toBe(true);

    const twice = await open('two replies');
    await reply(twice);
    await reply(twice);
    expect((await status(twice, 'resolved')).firstContactResolution).toBe(false);

    const reopened = await open('reopened');
    await reply(reopened);
    await status(reopened, 'resolved');
    await status(reopened, 'open');
    expect((await status(reopened, 'closed')).firstContactResolution).toBe(false);

    const stats = (await api('GET', '/api/v1/tickets/stats/agents')).json().data;
    expect(stats).toEqual([{ userId: agent.id, name: 'sara', resolved: 3, firstContact: 1, rate: 1 / 3 }]);
  });
});
