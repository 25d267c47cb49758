// The workspace's default country for phone numbers in Settings → Workspace: country names in the
// user's language (with their calling code in the user's digits), sorted for that language; the
// choice is what the API then reads national numbers in. English and Persian, Arabic and Chinese.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import adminAr from '../src/locales/admin/ar.json' with { type: 'json' };
import adminEn from '../src/locales/admin/en.json' with { type: 'json' };
import adminFa from '../src/locales/admin/fa.json' with { type: 'json' };
import adminZh from '../src/locales/admin/zh.json' with { type: 'json' };
import { bearer, createKey } from '../../src/platform/testing/test-app.js';
import { screenshot } from './browser.js';
import { describeBrowser, signedInOwner, untilText, useDashboard } from './harness.js';

const TEXTS = { en: adminEn, fa: adminFa, ar: adminAr, zh: adminZh };
type Lang = keyof typeof TEXTS;
const DIGITS: Record<Lang, string> = { en: 'latn', fa: 'arabext', ar: 'arab', zh: 'latn' };

/** The label the select shows for a country: its name in the language, and its calling code in the language's digits. */
function countryLabel(lang: Lang, code: string, calling: number): string {
  const name = new Intl.DisplayNames([lang], { type: 'region' }).of(code);
  return `${name} (\u2066+${new Intl.NumberFormat(`${lang}-u-nu-${DIGITS[lang]}`).format(calling)}\u2069)`;
}

async function countrySelect(page: Page, lang: Lang) {
  await page.goto('/settings?section=workspace');
  const form = page.getByTestId('workspace-form');
  await form.waitFor();
  return form.getByLabel(TEXTS[lang].admin.workspace.defaultCountry);
}

describeBrowser('default country for phone numbers', () => {
  const dashboard = useDashboard();
  let owner = '';
  let key = '';

  async function choose(lang: Lang, code: string, calling: number) {
    const { t } = dashboard;
    await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: lang } });
    const { page } = await dashboard.open({ cookie: owner });
    const select = await countrySelect(page, lang);
    const options = await select
      .locator('option')
      .evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, text: el.textContent ?? '' })));
    expect(options[0]).toEqual({ value: '', text: TEXTS[lang].admin.workspace.noCountry });
    // Every country by its name in this language, in this language's order.
    const names = options.slice(1).map((o) => o.text);
    expect(names).toEqual([...names].sort(new Intl.Collator(lang).compare));
    expect(options.find((o) => o.value === code)?.text).toBe(countryLabel(lang, code, calling));
    await select.selectOption(code);
    await page.getByTestId('save-workspace').click();
    await untilText(page.locator('.alert-success'), (text) => text === TEXTS[lang].admin.workspace.saved, 'saved');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { cookie: owner } })).json().defaultCountry).toBe(code);
    expect(await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(
      countryLabel(lang, code, calling),
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `settings-phone-country-${lang}`);
    return page;
  }

  const identify = async (phone: string) =>
    dashboard.t.app.inject({ method: 'POST', url: '/api/v1/customers/identify', headers: bearer(key), payload: { phone } });

  it('an English workspace starts with none, and reads national numbers in the chosen country', async () => {
    owner = await signedInOwner(dashboard.t, 'en');
    key = await createKey(dashboard.t, owner);
    expect((await identify('050 123 4567')).statusCode).toBe(400);
    const { page } = await dashboard.open({ cookie: owner });
    expect(await (await countrySelect(page, 'en')).inputValue()).toBe('');
    await choose('en', 'AE', 971);
    expect((await identify('050 123 4567')).json().phone).toBe('+971501234567');
  });

  it('in Persian, right to left, with Persian digits', async () => {
    await choose('fa', 'IR', 98);
    expect((await identify('۰۹۱۲ ۱۲۳ ۴۵۶۷')).json().phone).toBe('+989121234567');
  });

  it('in Arabic and Chinese', async () => {
    await choose('ar', 'SA', 966);
    expect((await identify('٠٥٥ ١٢٣ ٤٩٨٧')).json().phone).toBe('+966551234987');
    await choose('zh', 'CN', 86);
    expect((await identify('138 0013 8000')).json().phone).toBe('+8613800138000');
    await dashboard.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: owner }, payload: { locale: 'en' } });
  });
});
