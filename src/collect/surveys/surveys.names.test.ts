// Survey names per language: stored beside the fallback `name`, filled from a template's names,
// and shown in the respondent's language on the link page, in lists and results.
// On PGlite or PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { packageRoot } from '../../platform/paths.js';

let t: TestApp;
let call: SignedInApp['api'];
let cookie: string;

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => call(method, url, payload);
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];
const headingOf = (body: string) => /<h1>([^<]*)<\/h1>/.exec(body)?.[1];

beforeAll(async () => {
  ({
    t,
    api: call,
    owner: { cookie },
  } = await signedInApp({ scopes: ['surveys:read', 'surveys:manage'] }));
});
afterAll(() => t.close());

describe('survey names per language', () => {
  it('takes a template name in each survey language and shows the respondent theirs', async () => {
    const created = await api('POST', '/api/v1/surveys', { template: 'nps', languages: ['en', 'fa'], defaultLanguage: 'en' });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s.name).toBe('Net Promoter Score (NPS)');
    expect(s.names).toEqual({ en: 'Net Promoter Score (NPS)', fa: 'شاخص خالص مروجان (NPS)' });
    await api('POST', `/api/v1/surveys/${s.id}/publish`);

    const fa = await t.app.inject({ method: 'GET', url: `${s.linkPath}?lang=fa` });
    expect(titleOf(fa.body)).toBe('شاخص خالص مروجان (NPS)');
    expect(headingOf(fa.body)).toBe('شاخص خالص مروجان (NPS)');
    const en = await t.app.inject({ method: 'GET', url: `${s.linkPath}?lang=en` });
    expect(headingOf(en.body)).toBe('Net Promoter Score (NPS)');
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${s.id}/preview?lang=fa`, headers: { cookie } });
    expect(headingOf(preview.body)).toBe('شاخص خالص مروجان (NPS)');
  });

  it('stores names set per language, keeps `name` as the fallback, and lists and results carry both', async () => {
    const created = await api('POST', '/api/v1/surveys', {
      names: { fa: 'نظرسنجی ارسال', en: 'Delivery survey' },
      definition: {
        languages: ['fa', 'en', 'ar'],
        defaultLanguage: 'fa',
        questions: [{ id: 'csat', type: 'csat', title: { fa: 'راضی بودید؟', en: 'Satisfied?', ar: 'هل أنت راضٍ؟' } }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    // Without a `name`, the default language's name is the fallback.
    expect(s.name).toBe('نظرسنجی ارسال');
    await api('POST', `/api/v1/surveys/${s.id}/publish`);

    const renamed = await api('PATCH', `/api/v1/surveys/${s.id}`, {
      name: 'Delivery',
      names: { fa: 'نظر شما درباره ارسال', en: 'Your delivery' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Delivery', names: { fa: 'نظر شما درباره ارسال', en: 'Your delivery' } });

    expect(headingOf((await t.app.inject({ method: 'GET', url: `${s.linkPath}?lang=fa` })).body)).toBe('نظر شما درباره ارسال');
    // Arabic has no name of its own: the fallback name.
    expect(headingOf((await t.app.inject({ method: 'GET', url: `${s.linkPath}?lang=ar` })).body)).toBe('Delivery');

    const list = (await api('GET', '/api/v1/surveys')).json().data as Array<{ id: string; names: Record<string, string> }>;
    expect(list.find((x) => x.id === s.id)?.names).toEqual({ fa: 'نظر شما درباره ارسال', en: 'Your delivery' });
    const results = (await api('GET', `/api/v1/surveys/${s.id}/results`)).json();
    expect(results.survey).toMatchObject({ name: 'Delivery', names: { fa: 'نظر شما درباره ارسال', en: 'Your delivery' } });

    const bad = await api('PATCH', `/api/v1/surveys/${s.id}`, { names: { fa: '   ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('names.fa');
    expect(
      (
        await api('POST', '/api/v1/surveys', {
          names: {},
          definition: { languages: ['en'], defaultLanguage: 'en', questions: [{ id: 'q', type: 'text', title: { en: 'Hi?' } }] },
        })
      ).json().error.field,
    ).toBe('name');
  });

  it('fills the names of surveys made from a template before names were kept (the data migration)', async () => {
    const untouched = (await api('POST', '/api/v1/surveys', { template: 'ces', languages: ['en', 'ar'] })).json();
    const renamed = (await api('POST', '/api/v1/surveys', { template: 'loyalty', name: 'Our own name' })).json();
    // As stored before: only the fallback name.
    await t.database.rows(sql`update surveys set names = '{}'::jsonb where id in (${untouched.id}, ${renamed.id})`);
    // Found by name: migration numbers change when branches are merged.
    const file = fs.readdirSync(path.join(packageRoot, 'drizzle')).find((f) => f.endsWith('_survey_names_from_templates.sql'))!;
    const migration = fs.readFileSync(path.join(packageRoot, 'drizzle', file), 'utf8');
    await t.database.rows(sql.raw(migration));
    await t.database.rows(sql.raw(migration)); // idempotent
    expect((await api('GET', `/api/v1/surveys/${untouched.id}`)).json().names).toEqual({
      en: 'Customer Effort Score (CES)',
      ar: 'مؤشر جهد العميل (CES)',
    });
    // A name the user chose is theirs: nothing is made up for it.
    expect((await api('GET', `/api/v1/surveys/${renamed.id}`)).json().names).toEqual({});
  });
});
