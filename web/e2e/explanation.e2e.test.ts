// "Why this analysis" on a feedback item's page: the words that pushed its sentiment and the
// keywords and words behind each topic, in English and in Persian (right to left).
import { expect, it } from 'vitest';
import en from '../src/locales/explanation/en.json' with { type: 'json' };
import fa from '../src/locales/explanation/fa.json' with { type: 'json' };
import { screenshot } from './browser.js';
import { describeBrowser, documentDirection, seedFeedback, signedInOwner, until, untilText, useDashboard } from './harness.js';

const EN_TEXT = 'The delivery was late again and the courier was rude 😡';
const FA_TEXT = 'سفارشم دو هفته دیر رسید و پیک بی‌ادب بود، خیلی بد';

describeBrowser('explanation of an analysis', () => {
  const dashboard = useDashboard();
  let cookie = '';

  async function itemId(text: string): Promise<string> {
    const res = await dashboard.t.app.inject({ method: 'GET', url: '/api/v1/feedback?limit=100', headers: { cookie } });
    const found = (res.json().data as Array<{ id: string; text: string }>).find((item) => item.text === text);
    if (!found) throw new Error(`no item with text ${text}`);
    return found.id;
  }

  it('lists the words that pushed the sentiment and the keywords behind each topic (English)', async () => {
    cookie = await signedInOwner(dashboard.t, 'en');
    await seedFeedback(dashboard.t, cookie, [
      { language: 'en', text: EN_TEXT },
      { language: 'fa', text: FA_TEXT },
    ]);
    const { page } = await dashboard.open({ cookie });
    await page.goto(`/feedback/${await itemId(EN_TEXT)}`);
    const card = page.getByTestId('explanation');
    await card.getByRole('heading', { name: en.explanation.title }).waitFor();
    await untilText(card.getByTestId('explanation-towards'), (text) => text.includes('rude'), 'words towards negative');
    expect(await card.getByText('Pushed towards “Negative”').count()).toBe(1);
    const keywords = await card.getByTestId('explanation-keywords-delivery').innerText();
    expect(keywords).toContain('courier');
    expect(keywords).toContain('delivery');
    await screenshot(page, 'feedback-explanation-en');
  });

  it('reads right to left in Persian, with the words as the customer wrote them', async () => {
    const { page } = await dashboard.open({ cookie });
    await page.goto(`/feedback/${await itemId(FA_TEXT)}`);
    await page.getByTestId('explanation').waitFor();
    await page.getByTestId('lang-switcher').selectOption('fa');
    await until(
      () => documentDirection(page),
      (d) => d.dir === 'rtl' && d.lang === 'fa',
      '<html dir="rtl" lang="fa">',
    );
    const card = page.getByTestId('explanation');
    await card.getByRole('heading', { name: fa.explanation.title }).waitFor();
    await untilText(card.getByTestId('explanation-keywords-delivery'), (text) => text.includes('پیک'), 'Persian delivery keywords');
    expect(await card.getByTestId('explanation-keywords-support').innerText()).toContain('بی‌ادب');
    expect(await card.getByText('به سمت «منفی» بردند').count()).toBe(1);
    // Labels sit on the right of their words in a right-to-left page.
    const label = await card.locator('.explanation-list dt').first().boundingBox();
    const words = await card.locator('.explanation-list dd').first().boundingBox();
    expect(label!.x).toBeGreaterThan(words!.x);
    await screenshot(page, 'feedback-explanation-fa');
  });
});
