import { describe, it, expect } from 'vitest';
import { extractThemes, trendOf, type Theme, type ThemeItem } from './extract-themes.js';
import { surfaceTokens } from './surface-form.js';
import { KeywordMatcher } from '../topics/keyword-matcher.js';
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenize } from '../language/tokenize.js';

const matcher = new KeywordMatcher([
  { key: 'delivery', keywords: { en: ['delivery', 'shipping'], fa: ['ارسال'], ar: ['توصيل'], zh: ['物流'] } },
  { key: 'price', keywords: { en: ['price*'], fa: ['قیمت'], ar: ['سعر'], zh: ['价格'] } },
]);

let seq = 0;
const NOW = Date.parse('2026-05-01T00:00:00Z');
function items(language: string, texts: string[], topics: string[] = []): ThemeItem[] {
  return texts.map((text, i) => ({ id: `${language}-${++seq}`, text, language, topics, createdAt: new Date(NOW - i * 3_600_000) }));
}
const run = (current: ThemeItem[], previous: ThemeItem[] = [], language?: string) =>
  extractThemes({ current, previous, matcher, language, limit: 50 });
const byKey = (themes: Theme[], key: string) => themes.find((t) => t.key === normalizeForSearch(key));
const keys = (themes: Theme[]) => themes.map((t) => t.key);

describe('English', () => {
  const current = [
    ...items('en', [
      'Courier never called before arriving',
      'The Courier never called, I waited all day',
      'Courier never called and left the parcel outside',
      'courier never called me',
      'good good very good, please thanks',
      'Very good, thanks, please keep it up',
      'Good app, very nice, thanks',
    ]),
    ...items('en', ['Delivery was slow', 'Slow delivery again', 'delivery is slow', 'The shipping was slow'], ['delivery']),
  ];
  const themes = run(current);

  it('turns a phrase repeated across items into one theme, shown as customers spelled it', () => {
    const theme = byKey(themes, 'courier never called');
    expect(theme).toMatchObject({
      phrase: 'Courier never called',
      language: 'en',
      count: 4,
      previousCount: 0,
      trend: 'new',
      coveredShare: 0,
    });
    expect(theme!.exampleItems).toHaveLength(3);
    expect(theme!.exampleItems[0].text).toMatch(/courier never called/i);
  });

  it('collapses shorter phrases into the longer one they occur in', () => {
    expect(keys(themes)).not.toContain('courier');
    expect(keys(themes)).not.toContain('never called');
  });

  it('never makes themes of stopwords or of phrases a topic keyword already matches', () => {
    for (const word of ['good', 'very', 'please', 'thanks', 'good good', 'very good']) expect(keys(themes)).not.toContain(word);
    expect(themes.some((t) => /delivery|shipping/.test(t.key))).toBe(false);
  });

  it('reports the covered share and ranks uncovered themes first', () => {
    const slow = byKey(themes, 'slow')!;
    expect(slow.coveredShare).toBe(1);
    expect(themes.indexOf(slow)).toBeGreaterThan(themes.indexOf(byKey(themes, 'courier never called')!));
  });

  it('counts distinct items, not occurrences', () => {
    const repeated = run(items('en', ['refund form refund form refund form', 'nothing here', 'other words']));
    expect(repeated).toEqual([]);
  });
});

describe('Persian', () => {
  const current = items('fa', [
    'کد تخفیف اعمال نشد',
    'چرا کد تخفیف کار نمی‌کند؟',
    'كد تخفيف را زدم ولی اعمال نشد', // Arabic kaf and yeh
    'کد تخفیف من منقضی شده بود',
    'خیلی خوب بود، ممنون',
    'جداً خیلی عالی بود',
    'خیلی بد بود',
    'ارسال دیر بود و ارسال گران',
    'ارسال دیر انجام شد',
    'هزینه ارسال دیر',
  ]);
  const themes = run(current);

  it('merges ي/ی and ك/ک spellings into one theme and shows the most frequent spelling', () => {
    const theme = byKey(themes, 'کد تخفیف');
    expect(theme).toMatchObject({ phrase: 'کد تخفیف', count: 4, language: 'fa' });
    expect(byKey(themes, 'اعمال نشد')).toBeUndefined(); // two items only
  });

  it('drops stopwords and topic-covered phrases', () => {
    for (const word of ['خیلی', 'جدا', 'بود', 'خوب']) expect(keys(themes)).not.toContain(normalizeForSearch(word));
    expect(themes.some((t) => t.key.includes('ارسال'))).toBe(false);
    expect(byKey(themes, 'دیر')).toBeUndefined(); // only ever seen in the covered phrase «ارسال دیر»
  });
});

