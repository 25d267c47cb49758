// Surveys end to end through the API and the server-rendered link page, on PGlite or PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { bearer, type TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { hiddenFields, postForm } from '../../platform/testing/survey-forms.js';
import { signLink } from './survey-links.js';
import { SURVEY_LIMITS } from './limits.js';

let t: TestApp;
let signedIn: SignedInApp;
let key: string;

const SCOPES = ['feedback:read', 'feedback:write', 'customers:read', 'customers:write', 'surveys:read', 'surveys:manage'];
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, k = key) => signedIn.api(method, url, payload, bearer(k));
const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

const submit = (action: string, fields: Record<string, string | string[]>) => postForm(t, action, fields);

async function liveSurvey(payload: object) {
  const created = await api('POST', '/api/v1/surveys', payload);
  expect(created.statusCode, created.body).toBe(201);
  const published = await api('POST', `/api/v1/surveys/${created.json().id}/publish`);
  expect(published.json().status).toBe('live');
  return published.json() as { id: string; linkPath: string; url: string; definition: { questions: Array<{ id: string }> } };
}

beforeAll(async () => {
  signedIn = await signedInApp({ scopes: SCOPES });
  ({ t, key } = signedIn);
});
afterAll(() => t.close());

describe('survey API', () => {
  it('creates a survey from each template in all four languages', async () => {
    const templates = (await api('GET', '/api/v1/survey-templates')).json().data as Array<{ key: string; name: Record<string, string> }>;
    expect(templates.map((x) => x.key)).toEqual(
      expect.arrayContaining([
        'overall_satisfaction',
        'product_usage',
        'customer_service',
        'purchase_experience',
        'product_performance',
        'improvement_ideas',
        'competitor_comparison',
        'brand_perception',
        'loyalty',
        'nps',
        'csat_after_ticket',
        'ces',
      ]),
    );
    for (const template of templates) {
      expect(Object.keys(template.name).sort()).toEqual(['ar', 'en', 'fa', 'zh']);
      const res = await api('POST', '/api/v1/surveys', { template: template.key });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().definition.languages).toEqual(['en', 'fa', 'ar', 'zh']);
      expect(res.json().status).toBe('draft');
    }
  });

  it('refuses a bad definition with a 400 naming the field', async () => {
    const bad = async (definition: object) => {
      const res = await api('POST', '/api/v1/surveys', { name: 'x', definition });
      expect(res.statusCode).toBe(400);
      return res.json().error.field as string;
    };
    const q = { id: 'nps', type: 'nps', title: { en: 'Recommend us?' } };
    expect(await bad({ languages: ['en'], defaultLanguage: 'fa', questions: [q] })).toBe('definition.defaultLanguage');
    expect(await bad({ languages: ['en', 'fa'], defaultLanguage: 'fa', questions: [q] })).toBe('definition.questions.0.title');
    expect(
      await bad({
        languages: ['en'],
        defaultLanguage: 'en',
        questions: [q, { id: 'why', type: 'text', title: { en: 'Why?' }, showIf: { question: 'later', max: 6 } }],
      }),
    ).toBe('definition.questions.1.showIf.question');
    expect(await bad({ languages: ['en'], defaultLanguage: 'en', questions: [{ ...q, type: 'single' }] })).toBe(
      'definition.questions.0.options',
    );
    expect((await api('POST', '/api/v1/surveys', { name: 'x', template: 'nps', workspaceId: 'x' })).json().error.field).toBe('workspaceId');
  });
});

