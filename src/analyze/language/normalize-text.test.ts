import { describe, it, expect } from 'vitest';
import { normalizeForSearch as n } from './normalize-text.js';
import { toAsciiDigits } from '../../platform/digits.js';

describe('toAsciiDigits', () => {
  it('converts Persian, Arabic-Indic and full-width digits and leaves the rest alone', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('０１２３４５６７８９')).toBe('0123456789');
    expect(toAsciiDigits('+۹۸ ۹۱۲-۳۴۵-۶۷۸۹')).toBe('+98 912-345-6789');
    expect(toAsciiDigits('امتیاز: ۴ از ٥')).toBe('امتیاز: 4 از 5');
    expect(toAsciiDigits('abc 123')).toBe('abc 123');
    expect(Number(toAsciiDigits('۱۰'))).toBe(10);
  });
});

describe('normalizeForSearch', () => {
  it('applies NFKC (presentation forms, full-width, ligatures)', () => {
    expect(n('ﺳﻼﻡ')).toBe('سلام');
    expect(n('ＡＢＣ　ｄｅｆ')).toBe('abc def');
    expect(n('ﬁne')).toBe('fine');
  });

  it('lower-cases Latin text', () => {
    expect(n('Great SERVICE')).toBe('great service');
    expect(n('ÉTÉ')).toBe('été');
  });

  it('unifies Arabic and Persian yeh and kaf in one canonical Persian form', () => {
    expect(n('علي')).toBe('علی');
    expect(n('على')).toBe('علی');
    expect(n('علی')).toBe('علی');
    expect(n('كتاب')).toBe('کتاب');
    expect(n('ڪتاب')).toBe('کتاب');
    // Persian typed on an Arabic keyboard matches Persian typed on a Persian one.
    expect(n('كيفيت خيلي خوبه')).toBe(n('کیفیت خیلی خوبه'));
  });

  it('folds teh marbuta, hamza carriers and alef variants', () => {
    expect(n('مدرسة')).toBe('مدرسه');
    expect(n('خانۀ')).toBe('خانه');
    expect(n('أحمد إسلام آمن ٱلله')).toBe('احمد اسلام امن الله');
    expect(n('مسؤول')).toBe('مسوول');
    expect(n('پائیز')).toBe(n('پاییز'));
    expect(n('ھم')).toBe('هم');
  });

  it('removes tatweel and diacritics', () => {
    expect(n('عـــالی')).toBe('عالی');
    expect(n('مُحَمَّدٌ')).toBe('محمد');
    expect(n('هٰذا')).toBe('هذا');
    expect(n('کتابِ من')).toBe('کتاب من');
  });

  it('converts Persian and Arabic-Indic digits to ASCII', () => {
    expect(n('سفارش ۱۲۳۴')).toBe('سفارش 1234');
    expect(n('طلب ٥٦٧')).toBe('طلب 567');
  });

  it('makes می‌خواهم / میخواهم / می خواهم (and plural ها) match', () => {
    const forms = ['می\u200Cخواهم', 'میخواهم', 'می خواهم', 'مي خواهم'];
    for (const f of forms) expect(n(f)).toBe('میخواهم');
    expect(n('نمی\u200Cدانم')).toBe(n('نمی دانم'));
    expect(n('کتاب\u200Cها')).toBe('کتابها');
    expect(n('کتاب ها')).toBe('کتابها');
    expect(n('کتاب های خوب')).toBe('کتابهای خوب');
    // Affixes are glued only between Arabic-script words.
    expect(n('می 5')).toBe('می 5');
    expect(n('apps ها')).toBe('apps ها');
  });

  it('removes zero-width, bidi and control characters', () => {
    expect(n('\u202Bسلام\u202C')).toBe('سلام');
    expect(n('a\u200Bb\u200Dc\uFEFFd')).toBe('abcd');
    expect(n('\u200Fعالی\u200E')).toBe('عالی');
    expect(n('line1\u0000line2\u0007')).toBe('line1 line2');
  });

  it('collapses whitespace and trims', () => {
    expect(n('  too \t\n slow\u00A0\u00A0delivery  ')).toBe('too slow delivery');
    expect(n('')).toBe('');
    expect(n('   ')).toBe('');
  });

  it('leaves Chinese alone apart from NFKC', () => {
    expect(n('太慢了，饭都凉了')).toBe('太慢了,饭都凉了');
    expect(n('很好')).toBe('很好');
  });

  it('is idempotent', () => {
    for (const t of ['مي‌خواهم كتاب‌ها را بخرم ۱۲', 'Great SERVICE', 'مُحَمَّد أحمد', 'ﺳﻼﻡ  دنیا']) {
      expect(n(n(t))).toBe(n(t));
    }
  });
});
