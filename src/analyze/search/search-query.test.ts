import { describe, it, expect } from 'vitest';
import { parseSearchQuery, SearchQueryError } from './search-query.js';
import { searchDocument } from './search-document.js';

describe('searchDocument', () => {
  it('segments Chinese and folds Persian/Arabic variants, digits and ZWNJ', () => {
    expect(searchDocument('客服态度很差')).toBe('客服 态度 很 差');
    expect(searchDocument('كيفيت كالا')).toBe(searchDocument('کیفیت کالا'));
    expect(searchDocument('می‌خواهم')).toBe(searchDocument('میخواهم'));
    expect(searchDocument('سفارش ۱۲۳ و ٤٥٦')).toBe('سفارش 123 و 456');
    expect(searchDocument('Hello, World!')).toBe('hello world');
  });
});

describe('parseSearchQuery', () => {
  it('ANDs words and prefix-matches the last Latin or Arabic-script word of 3+ characters', () => {
    expect(parseSearchQuery('late delivery').tsquery).toBe("'late' & 'delivery':*");
    expect(parseSearchQuery('delivery ab').tsquery).toBe("'delivery' & 'ab'");
    expect(parseSearchQuery('قيمت').tsquery).toBe("'قیمت':*");
    expect(parseSearchQuery('2024').tsquery).toBe("'2024'");
  });

  it('never prefix-matches Chinese: jieba words are whole words', () => {
    expect(parseSearchQuery('客服').tsquery).toBe("'客服'");
    expect(parseSearchQuery('客服态度').tsquery).toBe("('客服' <-> '态度')");
  });

  it('builds the same lexemes for every spelling variant', () => {
    const variants = ['كيفيت', 'کیفیت', 'كيفيت'];
    expect(new Set(variants.map((q) => parseSearchQuery(q).tsquery)).size).toBe(1);
    expect(parseSearchQuery('می خواهم').tsquery).toBe(parseSearchQuery('می‌خواهم').tsquery);
    expect(parseSearchQuery('ميخواهم').tsquery).toBe(parseSearchQuery('می‌خواهم').tsquery);
    expect(parseSearchQuery('کتاب ها').tsquery).toBe(parseSearchQuery('کتاب‌ها').tsquery);
    expect(parseSearchQuery('۱۲۳۴۵').tsquery).toBe(parseSearchQuery('12345').tsquery);
    expect(parseSearchQuery('١٢٣٤٥').tsquery).toBe(parseSearchQuery('12345').tsquery);
  });

  it('turns quoted phrases into adjacency and a leading minus into exclusion', () => {
    expect(parseSearchQuery('"late delivery" -refund').tsquery).toBe("('late' <-> 'delivery') & !'refund'");
    expect(parseSearchQuery('refund -"very late"').tsquery).toBe("'refund':* & !('very' <-> 'late')");
    expect(parseSearchQuery('refund -"very late"')).toMatchObject({ terms: [], prefixes: ['refund'] });
    expect(parseSearchQuery('"unclosed phrase').tsquery).toBe("('unclosed' <-> 'phrase')");
  });

  it('reads OR between words, binding tighter than AND', () => {
    expect(parseSearchQuery('refund OR return late').tsquery).toBe("('refund' | 'return') & 'late':*");
    expect(parseSearchQuery('a OR b OR c').tsquery).toBe("('a' | 'b' | 'c')");
    // Lower-case "or" is a word; a dangling OR is ignored.
    expect(parseSearchQuery('this or that').tsquery).toBe("'this' & 'or' & 'that':*");
    expect(parseSearchQuery('OR refund OR').tsquery).toBe("'refund':*");
  });

  it('keeps tsquery syntax out: every lexeme is letters, marks and digits', () => {
    const hostile = [
      "&|!():*<>'\\",
      "refund' | 'x",
      'a:* & !b',
      '<-> <2>',
      "')); drop table feedback_items; --",
      "x\\' y",
      '((((a',
      '!!!!refund',
    ];
    for (const q of hostile) {
      let tsquery: string;
      try {
        tsquery = parseSearchQuery(q).tsquery;
      } catch (err) {
        expect(err).toBeInstanceOf(SearchQueryError);
        continue;
      }
      const lexemes = [...tsquery.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      expect(lexemes.length, q).toBeGreaterThan(0);
      for (const l of lexemes) expect(l, q).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
      // Outside the quoted lexemes only the operators this parser writes appear.
      expect(tsquery.replace(/'[^']*'/g, 'L'), q).toMatch(/^[L&|!()<\->:* ]+$/);
    }
  });

  it('refuses a query with nothing to search for', () => {
    expect(() => parseSearchQuery('!!! ??? ...')).toThrow(SearchQueryError);
    expect(() => parseSearchQuery('-refund')).toThrow(/not only words to exclude/);
    expect(() => parseSearchQuery('OR')).toThrow(SearchQueryError);
  });

  it('reports words to highlight and the prefix apart', () => {
    const q = parseSearchQuery('"late delivery" refu');
    expect(q.terms).toEqual(['late', 'delivery']);
    expect(q.prefixes).toEqual(['refu']);
  });
});

describe('Arabic clitics in search', () => {
  it('indexes the stems of glued words after the words themselves', () => {
    expect(searchDocument('والتغليف ممتاز').split(' ').slice(0, 2)).toEqual(['والتغلیف', 'ممتاز']);
    expect(searchDocument('والتغليف ممتاز').split(' ')).toEqual(expect.arrayContaining(['التغلیف', 'تغلیف']));
    expect(searchDocument('delivery was late')).toBe('delivery was late');
  });

  it('searches a word by its stem, whatever is glued to it, phrases as typed', () => {
    for (const q of ['تغليف', 'التغليف', 'والتغليف', 'بالتغليف']) expect(parseSearchQuery(q).tsquery, q).toBe("'تغلیف':*");
    expect(parseSearchQuery('التغليف سيء').tsquery).toBe("'تغلیف' & 'سیء':*");
    expect(parseSearchQuery('"التغليف سيء"').tsquery).toBe("('التغلیف' <-> 'سیء')");
  });
});
