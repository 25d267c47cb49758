// Sending a survey to a segment or a pasted list (a dry run first, unusable entries reported by
// line), the email previewed per language, sends with their progress and response rate, and
// personal links in bulk. On PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { SURVEY_LIMITS } from './limits.js';

let t: TestApp;
let call: SignedInApp['api'];
let surveyId: string;
let linkPath: string;
const ids: Record<string, string> = {};

const api = (method: 'GET' | 'POST', url: string, payload?: object) => call(method, url, payload);
const identify = async (name: string, input: object) => {
  const res = await api('POST', '/api/v1/customers/identify', input);
  expect(res.statusCode, res.body).toBeLessThan(300);
  ids[name] = res.json().customer?.id ?? res.json().id;
};

// Commas, Persian digits, a display name around an address, an alias left by a merge, repeats.
const LIST = [
  'u-1',
  'ALI@example.com, ۰۰۹۸۹۱۲۱۲۳۴۵۶۷',
  'not-an-email@',
  'nobody@example.com',
  '+971 50 123 4567',
  'sara.old@example.com',
  'u-1',
  'Opted Out <opted@example.com>',
].join('\n');

beforeAll(async () => {
  ({ t, api: call } = await signedInApp({ scopes: ['customers:read', 'customers:write', 'surveys:read', 'surveys:manage'] }));
  await identify('sara', { externalId: 'u-1', email: 'sara@example.com', locale: 'fa', attributes: { plan: 'pro' } });
  await identify('ali', { email: 'ali@example.com', phone: '+989121234567', locale: 'en', attributes: { plan: 'pro' } });
  await identify('noEmail', { phone: '+971501234567' });
  await identify('opted', { email: 'opted@example.com' });
  await identify('old', { email: 'sara.old@example.com' });
  expect((await api('POST', '/api/v1/customers/merge', { targetId: ids.sara, sourceId: ids.old })).statusCode).toBe(200);
  await t.database.rows(
    sql`insert into survey_opt_outs (workspace_id, customer_id) select workspace_id, id from customers where id = ${ids.opted}`,
  );
  const created = await api('POST', '/api/v1/surveys', { template: 'nps', languages: ['en', 'fa'] });
  surveyId = created.json().id;
  linkPath = created.json().linkPath;
});
afterAll(() => t.close());

