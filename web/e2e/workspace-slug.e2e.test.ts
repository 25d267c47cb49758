// Settings → Workspace shows the workspace's slug, which the command line takes
// (`feedloop import FILE --workspace <slug>`), with a copy button, in the four languages; a
// viewer, who may change nothing else there, can copy it too.
import { expect, it } from 'vitest';
import adminAr from '../src/locales/admin/ar.json' with { type: 'json' };
import adminEn from '../src/locales/admin/en.json' with { type: 'json' };
import adminFa from '../src/locales/admin/fa.json' with { type: 'json' };
import adminZh from '../src/locales/admin/zh.json' with { type: 'json' };
import { sessionCookie } from '../../src/platform/testing/test-app.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, signedInOwner, until, untilText, useDashboard } from './harness.js';

const ADMIN = { en: adminEn, fa: adminFa, ar: adminAr, zh: adminZh };
type Lang = keyof typeof ADMIN;

describeBrowser('the workspace slug in settings', () => {
  const dashboard = useDashboard();

  it('is shown, explained and copyable in every language, also for a viewer', async () => {
    const { t } = dashboard;
    const owner = await signedInOwner(t);
    const { slug } = (await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { cookie: owner } })).json();
    expect(slug).toMatch(/^main-[a-z0-9]+$/);

    for (const lang of ['en', 'fa', 'ar', 'zh'] as Lang[]) {
      const x = ADMIN[lang].admin;
      await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
      const { page, context } = await dashboard.open({ cookie: owner });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto('/settings?section=workspace');
      const field = page.getByTestId('workspace-slug');
      await until(
        () => field.inputValue(),
        (v) => v === slug,
        'the slug',
      );
      expect((await documentDirection(page)).dir).toBe(lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr');
      expect(await page.getByLabel(x.workspace.slug).inputValue()).toBe(slug);
      // The slug reads left to right even on a right-to-left page.
      expect(await field.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      const hint = page.locator('.field-hint').filter({ hasText: '--workspace' });
      expect(await hint.textContent()).toBe(`${x.workspace.slugHint} feedloop import FILE --workspace ${slug}`);
      // The command stays whole and left to right inside the hint's language.
      const command = hint.locator('code');
      expect(await command.evaluate((el) => [getComputedStyle(el).direction, getComputedStyle(el).whiteSpace])).toEqual(['ltr', 'nowrap']);
      const copy = field.locator('xpath=ancestor::div[contains(@class, "copy-field")]').getByRole('button');
      await copy.click();
      await untilText(copy, (text) => text === x.copied, 'the copied state');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(slug);
      await screenshot(page, `settings-workspace-slug-${lang}`);
    }

    // A viewer sees the settings read-only, but the slug is still there to copy.
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: { cookie: owner },
      payload: { email: 'viewer@example.com', role: 'viewer' },
    });
    const token = invite.json().link.split('/').pop();
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Viewer', password: 'a long enough password' },
    });
    const viewer = sessionCookie(accepted.headers['set-cookie']);
    const { page, context } = await dashboard.open({ cookie: viewer });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/settings?section=workspace');
    const field = page.getByTestId('workspace-slug');
    await until(
      () => field.inputValue(),
      (v) => v === slug,
      'the slug for a viewer',
    );
    expect(await page.getByTestId('workspace-form').locator('input[name="name"]').isDisabled()).toBe(true);
    const copy = field.locator('xpath=ancestor::div[contains(@class, "copy-field")]').getByRole('button');
    expect(await copy.isEnabled()).toBe(true);
    await copy.click();
    expect(
      await until(
        () => page.evaluate(() => navigator.clipboard.readText()),
        (v) => v === slug,
        'the copied slug',
      ),
    ).toBe(slug);
  });
});
