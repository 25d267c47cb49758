import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('splits the window into plain and matched parts', () => {
    const text = 'قیمت‌ها خیلی بالاست';
    expect(snippetParts({ text, highlights: [[0, 7]], start: 0 }, text.length)).toEqual([
      { text: 'قیمت‌ها', match: true },
      { text: ' خیلی بالاست', match: false },
    ]);
  });

  it('marks where the window cuts the full text', () => {
    const parts = snippetParts({ text: 'the refund never came', highlights: [[4, 10]], start: 20 }, 100);
    expect(parts.map((p) => p.text)).toEqual(['…', 'the ', 'refund', ' never came', '…']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['refund']);
  });

  it('keeps markup in the text as text', () => {
    const text = '<img src=x onerror=alert(1)> refund';
    const parts = snippetParts({ text, highlights: [[29, 35]], start: 0 }, text.length);
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'refund', match: true },
    ]);
  });

  it('ignores overlapping, reversed and out-of-range ranges', () => {
    const parts = snippetParts(
      {
        text: 'abcdef',
        highlights: [
          [2, 4],
          [3, 5],
          [5, 4],
          [4, 99],
        ],
        start: 0,
      },
      6,
    );
    expect(parts).toEqual([
      { text: 'ab', match: false },
      { text: 'cd', match: true },
      { text: 'ef', match: false },
    ]);
  });
});
