// Settings in the browser: workspace settings (calendar, weekend days), API keys (create, see the
// secret once, revoke), widget keys (create with an origin, the embed snippet, the identity secret
// and its rotation), members (change a role) and accepting an invitation — in English and
// Persian, with a smoke pass in Arabic and Chinese. An agent sees none of the admin actions and
// the API refuses them.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import adminAr from '../src/locales/admin/ar.json' with { type: 'json' };
import adminEn from '../src/locales/admin/en.json' with { type: 'json' };
import adminFa from '../src/locales/admin/fa.json' with { type: 'json' };
import adminZh from '../src/locales/admin/zh.json' with { type: 'json' };
import ar from '../src/locales/ar.json' with { type: 'json' };
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import zh from '../src/locales/zh.json' with { type: 'json' };
import { sessionCookie, type TestApp } from '../../src/platform/testing/test-app.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

const TEXTS = { en: { ...en, ...adminEn }, fa: { ...fa, ...adminFa }, ar: { ...ar, ...adminAr }, zh: { ...zh, ...adminZh } };
type Lang = keyof typeof TEXTS;
const PASSWORD = 'a long enough password';

/** Invites and accepts over the API; returns the member's id and session cookie. */
async function addMember(t: TestApp, owner: string, email: string, role: string) {
  const invite = await t.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: { cookie: owner }, payload: { email, role } });
  const token = invite.json().link.split('/').pop();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, name: email.split('@')[0], password: PASSWORD },
    remoteAddress: `10.1.0.${Math.floor(Math.random() * 250)}`,
  });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  return { id: res.json().user.id as string, cookie: sessionCookie(res.headers['set-cookie']) };
}

async function openSection(page: Page, lang: Lang, section: string) {
  await page.goto(`/settings?section=${section}`);
  await untilText(page.locator('h1'), (text) => text === TEXTS[lang].settings.title, 'the settings page');
}

