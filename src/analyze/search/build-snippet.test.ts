import { describe, it, expect } from 'vitest';
import { buildSnippet, SNIPPET_CHARS } from './build-snippet.js';
import { parseSearchQuery } from './search-query.js';

const marked = (text: string, q: string) => {
  const s = buildSnippet(text, parseSearchQuery(q));
  return s.highlights.map(([a, b]) => s.text.slice(a, b));
};

describe('buildSnippet', () => {
  it('highlights the original characters whatever the spelling searched', () => {
    expect(marked('قیمت‌ها خیلی بالاست', 'قيمت')).toEqual(['قیمت‌ها']);
    expect(marked('كيفيت كالا خوب بود', 'کیفیت')).toEqual(['كيفيت']);
    expect(marked('الخِدمةُ ممتازة جداً', 'الخدمه')).toEqual(['الخِدمةُ']);
    expect(marked('من می خواهم کتاب ها را پس بدهم', 'میخواهم کتابها')).toEqual(['می خواهم', 'کتاب ها']);
    expect(marked('من می‌خواهم پس بدهم', 'می خواهم')).toEqual(['می‌خواهم']);
    expect(marked('سفارش ۱۲۳۴۵ دیر رسید', '12345')).toEqual(['۱۲۳۴۵']);
    expect(marked('Delivery was LATE, very late!', 'late')).toEqual(['LATE', 'late']);
  });

  it('maps Chinese words found by segmentation back to their characters', () => {
    expect(marked('客服态度很差，等了很久', '客服')).toEqual(['客服']);
    expect(marked('我觉得客服态度很差', '态度')).toEqual(['态度']);
    expect(marked('服务很好', '客服')).toEqual([]);
  });

  it('highlights whole words for a prefix, never a part of a word for a whole-word term', () => {
    expect(marked('refunds and a refund', 'refund')).toEqual(['refunds', 'refund']);
    expect(marked('refunds and a refund', '"refund"')).toEqual(['refund']);
  });

  it('cuts a window of the original around the best match, on word boundaries', () => {
    const before = 'lorem ipsum dolor sit amet '.repeat(12);
    const after = ' consectetur adipiscing elit'.repeat(12);
    const text = `${before}the refund for my late order never came${after}`;
    const s = buildSnippet(text, parseSearchQuery('refund late'));
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
    expect(s.start).toBeGreaterThan(0);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['refund', 'late']);
    expect(/\s/.test(text[s.start - 1])).toBe(true); // starts at a word
    const end = s.start + s.text.length;
    expect(end === text.length || /\s/.test(text[end])).toBe(true);
  });

  it('prefers the window with the most different matched words', () => {
    const text = `refund ${'x '.repeat(120)}late and refund together ${'y '.repeat(120)}`;
    const s = buildSnippet(text, parseSearchQuery('refund late'));
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['late', 'refund']);
  });

  it('returns the start of the text when no word can be mapped', () => {
    const s = buildSnippet('nothing here matches', parseSearchQuery('refund'));
    expect(s).toEqual({ text: 'nothing here matches', highlights: [], start: 0 });
  });

  it('never splits a surrogate pair', () => {
    const text = `${'😀'.repeat(100)} refund ${'😀'.repeat(100)}`;
    const s = buildSnippet(text, parseSearchQuery('refund'));
    expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['refund']);
  });
});
