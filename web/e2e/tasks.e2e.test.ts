// Tasks and compensations in the dashboard, in English and Persian (and the Hijri calendar in
// Arabic): a task due on a day typed in the user's calendar or in N business hours typed in
// Persian digits, the mine / overdue / all queues, completing and reopening, and on the customer
// page a compensation form and an owner approving an agent's compensation.
import { expect, it, beforeAll } from 'vitest';
import { addMember } from '../../src/platform/testing/members.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { DESKTOP, horizontalOverflow, PHONE } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, until, untilText, useDashboard } from './harness.js';
import en from '../src/locales/tasks/en.json' with { type: 'json' };
import fa from '../src/locales/tasks/fa.json' with { type: 'json' };

const WORDS = { en, fa };

describeBrowser('tasks and compensations', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let agentCookie = '';
  let customerId = '';

  const api = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    dashboard.t.app.inject({ method, url, headers: { cookie: who }, payload: payload ?? (method === 'GET' ? undefined : {}) });

  beforeAll(async () => {
    const { t } = dashboard;
    cookie = await signedInOwner(t, 'en');
    const [workspace] = await t.database.db.select().from(workspaces);
    agentCookie = (await addMember(t, workspace.id, 'agent@example.com', 'agent')).cookie;
    customerId = (await api(cookie, 'POST', '/api/v1/customers/identify', { externalId: 'c-1', name: 'Sara' })).json().id;
    const limits = await api(cookie, 'PUT', '/api/v1/compensations/approval-limits', { limits: [{ currency: 'USD', maxAmount: 50 }] });
    expect(limits.statusCode, limits.body).toBe(200);
  });

  for (const language of ['en', 'fa'] as const) {
    it(`adds tasks due on a day or in business hours, and works the queues (${language})`, async () => {
      const w = WORDS[language].tasks;
      expect((await api(cookie, 'PATCH', '/api/v1/me', { locale: language })).statusCode).toBe(200);
      const me = (await api(cookie, 'GET', '/api/v1/me')).json();
      // Overdue and assigned to the owner: in "mine" and in "overdue".
      const late = await api(cookie, 'POST', '/api/v1/tasks', {
        title: `Send the replacement (${language})`,
        dueAt: '2026-01-05T09:00:00Z',
        assigneeId: me.user.id,
      });
      expect(late.statusCode, late.body).toBe(201);

      const { page } = await dashboard.open({ cookie, locale: language, viewport: DESKTOP });
      await page.goto('/tasks?queue=all');
      const form = page.getByTestId('task-form');
      await form.waitFor();

      // In N business hours, typed in Persian digits on the Persian page.
      await page.getByTestId('task-title').fill(`Call Sara back (${language})`);
      await page.getByTestId('task-due-in').check();
      await page.getByTestId('task-hours').fill(language === 'fa' ? '۲۴' : '24');
      await page.getByTestId('task-submit').click();
      await untilText(page.getByTestId('task-created'), (text) => text.includes(`Call Sara back (${language})`), 'the created task');

      // On a day: Jalali typed for Persian users, the browser's date input otherwise.
      await page.getByTestId('task-title').fill(`Check the refund (${language})`);
      await page.getByTestId('task-due-on').check();
      await page.getByTestId('task-day').fill(language === 'fa' ? '۱۴۰۵/۰۹/۲۹' : '2026-12-20');
      await page.getByTestId('task-time').fill('10:30');
      await page.getByTestId('task-remind').fill(language === 'fa' ? '۳۰' : '30');
      await page.getByTestId('task-submit').click();
      await untilText(page.getByTestId('task-created'), (text) => text.includes(`Check the refund (${language})`), 'the dated task');
      const rows = page.getByTestId('task-row');
      const refund = rows.filter({ hasText: `Check the refund (${language})` });
      await refund.waitFor();
      const dueText = (await refund.getByTestId('task-due').textContent()) ?? '';
      // 20 December 2026 is 29 Azar 1405.
      if (language === 'fa') expect(dueText).toMatch(/۱۴۰۵/);
      else expect(dueText).toMatch(/2026/);
      const saved = (await api(cookie, 'GET', '/api/v1/tasks?limit=100')).json().data as Array<Record<string, unknown>>;
      const dated = saved.find((task) => task.title === `Check the refund (${language})`)!;
      expect(new Date(dated.dueAt as string).toISOString()).toBe('2026-12-20T10:30:00.000Z');
      expect(dated.remindMinutesBefore).toBe(30);
      const inHours = saved.find((task) => task.title === `Call Sara back (${language})`)!;
      expect(new Date(inHours.dueAt as string).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

      // A wrong number is refused on its field, nothing sent.
      await page.getByTestId('task-due-in').check();
      await page.getByTestId('task-hours').fill('soon');
      await page.getByTestId('task-submit').click();
      await form.locator('.field-error', { hasText: w.form.hoursInvalid }).waitFor();
      // The title was cleared after the last task was added: it is asked for too.
      await form.locator('.field-error', { hasText: w.form.titleRequired }).waitFor();
      await screenshot(page, `tasks-all-${language}`);

      // Overdue queue: the late task, marked; done takes it off, reopen puts it back.
      await page.getByTestId('task-queue-overdue').click();
      const lateRow = rows.filter({ hasText: `Send the replacement (${language})` });
      await lateRow.waitFor();
      expect(await lateRow.locator('.badge-overdue').textContent()).toBe(w.overdue);
      expect(await rows.filter({ hasText: `Check the refund (${language})` }).count()).toBe(0);
      await lateRow.getByTestId('task-toggle').click();
      await untilText(page.getByTestId('task-message'), (text) => text.includes(`Send the replacement (${language})`), 'done');
      expect(await lateRow.getByTestId('task-toggle').textContent()).toBe(w.reopen);
      await page.reload();
      await page.getByTestId('tasks-page').waitFor();
      await until(
        () => rows.filter({ hasText: `Send the replacement (${language})` }).count(),
        (n) => n === 0,
        'the done task off the overdue queue',
      );

      // Mine: what is assigned to the signed-in user.
      await page.getByTestId('task-queue-mine').click();
      expect(page.url()).toContain('queue=mine');
      await rows.filter({ hasText: `Send the replacement (${language})` }).waitFor();
      await rows
        .filter({ hasText: `Send the replacement (${language})` })
        .getByTestId('task-toggle')
        .click();
      await untilText(page.getByTestId('task-message'), (text) => text.includes(w.reopened.slice(-8)), 'reopened');

      await page.setViewportSize(PHONE);
      expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `tasks-mine-${language}-phone`);
    });

    it(`records compensations on the customer page, and an owner approves an agent's (${language})`, async () => {
      const w = WORDS[language].compensations;
      expect((await api(cookie, 'PATCH', '/api/v1/me', { locale: language })).statusCode).toBe(200);
      const pending = await api(agentCookie, 'POST', '/api/v1/compensations', {
        customerId,
        kind: 'refund',
        amount: 80,
        currency: 'USD',
        note: `Broken box (${language})`,
      });
      expect(pending.json().status).toBe('pending_approval');

      const { page } = await dashboard.open({ cookie, locale: language, viewport: DESKTOP });
      await page.goto(`/customers/${customerId}`);
      const rows = page.getByTestId('compensation-row');
      const row = rows.filter({ hasText: `Broken box (${language})` });
      await row.waitFor();
      expect(await row.getByTestId('compensation-status').textContent()).toBe(w.statuses.pending_approval);
      await row.getByTestId('compensation-approve').click();
      await until(
        () => row.getByTestId('compensation-status').textContent(),
        (text) => text === w.statuses.approved,
        'approved',
      );
      expect(await row.getByTestId('compensation-approved').textContent()).toContain('Owner');
      expect((await api(cookie, 'GET', `/api/v1/compensations?status=pending_approval`)).json().data).toEqual([]);

      // The form: an amount in Persian digits; a discount code needs its code.
      await page.getByTestId('compensation-kind').selectOption('discount_code');
      await page.getByTestId('compensation-amount').fill(language === 'fa' ? '۲۰' : '20');
      await page.getByTestId('compensation-currency').fill('usd');
      await page.getByTestId('compensation-submit').click();
      await untilText(page.getByTestId('compensation-form').locator('.field-error'), (text) => text === w.form.codeRequired, 'code error');
      await page.getByTestId('compensation-code').fill(`SORRY-${language.toUpperCase()}`);
      await page.getByTestId('compensation-submit').click();
      await untilText(page.getByTestId('compensation-saved'), (text) => text === w.form.recorded, 'recorded');
      await rows.filter({ hasText: `SORRY-${language.toUpperCase()}` }).waitFor();
      const given = (await api(cookie, 'GET', `/api/v1/compensations?customerId=${customerId}`)).json().data[0];
      expect(given).toMatchObject({
        kind: 'discount_code',
        amount: 20,
        currency: 'USD',
        code: `SORRY-${language.toUpperCase()}`,
        status: 'approved',
      });
      await page.getByTestId('customer-compensations').scrollIntoViewIfNeeded();
      await screenshot(page, `customer-compensations-${language}`);
    });
  }

  it('shows the chosen day in the Hijri calendar to an Arabic user who counts in it', async () => {
    expect((await api(cookie, 'PATCH', '/api/v1/me', { locale: 'ar', calendar: 'hijri' })).statusCode).toBe(200);
    const { page } = await dashboard.open({ cookie, locale: 'ar', viewport: PHONE });
    await page.goto('/tasks?queue=all');
    await page.getByTestId('task-due-on').check();
    await page.getByTestId('task-day').fill('2026-12-20');
    // 20 December 2026 falls in 1448 AH.
    await untilText(page.getByTestId('task-form').locator('.field-hint').first(), (text) => text.includes('١٤٤٨'), 'the Hijri date');
    expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'tasks-form-ar-hijri-phone');
    await api(cookie, 'PATCH', '/api/v1/me', { locale: 'en', calendar: 'auto' });
  });
});
