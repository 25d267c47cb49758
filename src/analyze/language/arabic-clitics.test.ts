import { describe, it, expect } from 'vitest';
import { articleStem, procliticStems, suffixStems } from './arabic-clitics.js';
import { normalizeForSearch } from './normalize-text.js';

const n = normalizeForSearch;

describe('Arabic light stemmer', () => {
  it('takes the article and what precedes it off a word', () => {
    for (const w of ['التغليف', 'والتغليف', 'بالتغليف', 'فالتغليف', 'للتغليف', 'وبالتغليف', 'كالتغليف']) {
      expect(articleStem(n(w)), w).toBe(n('تغليف'));
    }
    expect(articleStem(n('تغليف'))).toBe(n('تغليف'));
  });

  it('never cuts a short word to noise', () => {
    expect(articleStem(n('الم'))).toBe(n('الم')); // pain, not ال + م
    expect(articleStem(n('النت'))).toBe(n('النت'));
    expect(procliticStems(n('بنت'))).toEqual([n('بنت')]);
    expect(procliticStems(n('والنت'))).toContain(n('النت'));
  });

  it('gives every proclitic reading as a candidate, the word itself first', () => {
    const forms = procliticStems(n('والتغليف'));
    expect(forms[0]).toBe(n('والتغليف'));
    expect(forms).toEqual(expect.arrayContaining([n('التغليف'), n('تغليف')]));
    // A single letter may belong to the word: فندق stays a candidate of itself.
    expect(procliticStems(n('فندق'))).toEqual([n('فندق'), n('ندق')]);
    expect(procliticStems(n('بيفتح'))).toContain(n('يفتح')); // Egyptian ب + verb
  });

  it('peels one attached ending', () => {
    expect(suffixStems(n('تغليفها'))).toContain(n('تغليف'));
    expect(suffixStems(n('الموظفين'))).toContain(n('الموظف'));
    expect(suffixStems(n('پیکش'))).toContain(n('پیک'));
    expect(suffixStems('delivery')).toEqual([]);
  });
});
