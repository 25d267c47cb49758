import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';
import { TYPE_CUE_CLASSES, typeCueClasses } from './type-cues.js';

function cues(text: string, language: string): string[] {
  const normalized = normalizeForSearch(text);
  return typeCueClasses(language, normalized, tokenizeNormalized(normalized), text).map((k) => TYPE_CUE_CLASSES[k]);
}

describe('type cues', () => {
  it('matches phrases on normalised tokens in every language', () => {
    expect(cues('It would be nice to have dark mode', 'en')).toContain('suggestion');
    expect(cues("The app doesn't load since the update", 'en')).toContain('bug');
    expect(cues('اپ کار نمی‌کنه', 'fa')).toContain('bug');
    expect(cues('اگه امکانش بشه', 'fa')).toContain('suggestion');
    expect(cues('والتطبيق لا يعمل', 'ar')).toContain('bug');
    expect(cues('يعطيكم العافية', 'ar')).toContain('praise');
    expect(cues('能不能加个夜间模式', 'zh')).toContain('suggestion');
  });

  it('takes a final question mark as a question and skips negated Chinese cues', () => {
    expect(cues('order 123 🙂?', 'xx')).toEqual(['question']);
    expect(cues('非常满意', 'zh')).toContain('praise');
    expect(cues('不满意', 'zh')).not.toContain('praise');
    expect(cues('the box', 'en')).toEqual([]);
  });
});
