import { describe, it, expect } from 'vitest';
import { luhnValid, redactPii, redactPiiDeep } from './redact-pii.js';
import { redactFeedbackPii } from './redact-feedback-pii.js';

/** Appends the Luhn check digit. */
const withCheckDigit = (body: string) => {
  for (let c = 0; c <= 9; c++) if (luhnValid(body + c)) return body + c;
  throw new Error('unreachable');
};
const toPersian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
const toArabicIndic = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);
const group4 = (s: string, sep = ' ') => s.replace(/(\d{4})(?=\d)/g, `$1${sep}`);

const SHETAB = withCheckDigit('603799181234567'); // Bank Melli (Shetab) BIN
const VISA = withCheckDigit('411111111111111');
const UNIONPAY = withCheckDigit('621700001234567890'); // 19 digits
const NOT_LUHN = SHETAB.slice(0, -1) + ((Number(SHETAB.at(-1)) + 1) % 10);

describe('redactPii: positives', () => {
  const cases: Array<[string, string, string]> = [
    ['en email', 'Contact me at john.doe+shop@example.co.uk please', 'Contact me at [email] please'],
    ['fa email', 'ایمیل من ali.rezaei@gmail.com است', 'ایمیل من [email] است'],
    ['zh email', '请发邮件到wang_li@qq.com，谢谢', '请发邮件到[email]，谢谢'],
    ['fa mobile, Persian digits', 'شماره من ۰۹۱۲ ۳۴۵ ۶۷۸۹ است', 'شماره من [phone] است'],
    ['fa mobile, contiguous', 'با 09123456789 تماس بگیرید', 'با [phone] تماس بگیرید'],
    ['fa mobile, dashes', 'موبایل: 0935-123-4567', 'موبایل: [phone]'],
    ['fa international +98', 'call +98 912 345 6789 now', 'call [phone] now'],
    ['fa international 0098', 'شماره ۰۰۹۸۹۱۲۳۴۵۶۷۸۹', 'شماره [phone]'],
    ['Tehran landline', 'تلفن دفتر 021-88776655', 'تلفن دفتر [phone]'],
    ['Tehran landline, parentheses', 'تلفن (021) 8877 6655', 'تلفن [phone]'],
    ['Saudi mobile, Arabic-Indic', 'رقمي ٠٥٥ ١٢٣ ٤٥٦٧', 'رقمي [phone]'],
    ['Saudi +966', 'اتصل على +966 55 123 4567', 'اتصل على [phone]'],
    ['UAE +971', 'هاتفي +971-50-123-4567', 'هاتفي [phone]'],
    ['UAE national', 'رقمي 050 123 4567 شكرا', 'رقمي [phone] شكرا'],
    ['Egypt +20', 'موبايل +20 10 1234 5678', 'موبايل [phone]'],
    ['Egypt national', 'رقم ٠١٠١٢٣٤٥٦٧٨', 'رقم [phone]'],
    ['China mobile after Han', '电话13800138000，谢谢', '电话[phone]，谢谢'],
    ['China mobile grouped', '手机 138 0013 8000', '手机 [phone]'],
    ['China +86', '打 +86 139-1234-5678', '打 [phone]'],
    ['US with parentheses', 'call +1 (415) 555-2671', 'call [phone]'],
    ['Shetab card grouped', `کارت ${group4(SHETAB)} بانک`, 'کارت [card] بانک'],
    ['Shetab card, Persian digits', `شماره کارت ${toPersian(group4(SHETAB, '-'))}`, 'شماره کارت [card]'],
    ['Visa contiguous', `card ${VISA} charged twice`, 'card [card] charged twice'],
    ['UnionPay 19 digits after Han', `卡号${UNIONPAY}`, '卡号[card]'],
    ['card, Arabic-Indic digits', `بطاقتي ${toArabicIndic(group4(VISA))}`, 'بطاقتي [card]'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(redactPii(input).text).toBe(expected);
  });

  it('counts each kind', () => {
    const r = redactPii(`a@b.io and c@d.org, 09121234567, ${VISA}`);
    expect(r.counts).toEqual({ email: 2, phone: 1, card: 1 });
    expect(r.text).toBe('[email] and [email], [phone], [card]');
  });

  it('finds a card or phone next to an unrelated number', () => {
    expect(redactPii(`سفارش 4521 کارت ${group4(SHETAB)}`).text).toBe('سفارش 4521 کارت [card]');
    expect(redactPii('+98 912 345 6789 2024').text).toBe('[phone] 2024');
  });
});

describe('redactPii: negatives stay untouched', () => {
  const untouched = [
    'سفارش ۱۲۳۴۵۶ به مبلغ ۲۵۰٬۰۰۰ تومان',
    'order 12345 on 2024-05-12 at 10:30',
    'قیمت 1500000 ریال در سال ۱۴۰۳',
    'تاریخ ۱۴۰۳/۰۵/۱۲ ساعت ۱۴:۳۰',
    'الطلب رقم 98765432 بتاريخ 2025-01-15',
    'السعر ٣٥٠ ريال فقط',
    '订单号 20240512123456 还没发货',
    '价格 1999 元，2023年买的',
    'version 4.2.0 build 20250101',
    'rated 5/5, waited 45 minutes, 3 items',
    `invalid card ${group4(NOT_LUHN)}`,
    'all zeros 0000 0000 0000 0000',
    'product code SKU13800138000',
    'years 1399-1403 and 2020-2024',
    'tracking 1Z999AA10123456784',
    'email me at name at example dot com',
    '',
  ];
  it.each(untouched)('%s', (text) => {
    const r = redactPii(text);
    expect(r.text).toBe(text);
    expect(r.counts).toEqual({ email: 0, phone: 0, card: 0 });
  });
});

describe('redacting feedback', () => {
  it('redacts string values anywhere in metadata, never keys', () => {
    const counts = { email: 0, phone: 0, card: 0 };
    const out = redactPiiDeep({ contact: 'x@y.com', nested: { phones: ['09121234567', 7] }, 'a@b.com': true }, counts);
    expect(out).toEqual({ contact: '[email]', nested: { phones: ['[phone]', 7] }, 'a@b.com': true });
    expect(counts).toEqual({ email: 1, phone: 1, card: 0 });
  });

  it('flags the item only when something was redacted', () => {
    expect(redactFeedbackPii('no pii here', { order: 'A-1' }).piiRedacted).toBe(false);
    expect(redactFeedbackPii('no pii here', { email: 'a@b.co' })).toMatchObject({
      piiRedacted: true,
      metadata: { email: '[email]' },
      text: 'no pii here',
    });
  });
});