describeBrowser('settings', () => {
  const dashboard = useDashboard();
  let owner = '';

  async function adminFlow(lang: Lang) {
    const { t } = dashboard;
    const x = TEXTS[lang];
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
    const { page } = await dashboard.open({ cookie: owner });

    // Workspace: a Persian workspace on Thursday + Friday weekends, or back to Gregorian / Sat + Sun.
    await openSection(page, lang, 'workspace');
    expect((await documentDirection(page)).dir).toBe(lang === 'fa' ? 'rtl' : 'ltr');
    const form = page.getByTestId('workspace-form');
    const calendar = lang === 'fa' ? 'persian' : 'gregorian';
    const weekend = lang === 'fa' ? ['thu', 'fri'] : ['sat', 'sun'];
    await form.getByLabel(x.admin.workspace.calendar).selectOption(calendar);
    for (const day of ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'])
      await form.locator(`input[name="weekend-${day}"]`).setChecked(weekend.includes(day));
    // Client-side validation in the user's language, before anything is sent.
    await form.getByLabel(x.admin.workspace.timezone).fill('Mars/Olympus');
    await page.getByTestId('save-workspace').click();
    await untilText(form.locator('.field-error'), (text) => text === x.admin.workspace.timezoneInvalid, 'the time zone error');
    await form.getByLabel(x.admin.workspace.timezone).fill('Asia/Tehran');
    await page.getByTestId('save-workspace').click();
    await untilText(page.locator('.alert-success'), (text) => text === x.admin.workspace.saved, 'saved');
    const saved = (await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { cookie: owner } })).json();
    expect(saved).toMatchObject({ calendar, weekendDays: weekend, timezone: 'Asia/Tehran' });
    await screenshot(page, `settings-workspace-${lang}`);

    // API key: created, shown once with a warning, revoked.
    await page.getByTestId('settings-tab-apiKeys').click();
    const keyForm = page.getByTestId('api-key-form');
    await keyForm.getByLabel(x.admin.apiKeys.name).fill(`CRM ${lang}`);
    await keyForm.getByLabel(x.admin.scopes.customers_write).check();
    await keyForm.getByRole('button', { name: x.admin.apiKeys.create }).click();
    const secret = await until(
      () => page.getByTestId('api-key-secret').inputValue(),
      (v) => v.startsWith('fl_'),
      'the new secret',
    );
    expect(await page.locator('.warning-text').textContent()).toBe(x.admin.apiKeys.shownOnce);
    const auth = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feedback', headers: auth })).statusCode).toBe(200);
    await screenshot(page, `settings-api-key-${lang}`);
    const row = page.getByTestId('api-key-row').filter({ hasText: `CRM ${lang}` });
    await row.getByRole('button', { name: x.admin.revoke }).click();
    await row.getByRole('button', { name: x.admin.confirmYes }).click();
    await until(
      () => row.getAttribute('class'),
      (c) => c === 'revoked',
      'the key to show as revoked',
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feedback', headers: auth })).statusCode).toBe(401);

    // Widget key with an origin, and its embed snippet.
    await page.getByTestId('settings-tab-widgetKeys').click();
    const widgetForm = page.getByTestId('widget-key-form');
    await widgetForm.getByLabel(x.admin.widgetKeys.name).fill(`Shop ${lang}`);
    await widgetForm.getByLabel(x.admin.widgetKeys.origins).fill('https://shop.example.com/checkout');
    await widgetForm.getByRole('button', { name: x.admin.widgetKeys.create }).click();
    await untilText(widgetForm.locator('.field-error'), (text) => text === x.admin.widgetKeys.originsInvalid, 'the origin error');
    await widgetForm.getByLabel(x.admin.widgetKeys.origins).fill('https://shop.example.com');
    await widgetForm.getByRole('button', { name: x.admin.widgetKeys.create }).click();
    const card = page.getByTestId('widget-key-card').filter({ hasText: `Shop ${lang}` });
    const snippet = await until(
      () => card.getByTestId('widget-snippet').inputValue(),
      (v) => v.includes('data-key="pk_'),
      'the snippet',
    );
    expect(snippet).toMatch(
      new RegExp(`^<script src="${dashboard.url}/widget/v1/loader\\.js" data-key="pk_[A-Za-z0-9_-]+" async></script>$`),
    );
    expect(await card.locator('code.origin').allTextContents()).toEqual(['https://shop.example.com']);
    await card.getByRole('button', { name: x.admin.widgetKeys.editOrigins }).click();
    await card.getByLabel(x.admin.widgetKeys.origins).fill('https://shop.example.com\nhttps://app.example.com');
    await card.getByRole('button', { name: x.admin.save }).click();
    await until(
      () => card.locator('code.origin').allTextContents(),
      (o) => o.length === 2,
      'the edited origins',
    );
    // The identity secret the shop's server signs with: shown with copy, and rotated with a grace period.
    const widgetKeys = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/widget-keys', headers: { cookie: owner } })).json().data as Array<{
        name: string;
        identitySecret: string;
        previousSecretExpiresAt: string | null;
      }>;
    const stored = async () => (await widgetKeys()).find((k) => k.name === `Shop ${lang}`)!;
    const firstSecret = await card.getByTestId('widget-secret').inputValue();
    expect(firstSecret).toBe((await stored()).identitySecret);
    expect(firstSecret).toMatch(/^fl_idv_[A-Za-z0-9_-]{43}$/);
    expect(await card.getByText(x.admin.widgetKeys.secretHint).count()).toBe(1);
    await card.getByRole('button', { name: x.admin.widgetKeys.rotate }).click();
    expect(await card.getByRole('group').getAttribute('aria-label')).toBe(
      x.admin.widgetKeys.rotateConfirm.replace('{{hours}}', lang === 'fa' ? '۲۴' : '24'),
    );
    await card.getByRole('button', { name: x.admin.confirmYes }).click();
    const secondSecret = await until(
      () => card.getByTestId('widget-secret').inputValue(),
      (v) => v !== firstSecret,
      'the new secret',
    );
    expect(secondSecret).toBe((await stored()).identitySecret);
    expect((await stored()).previousSecretExpiresAt).not.toBeNull();
    await card.getByTestId('widget-previous-secret').waitFor();
    await screenshot(page, `settings-widget-key-${lang}`);

    // Members: change an agent's role.
    const member = await addMember(t, owner, `agent-${lang}@example.com`, 'agent');
    await page.getByTestId('settings-tab-members').click();
    const roleSelect = page.getByLabel(x.admin.members.roleOf.replace('{{name}}', `agent-${lang}`));
    await roleSelect.selectOption('viewer');
    await until(
      async () => (await t.database.rows<{ role: string }>(sql`select role from memberships where user_id = ${member.id}`))[0]?.role,
      (role) => role === 'viewer',
      'the new role to be stored',
    );
    await until(
      () => roleSelect.inputValue(),
      (value) => value === 'viewer',
      'the select to keep the new role',
    );
    await screenshot(page, `settings-members-${lang}`);
  }

  it('lets an owner change settings, keys and roles in English', async () => {
    owner = await signedInOwner(dashboard.t, 'en');
    await adminFlow('en');
  });

  it('does the same in Persian, right to left', async () => {
    await adminFlow('fa');
  });

  it('shows Arabic and Chinese settings (smoke)', async () => {
    for (const lang of ['ar', 'zh'] as const) {
      await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
      const { page } = await dashboard.open({ cookie: owner });
      await openSection(page, lang, 'workspace');
      expect((await documentDirection(page)).dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await page.getByTestId('workspace-form').waitFor();
      expect(await page.getByTestId('settings-tab-apiKeys').textContent()).toBe(TEXTS[lang].admin.section.apiKeys);
      await screenshot(page, `settings-workspace-${lang}`);
    }
    await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: 'en' } });
  });

  it('lets an invitee join from the invitation link', async () => {
    const { t } = dashboard;
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie: owner },
      payload: { email: 'leila@example.com', role: 'agent' },
    });
    const token = invite.json().link.split('/').pop();
    const { page } = await dashboard.open({ locale: 'fa-IR' });
    await page.goto(`/invite/${token}`);
    const x = TEXTS.fa;
    await untilText(page.locator('h1'), (text) => text === x.admin.invite.title, 'the invite page');
    await page.getByLabel(x.admin.invite.name).fill('لیلا');
    await page.getByLabel(x.admin.invite.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(x.admin.invite.confirm).fill('something else entirely');
    await page.getByRole('button', { name: x.admin.invite.accept }).click();
    await untilText(page.locator('.field-error'), (text) => text === x.validation.passwordMismatch, 'the mismatch error');
    await screenshot(page, 'invite-fa');
    await page.getByLabel(x.admin.invite.confirm).fill(PASSWORD);
    await page.getByRole('button', { name: x.admin.invite.accept }).click();
    await until(
      async () => new URL(page.url()).pathname,
      (path) => path === '/feedback',
      'the feedback list after joining',
    );
    await untilText(page.locator('.user-chip'), (text) => text === 'لیلا', 'signed in as the invitee');
  });

  it('hides admin actions from an agent, and the API refuses them', async () => {
    const { t } = dashboard;
    const agent = await addMember(t, owner, 'plain-agent@example.com', 'agent');
    const { page } = await dashboard.open({ cookie: agent.cookie });
    await openSection(page, 'en', 'workspace');
    await untilText(page.locator('.alert-info'), (text) => text === adminEn.admin.readOnly, 'the read-only notice');
    expect(await page.getByTestId('save-workspace').count()).toBe(0);
    expect(await page.getByTestId('workspace-form').locator('fieldset[disabled]').count()).toBe(3);
    expect(await page.getByTestId('settings-tab-apiKeys').count()).toBe(0);
    expect(await page.getByTestId('settings-tab-widgetKeys').count()).toBe(0);
    await page.getByTestId('settings-tab-members').click();
    await page.getByTestId('members-table').waitFor();
    expect(await page.getByTestId('members-table').locator('select').count()).toBe(0);
    expect(await page.getByTestId('invite-form').count()).toBe(0);
    await screenshot(page, 'settings-members-agent-en');

    const as = { cookie: agent.cookie };
    for (const [method, url, payload] of [
      ['PATCH', '/api/v1/workspace', { calendar: 'persian' }],
      ['POST', '/api/v1/api-keys', { name: 'x', scopes: ['feedback:read'] }],
      ['POST', '/api/v1/widget-keys', { name: 'x', allowedOrigins: [] }],
      ['POST', '/api/v1/invitations', { email: 'x@example.com', role: 'viewer' }],
      ['PATCH', `/api/v1/members/${agent.id}`, { role: 'admin' }],
    ] as const) {
      expect((await t.app.inject({ method, url, headers: as, payload })).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
