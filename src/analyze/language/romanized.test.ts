import { describe, it, expect, beforeAll } from 'vitest';
import { detectRomanized } from './romanized.js';
import { detectLanguage, loadLanguageDetector } from './detect-language.js';

beforeAll(loadLanguageDetector);

describe('Finglish and Arabizi', () => {
  it('recognises Persian typed in Latin letters', () => {
    expect(detectRomanized('salam, ersal kheili dir bood va poshtibani javab nadad')?.language).toBe('fa-Latn');
    expect(detectLanguage('mamnoon, kheili khoob bood').language).toBe('fa-Latn');
  });

  it('recognises Arabizi, including digits used as letters', () => {
    expect(detectRomanized('el delivery kan ta25eer awi w el mandoob mish kwayes')?.language).toBe('ar-Latn');
    expect(detectLanguage('wallah el akl 7elw kteer, shukran').language).toBe('ar-Latn');
  });

  it('leaves English (and English with a stray loanword) to the general detector', () => {
    expect(detectRomanized('The delivery was late and the courier was rude')).toBeNull();
    expect(detectRomanized('Inshallah it arrives tomorrow, the order is late')).toBeNull();
    expect(detectRomanized('Version 2 of the app has 3 new bugs')).toBeNull();
    expect(detectLanguage('The delivery was late and the courier was rude').language).toBe('en');
  });
});
