// The survey editor's "Website widget" section: triggers, display rule, sampling and placement
// configured without code (shown only to customers in a saved segment), saved into settings.widget
// next to the survey's other settings; a
// server-side error (bad regular expression) shown without losing the form; Persian (RTL) labels.
import { expect, it } from 'vitest';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { createKey } from '../../src/platform/testing/test-app.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

const w = en.surveys.widget;

describeBrowser('survey widget settings', () => {
  const dashboard = useDashboard();

  it('configures when the widget shows a survey, in English and Persian', async () => {
    const { t } = dashboard;
    const cookie = await signedInOwner(t, 'en');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: { cookie },
      payload: { template: 'nps', languages: ['en', 'fa'], defaultLanguage: 'en', settings: { maxResponses: 500, maxSendsPerDay: 100 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const surveyId = created.json().id as string;
    // A saved segment (as made on the Segments page) to limit the survey to.
    const key = await createKey(t, cookie, ['customers:read', 'customers:write']);
    const segmentRes = await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        name: 'Pro plan',
        definition: { match: 'all', conditions: [{ kind: 'attribute', name: 'plan', op: 'eq', value: 'pro' }] },
      },
    });
    expect(segmentRes.statusCode, segmentRes.body).toBe(201);
    const segmentId = segmentRes.json().id as string;
    const settings = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${surveyId}`, headers: { cookie } });
      return res.json().settings as Record<string, unknown>;
    };

    const guarded = await dashboard.open({ cookie });
    const { page } = guarded;
    await page.goto(`/surveys/${surveyId}`);
    const section = page.getByTestId('widget-settings');
    await section.waitFor();
    await section.getByLabel(w.enabled).check();

    // The first trigger becomes "an event is tracked"; saving with no name is stopped in the browser.
    const triggers = section.getByTestId('widget-trigger');
    expect(await triggers.count()).toBe(1);
    await triggers.nth(0).getByLabel(w.triggerType, { exact: true }).selectOption('event');
    await section.getByTestId('save-widget').click();
    await untilText(triggers.nth(0).locator('.field-error'), (text) => text === w.errors.required, 'the empty event name error');
    expect(await settings()).toEqual({ maxResponses: 500, maxSendsPerDay: 100 });
    await triggers.nth(0).getByLabel(w.eventName).fill('purchase');

    // A second trigger: any page view whose URL contains /checkout.
    await section.getByRole('button', { name: w.addTrigger }).click();
    await triggers.nth(1).getByLabel(w.urlMatch).selectOption('contains');
    await triggers.nth(1).getByLabel(w.urlValue).fill('/checkout');

    await section.getByLabel(w.display).selectOption('every_n_days');
    await section.getByLabel(w.everyDays).fill('7');
    await section.getByLabel(w.sample).fill('50');

    // Only customers in the saved segment: both choices are needed before it can be saved.
    expect(await section.getByLabel(w.audience).inputValue()).toBe('');
    await section.getByLabel(w.audience).selectOption('eq');
    const segmentSelect = section.getByLabel(w.segment, { exact: true });
    await until(
      () => segmentSelect.isEnabled(),
      (enabled) => enabled,
      'the loaded segment list',
    );
    await segmentSelect.selectOption({ label: 'Pro plan' });
    await section.getByTestId('save-widget').click();
    await untilText(section.locator('.alert-success'), (text) => text === w.saved, 'saved');

    const expected = {
      enabled: true,
      triggers: [
        { type: 'event', name: 'purchase' },
        { type: 'page_view', url: { match: 'contains', value: '/checkout' } },
      ],
      display: 'every_n_days',
      everyDays: 7,
      samplePercent: 50,
      segment: [{ field: 'segment', op: 'eq', value: segmentId }],
      placement: 'slide_in',
      delaySeconds: 0,
    };
    expect(await settings()).toEqual({ maxResponses: 500, maxSendsPerDay: 100, widget: expected });

    // A regular expression the server rejects: its error is shown on the field, the form is kept.
    guarded.allowHttpError(400, `/api/v1/surveys/${surveyId}`);
    await triggers.nth(1).getByLabel(w.urlMatch).selectOption('regex');
    await triggers.nth(1).getByLabel(w.urlValue).fill('/checkout(');
    await section.getByTestId('save-widget').click();
    await untilText(triggers.nth(1).locator('.field-error'), (text) => text === w.errors.regex, 'the regex error on the URL field');
    expect(await section.locator('.alert-error').textContent()).toBe(en.errors.validation);
    expect(await triggers.nth(1).getByLabel(w.urlValue).getAttribute('aria-invalid')).toBe('true');
    expect(await triggers.nth(1).getByLabel(w.urlValue).inputValue()).toBe('/checkout(');
    expect(await triggers.nth(0).getByLabel(w.eventName).inputValue()).toBe('purchase');
    expect(await section.getByLabel(w.everyDays).inputValue()).toBe('7');
    expect(await section.getByLabel(w.sample).inputValue()).toBe('50');
    expect(await segmentSelect.inputValue()).toBe(segmentId);
    expect((await settings()).widget).toEqual(expected);

    // The same page in Persian: mirrored, with the section's labels translated.
    await page.getByTestId('lang-switcher').selectOption('fa');
    await until(
      () => documentDirection(page),
      (d) => d.lang === 'fa' && d.dir === 'rtl',
      '<html lang="fa" dir="rtl">',
    );
    await page.reload();
    await section.waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'fa' });
    await untilText(section.locator('h2'), (text) => text === fa.surveys.widget.title, 'the Persian section title');
    expect(await section.getByLabel(fa.surveys.widget.enabled).isChecked()).toBe(true);
    expect(await triggers.count()).toBe(2);
    expect(await triggers.nth(0).getByLabel(fa.surveys.widget.eventName).inputValue()).toBe('purchase');
    expect(await triggers.nth(1).getByLabel(fa.surveys.widget.urlMatch).inputValue()).toBe('contains');
    expect(await section.getByLabel(fa.surveys.widget.everyDays).inputValue()).toBe('7');
    expect(await section.getByLabel(fa.surveys.widget.audience).inputValue()).toBe('eq');
    await until(
      () => section.getByLabel(fa.surveys.widget.segment, { exact: true }).inputValue(),
      (v) => v === segmentId,
      'the chosen segment, in Persian',
    );
    expect(await section.getByText(fa.surveys.widget.segmentKept).count()).toBe(0);
    expect(await section.getByTestId('save-widget').textContent()).toBe(fa.surveys.widget.save);
    await screenshot(page, 'survey-widget-fa');
  });
});
