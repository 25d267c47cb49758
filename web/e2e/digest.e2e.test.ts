// The digest settings and preview in the browser, in Persian and English: the preferences are
// saved, and "Preview digest" frames the email the member would get (right to left with Jalali
// dates and Persian digits in Persian), the same HTML the job sends.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import digestEn from '../src/locales/digest/en.json' with { type: 'json' };
import digestFa from '../src/locales/digest/fa.json' with { type: 'json' };
import { rebuildRollups } from '../../src/evaluate/rollups/rebuild-rollups.js';
import { workspaces } from '../../src/platform/workspace/workspace.tables.js';
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

const TEXTS = { en: digestEn.digest, fa: digestFa.digest };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describeBrowser('digest settings and preview', () => {
  const dashboard = useDashboard();

  it('saves the digest preferences and previews the email in Persian, then in English', { timeout: 240_000 }, async () => {
    const { t } = dashboard;
    const owner = await signedInOwner(t, 'fa');
    const [workspace] = await t.database.db.select().from(workspaces);
    await seedFeedback(t, owner, [
      { text: 'ارسال خیلی دیر رسید', language: 'fa', nps: 2, createdAt: daysAgo(2) },
      { text: 'عالی بود', language: 'fa', nps: 10, createdAt: daysAgo(3) },
      { text: 'Great support', language: 'en', nps: 9, createdAt: daysAgo(4) },
    ]);
    await t.database.rows(sql`update feedback_items set topics = '{delivery}' where nps = 2`);
    await rebuildRollups(t.database, workspace.id);

    for (const lang of ['fa', 'en'] as const) {
      const x = TEXTS[lang];
      await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
      const { page } = await dashboard.open({ cookie: owner });
      await page.goto('/settings?section=profile');
      const section = page.getByTestId('digest-settings');
      await untilText(section.locator('h2'), (text) => text === x.title, 'the digest settings');
      expect((await documentDirection(page)).dir).toBe(lang === 'fa' ? 'rtl' : 'ltr');

      const form = page.getByTestId('digest-form');
      await form.getByLabel(x.hour, { exact: true }).selectOption(lang === 'fa' ? '9' : '7');
      await form.getByLabel(x.language, { exact: true }).selectOption(lang);
      await form.getByRole('button', { name: x.save }).click();
      await untilText(section.locator('.alert-success'), (text) => text === x.saved, 'saved');
      const saved = (await t.app.inject({ method: 'GET', url: '/api/v1/me/digest', headers: { cookie: owner } })).json();
      expect(saved).toMatchObject({ enabled: true, frequency: 'weekly', hour: lang === 'fa' ? 9 : 7, language: lang });

      await page.getByTestId('digest-preview-button').click();
      const subject = await untilText(page.getByTestId('digest-preview').locator('bdi'), (text) => text.length > 0, 'the subject');
      const frame = page.frameLocator('[data-testid="digest-frame"]');
      const heading = lang === 'fa' ? 'خلاصهٔ هفتگی بازخوردها' : 'Weekly feedback digest';
      await until(() => frame.locator('body').innerText().catch(() => ''), (text) => text.includes(heading), 'the framed digest', 30_000);
      const body = await frame.locator('body').innerText();
      const html = frame.locator('html');
      if (lang === 'fa') {
        expect(subject).toMatch(/۱۴۰[۵۶]/); // Jalali year, Persian digits
        expect(await html.getAttribute('dir')).toBe('rtl');
        expect(body).toContain('ارسال و تحویل'); // the top driver, by its Persian name
        expect(body).toMatch(/[۰-۹]/);
      } else {
        expect(subject).toMatch(/^Your weekly feedback digest for /);
        expect(await html.getAttribute('dir')).toBe('ltr');
        expect(body).toContain('Delivery');
      }
      // The frame shows what the job sends: the same HTML as the preview's JSON.
      const preview = (await t.app.inject({ method: 'GET', url: '/api/v1/me/digest/preview', headers: { cookie: owner } })).json();
      expect(preview.subject).toBe(subject);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `digest-preview-${lang}`);
    }
  });
});
