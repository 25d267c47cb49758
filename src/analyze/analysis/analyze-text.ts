/**
 * Analysis of one text: language, sentiment, feedback type and topics. The shipped model
 * (model/) gives sentiment, type and topic probabilities, adjusted by the workspace's learnt
 * model; the workspace's topic keywords add evidence for their topic; only topics that exist in
 * the workspace's taxonomy are assigned. Pure CPU, never throws on odd input.
 */
import { detectLanguage } from '../language/detect-language.js';
import { extractFeatures, predict, prepareText, MODEL_VERSION, type PreparedText, type Prediction } from '../model/index.js';
import type { AnalysisContext } from './analysis-context.js';
import { combineTopics } from './topic-combination.js';

/** Texts longer than this are analysed on their beginning (the API accepts up to 20,000 characters). */
export const ANALYSED_CHARS = 5_000;

export interface TextAnalysis {
  language: string;
  languageConfidence: number;
  sentiment: Prediction['sentiment'] | null;
  type: Prediction['type'] | null;
  topics: string[];
  topicScores: Record<string, number>;
  matchedKeywords: Record<string, string[]>;
  analysisVersion: string;
}

export interface Scores {
  nps?: number | null;
  csat?: number | null;
  ces?: number | null;
  rating?: number | null;
}

/** The text as analysed (sanitised, cut to ANALYSED_CHARS) and, if it has words, normalised and split. */
export interface AnalysisInput {
  clean: string;
  prepared: PreparedText | null;
}

export function prepareAnalysisInput(text: string): AnalysisInput {
  const clean = sanitize(text).slice(0, ANALYSED_CHARS);
  return { clean, prepared: /[\p{L}\p{N}]/u.test(clean) ? prepareText(clean) : null };
}

/** `input`: prepareAnalysisInput(text), when the caller needs it too (the analysis job's search document). */
export function analyzeText(
  text: string,
  ctx: AnalysisContext,
  options: { language?: string | null; scores?: Scores; input?: AnalysisInput } = {},
): TextAnalysis {
  const { clean, prepared } = options.input ?? prepareAnalysisInput(text);
  const version = `${MODEL_VERSION}+w${ctx.workspaceModelVersion}`;
  if (!prepared) {
    // Nothing to read (empty, emoji or punctuation only): a score still says how the customer feels.
    return {
      language: options.language ?? 'und',
      languageConfidence: options.language ? 1 : 0,
      sentiment: sentimentFromScores(options.scores ?? {}),
      type: null,
      topics: [],
      topicScores: {},
      matchedKeywords: {},
      analysisVersion: version,
    };
  }
  const detected = options.language ? { language: options.language, confidence: 1 } : detectLanguage(clean);
  // `prepared` is shared by the model's features and the keyword matcher.
  const prediction = predict(extractFeatures(clean, detected.language, prepared), ctx.delta);
  const matched = ctx.matcher.match(clean, prepared, detected.language);
  // The model's probabilities and the keyword matches, per topic and language (topic-combination.ts).
  const { topics, topicScores } = combineTopics(prediction.topics, matched, ctx.topicKeys, detected.language);
  return {
    language: detected.language,
    languageConfidence: round(detected.confidence),
    sentiment: { ...prediction.sentiment, score: round(prediction.sentiment.score), confidence: round(prediction.sentiment.confidence) },
    type: { ...prediction.type, confidence: round(prediction.type.confidence) },
    topics,
    topicScores,
    matchedKeywords: Object.fromEntries(matched),
    analysisVersion: version,
  };
}

/** Drops control characters and lone surrogates (left by broken encodings) before analysis. */
function sanitize(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/<[^>]{0,200}>/g, ' '); // HTML tags carry no feedback; their text content stays
}

/** Sentiment of a score-only answer: NPS 0–6 / 7–8 / 9–10, CSAT and stars 1–2 / 3 / 4–5, CES 1–3 / 4 / 5–7. */
export function sentimentFromScores(s: Scores): TextAnalysis['sentiment'] {
  const grade = (v: number, low: number, high: number) => (v <= low ? 'negative' : v >= high ? 'positive' : 'neutral');
  const label =
    s.nps != null
      ? grade(s.nps, 6, 9)
      : s.csat != null
        ? grade(s.csat, 2, 4)
        : s.rating != null
          ? grade(s.rating, 2, 4)
          : s.ces != null
            ? grade(s.ces, 3, 5)
            : null;
  if (!label) return null;
  return { label, score: label === 'negative' ? -1 : label === 'positive' ? 1 : 0, confidence: 0.6 };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
