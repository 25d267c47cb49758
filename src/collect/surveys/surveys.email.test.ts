// Email surveys against a real SMTP server on loopback (smtp-server), parsed with mailparser.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { hiddenFields, postForm as postFormTo } from '../../platform/testing/survey-forms.js';

const PUBLIC_URL = 'https://feedback.example.com';
let t: TestApp;
let call: SignedInApp['api'];
let smtp: SMTPServer;
const inbox: ParsedMail[] = [];

const api = (method: 'GET' | 'POST', url: string, payload?: object) => call(method, url, payload);
const localPath = (url: string) => url.replace(PUBLIC_URL, '');
const postForm = (url: string, fields: Record<string, string>) => postFormTo(t, url, fields);
/** A header as sent (mailparser turns some, like List-*, into objects). */
const rawHeader = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
const mailTo = (address: string) => inbox.find((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text === address);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  ({ t, api: call } = await signedInApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`, PUBLIC_URL, MAIL_FROM: 'Acme <surveys@acme.test>' },
    setup: { workspaceName: 'Acme <Shop>' },
    scopes: ['customers:write', 'customers:read', 'feedback:read', 'surveys:read', 'surveys:manage'],
  }));
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('email surveys', () => {
  it("sends in each customer's language, records bounces, answers by one click, throttles and unsubscribes", async () => {
    const customer = async (body: object) => (await api('POST', '/api/v1/customers/identify', body)).json().id as string;
    const fa = await customer({ externalId: 'fa', email: 'maryam@example.com', locale: 'fa' });
    const en = await customer({ externalId: 'en', email: 'john@example.com', locale: 'en' });
    const bounce = await customer({ externalId: 'b', email: 'bounce@example.com' });
    const noEmail = await customer({ externalId: 'p', phone: '+989121234567' });
    const survey = (await api('POST', '/api/v1/surveys', { template: 'nps' })).json();
    expect((await api('POST', `/api/v1/surveys/${survey.id}/send`, { customerIds: [fa] })).statusCode).toBe(409); // still a draft
    await api('POST', `/api/v1/surveys/${survey.id}/publish`);

    const sent = await api('POST', `/api/v1/surveys/${survey.id}/send`, { customerIds: [fa, en, bounce, noEmail] });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ queued: 3, skipped: [{ customerId: noEmail, reason: 'no_email' }] });
    await t.drainJobs();
    expect(inbox).toHaveLength(2);

    const persian = mailTo('maryam@example.com')!;
    expect(persian.html).toContain('dir="rtl"');
    expect(persian.html).toContain('lang="fa"');
    expect(persian.html).toContain('۱۰');
    expect(persian.html).toContain('Acme &lt;Shop&gt;'); // workspace name escaped
    expect(persian.text).toContain('چقدر احتمال دارد');
    expect(rawHeader(persian, 'list-unsubscribe')).toMatch(/^<https:\/\/feedback\.example\.com\/u\//);
    expect(rawHeader(persian, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const sends = (await api('GET', `/api/v1/surveys/${survey.id}/sends`)).json().data as Array<{
      id: string;
      customerId: string;
      status: string;
      reason: string | null;
    }>;
    expect(persian.messageId).toBe(`<${sends.find((s) => s.customerId === fa)!.id}@feedloop>`);
    expect(sends.find((s) => s.customerId === bounce)).toMatchObject({ status: 'bounced', reason: expect.stringContaining('550') });
    expect(sends.filter((s) => s.status === 'sent')).toHaveLength(2);
    expect(mailTo('john@example.com')!.html).toContain('dir="ltr"');

    // One click on "9": the page pre-selects it and submits it by POST.
    const nine = [...persian.html!.matchAll(/href="([^"]+\/e\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))[9];
    const landing = await t.app.inject({ method: 'GET', url: localPath(nine) });
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('value="9" checked');
    expect(landing.body).toContain('/s/assets/one-click.js');
    const recorded = await postForm(`/s/${survey.linkPath.split('/')[2]}/answer`, { ...hiddenFields(landing.body), a_nps: '9' });
    expect(recorded.statusCode).toBe(303);
    const followUp = await t.app.inject({ method: 'GET', url: recorded.headers.location as string });
    expect(followUp.body).toContain('name="a_promoter_reason"');
    expect(followUp.body).toContain('dir="rtl"');
    // Clicking again before finishing reaches the same response; after finishing it is refused clearly.
    const again = await postForm(`/s/${survey.linkPath.split('/')[2]}/answer`, { ...hiddenFields(landing.body), a_nps: '9' });
    expect(again.headers.location).toBe(recorded.headers.location);
    await postForm(`/s/${survey.linkPath.split('/')[2]}/answer`, { ...hiddenFields(followUp.body), a_promoter_reason: 'پشتیبانی عالی' });
    const replay = await postForm(`/s/${survey.linkPath.split('/')[2]}/answer`, { ...hiddenFields(landing.body), a_nps: '2' });
    expect(replay.statusCode).toBe(409);
    expect(replay.body).toContain('پیش‌تر به این نظرسنجی پاسخ داده‌اید');
    const items = (await api('GET', `/api/v1/feedback?customer_id=${fa}`)).json().data;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ nps: 9, text: 'پشتیبانی عالی', channel: 'survey' });

    // A redelivered job (at-least-once queue) finds the send done and sends nothing.
    await t.database.rows(
      sql`insert into jobs (id, queue, payload, run_at, max_attempts) select gen_random_uuid(), 'send-survey-email', jsonb_build_object('workspaceId', workspace_id, 'sendId', id), now(), 3 from survey_sends where status = 'sent'`,
    );
    await t.drainJobs();
    expect(inbox).toHaveLength(2);

    // Throttle: nobody is surveyed twice within 30 days, across surveys.
    const second = (await api('POST', '/api/v1/surveys', { template: 'ces' })).json();
    await api('POST', `/api/v1/surveys/${second.id}/publish`);
    expect(
      (await api('POST', `/api/v1/surveys/${second.id}/send`, { customerIds: [fa, en] }))
        .json()
        .skipped.map((s: { reason: string }) => s.reason),
    ).toEqual(['throttled', 'throttled']);

    // RFC 8058 one-click unsubscribe, then even an unthrottled send skips the customer.
    const unsubscribe = localPath(rawHeader(mailTo('john@example.com')!, 'list-unsubscribe')!).replace(/^<|>$/g, '');
    expect((await t.app.inject({ method: 'GET', url: unsubscribe })).body).toContain('<form method="post"');
    expect((await postForm(unsubscribe, { 'List-Unsubscribe': 'One-Click' })).statusCode).toBe(200);
    const afterOptOut = (await api('POST', `/api/v1/surveys/${second.id}/send`, { customerIds: [en], respectThrottle: false })).json();
    expect(afterOptOut.skipped).toEqual([{ customerId: en, reason: 'opted_out' }]);

    const results = (await api('GET', `/api/v1/surveys/${survey.id}/results`)).json();
    expect(results.email).toMatchObject({ sent: 2, bounced: 1, responses: 1, responseRate: 50 });
    expect(results.questions[0].nps).toMatchObject({ n: 1, promoters: 1, nps: 100 });
  });
});