describe('Arabic', () => {
  const current = items('ar', [
    'التطبيق يغلق فجأة بعد التحديث',
    'بعد التحديث التطبيق يغلق فجأة',
    'التطبيق يغلق فجاة كل مرة',
    'شكرا جزيلا، خدمة جيدة جدا',
    'شكرا جدا',
    'جيد جدا شكرا',
  ]);
  const previous = items('ar', ['التطبيق يغلق فجأة', 'واجهة جميلة', 'واجهة جميلة وسهلة']);

  it('finds the theme with its trend against the previous window', () => {
    const theme = byKey(run(current, previous), 'التطبيق يغلق فجأة');
    expect(theme).toMatchObject({ phrase: 'التطبيق يغلق فجأة', count: 3, previousCount: 1, trend: 'rising' });
  });

  it('drops stopwords', () => {
    const found = keys(run(current, previous));
    for (const word of ['شكرا', 'جدا', 'جيد', 'بعد']) expect(found).not.toContain(normalizeForSearch(word));
  });
});

describe('Chinese', () => {
  const current = items('zh', [
    '电池不耐用，一天要充两次电',
    '这个手机电池不耐用',
    '电池不耐用，很失望',
    '客服电话打不通',
    '客服电话一直打不通，非常生气',
    '打了三次客服电话都打不通',
    '很好很好非常好',
    '非常好，很满意',
    '很满意，谢谢',
    '物流太慢了',
    '物流太慢，等了一周',
    '物流太慢',
  ]);
  const themes = run(current);

  it('finds phrases through word segmentation and shows them without spaces', () => {
    expect(byKey(themes, '不耐用')).toMatchObject({ phrase: '不耐用', key: '不耐用', count: 3 });
    expect(byKey(themes, '耐用')).toBeUndefined(); // only ever seen negated: shown as 不耐用
    expect(byKey(themes, '客服电话')).toMatchObject({ phrase: '客服电话', count: 3 });
    expect(byKey(themes, '打不通')?.count ?? byKey(themes, '不通')?.count).toBe(3);
  });

  it('drops stopwords, one-character words and topic-covered phrases', () => {
    for (const word of ['很', '非常', '满意', '很好', '谢谢', '不']) expect(keys(themes)).not.toContain(word);
    expect(themes.some((t) => t.key.includes('物流'))).toBe(false);
    expect(themes.every((t) => [...t.key].length >= 2)).toBe(true);
  });
});

describe('across languages', () => {
  const current = [
    ...items('en', ['Refund form crashes', 'refund form crashes on submit', 'The refund form crashes']),
    ...items('fa', ['کد تخفیف کار نمی‌کند', 'کد تخفیف نامعتبر است', 'کد تخفیف را قبول نمی‌کند', 'کد تخفیف اشتباه']),
  ];

  it('lists every language together, each theme with its language', () => {
    const themes = run(current);
    expect(themes.map((t) => t.language).sort()).toEqual(['en', 'fa']);
    expect(themes[0].key).toBe('کد تخفیف'); // four items outrank three
  });

  it('keeps to one language when asked', () => {
    expect(run(current, [], 'en').map((t) => t.language)).toEqual(['en']);
  });

  it('skips items without a detected language', () => {
    const und = items('und', ['zzz qqq', 'zzz qqq', 'zzz qqq']);
    expect(run(und)).toEqual([]);
  });
});

describe('support and trend', () => {
  it('needs three items and 0.5 % of the window', () => {
    expect(run(items('en', ['Wobbly handle', 'wobbly handle again']))).toEqual([]);
    const filler = Array.from({ length: 800 }, (_, i) => `message number ${i} about nothing`);
    expect(run(items('en', ['Wobbly handle', 'wobbly handle', 'wobbly handle', ...filler])).map((t) => t.key)).not.toContain(
      'wobbly handle',
    );
  });

  it('labels the change against the previous window', () => {
    expect(trendOf(5, 0)).toBe('new');
    expect(trendOf(6, 4)).toBe('rising');
    expect(trendOf(5, 4)).toBe('steady');
    expect(trendOf(4, 6)).toBe('falling');
  });

  it('scores a rising theme above a steady one of the same size', () => {
    const steadyPrev = items('en', ['Wobbly handle', 'wobbly handle', 'wobbly handle']);
    const current = items('en', ['Wobbly handle', 'wobbly handle', 'wobbly handle', 'Sticky zipper', 'sticky zipper', 'sticky zipper']);
    const themes = run(current, steadyPrev);
    expect(themes.map((t) => [t.key, t.trend])).toEqual([
      ['sticky zipper', 'new'],
      ['wobbly handle', 'steady'],
    ]);
  });
});

describe('surface tokens', () => {
  it('are the tokens tokenize() gives, with ranges in the original text', () => {
    for (const text of [
      'می خواهم پیک‌ها زودتر برسند',
      'پیک ها دير رسيدند',
      'كيفية الدفع بالبطاقة',
      'The Courier was LATE!',
      '客服电话打不通，iPhone电池不耐用',
    ]) {
      const tokens = surfaceTokens(text);
      expect(tokens.map((t) => t.key)).toEqual(tokenize(text));
      for (const t of tokens) expect(normalizeForSearch(text.slice(t.start, t.end)).replace(/ /g, '')).toBe(t.key);
    }
  });
});
