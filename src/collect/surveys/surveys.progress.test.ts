// The link page's "question n of total": counted along the questions the respondent will see,
// the same from the first screen on, changing only when an answer changes the path.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, setupOwner, createKey, bearer, type TestApp } from '../../platform/testing/test-app.js';
import { hiddenFields, postForm } from '../../platform/testing/survey-forms.js';
import { projectedPath } from '../../contracts/survey-walk.js';
import { zSurveyDefinition, type SurveyDefinition } from '../../contracts/survey-definition.js';
import { definitionFromTemplate, SURVEY_TEMPLATES } from './survey-templates.js';

const template = (key: string) => definitionFromTemplate(SURVEY_TEMPLATES.find((x) => x.key === key)!, ['en', 'fa'], 'en');
const ids = (def: SurveyDefinition, answers: Record<string, number | string | boolean | string[]> = {}, seen: string[] = []) =>
  projectedPath(def, answers, new Set(seen)).map((q) => q.id);

// A score with a follow-up each for detractors and promoters, skip logic to the end for
// passives, then a question everyone gets.
const withSkip = zSurveyDefinition.parse({
  languages: ['en'],
  defaultLanguage: 'en',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      required: true,
      title: { en: 'Recommend us?' },
      logic: [{ if: { question: 'nps', min: 7, max: 8 }, goTo: 'end' }],
    },
    { id: 'low', type: 'text', showIf: { question: 'nps', max: 6 }, title: { en: 'What went wrong?' } },
    { id: 'high', type: 'text', showIf: { question: 'nps', min: 9 }, title: { en: 'What did you like?' } },
    {
      id: 'plan',
      type: 'single',
      title: { en: 'Your plan?' },
      options: [
        { id: 'free', label: { en: 'Free' } },
        { id: 'pro', label: { en: 'Pro' } },
      ],
    },
    { id: 'pro_why', type: 'text', showIf: { question: 'plan', anyOf: ['pro'] }, title: { en: 'Why pro?' } },
    { id: 'last', type: 'yes_no', title: { en: 'May we call you?' } },
  ],
});

describe('the questions a respondent will see', () => {
  it('counts one of the score follow-ups from the start, and adjusts only when an answer changes the path', () => {
    expect(ids(template('nps'))).toEqual(['nps', 'detractor_reason']);
    expect(ids(template('nps'), { nps: 10 })).toEqual(['nps', 'promoter_reason']);
    expect(ids(template('csat_after_ticket'))).toEqual(['csat', 'csat_reason']);
    // 5 satisfied: no follow-up, the survey is one question long.
    expect(ids(template('csat_after_ticket'), { csat: 5 })).toEqual(['csat']);

    expect(ids(withSkip)).toEqual(['nps', 'low', 'plan', 'pro_why', 'last']);
    expect(ids(withSkip, { nps: 3 })).toEqual(['nps', 'low', 'plan', 'pro_why', 'last']);
    expect(ids(withSkip, { nps: 8 })).toEqual(['nps']);
    expect(ids(withSkip, { nps: 9, high: 'Fast', plan: 'free' })).toEqual(['nps', 'high', 'plan', 'last']);
    // An optional question skipped brings none of its follow-ups.
    expect(ids(withSkip, { nps: 9 }, ['nps', 'high', 'plan'])).toEqual(['nps', 'high', 'plan', 'last']);
  });
});

describe('the link page progress', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { cookie } = await setupOwner(t);
    key = await createKey(t, cookie, ['surveys:read', 'surveys:manage']);
  });
  afterAll(() => t.close());

  const progressOf = (body: string) => /<p class="progress">([^<]*)<\/p>/.exec(body)?.[1];

  it('says "question 1 of 2" on the first screen of the NPS survey, then "2 of 2", in the respondent digits', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/surveys', headers: bearer(key), payload: { template: 'nps' } });
    const s = (await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${created.json().id}/publish`, headers: bearer(key) })).json();

    const start = await t.app.inject({ method: 'GET', url: `${s.linkPath}?lang=fa` });
    expect(progressOf(start.body)).toBe('پرسش ۱ از ۲');
    const answered = await postForm(t, `${s.linkPath}/answer`, { ...hiddenFields(start.body), a_nps: '3' });
    const followUp = await t.app.inject({ method: 'GET', url: answered.headers.location as string });
    expect(progressOf(followUp.body)).toBe('پرسش ۲ از ۲');

    const arabic = await t.app.inject({ method: 'GET', url: `${s.linkPath}?lang=ar` });
    expect(progressOf(arabic.body)).toBe('السؤال ١ من ٢');
  });

  it('keeps the count along a survey with skip logic, and shortens it when a skip is taken', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: bearer(key),
      payload: { name: 'Skip', definition: withSkip },
    });
    const s = (await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${created.json().id}/publish`, headers: bearer(key) })).json();
    const start = await t.app.inject({ method: 'GET', url: s.linkPath });
    expect(progressOf(start.body)).toBe('Question 1 of 5');
    const fields = hiddenFields(start.body);

    const promoter = await postForm(t, `${s.linkPath}/answer`, { ...fields, a_nps: '10' });
    let next = await t.app.inject({ method: 'GET', url: promoter.headers.location as string });
    expect(progressOf(next.body)).toBe('Question 2 of 5');
    const liked = await postForm(t, `${s.linkPath}/answer`, { ...hiddenFields(next.body), a_high: 'Quick delivery' });
    next = await t.app.inject({ method: 'GET', url: liked.headers.location as string });
    expect(progressOf(next.body)).toBe('Question 3 of 5');
    const free = await postForm(t, `${s.linkPath}/answer`, { ...hiddenFields(next.body), a_plan: 'free' });
    next = await t.app.inject({ method: 'GET', url: free.headers.location as string });
    // The free plan has no "why pro?": one question fewer.
    expect(progressOf(next.body)).toBe('Question 4 of 4');
  });
});
