import { describe, expect, it } from 'vitest';
import { extractFeatures, predict } from './index.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LABELLED_DIR } from './training-data.js';
import { normalizeForSearch } from '../language/normalize-text.js';

// Feedback that no training file contains (checked below): the shipped model must read it right.
const NEGATIVE: Array<[string, string]> = [
  ['ar', 'يعيبه الزحمة'],
  ['fa', 'سفارشم دو هفته دیر رسید'],
  ['ar', 'الخدمة سيئة جدا والتوصيل متأخر'],
  ['fa', 'پیک دو روز دیر آورد و جواب تلفن رو هم ندادن'],
  ['fa', 'سایت خیلی کند بارگذاری میشه'],
  ['fa', 'سفارشم هنوز نرسيده و پشتيباني جواب نميده'],
  ['ar', 'البطارية ما تكمل يوم كامل'],
];

// Latin-script Persian and Arabic, as language detection tags them.
const ROMANIZED_NEGATIVE: Array<[string, string]> = [
  ['fa-Latn', 'sefaresham hanooz nareside va kasi ham javab nemide'],
  ['fa-Latn', 'ghaza kamelan sard bood, kheili bad'],
  ['ar-Latn', 'el order lessa ma weselsh w mafish 7ad byerod'],
  ['ar-Latn', 'el service zift w el app msh shaghal'],
];

// Plain questions and statements: no opinion, so never positive.
const NOT_POSITIVE: Array<[string, string]> = [
  ['fa', 'ساعت کاری پشتیبانی تا چنده؟'],
  ['fa', 'آدرس شعبه مرکزی کجاست؟'],
  ['fa', 'برای تغییر رمز عبور باید از کدوم بخش اقدام کنم؟'],
  ['fa', 'سفارشم رو امروز ثبت کردم.'],
  ['ar', 'كم رسوم الشحن إلى جدة؟'],
  ['ar', 'هل يوجد فرع في مدينة نصر؟'],
  ['ar', 'قمت بتحديث التطبيق اليوم.'],
  ['ar', 'متى يفتح المكتب يوم السبت؟'],
  ['zh', '请问周末几点开门？'],
  ['zh', '我想修改收货地址。'],
  ['zh', '这个套餐包含多少流量？'],
  ['zh', '发票在哪里下载？'],
  ['en', 'What time does the store open on Sunday?'],
  ['en', 'I changed my delivery address yesterday.'],
  ['en', 'Do you ship to Canada?'],
  ['en', 'How do I update my billing email?'],
];

const sentimentOf = (language: string, text: string) => predict(extractFeatures(text, language)).sentiment.label;

describe('held-out feedback', () => {
  it.each(NEGATIVE)('%s "%s" is negative', (language, text) => {
    expect(sentimentOf(language, text)).toBe('negative');
  });

  it.each(ROMANIZED_NEGATIVE)('%s "%s" is negative', (language, text) => {
    expect(sentimentOf(language, text)).toBe('negative');
  });

  it.each(NOT_POSITIVE)('%s "%s" is not positive', (language, text) => {
    expect(sentimentOf(language, text)).not.toBe('positive');
  });

  it('is in no training file of the repository', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (entry.name.endsWith('.jsonl')) files.push(path.join(dir, entry.name));
      }
    };
    walk(LABELLED_DIR);
    const corpus = normalizeForSearch(files.map((f) => readFileSync(f, 'utf8')).join('\n'));
    for (const [, text] of [...NEGATIVE, ...ROMANIZED_NEGATIVE, ...NOT_POSITIVE]) {
      expect(corpus.includes(normalizeForSearch(text).replace(/[.?؟？。]$/u, '')), text).toBe(false);
    }
  });
});
