// Every page of the dashboard in one language (every-page-<language>.e2e.test.ts, one file per
// language so that the two test workers share them): it renders with a heading, in the right
// direction (right to left for Persian and Arabic), without a message key showing instead of
// its text, without console errors or requests leaving the machine, and without a serious or
// critical axe-core finding; each saves a screenshot. In English and Persian each page is also
// checked by axe in dark mode, and on a 360 px phone, where it must not scroll sideways. One
// pass does it all: a page is loaded once and only resized and recoloured.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { bearer, createKey } from '../../src/platform/testing/test-app.js';
import { DESKTOP, horizontalOverflow, PHONE, seriousViolations, useColorScheme } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, useDashboard } from './harness.js';

// The catalogs' top-level keys: a visible "segments.builder.title" means a missing translation.
const MESSAGE_KEY =
  /\b(meta|app|nav|role|setup|login|validation|errors|list|filters|channel|score|sentiment|feedbackType|status|detail|settings|notFound|themes|analysis|topics|surveys|overview|explorer|customer360|segments|admin|act|surveyEditor|surveySending|metrics)\.[a-zA-Z][\w.]*[a-zA-Z]\b/;

export function everyPageIn(language: 'en' | 'fa' | 'ar' | 'zh') {
  describeBrowser(`every page in ${language}`, () => {
    const dashboard = useDashboard();
    let cookie = '';
    const pages: Array<[name: string, path: string]> = [];

    beforeAll(async () => {
      const t = dashboard.t;
      cookie = await signedInOwner(t);
      await seedFeedback(t, cookie, [
        { text: 'Delivery was late and nobody answered the phone.', language: 'en', nps: 3, customer: { externalId: 'c-1', name: 'Sara' } },
        { text: 'بسته‌بندی عالی بود، ممنون.', language: 'fa', customer: { externalId: 'c-2', name: 'مریم' } },
        { text: 'الخدمة ممتازة والتوصيل سريع', language: 'ar', nps: 10 },
        { text: '价格太贵了，质量一般。', language: 'zh', csat: 2 },
      ]);
      const key = await createKey(t, cookie, [
        'feedback:read',
        'customers:read',
        'customers:write',
        'surveys:read',
        'surveys:manage',
        'tickets:write',
        'ideas:write',
      ]);
      const api = async (method: 'GET' | 'POST', url: string, payload?: object) =>
        (await t.app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) })).json();
      const item = (await api('GET', '/api/v1/feedback?limit=1')).data[0];
      const customer = (await api('GET', '/api/v1/customers?q=c-1')).data[0];
      const survey = await api('POST', '/api/v1/surveys', { template: 'nps' });
      await api('POST', '/api/v1/segments', { name: 'Everyone', definition: { match: 'all', conditions: [] } });
      // The customer's timeline then shows a ticket, a task and a compensation too.
      const ticket = await api('POST', '/api/v1/tickets', {
        subject: 'Late delivery, no answer',
        priority: 'high',
        feedbackIds: [item.id],
        customerId: customer.id,
      });
      await api('POST', '/api/v1/tasks', {
        title: 'Call Sara back',
        customerId: customer.id,
        ticketId: ticket.id,
        dueAt: '2026-12-01T09:00:00Z',
      });
      await api('POST', '/api/v1/compensations', {
        customerId: customer.id,
        kind: 'discount_code',
        code: 'SORRY20',
        amount: 20,
        currency: 'USD',
      });
      const saras = (await api('GET', `/api/v1/feedback?customer_id=${customer.id}&limit=1`)).data[0];
      const idea = await api('POST', '/api/v1/ideas', { title: 'Delivery tracking by SMS', feedbackIds: [saras.id] });
      // Planned: the customer behind it (no email) gets a "skipped" idea update on the timeline.
      await t.app.inject({ method: 'PATCH', url: `/api/v1/ideas/${idea.id}`, headers: bearer(key), payload: { status: 'planned' } });
      pages.push(
        ['overview', '/'],
        ['metrics', '/evaluate/metrics?metric=nps&breakdown=channel'],
        ['drivers', '/evaluate/drivers'],
        ['league', '/evaluate/league'],
        ['before-after', '/evaluate/before-after?date=2026-11-01'],
        ['feedback', '/feedback'],
        ['feedback-detail', `/feedback/${item.id}`],
        ['customers', '/customers'],
        ['customer', `/customers/${customer.id}`],
        ['segments', '/segments'],
        ['surveys', '/surveys'],
        ['survey-editor', `/surveys/${survey.id}`],
        ['survey-results', `/surveys/${survey.id}/results`],
        ['survey-send', `/surveys/${survey.id}/send`],
        ['tickets', '/tickets'],
        ['tasks', '/tasks?queue=all'],
        ['ideas', '/ideas'],
        ['themes', '/themes'],
        ['topics', '/settings/topics'],
        ['settings', '/settings'],
        ['settings-workspace', '/settings?section=workspace'],
        ['settings-members', '/settings?section=members'],
        ['settings-business-hours', '/settings?section=businessHours'],
        ['settings-api-keys', '/settings?section=apiKeys'],
        ['settings-widget-keys', '/settings?section=widgetKeys'],
        ['not-found', '/no-such-page'],
      );
    });

    it(`renders every page in ${language}`, async () => {
      const me = await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: language } });
      expect(me.statusCode, me.body).toBe(200);
      const { page } = await dashboard.open({ cookie, locale: language, viewport: DESKTOP });
      const thorough = language === 'en' || language === 'fa';
      // Each page starts in light colours at desktop size: set here, and restored by the
      // thorough checks below (the colours persist from page to page).
      await useColorScheme(page, 'light');
      for (const [name, path] of pages) {
        if (thorough) await page.setViewportSize(DESKTOP);
        await page.goto(path);
        const heading = page.locator('main h1, h1').first();
        await heading.waitFor();
        expect((await heading.textContent())?.trim(), `${name}: heading`).toBeTruthy();
        await page.waitForLoadState('networkidle', { timeout: 60_000 });
        expect((await documentDirection(page)).dir, `${name}: direction`).toBe(language === 'fa' || language === 'ar' ? 'rtl' : 'ltr');
        const text = await page.locator('body').innerText();
        expect(text.match(MESSAGE_KEY)?.[0] ?? null, `${name}: an untranslated message key`).toBeNull();
        expect.soft(await seriousViolations(page), `${name}: axe-core (light)`).toEqual([]);
        await screenshot(page, `page-${name}-${language}`);
        if (!thorough) continue;
        await useColorScheme(page, 'dark');
        expect.soft(await violationsOnceSettled(page), `${name}: axe-core (dark)`).toEqual([]);
        await useColorScheme(page, 'light');
        await page.setViewportSize(PHONE);
        const { overflow, widest } = await horizontalOverflow(page);
        expect.soft(overflow, `${name}: the page scrolls sideways at 360 px; widest: ${widest}`).toBeLessThanOrEqual(0);
        await screenshot(page, `page-${name}-${language}-phone`);
      }
      // Twenty pages with a full-page screenshot each (two in English and Persian) and up to two
      // axe runs: minutes when the machine is loaded.
    }, 600_000);
  });
}

/**
 * axe-core's findings in colours just switched. On a loaded machine Chromium has been seen to
 * restyle part of a page a moment after the switch reports done (dark text on a dark field beside
 * light text on a light bar): findings are read again a second later, and only those that remain
 * count. A real contrast fault is there both times.
 */
async function violationsOnceSettled(page: Page): Promise<string[]> {
  const first = await seriousViolations(page);
  if (first.length === 0) return first;
  await page.waitForTimeout(1_000);
  return seriousViolations(page);
}