describe('link page', () => {
  it('walks an NPS survey in Persian: RTL, Persian digits, follow-up by score, one feedback item, results', async () => {
    const s = await liveSurvey({ template: 'nps' });
    const start = await page(`${s.linkPath}?lang=fa`);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('<html lang="fa" dir="rtl">');
    expect(start.body).toContain('<span>۱۰</span>');
    expect(start.headers['content-security-policy']).toContain("default-src 'none'");
    const fields = hiddenFields(start.body);
    // Persian digits are accepted as the score.
    const first = await submit(`${s.linkPath}/answer`, { ...fields, a_nps: '۳' });
    expect(first.statusCode).toBe(303);
    const resumeUrl = first.headers.location as string;
    const followUp = await page(resumeUrl);
    expect(followUp.body).toContain('name="a_detractor_reason"');
    expect(followUp.body).not.toContain('a_promoter_reason');
    const done = await submit(`${s.linkPath}/answer`, {
      ...hiddenFields(followUp.body),
      a_detractor_reason: 'ارسال خیلی دیر بود <script>alert(1)</script>',
    });
    expect(done.statusCode).toBe(303);
    const thanks = await page(done.headers.location as string);
    expect(thanks.body).toContain('سپاسگزاریم');

    const items = (await api('GET', '/api/v1/feedback?channel=survey')).json().data as Array<{
      nps: number;
      text: string;
      links: { surveyResponseId: string };
    }>;
    const mine = items.filter((i) => i.text.startsWith('ارسال'));
    expect(mine).toHaveLength(1);
    expect(mine[0].nps).toBe(3);
    await t.drainJobs();
    const results = (await api('GET', `/api/v1/surveys/${s.id}/results`)).json();
    expect(results.responses).toMatchObject({ started: 1, completed: 1, completionRate: 100 });
    expect(results.questions[0].nps).toMatchObject({ n: 1, nps: -100, detractors: 1 });
    expect(results.openText.latest[0]).toMatchObject({ questionId: 'nps', nps: 3, language: 'fa' });
    expect(results.openText.latest[0].sentiment).toBeTruthy();
  });

  it('keeps partial responses, refuses out-of-range scores and huge answers, and treats a double submit as one', async () => {
    const s = await liveSurvey({ template: 'overall_satisfaction', languages: ['en'] });
    const fields = hiddenFields((await page(s.linkPath)).body);
    const outOfRange = await submit(`${s.linkPath}/answer`, { ...fields, a_satisfaction: '6' });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.body).toContain('please choose a score from 1 to 5.');
    const [a, b] = await Promise.all([
      submit(`${s.linkPath}/answer`, { ...fields, a_satisfaction: '5' }),
      submit(`${s.linkPath}/answer`, { ...fields, a_satisfaction: '5' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    const next = await page(a.headers.location as string);
    const huge = await submit(`${s.linkPath}/answer`, { ...hiddenFields(next.body), a_comment: 'x'.repeat(6000) });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('the answer can be at most 5000 characters long.');
    const results = (await api('GET', `/api/v1/surveys/${s.id}/results`)).json();
    expect(results.responses).toMatchObject({ started: 1, completed: 0, partial: 1 });
    expect(results.questions[0].csat).toMatchObject({ n: 1, csat: 100 });
  });

  it('saves first answers arriving together as one response, answer and feedback item each, double submits included', async () => {
    const s = await liveSurvey({ template: 'nps', languages: ['en'] });
    const fields = hiddenFields((await page(s.linkPath)).body);
    const nonces = Array.from({ length: 12 }, (_, i) => `together${String(i).padStart(10, '0')}`);
    const sent = [...nonces, nonces[0], nonces[5]];
    const res = await Promise.all(
      sent.map((n) => submit(`${s.linkPath}/answer`, { ...fields, _n: n, a_nps: String(nonces.indexOf(n) % 11) })),
    );
    expect(res.map((r) => r.statusCode)).toEqual(sent.map(() => 303));
    expect(res[12].headers.location).toBe(res[0].headers.location);
    expect(res[13].headers.location).toBe(res[5].headers.location);
    const { sql } = await import('drizzle-orm');
    const [counts] = await t.database.rows<{ responses: number; answers: number; items: number; linked: number; total: number }>(sql`
      select (select count(*)::int from survey_responses where survey_id = ${s.id}) as responses,
             (select count(*)::int from survey_answers where survey_id = ${s.id}) as answers,
             (select count(*)::int from survey_answers where survey_id = ${s.id} and feedback_item_id is not null) as linked,
             (select count(*)::int from feedback_items where metadata->>'survey_id' = ${s.id}) as items,
             (select sum(nps)::int from feedback_items where metadata->>'survey_id' = ${s.id}) as total`);
    expect(counts).toEqual({ responses: 12, answers: 12, linked: 12, items: 12, total: 55 });
    // Surveys looked up together by token: each page gets its own survey, an unknown token none.
    const other = await liveSurvey({ template: 'ces', languages: ['en'] });
    const pages = await Promise.all([s.linkPath, other.linkPath, '/s/NoSuchSurveyToken000', s.linkPath].map((path) => page(path)));
    expect(pages.map((p) => p.statusCode)).toEqual([200, 200, 404, 200]);
    expect(hiddenFields(pages[0].body)._q).toBe(fields._q);
    expect(hiddenFields(pages[1].body)._q).not.toBe(fields._q);
  });

  it('picks the language from ?lang=, the browser, or falls back with a notice; rejects a malformed one', async () => {
    const s = await liveSurvey({ template: 'ces', languages: ['en', 'ar', 'zh'] });
    expect((await page(s.linkPath, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' })).body).toContain('<html lang="zh" dir="ltr">');
    const arabic = await page(`${s.linkPath}?lang=ar`);
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain('<span>٧</span>');
    const fallback = await page(`${s.linkPath}?lang=fa`);
    expect(fallback.body).toContain('<html lang="en"');
    expect(fallback.body).toContain('class="notice"');
    expect((await page(`${s.linkPath}?lang=%3Cscript%3E`)).statusCode).toBe(400);
  });

  it('attaches personal links to the customer, resumes them, and refuses forged or expired ones', async () => {
    const s = await liveSurvey({ template: 'nps', languages: ['en'] });
    const customer = (
      await api('POST', '/api/v1/customers/identify', { externalId: 'cust-1', email: 'a@example.com', locale: 'en' })
    ).json();
    const link = (await api('POST', `/api/v1/surveys/${s.id}/links`, { customerId: customer.id })).json();
    const path = new URL(link.url).pathname + new URL(link.url).search;
    const started = await submit(`${s.linkPath}/answer`, { ...hiddenFields((await page(path)).body), a_nps: '10' });
    expect(started.statusCode).toBe(303);
    const again = await page(path);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(started.headers.location);
    const items = (await api('GET', `/api/v1/feedback?customer_id=${customer.id}`)).json().data;
    expect(items).toHaveLength(1);
    expect(items[0].nps).toBe(10);

    const token = new URL(link.url).searchParams.get('c')!;
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await page(`${s.linkPath}?c=${forged}`)).statusCode).toBe(403);
    const [{ signing_key: signingKey }] = await t.database.rows<{ signing_key: string }>(
      (await import('drizzle-orm')).sql`select signing_key from surveys where id = ${s.id}`,
    );
    const expired = signLink(signingKey, { k: 'p', c: customer.id, x: Math.floor(Date.now() / 1000) - 10 });
    expect((await page(`${s.linkPath}?c=${expired}`)).statusCode).toBe(410);
    // A valid unsubscribe token is not a survey link.
    expect((await page(`${s.linkPath}?c=${signLink(signingKey, { k: 'u', c: customer.id })}`)).statusCode).toBe(403);
  });

  it('a personal link of a customer merged since answers for the customer it joined', async () => {
    const s = await liveSurvey({ template: 'nps', languages: ['en'] });
    const source = (await api('POST', '/api/v1/customers/identify', { externalId: 'merged-away' })).json();
    const target = (await api('POST', '/api/v1/customers/identify', { externalId: 'kept' })).json();
    const link = new URL((await api('POST', `/api/v1/surveys/${s.id}/links`, { customerId: source.id })).json().url);
    expect((await api('POST', '/api/v1/customers/merge', { targetId: target.id, sourceId: source.id })).statusCode).toBe(200);
    const answered = await submit(`${s.linkPath}/answer`, { ...hiddenFields((await page(link.pathname + link.search)).body), a_nps: '8' });
    expect(answered.statusCode).toBe(303);
    expect((await api('GET', `/api/v1/feedback?customer_id=${target.id}`)).json().data.map((i: { nps: number }) => i.nps)).toEqual([8]);
  });

  it('keeps answered versions intact when a live survey is edited, and refuses answers once closed', async () => {
    const s = await liveSurvey({ template: 'loyalty', languages: ['en'] });
    const first = await submit(`${s.linkPath}/answer`, { ...hiddenFields((await page(s.linkPath)).body), a_buy_again: 'yes' });
    const definition = (await api('GET', `/api/v1/surveys/${s.id}`)).json().definition;
    definition.questions[1] = { id: 'reason', type: 'text', title: { en: 'Why?' } };
    const edited = await api('PATCH', `/api/v1/surveys/${s.id}`, { definition });
    expect(edited.json().version).toBe(2);
    const resumed = await page(first.headers.location as string);
    expect(resumed.body).toContain('name="a_keep_you"'); // the version this respondent started
    expect((await page(s.linkPath)).body).toContain('name="a_buy_again"');
    await api('POST', `/api/v1/surveys/${s.id}/close`);
    const closed = await submit(`${s.linkPath}/answer`, { ...hiddenFields(resumed.body), a_keep_you: 'late' });
    expect(closed.statusCode).toBe(409);
    expect((await page(s.linkPath)).statusCode).toBe(409);
  });

  it('shows every question on one page when asked, then the follow-ups the answers call for', async () => {
    const s = await liveSurvey({
      name: 'One page',
      definition: {
        languages: ['en'],
        defaultLanguage: 'en',
        display: 'all_on_one_page',
        hiddenFields: ['plan'],
        questions: [
          { id: 'stars', type: 'rating', required: true, title: { en: 'Rate us' } },
          { id: 'low', type: 'text', title: { en: 'What went wrong?' }, showIf: { question: 'stars', max: 2 } },
          {
            id: 'channels',
            type: 'multiple',
            title: { en: 'Where did you hear of us?' },
            options: [
              { id: 'friend', label: { en: 'A friend' } },
              { id: 'ad', label: { en: 'An ad' } },
            ],
          },
          {
            id: 'again',
            type: 'yes_no',
            title: { en: 'Would you buy again?' },
            logic: [{ if: { question: 'again', anyOf: [false] }, goTo: 'end' }],
          },
          { id: 'why', type: 'text', title: { en: 'Why?' } },
        ],
      },
    });
    const first = await page(`${s.linkPath}?plan=pro`);
    for (const name of ['a_stars', 'a_channels', 'a_again', 'a_why']) expect(first.body).toContain(`name="${name}"`);
    expect(first.body).not.toContain('name="a_low"');
    const sent = await submit(`${s.linkPath}/answer`, {
      ...hiddenFields(first.body),
      a_stars: '٢',
      a_channels: ['friend', 'ad'],
      a_again: 'no',
    });
    expect(sent.statusCode).toBe(303);
    const next = await page(sent.headers.location as string);
    expect(next.body).toContain('name="a_low"');
    const done = await submit(`${s.linkPath}/answer`, { ...hiddenFields(next.body), a_low: 'Broken on arrival' });
    expect((await page(done.headers.location as string)).body).toContain('Thank you');
    const results = (await api('GET', `/api/v1/surveys/${s.id}/results`)).json();
    expect(results.responses.completed).toBe(1);
    expect(results.questions.find((q: { id: string }) => q.id === 'channels').distribution).toEqual({ friend: 1, ad: 1 });
    expect(results.questions.find((q: { id: string }) => q.id === 'again').distribution).toEqual({ false: 1 });
    const item = (await api('GET', '/api/v1/feedback?channel=survey&limit=200'))
      .json()
      .data.find((f: { text: string }) => f.text === 'Broken on arrival');
    expect(item).toMatchObject({ rating: 2, metadata: { question_id: 'stars', hidden: { plan: 'pro' } } });
  });

  it('limits form posts per IP with 429 + Retry-After, and a spoofed X-Forwarded-For does not reset it', async () => {
    const s = await liveSurvey({ template: 'ces', languages: ['en'] });
    let limited: Awaited<ReturnType<typeof submit>> | null = null;
    for (let i = 0; i < SURVEY_LIMITS.submitsPerMinute + 5 && !limited; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${s.linkPath}/answer`,
        remoteAddress: '198.51.100.9',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i % 250}` },
        payload: 'a_ces=5',
      });
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.headers['retry-after']).toBeTruthy();
    expect(limited?.headers['content-type']).toContain('text/html');
    // Another address is not affected.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `${s.linkPath}/answer`,
          remoteAddress: '198.51.100.10',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'a_ces=5',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('escapes survey texts and hidden fields, and never shows another workspace a survey', async () => {
    const s = await liveSurvey({
      name: '<img src=x onerror=alert(1)>',
      definition: {
        languages: ['en'],
        defaultLanguage: 'en',
        hiddenFields: ['plan'],
        questions: [{ id: 'q', type: 'text', required: true, title: { en: '<script>alert(2)</script>' } }],
      },
    });
    const body = (await page(`${s.linkPath}?plan=%22%3E%3Cscript%3Ealert(3)%3C/script%3E`)).body;
    expect(body).not.toMatch(/<script>alert|<img src=x/);
    expect(body).toContain('&lt;script&gt;alert(2)');
    const { key: other } = await signedIn.otherWorkspace(SCOPES);
    expect((await api('GET', `/api/v1/surveys/${s.id}`, undefined, other)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/surveys/${s.id}/results`, undefined, other)).statusCode).toBe(404);
  });
});
