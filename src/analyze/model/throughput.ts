/**
 * Analysis throughput on one core: feature extraction + prediction over short real-world-like
 * feedback in the four languages, after a warm-up pass. Used by `npm run eval` and the benchmark.
 */
import { extractFeatures } from './features.js';
import { loadBaseModel } from './load-model.js';
import { predictWith } from './predict.js';

const SAMPLE_TEXTS: ReadonlyArray<[string, string]> = [
  ['fa', 'ارسال خیلی دیر انجام شد و بسته‌بندی هم آسیب دیده بود'],
  ['fa', 'کیفیت گوشی عالیه ولی قیمتش یکم بالاست'],
  ['fa', 'پشتیبانی جواب نمیده، سه روزه منتظرم'],
  ['ar', 'التوصيل تأخر كثيرا والطعام وصل باردا'],
  ['ar', 'خدمة العملاء ممتازة وسريعة في الرد'],
  ['ar', 'التطبيق يتوقف عند الدفع بالبطاقة'],
  ['zh', '送餐太慢了，等了一个多小时'],
  ['zh', '质量很好，价格也便宜，推荐购买'],
  ['zh', '客服态度很差，问题一直没解决'],
  ['en', 'The app crashes every time I try to pay'],
  ['en', 'Great product, fast delivery, thank you!'],
  ['en', 'Could you add a dark mode to the dashboard?'],
];

export interface ThroughputResult {
  texts: number;
  seconds: number;
  textsPerSecond: number;
}

/** Runs extraction + prediction over `texts` (default: a built-in multilingual sample) `rounds` times. */
export function measureThroughput(options: { texts?: ReadonlyArray<[language: string, text: string]>; minTexts?: number } = {}): ThroughputResult {
  const model = loadBaseModel();
  const texts = options.texts?.length ? options.texts : SAMPLE_TEXTS;
  const total = Math.max(options.minTexts ?? 50_000, texts.length);
  for (let i = 0; i < Math.min(total, 5000); i++) {
    const [language, text] = texts[i % texts.length];
    predictWith(model, extractFeatures(text, language));
  }
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const [language, text] = texts[i % texts.length];
    predictWith(model, extractFeatures(text, language));
  }
  const seconds = (performance.now() - start) / 1000;
  return { texts: total, seconds, textsPerSecond: total / seconds };
}
