import { describe, it, expect, beforeAll } from 'vitest';
import { detectLanguage, cleanForDetection, loadLanguageDetector } from './detect-language.js';

beforeAll(loadLanguageDetector);

const lang = (text: string): string => detectLanguage(text).language;
/** Persian retyped on an Arabic keyboard: ی → ي, ک → ك. */
const arabicKeyboard = (s: string): string => s.replace(/\u06CC/g, '\u064A').replace(/\u06A9/g, '\u0643');

describe('detectLanguage', () => {
  it('detects the four product languages on ordinary feedback', () => {
    expect(lang('این محصول واقعا عالی بود و به موقع رسید')).toBe('fa');
    expect(lang('المنتج ممتاز والتوصيل كان سريعا جدا')).toBe('ar');
    expect(lang('送餐太慢了，饭都凉了')).toBe('zh');
    expect(lang('The delivery was late and the food was cold')).toBe('en');
  });

  it('keeps Persian typed with Arabic ي/ك as Persian', () => {
    const persian = 'کیفیت این گوشی خیلی خوبه ولی باتری اش کم میاره';
    expect(arabicKeyboard(persian)).toContain('ك');
    expect(arabicKeyboard(persian)).toContain('ي');
    expect(lang(persian)).toBe('fa');
    expect(lang(arabicKeyboard(persian))).toBe('fa');
    expect(lang('اندازه ي خوبي داره')).toBe('fa');
    expect(lang('نميتونم ازش راضي باشم، كيفيتش پايينه')).toBe('fa');
  });

  it('keeps Arabic typed with Persian ی/ک as Arabic', () => {
    expect(lang('الخدمة فی هذا الفندق کانت سیئة جدا')).toBe('ar');
  });

  it('tells Persian from Arabic without Persian-only letters', () => {
    // No پ چ ژ گ here: function words and morphology decide.
    expect(lang('این را برای من بفرستید که ببینم')).toBe('fa');
    expect(lang('هذا الذي كان في البيت لا يعمل')).toBe('ar');
  });

  it('handles very short Chinese', () => {
    for (const t of ['很好', '太慢了', '不错', '差评']) expect(lang(t)).toBe('zh');
    expect(detectLanguage('很好').confidence).toBeGreaterThan(0.5);
  });

  it('decides mixed-script text by its main script, not by embedded Latin names', () => {
    expect(lang('这个app很好用，iPhone上也不卡')).toBe('zh');
    expect(lang('گوشی Samsung Galaxy S III واقعا عالیه')).toBe('fa');
    expect(lang('جوال Samsung ممتاز والبطارية تدوم طويلا')).toBe('ar');
    expect(lang('I really love this place, the staff were friendly 很好')).toBe('en');
  });

  it('tells Japanese and Korean from Chinese', () => {
    expect(lang('配達がとても早かったです')).toBe('ja');
    expect(lang('배송이 정말 빨랐어요')).toBe('ko');
  });

  it('returns und when there is no language in the text', () => {
    for (const t of ['', '   ', '😀👍🔥', '12345', '۱۲۳۴', '!!!???', 'https://example.com/a?b=1', 'x', '好', '<br/><p></p>']) {
      expect(detectLanguage(t)).toEqual({ language: 'und', confidence: 0 });
    }
  });

  it('strips HTML, URLs, e-mails, @mentions and control characters before detecting', () => {
    const html = '<div class="review"><p>این <b>محصول</b> عالی است</p><script>var x = "hello world english";</script></div>';
    expect(cleanForDetection(html)).not.toMatch(/div|script|hello/);
    expect(lang(html)).toBe('fa');
    expect(lang('@support_team see https://shop.example.com/orders/123 ممتاز جدا شكرا لكم mail me: a.b@example.com')).toBe('ar');
    expect(lang('\u0000\u0007\u200Fسلام، سفارشم هنوز نرسیده\u202E')).toBe('fa');
    expect(lang('&lt;p&gt;Great service, thank you&lt;/p&gt;')).toBe('en');
  });

  it('uses Arabic hashtags as text but ignores foreign trending tags', () => {
    expect(lang('شغل جامد جدا #MannequinChallenge #christmas')).toBe('ar');
    expect(lang('#خدمة_سيئة')).toBe('ar');
  });

  it('still reports other languages eld knows', () => {
    expect(lang('Le service était vraiment excellent, merci beaucoup')).toBe('fr');
    expect(lang('El producto llegó roto y nadie me responde')).toBe('es');
    expect(lang('Доставка была быстрой, спасибо')).toBe('ru');
    expect(lang('کھانا بہت اچھا تھا اور سروس بھی شاندار تھی')).toBe('ur');
  });

  it('prefers English for short Latin texts where eld hesitates', () => {
    for (const t of ['refund status', 'password recovery', 'Excellent!', 'cool phone.']) expect(lang(t)).toBe('en');
  });

  it('is fast on 100 KB inputs (only the start of the text is read)', () => {
    const big = [
      'این محصول خیلی خوب است و من از خریدم راضی هستم. '.repeat(2500),
      '很好吃，送餐也快'.repeat(13000),
      'a'.repeat(100_000),
      '<a'.repeat(50_000),
    ];
    for (const text of big) expect(text.length).toBeGreaterThan(99_000);
    const start = performance.now();
    const results = big.map(detectLanguage);
    expect(performance.now() - start).toBeLessThan(200);
    expect(results[0].language).toBe('fa');
    expect(results[1].language).toBe('zh');
  });

  it('returns a confidence between 0 and 1', () => {
    for (const t of ['很好', 'عالی بود', 'ممتاز', 'good', 'The food was great and cheap']) {
      const { confidence } = detectLanguage(t);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
