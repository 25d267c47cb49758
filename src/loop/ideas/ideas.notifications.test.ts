// Closing the loop against a real SMTP server on loopback (smtp-server), parsed with mailparser.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from '../../platform/testing/test-app.js';
import { type MailCatcher, startMailCatcher } from '../../platform/testing/mail-catcher.js';

let t: TestApp;
let cookie: string;
let smtp: MailCatcher;

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const mailTo = (address: string) => smtp.to(address);

beforeAll(async () => {
  smtp = await startMailCatcher();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Acme <hello@acme.test>' });
  ({ cookie } = await setupOwner(t, { workspaceName: 'Acme <Shop>' }));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('closing the loop on an idea', () => {
  it('tells every customer behind the idea, once per status, in their language', async () => {
    const created = await api('POST', '/api/v1/feedback/bulk', {
      items: [
        {
          channel: 'widget',
          text: 'لطفاً حالت شب را اضافه کنید',
          customer: { externalId: 'fa', email: 'maryam@example.com', name: 'مریم', locale: 'fa' },
        },
        {
          channel: 'email',
          text: 'Dark mode, please',
          createdAt: '2026-10-01T10:00:00Z',
          customer: { externalId: 'en', email: 'john@example.com', name: 'John', locale: 'en' },
        },
        // Their latest words are quoted.
        {
          channel: 'email',
          text: 'Dark mode again <script>alert(1)</script>',
          createdAt: '2026-11-01T10:00:00Z',
          customer: { externalId: 'en', email: 'john@example.com' },
        },
        { channel: 'chat', text: '希望增加夜间模式', customer: { externalId: 'zh', phone: '+8613800138000', locale: 'zh' } },
        { channel: 'chat', text: 'no customer here' },
      ],
    });
    const ids = created.json().results.map((r: { id: string }) => r.id);
    const idea = (await api('POST', '/api/v1/ideas', { title: 'Dark mode <b>', feedbackIds: ids })).json();
    expect(idea.customerCount).toBe(3);

    const planned = (await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'planned' })).json();
    // Two customers with an email; the third has only a phone number.
    expect(planned.notified).toEqual({ queued: 2, skipped: 1 });
    await t.drainJobs();
    const [fa] = mailTo('maryam@example.com');
    expect(fa.subject).toBe('Acme <Shop>: خبری دربارهٔ «Dark mode <b>»');
    expect(fa.html).toContain('dir="rtl"');
    expect(fa.html).toContain('Dark mode &lt;b&gt;');
    expect(fa.text).toContain('مریم عزیز');
    expect(fa.text).toContain('اکنون در برنامهٔ کار ماست');
    expect(fa.text).toContain('لطفاً حالت شب را اضافه کنید');
    const [en] = mailTo('john@example.com');
    expect(en.subject).toBe('Acme <Shop>: an update on “Dark mode <b>”');
    expect(en.html).toContain('dir="ltr"');
    expect(en.html).not.toContain('<script>');
    expect(en.html).toContain('&lt;script&gt;');
    expect(en.text).toContain('It is now planned.');

    // The same status again, or a rename, tells nobody anything new.
    await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'in_progress', notifyCustomers: false });
    expect((await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'planned' })).json().notified).toEqual({ queued: 0, skipped: 0 });
    await api('PATCH', `/api/v1/ideas/${idea.id}`, { title: 'Dark mode' });
    await t.drainJobs();
    expect(smtp.inbox).toHaveLength(2);

    // "Done" is news: each of the two is told once more.
    expect((await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'done' })).json().notified).toEqual({ queued: 2, skipped: 1 });
    await t.drainJobs();
    expect(mailTo('john@example.com').map((m) => m.text?.includes('It is done'))).toEqual([false, true]);

    // The customer's timeline shows the messages.
    const john = (await api('GET', '/api/v1/customers?q=john@example.com')).json().data[0];
    const timeline = (await api('GET', `/api/v1/customers/${john.id}/timeline`)).json().data as Array<Record<string, unknown>>;
    const sent = timeline.filter((e) => e.kind === 'notification');
    expect(sent.map((e) => [e.purpose, e.ideaStatus, e.status])).toEqual([
      ['idea_status', 'done', 'sent'],
      ['idea_status', 'planned', 'sent'],
    ]);
    expect(sent[0]).toMatchObject({ ideaTitle: 'Dark mode', channel: 'email', language: 'en' });
  });

  it('skips a message whose news is stale by the time it is sent', async () => {
    const item = (
      await api('POST', '/api/v1/feedback', { channel: 'email', text: 'Export to Excel please', customer: { email: 'sam@example.com' } })
    ).json();
    const idea = (await api('POST', '/api/v1/ideas', { title: 'Excel export', feedbackIds: [item.id] })).json();
    expect((await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'planned' })).json().notified.queued).toBe(1);
    // Declined before the worker ran: only the newest news goes out.
    expect((await api('PATCH', `/api/v1/ideas/${idea.id}`, { status: 'declined' })).json().notified.queued).toBe(1);
    await t.drainJobs();
    const mails = mailTo('sam@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('decided not to do it');
  });
});
