// The dashboard in a real browser against a real server: first-run setup, sign-in and the
// feedback list (escaping, filters, search, detail view).
import { expect, it } from 'vitest';
import en from '../src/locales/en.json' with { type: 'json' };
import fa from '../src/locales/fa.json' with { type: 'json' };
import { OWNER } from '../../src/platform/testing/test-app.js';
import { screenshot } from './browser.js';
import {
  describeBrowser,
  rowTexts,
  seedFeedback,
  signedInOwner,
  until,
  untilRows,
  untilText,
  useDashboard,
  type SeedItem,
} from './harness.js';

describeBrowser('first run', () => {
  const dashboard = useDashboard();

  it('sets up through the form, signs out, rejects a wrong password in Persian and signs in', async () => {
    const { page, allowHttpError } = await dashboard.open({ locale: 'en-US' });
    await page.goto('/');
    await page.waitForURL('**/setup');
    const form = page.getByTestId('setup-form');
    await form.waitFor();
    await screenshot(page, 'setup-en');

    await form.locator('input[name=organizationName]').fill('Acme');
    await form.locator('input[name=workspaceName]').fill('Main shop');
    await form.locator('input[name=name]').fill(OWNER.name);
    await form.locator('input[name=email]').fill(OWNER.email);
    await form.locator('input[name=password]').fill(OWNER.password);
    await form.locator('input[name=confirmPassword]').fill(OWNER.password);
    await form.locator('button[type=submit]').click();

    // The overview is the home page after setup and sign-in.
    await page.getByTestId('overview-window').waitFor();
    await page.goto('/feedback');
    // A workspace without feedback shows its first steps instead of an empty list.
    await untilText(page.getByTestId('first-steps').locator('h2'), (text) => text === en.firstSteps.title, 'the first steps');
    expect(await page.locator('.brand-name').textContent()).toBe('Main shop');
    await screenshot(page, 'feedback-empty-en');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('lang-switcher').selectOption('fa');
    await untilText(page.locator('.auth-title'), (text) => text === fa.login.title, 'the Persian sign-in page');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    allowHttpError(401, '/api/v1/auth/login');
    const login = page.getByTestId('login-form');
    await login.locator('input[name=email]').fill(OWNER.email);
    await login.locator('input[name=password]').fill('not the password');
    await login.locator('button[type=submit]').click();
    await untilText(page.getByRole('alert'), (text) => text === fa.errors.invalidCredentials, 'the localized error');
    expect(await login.locator('input[name=password]').inputValue()).toBe('');
    await screenshot(page, 'login-wrong-password-fa');

    await login.locator('input[name=password]').fill(OWNER.password);
    await login.locator('button[type=submit]').click();
    await page.getByTestId('overview-window').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The profile keeps the language chosen at setup.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'signed-in-en');
  });
});

const XSS = '<img src=x onerror=alert(1)>';
const PERSIAN_TARGET = 'کیفیت پشتیبانی عالی بود، مشکلم در کمتر از یک ساعت حل شد.';

const ITEMS: SeedItem[] = [
  { language: 'fa', text: PERSIAN_TARGET, channel: 'support_ticket', csat: 5, customer: { externalId: 'c-01', name: 'سارا احمدی' } },
  { language: 'fa', text: 'ارسال سفارش سه روز دیر رسید و هیچ پیامکی هم نیامد.', channel: 'email', nps: 3 },
  { language: 'fa', text: 'قیمت‌ها نسبت به ماه قبل خیلی بالا رفته.', channel: 'survey', nps: 5 },
  { language: 'fa', text: 'اپلیکیشن موقع پرداخت بسته می‌شود.', channel: 'widget' },
  { language: 'fa', text: 'بسته‌بندی محکم و تمیز بود، ممنون.', channel: 'review', rating: 5 },
  { language: 'fa', text: 'لطفاً امکان پرداخت اقساطی اضافه کنید.', channel: 'chat' },
  { language: 'fa', text: 'کد تخفیف ۲۰ درصدی اعمال نشد.', channel: 'support_ticket', csat: 2 },
  { language: 'fa', text: 'رنگ گوشی با عکس سایت فرق داشت.', channel: 'review', rating: 2 },
  {
    language: 'ar',
    text: 'خدمة العملاء ممتازة وسريعة في الرد.',
    channel: 'survey',
    nps: 10,
    customer: { externalId: 'c-02', name: 'ليلى حسن' },
  },
  { language: 'ar', text: 'التوصيل تأخر أسبوعاً كاملاً.', channel: 'email' },
  { language: 'ar', text: 'الأسعار مرتفعة مقارنة بالمتاجر الأخرى.', channel: 'social' },
  { language: 'ar', text: 'التطبيق يتوقف عند إضافة بطاقة الدفع.', channel: 'widget' },
  { language: 'ar', text: 'المنتج مطابق للوصف، شكراً لكم.', channel: 'review', rating: 5 },
  { language: 'ar', text: 'أتمنى توفير خيار الدفع عند الاستلام.', channel: 'chat' },
  { language: 'ar', text: 'لم يصلني رمز التحقق على هاتفي.', channel: 'support_ticket' },
  { language: 'zh', text: '物流很快，包装也很好。', channel: 'review', rating: 5 },
  { language: 'zh', text: '客服回复太慢了，等了两天。', channel: 'support_ticket', csat: 1 },
  { language: 'zh', text: '价格比其他平台贵一些。', channel: 'survey', nps: 6 },
  { language: 'zh', text: '应用在支付页面经常闪退。', channel: 'widget' },
  { language: 'zh', text: '希望增加更多付款方式。', channel: 'chat' },
  { language: 'zh', text: '商品质量不错，会再买。', channel: 'review', rating: 4 },
  { language: 'zh', text: '退货流程太复杂了。', channel: 'email' },
  { language: 'en', text: 'Checkout keeps failing with my Visa card.', channel: 'support_ticket', csat: 1 },
  {
    language: 'en',
    text: 'Great support, they fixed my order the same day.',
    channel: 'survey',
    nps: 9,
    customer: { externalId: 'c-03', name: 'Jane Doe' },
  },
  { language: 'en', text: 'Delivery was two days late and nobody told me.', channel: 'email' },
  { language: 'en', text: 'Please add dark mode to the app.', channel: 'widget' },
  { language: 'en', text: 'The product photos do not match what arrived.', channel: 'review', rating: 2 },
  { language: 'en', text: 'Prices went up again this month.', channel: 'social' },
  { language: 'en', text: 'Love the new search, very fast.', channel: 'interview' },
  { text: XSS, channel: 'widget' },
];

