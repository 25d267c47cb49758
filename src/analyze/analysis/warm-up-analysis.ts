/**
 * Loads what analysis needs — the language detector, the shipped model, the sentiment word lists
 * and the Chinese segmenter — right after a process starts, so that the first analysis (a job
 * or POST /analyze) does not spend seconds loading them. Each step is synchronous work, so they
 * run one per turn of the event loop: a request that arrives meanwhile waits for one step at
 * most, never for the whole warm-up. How long that longest wait was is measured and reported.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import client from 'prom-client';
import { registry } from '../../platform/metrics.js';
import { languageDetectorLoaded, loadLanguageDetector } from '../language/detect-language.js';
import { baseModelLoaded, loadBaseModelInBackground } from '../model/load-model.js';
import { DEFAULT_TOPICS } from '../topics/default-taxonomy.js';
import { analyzeText } from './analyze-text.js';
import { staticAnalysisContext } from './analysis-context.js';

/** One text per language, so that each language's word list, tokenizer and code path is loaded. */
const SAMPLES = [
  'ارسال سفارش خیلی دیر رسید ولی پشتیبانی عالی بود',
  'التوصيل كان متأخرا لكن خدمة العملاء ممتازة',
  '送货太慢了，但是客服很好',
  'Delivery was late but the support team was great',
];

export interface WarmUp {
  seconds: number;
  /** The longest the event loop was held up while warming up (a request could have waited this long). */
  longestStallMs: number;
}

const warmUpSeconds = new client.Gauge({
  name: 'feedloop_analysis_warm_up_seconds',
  help: 'Time the start-up warm-up took to load the language detector and the analysis model (0 until it finished)',
  registers: [registry],
});
const warmUpStall = new client.Gauge({
  name: 'feedloop_analysis_warm_up_longest_stall_seconds',
  help: 'Longest event-loop stall during the start-up warm-up',
  registers: [registry],
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let warming: Promise<WarmUp> | null = null;

/** Warms analysis up once per process; later calls get the same result. */
export function warmUpAnalysis(): Promise<WarmUp> {
  warming ??= (async () => {
    const started = performance.now();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    try {
      await nextTurn();
      // The model's gunzip runs on the thread pool while the detector loads here.
      const model = loadBaseModelInBackground();
      await loadLanguageDetector();
      await nextTurn();
      await model;
      const context = staticAnalysisContext(DEFAULT_TOPICS.map((t) => ({ key: t.key, keywords: t.keywords })));
      for (const text of SAMPLES) {
        await nextTurn();
        analyzeText(text, context);
      }
      await nextTurn();
    } finally {
      delay.disable();
    }
    const result = { seconds: (performance.now() - started) / 1000, longestStallMs: delay.max / 1e6 };
    warmUpSeconds.set(result.seconds);
    warmUpStall.set(result.longestStallMs / 1000);
    return result;
  })();
  return warming;
}

/**
 * What every analysis awaits before its synchronous work: the language detector and the shipped
 * model, loading them if the warm-up has not (yet) — sharing the warm-up's load when it is under way.
 */
export async function loadAnalysisModels(): Promise<void> {
  await Promise.all([loadLanguageDetector(), loadBaseModelInBackground()]);
}

/** Whether the language detector and the shipped model are loaded. */
export const analysisWarm = (): boolean => languageDetectorLoaded() && baseModelLoaded();
