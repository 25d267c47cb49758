// Pages under the server's security headers in a real browser: the API reference renders under
// its own policy, the dashboard's pages load with nosniff and their CSP without a violation, and
// an API key can be given the members and workspace scopes from Settings (English and Persian).
// Any CSP violation is a console error, which fails the test (see browser.ts).
import { expect, it } from 'vitest';
import adminEn from '../src/locales/admin/en.json' with { type: 'json' };
import adminFa from '../src/locales/admin/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, until, useDashboard } from './harness.js';

const ADMIN = { en: adminEn.admin, fa: adminFa.admin };

describeBrowser('security headers in the browser', () => {
  const dashboard = useDashboard();
  let owner = '';

  it('renders the API reference under its own policy', async () => {
    const { page } = await dashboard.open();
    const response = await page.goto('/api/docs/');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const title = page.locator('.swagger-ui .info .title');
    await title.waitFor({ timeout: 60_000 });
    expect(await title.textContent()).toContain('Feedloop API');
    // The reference draws its long page a few tags at a time, as room appears in the window:
    // folding the first two tags makes room for the members tag.
    for (const tag of ['auth', 'api keys']) await page.locator('.opblock-tag', { hasText: tag }).first().click();
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/members' }).first().waitFor();
    await screenshot(page, 'api-docs');
  });

  for (const lang of ['en', 'fa'] as const) {
    it(`offers the members and workspace scopes for API keys (${lang})`, async () => {
      owner ||= await signedInOwner(dashboard.t);
      await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
      const { page } = await dashboard.open({ cookie: owner });
      const response = await page.goto('/settings?section=apiKeys');
      expect(response?.headers()['x-content-type-options']).toBe('nosniff');
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      const form = page.getByTestId('api-key-form');
      await form.waitFor();
      await form.getByLabel(ADMIN[lang].apiKeys.name, { exact: true }).fill(`Directory ${lang}`);
      await form.getByLabel(ADMIN[lang].scopes.feedback_read).uncheck();
      await form.getByLabel(ADMIN[lang].scopes.feedback_write).uncheck();
      await form.getByLabel(ADMIN[lang].scopes.members_read).check();
      await form.getByLabel(ADMIN[lang].scopes.workspace_read).check();
      await form.getByRole('button', { name: ADMIN[lang].apiKeys.create }).click();
      const secret = await until(
        () => page.getByTestId('api-key-secret').inputValue(),
        (v) => v.startsWith('fl_'),
        'the new secret',
      );
      await screenshot(page, `security-api-key-scopes-${lang}`);
      const members = await dashboard.t.app.inject({
        method: 'GET',
        url: '/api/v1/members',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(members.statusCode).toBe(200);
      const feedback = await dashboard.t.app.inject({
        method: 'GET',
        url: '/api/v1/feedback',
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(feedback.statusCode).toBe(403);
    });
  }
});
