// The inbox in the browser, in Persian (right to left) and English: queues and j/k/Enter/a
// shortcuts that never fire while typing, the shortcut help, a ticket with its conversation, a
// note with an @mention picked from the completion list, a canned reply filled in for the
// customer, and the customer's history beside the ticket.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMember } from '../../src/platform/testing/members.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { seriousViolations } from './accessibility.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

type Locale = 'fa' | 'en';

describeBrowser('inbox', () => {
  const dashboard = useDashboard();
  let cookie = '';
  let ownerId = '';
  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await dashboard.t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('seeds a workspace with a teammate, a customer, tickets and a canned reply', async () => {
    cookie = await signedInOwner(dashboard.t);
    ownerId = (await api('GET', '/api/v1/me')).user.id;
    const [workspace] = await dashboard.t.database.db.select().from(workspaces);
    await addMember(dashboard.t, workspace.id, 'sara@example.com', 'agent');
    const maryam = (
      await api('POST', '/api/v1/customers/identify', { externalId: 'm', name: 'مریم', email: 'maryam@example.com', locale: 'fa' })
    ).id;
    await api('POST', '/api/v1/orders', { customer: { externalId: 'm' }, externalId: 'SO-1042', amount: 1_250_000, currency: 'IRR' });
    await api('POST', '/api/v1/events', { customer: { externalId: 'm' }, name: 'checkout finished' });
    await api('POST', '/api/v1/canned-replies', {
      texts: {
        fa: { title: 'پیگیری سفارش', body: '{{customer.name}} عزیز، سفارش {{order.id}} را پیگیری می‌کنیم.' },
        en: { title: 'Order follow-up', body: 'Hi {{customer.name}}, we are following up on order {{order.id}}.' },
      },
    });
    for (const locale of ['fa', 'en'] as const) {
      await api('POST', '/api/v1/tickets', { subject: `Refund ${locale}`, priority: 'low', customerId: maryam, assigneeId: null });
      await api('POST', '/api/v1/tickets', {
        subject: `سفارش دیر رسید ${locale}`,
        priority: 'urgent',
        customerId: maryam,
        assigneeId: null,
      });
      await api('POST', '/api/v1/tickets', { subject: `Mine ${locale}`, priority: 'normal', customerId: maryam, assigneeId: ownerId });
    }
  });

  async function openInbox(locale: Locale): Promise<Page> {
    await api('PATCH', '/api/v1/me', { locale });
    const { page } = await dashboard.open({ cookie, viewport: { width: 1280, height: 900 } });
    await page.goto('/tickets');
    await page.getByTestId('tickets-page').waitFor();
    return page;
  }

  const selectedSubject = (page: Page) =>
    page.locator('[data-testid="ticket-row"][data-selected="true"] [data-testid="ticket-open"]').innerText();

  it.each(['fa', 'en'] as const)(
    'works the unassigned queue and a ticket from the keyboard in %s',
    async (locale) => {
      const page = await openInbox(locale);
      expect((await documentDirection(page)).dir).toBe(locale === 'fa' ? 'rtl' : 'ltr');
      await page.getByTestId('queue-unassigned').click();
      // Two of each language's three tickets; the Persian pass took one of them.
      await until(
        () => page.getByTestId('ticket-row').count(),
        (n) => n === (locale === 'fa' ? 4 : 3),
        'the unassigned tickets',
      );

      // j and k move the selection; a assigns the selected ticket to me.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      const first = await selectedSubject(page);
      await page.keyboard.press('j');
      const second = await selectedSubject(page);
      expect(second).not.toBe(first);
      await page.keyboard.press('k');
      expect(await selectedSubject(page)).toBe(first);
      await page.keyboard.press('j');
      await page.keyboard.press('a');
      await page.getByTestId('ticket-message').waitFor();
      await untilText(
        page.locator('[data-testid="ticket-row"][data-selected="true"] [data-testid="ticket-assignee"]'),
        (text) => text.includes('Owner'),
        'assigned to me',
      );

      // ? shows the shortcuts; Escape closes them.
      await page.keyboard.press('Shift+Slash');
      await page.getByTestId('shortcut-help').waitFor();
      await screenshot(page, `inbox-queue-${locale}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('shortcut-help').waitFor({ state: 'detached' });

      // Enter opens the selected ticket.
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Enter');
      await page.getByTestId('ticket-page').waitFor();
      expect(await page.locator('h1').innerText()).toContain(second);
      await page.getByTestId('timeline-entry').first().waitFor();

      // The customer's history sits beside the conversation: on the left in Persian, on the right in English.
      const main = (await page.locator('.ticket-main').boundingBox())!;
      const aside = (await page.getByTestId('customer-history').boundingBox())!;
      if (locale === 'fa') expect(aside.x + aside.width).toBeLessThanOrEqual(main.x + 1);
      else expect(aside.x).toBeGreaterThanOrEqual(main.x + main.width - 1);

      // n starts a note; letters typed into it are text, not shortcuts; @ completes a teammate.
      await page.keyboard.press('n');
      const body = page.getByTestId('composer-body');
      expect(await body.evaluate((el) => el === document.activeElement)).toBe(true);
      await body.pressSequentially(locale === 'fa' ? 'jak لطفاً بررسی کن @sa' : 'jak please check @sa');
      await page.getByTestId('mention-list').waitFor();
      await screenshot(page, `inbox-mention-${locale}`);
      await page.keyboard.press('Enter');
      expect(await body.inputValue()).toMatch(/@sara $/);
      expect(page.url()).toContain('/tickets/');
      await page.getByTestId('composer-send').click();
      await untilText(page.getByTestId('message-mentions').last(), (text) => text.includes('sara'), 'the mention on the note');

      // r starts a reply; the canned reply comes filled in, in the customer's language (Persian).
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('r');
      await page.getByTestId('canned-picker').selectOption({ index: 1 });
      await page.getByTestId('canned-insert').click();
      await until(
        () => body.inputValue(),
        (v) => v.includes('مریم عزیز، سفارش SO-1042'),
        'the canned reply filled in',
      );
      await page.getByTestId('composer-send').click();
      await until(
        () => page.getByTestId('message').count(),
        (n) => n === 2,
        'the reply in the conversation',
      );
      expect(await page.getByTestId('message').last().getAttribute('data-kind')).toBe('reply');
      // Answering a new ticket opened it.
      await until(
        () => page.getByTestId('ticket-view-status').inputValue(),
        (v) => v === 'open',
        'the ticket open after the reply',
      );
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `inbox-ticket-${locale}`);
    },
    90_000,
  );

  it.each(['fa', 'en'] as const)(
    'keeps canned replies and assignment in Settings in %s',
    async (locale) => {
      await api('PATCH', '/api/v1/me', { locale });
      const { page } = await dashboard.open({ cookie, viewport: { width: 1280, height: 900 } });
      await page.goto('/settings?section=cannedReplies');
      await page.getByTestId('canned-settings').waitFor();
      await page.getByTestId('canned-new').click();
      await page.getByTestId('canned-title-fa').fill(`خوش‌آمد ${locale}`);
      // A misspelt variable is pointed out at once and cannot be saved.
      await page.getByTestId('canned-body-fa').fill('سلام {{customer.nmae}}');
      await untilText(
        page.locator('fieldset[lang="fa"] .field-error'),
        (text) => text.includes('{{customer.nmae}}'),
        'the unknown variable',
      );
      expect(await page.getByTestId('canned-save').isDisabled()).toBe(true);
      await screenshot(page, `inbox-canned-${locale}`);
      await page.getByTestId('canned-body-fa').fill('سلام {{customer.name}}');
      await page.getByTestId('canned-save').click();
      await page.getByTestId('canned-done').waitFor();
      await until(
        () => page.getByTestId('canned-row').count(),
        (n) => n === (locale === 'fa' ? 2 : 3),
        'the saved canned reply',
      );

      await page.goto('/settings?section=assignment');
      await page.getByTestId('assignment-settings').waitFor();
      await page.getByTestId('assignment-mode').selectOption('topic');
      if (locale === 'fa') {
        await page.getByTestId('team-name').fill('پشتیبانی');
        await page.getByTestId('team-settings').getByLabel('sara').check();
        await page.getByTestId('team-create').click();
        await untilText(page.getByTestId('team-list'), (text) => text.includes('پشتیبانی'), 'the new team');
        await page.getByTestId('topic-owner-add').click();
        await page.getByTestId('topic-owner-topic').selectOption('delivery');
        await page.getByTestId('topic-owner-owner').selectOption({ label: 'sara' });
      }
      await page.getByTestId('assignment-save').click();
      await page.getByTestId('assignment-saved').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `inbox-assignment-${locale}`);
      const saved = await api('GET', '/api/v1/assignment');
      expect(saved).toMatchObject({ mode: 'topic', topicOwners: [{ topic: 'delivery', teamId: null }] });
    },
    60_000,
  );
});
