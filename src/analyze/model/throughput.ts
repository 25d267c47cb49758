/**
 * Analysis throughput on one core over feedback in the four languages. `npm run eval` passes the
 * dev texts; the short sample below is the fallback when no dataset is at hand.
 */
import { extractFeatures } from './features.js';
import { loadBaseModel } from './load-model.js';
import { predictWith } from './predict.js';
import { analyzeText } from '../analysis/analyze-text.js';
import { staticAnalysisContext } from '../analysis/analysis-context.js';
import { DEFAULT_TOPICS } from '../topics/default-taxonomy.js';

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
  /** distinct texts cycled through: a dozen stay in the CPU cache, thousands do not (as in real traffic) */
  distinct: number;
  seconds: number;
  textsPerSecond: number;
}

/**
 * Runs `analyse` over `texts` (default: a built-in multilingual sample) until `minTexts` have been
 * analysed, after a warm-up pass. `model` times the shipped model alone (feature extraction +
 * prediction); `full` times what the analysis job does per item (language detection, features,
 * prediction, topic keywords; analyze-text.ts) with the default taxonomy.
 */
export function measureThroughput(
  options: { texts?: ReadonlyArray<[language: string, text: string]>; minTexts?: number; mode?: 'model' | 'full' } = {},
): ThroughputResult {
  const model = loadBaseModel();
  const texts = options.texts?.length ? options.texts : SAMPLE_TEXTS;
  const context = staticAnalysisContext(DEFAULT_TOPICS);
  const analyse =
    options.mode === 'full'
      ? ([, text]: readonly [string, string]) => analyzeText(text, context)
      : ([language, text]: readonly [string, string]) => predictWith(model, extractFeatures(text, language));
  const total = Math.max(options.minTexts ?? 50_000, texts.length);
  for (let i = 0; i < Math.min(total, 5000); i++) analyse(texts[i % texts.length]);
  const start = performance.now();
  for (let i = 0; i < total; i++) analyse(texts[i % texts.length]);
  const seconds = (performance.now() - start) / 1000;
  return { texts: total, distinct: texts.length, seconds, textsPerSecond: total / seconds };
}
