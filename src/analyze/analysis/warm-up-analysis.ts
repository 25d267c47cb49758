/**
 * Loads what analysis needs — the language detector, the shipped model, the sentiment word lists
 * and the Chinese segmenter — while the process opens its database (whose WebAssembly compiles on
 * other threads meanwhile), so that the first analysis (a job or POST /analyze) does not spend a
 * second loading them. Each step is
 * synchronous work, so they run one per turn of the event loop: a request that arrives meanwhile
 * waits for one step at most, never for the whole warm-up. How long that longest wait was, once
 * the process serves (servingStarted), is measured and reported.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import client from 'prom-client';
import { registry } from '../../platform/metrics.js';
import { LanguageDetectorNotLoaded, languageDetectorLoaded, loadLanguageDetector } from '../language/detect-language.js';
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
  /** The longest the event loop was held up while warming up and serving (a request could have waited this long). */
  longestStallMs: number;
}

const warmUpSeconds = new client.Gauge({
  name: 'feedloop_analysis_warm_up_seconds',
  help: 'Time the start-up warm-up took to load the language detector and the analysis model (0 until it finished)',
  registers: [registry],
});
const warmUpStall = new client.Gauge({
  name: 'feedloop_analysis_warm_up_longest_stall_seconds',
  help: 'Longest event-loop stall during the start-up warm-up once the process served requests',
  registers: [registry],
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let warming: Promise<WarmUp> | null = null;
/** Event-loop delays while the process serves requests; null until servingStarted. */
let stalls: ReturnType<typeof monitorEventLoopDelay> | null = null;
let warm = false;
/**
 * The process now answers requests: stalls of the warm-up count from here (before, none could
 * hold a request up). A warm-up that already finished held nothing up.
 */
export function servingStarted(): void {
  if (warm || stalls) return;
  stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
}

/** Warms analysis up once per process; later calls get the same result. */
export function warmUpAnalysis(): Promise<WarmUp> {
  warming ??= (async () => {
    const started = performance.now();
    try {
      await nextTurn();
      await loadBaseModelInBackground();
      // Persian, Arabic and Chinese first: they do not need eld, whose load is the longest step, so
      // an analysis of such a text is ready soonest (analyzeTextSoon).
      const context = staticAnalysisContext(DEFAULT_TOPICS.map((t) => ({ key: t.key, keywords: t.keywords })));
      for (const text of SAMPLES.slice(0, -1)) {
        await nextTurn();
        analyzeText(text, context);
      }
      await nextTurn();
      await loadLanguageDetector();
      await nextTurn();
      analyzeText(SAMPLES[SAMPLES.length - 1], context);
      await nextTurn();
    } finally {
      warm = true;
      stalls?.disable();
    }
    const result = { seconds: (performance.now() - started) / 1000, longestStallMs: stalls ? stalls.max / 1e6 : 0 };
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

/**
 * analyzeText as soon as the models this text needs are loaded: during the start-up warm-up a text
 * in Arabic script or Han is analysed without waiting for eld, which only Latin texts need.
 */
export async function analyzeTextSoon(...args: Parameters<typeof analyzeText>): Promise<ReturnType<typeof analyzeText>> {
  await loadBaseModelInBackground();
  try {
    return analyzeText(...args);
  } catch (err) {
    if (!(err instanceof LanguageDetectorNotLoaded)) throw err;
    await loadLanguageDetector();
    return analyzeText(...args);
  }
}

/** Whether the language detector and the shipped model are loaded. */
export const analysisWarm = (): boolean => languageDetectorLoaded() && baseModelLoaded();
