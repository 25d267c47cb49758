import { describe, it, expect } from 'vitest';
import { KeywordMatcher } from './keyword-matcher.js';

const matcher = new KeywordMatcher([
  { key: 'delivery', keywords: { fa: ['ارسال*', 'پیک'], ar: ['التوصيل', 'المندوب'], zh: ['配送', '骑手'], en: ['deliver*', 'courier'] } },
  { key: 'price', keywords: { fa: ['قیمت*'], en: ['too expensive', 'price*'], zh: ['太贵'] } },
  { key: 'app_website', keywords: { en: ['the app'], fa: ['اپلیکیشن'] } },
]);
const keys = (text: string) => [...matcher.match(text).keys()].sort();

describe('keyword matcher', () => {
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

  it('reports which keywords matched', () => {
    expect(matcher.match('the courier delivered late').get('delivery')).toEqual(['courier', 'deliver*']); // text order
  });
});