describe('sending to a pasted list', () => {
  it('previews who gets the email, in which language, who is skipped, and every unusable entry by line, sending nothing', async () => {
    const preview = await api('POST', `/api/v1/surveys/${surveyId}/send/preview`, { list: LIST });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      status: 'draft',
      recipients: 4,
      willSend: 2,
      languages: { fa: 1, en: 1 },
      skipped: { no_email: 1, opted_out: 1 },
      list: {
        entries: 9,
        problems: [
          { line: 2, value: '۰۰۹۸۹۱۲۱۲۳۴۵۶۷', problem: 'duplicate', sameAsLine: 2 },
          { line: 3, value: 'not-an-email@', problem: 'invalid_email' },
          { line: 4, value: 'nobody@example.com', problem: 'not_found' },
          { line: 6, value: 'sara.old@example.com', problem: 'duplicate', sameAsLine: 1 },
          { line: 7, value: 'u-1', problem: 'duplicate', sameAsLine: 1 },
        ],
      },
    });
    const [{ n }] = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from survey_sends`);
    expect(n).toBe(0);
    // A draft cannot be sent yet.
    expect((await api('POST', `/api/v1/surveys/${surveyId}/send`, { list: LIST })).statusCode).toBe(409);
  });

  it('sends to the usable entries and shows the progress and the response rate', async () => {
    await api('POST', `/api/v1/surveys/${surveyId}/publish`);
    const sent = await api('POST', `/api/v1/surveys/${surveyId}/send`, { list: LIST });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ queued: 2, list: { entries: 9 } });
    expect(sent.json().skipped).toEqual(
      expect.arrayContaining([
        { customerId: ids.noEmail, reason: 'no_email' },
        { customerId: ids.opted, reason: 'opted_out' },
      ]),
    );
    const queued = (await api('GET', `/api/v1/surveys/${surveyId}/sends`)).json();
    expect(queued.summary).toMatchObject({ total: 2, queued: 2, sent: 0, responseRate: null });
    await t.drainJobs();
    const sends = (await api('GET', `/api/v1/surveys/${surveyId}/sends`)).json();
    expect(sends.data.map((s: { email: string; language: string }) => `${s.email} ${s.language}`).sort()).toEqual([
      'ali@example.com en',
      'sara@example.com fa',
    ]);
    expect(sends.summary).toEqual({
      total: 2,
      queued: 0,
      sent: 2,
      bounced: 0,
      failed: 0,
      skipped: 0,
      responses: 0,
      completed: 0,
      responseRate: 0,
      bounceRate: 0,
    });
  });

  it('refuses a list that names nobody, two audiences at once, or too many entries, naming the field', async () => {
    const bad = async (body: object, status = 400) => {
      const res = await api('POST', `/api/v1/surveys/${surveyId}/send`, body);
      expect(res.statusCode, res.body).toBe(status);
      return res.json().error.field as string;
    };
    expect(await bad({ list: 'nobody@example.com\nstranger' })).toBe('list');
    expect(await bad({ list: 'u-1', customerIds: [ids.sara] })).toBe('customerIds');
    expect(await bad({})).toBe('customerIds');
    expect(await bad({ list: Array.from({ length: SURVEY_LIMITS.maxListEntries + 1 }, (_, i) => `x${i}`).join('\n') })).toBe('list');
    expect(await bad({ segmentId: '00000000-0000-4000-8000-000000000000' }, 404)).toBe('segmentId');
  });
});

describe('sending to a saved segment', () => {
  it('counts the segment and honours the workspace throttle unless told not to', async () => {
    const segment = await api('POST', '/api/v1/segments', {
      name: 'Pro',
      definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] },
    });
    expect(segment.statusCode, segment.body).toBe(201);
    const segmentId = segment.json().id;
    // Both were emailed above: the 30-day throttle skips them.
    const throttled = (await api('POST', `/api/v1/surveys/${surveyId}/send/preview`, { segmentId })).json();
    expect(throttled).toMatchObject({ recipients: 2, willSend: 0, skipped: { throttled: 2 }, segment: { id: segmentId, name: 'Pro' } });
    const anyway = (await api('POST', `/api/v1/surveys/${surveyId}/send/preview`, { segmentId, respectThrottle: false })).json();
    expect(anyway).toMatchObject({ recipients: 2, willSend: 2, languages: { fa: 1, en: 1 } });
    const sent = await api('POST', `/api/v1/surveys/${surveyId}/send`, { segmentId, respectThrottle: false });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ queued: 2, skipped: [], segment: { name: 'Pro' } });
  });
});

describe('the email preview', () => {
  it('renders the email in each language with links that answer nothing', async () => {
    const fa = await api('GET', `/api/v1/surveys/${surveyId}/email-preview?lang=fa`);
    expect(fa.statusCode, fa.body).toBe(200);
    expect(fa.json()).toMatchObject({ language: 'fa', subject: 'Main: چقدر احتمال دارد ما را به دوست یا همکارتان پیشنهاد کنید؟' });
    expect(fa.json().html).toContain('dir="rtl"');
    expect(fa.json().text).toContain('۱۰: ');
    const en = (await api('GET', `/api/v1/surveys/${surveyId}/email-preview?lang=en`)).json();
    expect(en.subject).toBe('Main: How likely are you to recommend us to a friend or colleague?');
    // A score link of the preview is signed for nobody.
    const link = /href="http:\/\/localhost:\d+(\/s\/[^"]+\/e\/[^"?]+)/.exec(en.html)![1];
    expect(link).toContain(linkPath);
    expect((await t.app.inject({ method: 'GET', url: link })).statusCode).toBe(403);

    const page = await api('GET', `/api/v1/surveys/${surveyId}/email-preview/html?lang=fa`);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="fa" dir="rtl">');
    expect((await api('GET', `/api/v1/surveys/${surveyId}/email-preview?lang=de`)).json().error.field).toBe('lang');
  });
});

describe('personal links in bulk', () => {
  it('makes one signed link per customer of a pasted list, with who it is for', async () => {
    const res = await api('POST', `/api/v1/surveys/${surveyId}/links/bulk`, { list: 'u-1\nali@example.com\nnobody@example.com' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(
      body.links.map((l: { customerId: string; line: number; value: string; email: string | null }) => [
        l.customerId,
        l.line,
        l.value,
        l.email,
      ]),
    ).toEqual([
      [ids.sara, 1, 'u-1', 'sara@example.com'],
      [ids.ali, 2, 'ali@example.com', 'ali@example.com'],
    ]);
    expect(body.list.problems).toEqual([{ line: 3, value: 'nobody@example.com', problem: 'not_found' }]);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    const url = new URL(body.links[0].url);
    const opened = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('name="_c"');

    const byId = await api('POST', `/api/v1/surveys/${surveyId}/links/bulk`, { customerIds: [ids.ali] });
    expect(byId.json().links).toHaveLength(1);
    const foreign = await api('POST', `/api/v1/surveys/${surveyId}/links/bulk`, { customerIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.field).toBe('customerIds');
  });
});