describeBrowser('feedback list', () => {
  const dashboard = useDashboard();
  let cookie = '';

  it('shows seeded feedback in four languages, with markup as plain text', async () => {
    cookie = await signedInOwner(dashboard.t);
    const now = Date.now();
    await seedFeedback(
      dashboard.t,
      cookie,
      ITEMS.map((item, i) => ({ ...item, createdAt: new Date(now - i * 3_600_000).toISOString() })),
    );

    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await untilRows(
      page,
      ITEMS.map((item) => item.text),
      'all seeded rows',
    );
    await screenshot(page, 'feedback-list-seeded-en');

    // The markup is shown as text: no image element, and no dialog (the page fails on one).
    const xssRow = page.getByTestId('feedback-row').filter({ hasText: XSS });
    expect(await xssRow.count()).toBe(1);
    expect(await page.getByTestId('feedback-list').locator('img').count()).toBe(0);
    await xssRow.locator('.row-text').click();
    await page.getByTestId('feedback-detail').waitFor();
    expect(await page.locator('.feedback-text').textContent()).toBe(XSS);
    expect(await page.getByTestId('feedback-detail').locator('img').count()).toBe(0);
    await screenshot(page, 'feedback-detail-markup-en');
  });

  it('filters by language and finds Persian text typed with Arabic letters', async () => {
    const { page } = await dashboard.open({ cookie });
    await page.goto('/feedback');
    await until(
      () => page.getByTestId('feedback-row').count(),
      (n) => n === ITEMS.length,
      'all rows',
    );

    await page.getByTestId('filter-language').selectOption('ar');
    await page.waitForURL('**/feedback?language=ar');
    const arabic = ITEMS.filter((item) => item.language === 'ar').map((item) => item.text);
    await untilRows(page, arabic, 'the Arabic rows');
    const langs = await page
      .getByTestId('feedback-row')
      .locator('.row-text')
      .evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
    expect(new Set(langs)).toEqual(new Set(['ar']));
    await screenshot(page, 'feedback-filter-language-ar');

    await page.getByTestId('filter-language').selectOption('');
    await until(
      () => page.getByTestId('feedback-row').count(),
      (n) => n === ITEMS.length,
      'all rows again',
    );

    // "كيفيت" with Arabic kaf (ك) and yeh (ي) must find "کیفیت" (Persian ک and ی).
    const search = page.getByTestId('filter-q');
    await search.fill('كيفيت');
    await page.waitForURL(/q=/);
    await untilRows(page, [PERSIAN_TARGET], 'the Persian search result');
    await screenshot(page, 'feedback-search-fa');

    await search.fill('two days');
    await untilRows(page, ['Delivery was two days late and nobody told me.'], 'the English search result');

    await search.fill('没有这个词');
    await page.locator('.empty-state').waitFor();
    expect(await rowTexts(page)).toEqual([]);

    await search.fill('كيفيت');
    await untilRows(page, [PERSIAN_TARGET], 'the Persian search result again');
    await page.getByTestId('feedback-row').first().locator('.row-text').click();
    await page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
    const detail = page.getByTestId('feedback-detail');
    await detail.waitFor();
    expect(await detail.locator('.feedback-text').textContent()).toBe(PERSIAN_TARGET);
    expect(await detail.locator('.feedback-text').getAttribute('lang')).toBe('fa');
    expect(await detail.locator('.detail-customer').textContent()).toContain('سارا احمدی');
    await screenshot(page, 'feedback-detail-fa-text');

    await page.locator('.back-link').click();
    await page.waitForURL('**/feedback');
    await until(
      () => page.getByTestId('feedback-row').count(),
      (n) => n === ITEMS.length,
      'the whole list after going back',
    );
  });
});
