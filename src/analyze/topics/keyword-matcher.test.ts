import { describe, it, expect } from 'vitest';
import { KeywordMatcher } from './keyword-matcher.js';

const matcher = new KeywordMatcher([
  { key: 'delivery', keywords: { fa: ['ارسال*', 'پیک'], ar: ['التوصيل', 'المندوب'], zh: ['配送', '骑手'], en: ['deliver*', 'courier'] } },
  { key: 'price', keywords: { fa: ['قیمت*'], en: ['too expensive', 'price*'], zh: ['太贵'] } },
  { key: 'app_website', keywords: { en: ['the app'], fa: ['اپلیکیشن'] } },
]);
const keys = (text: string) => [...matcher.match(text).keys()].sort();

describe('keyword matcher', () => {
  it('matches {amount} on a sum with a currency sign or code, in any script', () => {
    const m = new KeywordMatcher([{ key: 'price', keywords: { en: ['{amount}'] } }]);
    const k = (text: string) => [...m.match(text).keys()];
    for (const text of ['$38 for a steak', '£7 a pint', 'paid 45€', 'USD 40 fee', '250 SAR', '120元一晚', '٥٠$ فقط'])
      expect(k(text), text).toEqual(['price']);
    for (const text of ['I have 3 kids', 'room 12', 'US dollars', 'gate B12', 'usd']) expect(k(text), text).toEqual([]);
  });

  it('matches whole words, prefixes and phrases', () => {
    expect(keys('Delivery was late')).toEqual(['delivery']);
    expect(keys('they delivered it broken')).toEqual(['delivery']);
    expect(keys('It is too expensive')).toEqual(['price']);
    expect(keys('It is too cheap')).toEqual([]);
    expect(keys('I love the app')).toEqual(['app_website']);
    expect(keys('happy')).toEqual([]); // "app" inside a word is not "the app"
  });

  it('ignores Persian/Arabic letter variants, ZWNJ and case', () => {
    expect(keys('ارسال‌ها خیلی کند بود')).toEqual(['delivery']);
    expect(keys('قيمتش بالاست')).toEqual(['price']); // Arabic ي typed for ی
    expect(keys('اپليکيشن کار نمی‌کند')).toEqual(['app_website']);
    expect(keys('تأخر التوصيل')).toEqual(['delivery']);
    expect(keys('DELIVERY')).toEqual(['delivery']);
  });

  it('matches Chinese keywords inside unsegmented text', () => {
    expect(keys('配送太慢了，而且太贵')).toEqual(['delivery', 'price']);
    expect(keys('骑手态度很好')).toEqual(['delivery']);
  });

  it('matches Arabic keywords whatever clitics are glued to the word', () => {
    const m = new KeywordMatcher([
      { key: 'packaging', keywords: { ar: ['تغليف', 'العلبة'] } },
      { key: 'delivery', keywords: { ar: ['التوصيل متأخر', 'ما يوصل'] } },
    ]);
    const k = (text: string) => [...m.match(text, undefined, 'ar').keys()].sort();
    for (const text of ['التغليف سيء', 'والتغليف كان ممزق', 'بالتغليف مشكلة', 'للتغليف', 'تغليفها رديء', 'وعلبته مكسورة', 'بالعلبة']) {
      expect(k(text), text).toEqual(['packaging']);
    }
    expect(k('والتوصيل متأخر كالعادة')).toEqual(['delivery']);
    expect(k('الطلب ما بيوصل')).toEqual(['delivery']); // Egyptian ب on the verb
    expect(k('تغلبنا على المشكلة')).toEqual([]);
  });

  it('matches Persian words with their endings, and English plurals', () => {
    const m = new KeywordMatcher([{ key: 'delivery', keywords: { fa: ['پیک'], en: ['courier', 'box'] } }]);
    expect([...m.match('پیکش خیلی بداخلاق بود', undefined, 'fa').keys()]).toEqual(['delivery']);
    expect([...m.match('پیک‌ها همیشه دیر میان', undefined, 'fa').keys()]).toEqual(['delivery']);
    expect([...m.match('پیک های شما', undefined, 'fa').keys()]).toEqual(['delivery']); // plural typed with a space
    expect([...m.match('پیک‌ام دیر کرد', undefined, 'fa').keys()]).toEqual(['delivery']); // ‌ام after ZWNJ
    expect([...m.match('the couriers were late', undefined, 'en').keys()]).toEqual(['delivery']);
    expect([...m.match('two boxes missing', undefined, 'en').keys()]).toEqual(['delivery']);
    expect([...m.match('پیکان قدیمی', undefined, 'fa').keys()]).toEqual([]); // a car, not a courier
  });

  it('keeps Persian and Arabic keywords apart when the language is known', () => {
    const m = new KeywordMatcher([
      { key: 'payment', keywords: { ar: ['التحويل', 'دفع'] } },
      { key: 'delivery', keywords: { fa: ['تحویل'] } },
    ]);
    expect([...m.match('تحویل سفارش دیر شد', undefined, 'fa').keys()]).toEqual(['delivery']);
    expect([...m.match('دفعه دوم بود', undefined, 'fa').keys()]).toEqual([]);
    expect([...m.match('التحويل ما وصل', undefined, 'ar').keys()]).toEqual(['payment']);
  });

  it('matches simplified keywords in traditional Chinese text', () => {
    expect(keys('配送太慢，價格也太貴')).toEqual(['delivery', 'price']);
    expect(keys('騎手態度很好')).toEqual(['delivery']);
  });

  it('reports which keywords matched', () => {
    expect(matcher.match('the courier delivered late').get('delivery')).toEqual(['courier', 'deliver*']); // text order
  });
});
