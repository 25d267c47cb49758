import { describe, expect, it } from 'vitest';
import { clauseSentimentLogits, MAX_CLAUSES, splitClauses } from './clauses.js';

const texts = (t: string): string[] => splitClauses(t).map((c) => c.text);
const contrasts = (t: string): boolean[] => splitClauses(t).map((c) => c.contrast);

describe('clause splitter', () => {
  it('splits Persian on punctuation and before contrast words, also in Arabic-letter spellings', () => {
    expect(texts('صفحه عالیه ولی باتری زود تموم میشه.')).toEqual(['صفحه عالیه', 'ولی باتری زود تموم میشه']);
    expect(contrasts('صفحه عالیه ولی باتری زود تموم میشه.')).toEqual([false, true]);
    expect(texts('گوشي خوبيه، اما گرونه')).toEqual(['گوشي خوبيه', 'اما گرونه']);
    expect(texts('گوشي خوبيه(قوي و شکيل)البته تو تيپ خودش عاليه!')).toEqual(['گوشي خوبيه(قوي و شکيل)', 'البته تو تيپ خودش عاليه']);
    // a contrast word inside another word is not one: "امانت" (trust) starts with اما
    expect(texts('امانت دار بودن')).toEqual(['امانت دار بودن']);
  });

  it('splits Arabic (MSA and dialect "بس") and Arabizi', () => {
    expect(texts('الفندق جميل لكن الخدمة سيئة جدا 😡')).toEqual(['الفندق جميل', 'لكن الخدمة سيئة جدا 😡']);
    expect(texts('الأكل حلو بس التوصيل متأخر')).toEqual(['الأكل حلو', 'بس التوصيل متأخر']);
    expect(texts('الغرفة نظيفة، ولكن الإفطار بارد؛ الموقع ممتاز')).toEqual(['الغرفة نظيفة', 'ولكن الإفطار بارد', 'الموقع ممتاز']);
    expect(contrasts('el akl 7elw bas el delivery t2akhar')).toEqual([false, true]);
  });

  it('splits Chinese on full-width punctuation and before 但是 / 不过 without spaces', () => {
    expect(texts('味道不错，但是送餐太慢了！')).toEqual(['味道不错', '但是送餐太慢了']);
    expect(texts('菜很好吃不过有点贵')).toEqual(['菜很好吃', '不过有点贵']);
    expect(contrasts('菜很好吃不过有点贵')).toEqual([false, true]);
    expect(texts('包装很好、送得很快。')).toEqual(['包装很好', '送得很快']);
  });

  it('splits English and carries a bare contrast word over a comma', () => {
    expect(texts('The screen is great, but the battery dies by noon. Never again!')).toEqual([
      'The screen is great',
      'but the battery dies by noon',
      'Never again',
    ]);
    expect(splitClauses('Nice hotel. However, the wifi kept dropping')).toEqual([
      { text: 'Nice hotel', contrast: false },
      { text: 'the wifi kept dropping', contrast: true },
    ]);
    expect(texts('Butter chicken was lovely')).toEqual(['Butter chicken was lovely']);
  });

  it('keeps a text without boundaries whole, joins letterless pieces and caps the count', () => {
    expect(splitClauses('ok')).toEqual([{ text: 'ok', contrast: false }]);
    expect(texts('great app!! 👍👍')).toEqual(['great app 👍👍']);
    expect(texts('')).toEqual(['']);
    const long = Array.from({ length: 20 }, (_, i) => `part ${i}`).join('. ');
    const clauses = texts(long);
    expect(clauses).toHaveLength(MAX_CLAUSES);
    expect(clauses.at(-1)).toContain('part 19');
  });
});

describe('clause reading', () => {
  it('mixes the whole text with the mean of its clauses, and keeps one-clause texts as they are', () => {
    const whole = Float32Array.of(0, 0, 2);
    const byClause: Record<string, number[]> = { 'good screen': [0, 0, 4], 'but slow': [4, 0, 0] };
    expect(Array.from(clauseSentimentLogits(whole, 'good screen, but slow', (c) => byClause[c]))).toEqual([1, 0, 2]);
    expect(clauseSentimentLogits(whole, 'good screen', () => [9, 9, 9])).toBe(whole);
  });
});
