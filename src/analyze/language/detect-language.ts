/**
 * Language detection for incoming feedback.
 *
 * 1. Clean: only the first MAX_INPUT characters are used; HTML, URLs, e-mails, @mentions,
 *    tokens containing digits (model numbers, prices, codes) are removed, NFKC folds
 *    presentation forms and full-width letters.
 * 2. Script: letters are counted per script. Han/kana/Hangul and Arabic letters weigh more than
 *    Latin ones, because texts in those scripts routinely embed Latin brand and product names,
 *    while the reverse is rare (and a Han character carries about as much as a Latin word).
 * 3. Decide by the dominant script:
 *    - Han (+ kana/Hangul): zh / ja / ko directly; no statistical model is needed, and n-gram
 *      models are unreliable on 2–4 character texts such as 很好 or 太慢了.
 *    - Arabic script: Persian vs Arabic by a character n-gram naive Bayes trained on the
 *      datasets' train splits (see fa-ar.ts), computed on keyboard-folded letters so that Persian
 *      typed with Arabic ي/ك stays Persian. Urdu/Kurdish-only letters hand the text to eld.
 *    - Latin: Persian/Arabic typed in Latin letters first (romanized.ts: fa-Latn, ar-Latn), then
 *      as every other script:
 *    - eld (Efficient Language Detector), with a prior for
 *      English: when eld hesitates between another language and English (English within
 *      EN_PRIOR_RATIO of the winner), English wins, since it is the only Latin-script language
 *      Feedloop serves and short English texts are often misread as Tagalog, French, etc.
 */
import type { eld as EldMedium } from 'eld/medium';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../platform/paths.js';
import { createFaArScorer, type FaArModel } from './fa-ar.js';
import { detectRomanized } from './romanized.js';

export interface LanguageDetection {
  /** ISO 639-1 code, or 'und' when the text has too little language in it */
  language: string;
  /** 0..1, a rough reliability figure (0 for 'und') */
  confidence: number;
}

const MAX_INPUT = 4000;
const WEIGHT_CJK = 3;
const WEIGHT_HANGUL = 2;
const WEIGHT_ARABIC = 2;
const EN_PRIOR_RATIO = 0.9;
const MIN_LETTERS_ALPHABETIC = 3;
const MIN_LETTERS_ARABIC = 2;
const MIN_LETTERS_CJK = 2;
const UND: LanguageDetection = Object.freeze({ language: 'und', confidence: 0 });

// eld is only consulted for Latin and rarer scripts. With the English prior, 'medium' misread 7
// of 8,597 English train texts against 4 for 'large', at less than half the memory (≈70 MB vs
// ≈160 MB of heap) and load time, so 'medium' it is. Importing it still costs ≈200 MB of RSS, so
// it is loaded on first need (loadLanguageDetector): an API process that never analyses, or a
// server before its first feedback, does not carry it.
// A private instance keeps other modules' eld settings (language subsets) from leaking in.
let eld: ReturnType<typeof EldMedium.newInstance> | null = null;

/** Loads eld once; every entry point of analysis awaits it before detecting synchronously. */
export async function loadLanguageDetector(): Promise<void> {
  if (eld && faArScorer) return;
  const { eld: medium } = await import('eld/medium');
  eld ??= medium.newInstance();
  await new Promise((resolve) => setImmediate(resolve)); // two long steps, two turns of the event loop
  faArScorer ??= buildFaArScorer();
}

/**
 * Thrown by detectLanguage for a text only eld can decide while eld is not loaded yet: the caller
 * awaits loadLanguageDetector and asks again (texts in Arabic script or Han never need eld).
 */
export class LanguageDetectorNotLoaded extends Error {
  constructor() {
    super('language detector not loaded: await loadLanguageDetector() first');
  }
}

/** Whether loadLanguageDetector has finished (the start-up warm-up does it before any request needs it). */
export const languageDetectorLoaded = (): boolean => eld !== null && faArScorer !== null;
// Read and built on first use (the start-up warm-up), not when the server imports this module:
// parsing the file and building its tables take a noticeable part of a second.
const FA_AR_MODEL_FILE = path.join(packageRoot, 'src/analyze/model/artifacts/fa-ar-nb.json');
let faArModel: FaArModel | null = null;
let faArScorer: ReturnType<typeof createFaArScorer> | null = null;
const buildFaArScorer = () => {
  faArModel ??= JSON.parse(fs.readFileSync(FA_AR_MODEL_FILE, 'utf8')) as FaArModel;
  return createFaArScorer(faArModel);
};
const scoreFaAr = (text: string) => {
  faArScorer ??= buildFaArScorer();
  return faArScorer(text);
};

const HTML_BLOCK = /<(script|style)\b[^>]{0,500}>[\s\S]*?<\/\1\s*>/gi;
const HTML_TAG = /<!--[\s\S]*?-->|<\/?[a-z][^<>]{0,1000}>/gi;
const HTML_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|[a-z]{2,8});/gi;
const URL_RE = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)\S+/gi;
// Bounded repeats keep these linear on long unspaced runs (Chinese text, "aaaa…").
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+/gu;
const MENTION = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]{1,50}/gu;
// Tokens with digits: prices, phone numbers, model names (X08, iPhone5s, 16GB), dates. Only Latin
// letters are glued to the digits: Chinese has no spaces, so \p{L} would swallow whole sentences.
const DIGIT_TOKEN = /[A-Za-z]{0,30}\p{Nd}[A-Za-z\p{Nd}._:/-]*/gu;
// Hashtags are often trending labels in another language (#MannequinChallenge on an Arabic
// tweet), so they do not vote for the script unless nothing else is left. "RT" marks a retweet.
const HASHTAG = /#[\p{L}\p{M}\p{N}_]+/gu;
const HASHTAG_MARKS = /[#_]+/g;
const RETWEET = /(^|\s)RT(?=\s|:)/g;
// Only characters eld can use for a Latin text (and the apostrophe of don't / l'hôtel).
const NON_LATIN = /[^A-Za-z\u00C0-\u024F\u1E00-\u1EFF'\u2019]+/g;
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1-\u06C3\u06D2\u06D3]/g; // ٹ ڈ ڑ ں ھ ہ ۂ ۃ ے ۓ
const KURDISH_LETTERS = /[\u06B5\u0695\u06C6\u06CE\u06D5]/g; // ڵ ڕ ۆ ێ ە

/** The text detection looks at: markup, addresses, handles and digit tokens removed. */
export function cleanForDetection(text: string): string {
  let s = text.slice(0, MAX_INPUT);
  // Cheap guards skip the regexes that cannot match (most feedback is plain text).
  if (s.includes('<')) s = s.replace(HTML_BLOCK, ' ').replace(HTML_TAG, ' ');
  if (s.includes('&')) {
    s = s.replace(HTML_ENTITY, (_m, dec?: string, hex?: string) => {
      const cp = dec ? Number(dec) : hex ? parseInt(hex, 16) : 0;
      return cp > 0x20 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
    });
  }
  s = s.replace(URL_RE, ' ');
  if (s.includes('@')) s = s.replace(EMAIL, ' ').replace(MENTION, '$1 ');
  return s.replace(RETWEET, '$1 ').normalize('NFKC').replace(DIGIT_TOKEN, ' ');
}

interface ScriptCounts {
  latin: number;
  arabic: number;
  han: number;
  kana: number;
  hangul: number;
  other: number;
}

const LETTER = /\p{L}/u;

function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { latin: 0, arabic: 0, han: 0, kana: 0, hangul: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) c.latin++;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = text.codePointAt(i) ?? cp;
      i++;
    }
    if ((cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x1e00 && cp <= 0x1eff)) c.latin++;
    else if (
      (cp >= 0x0621 && cp <= 0x064a) ||
      (cp >= 0x066e && cp <= 0x06d5 && cp !== 0x06d4) ||
      (cp >= 0x06fa && cp <= 0x06ff) ||
      (cp >= 0x0750 && cp <= 0x077f) ||
      (cp >= 0x08a0 && cp <= 0x08c9)
    ) {
      if (cp !== 0x0640) c.arabic++; // tatweel is decoration, not a letter
    } else if (
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0x20000 && cp <= 0x3134f)
    )
      c.han++;
    else if ((cp >= 0x3041 && cp <= 0x309f) || (cp >= 0x30a1 && cp <= 0x30fa)) c.kana++;
    else if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e)) c.hangul++;
    else if (LETTER.test(String.fromCodePoint(cp))) c.other++;
  }
  return c;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function fromEld(text: string, share: number, preferEnglish: boolean): LanguageDetection {
  if (!eld) throw new LanguageDetectorNotLoaded();
  const result = eld.detect(text);
  let language = result.language;
  if (!language) return UND;
  const scores = result.getScores();
  if (preferEnglish && language !== 'en' && (scores.en ?? 0) >= (scores[language] ?? 0) * EN_PRIOR_RATIO) {
    language = 'en';
  }
  return { language, confidence: round3(share * Math.min(1, scores[language] ?? 0)) };
}

function detectArabicScript(text: string, letters: number, share: number): LanguageDetection {
  // Urdu and Sorani Kurdish use letters that neither Persian nor Arabic has; let eld decide those.
  const extra = (text.match(URDU_LETTERS)?.length ?? 0) + (text.match(KURDISH_LETTERS)?.length ?? 0);
  if (extra >= 2 && extra >= 0.03 * letters) {
    const other = fromEld(text, share, false);
    if (other.language !== 'fa' && other.language !== 'ar' && other.language !== 'und') return other;
  }
  const { score, matched } = scoreFaAr(text);
  if (matched === 0) return fromEld(text, share, false);
  // n-grams of one word overlap (1..maxN), so the raw sum overstates the evidence.
  const p = 1 / (1 + Math.exp(-Math.abs(score) / (faArModel?.maxN ?? 1))); // loaded by scoreFaAr
  return { language: score > 0 ? 'fa' : 'ar', confidence: round3(share * p) };
}

export function detectLanguage(text: string): LanguageDetection {
  if (typeof text !== 'string' || text.length === 0) return UND;
  const raw = cleanForDetection(text);
  // The script is chosen without hashtags; the words of a hashtag still count inside that script
  // (an Arabic #كلمه_بتتقال is Arabic text, an English #christmas is ignored by the Arabic model).
  const clean = raw.replace(HASHTAG_MARKS, ' ');
  let c = countScripts(raw.replace(HASHTAG, ' '));
  if (c.latin + c.arabic + c.han + c.kana + c.hangul + c.other < 2) c = countScripts(clean);
  const cjk = c.han + c.kana;
  const weighted = {
    cjk: cjk * WEIGHT_CJK,
    hangul: c.hangul * WEIGHT_HANGUL,
    arabic: c.arabic * WEIGHT_ARABIC,
    latin: c.latin,
    other: c.other,
  };
  const total = weighted.cjk + weighted.hangul + weighted.arabic + weighted.latin + weighted.other;
  if (total === 0) return UND;
  let best: keyof typeof weighted = 'latin';
  for (const key of Object.keys(weighted) as (keyof typeof weighted)[]) {
    if (weighted[key] > weighted[best]) best = key;
  }
  const share = weighted[best] / total;

  switch (best) {
    case 'cjk': {
      if (cjk < MIN_LETTERS_CJK) return UND;
      // Kana only exists in Japanese; Chinese text may borrow a stray の, hence the 20 % bar.
      const language = c.kana >= 0.2 * cjk ? 'ja' : 'zh';
      return { language, confidence: round3(share * Math.min(1, 0.6 + 0.1 * cjk)) };
    }
    case 'hangul':
      if (c.hangul < MIN_LETTERS_CJK) return UND;
      return { language: 'ko', confidence: round3(share * Math.min(1, 0.6 + 0.1 * c.hangul)) };
    case 'arabic':
      if (c.arabic < MIN_LETTERS_ARABIC) return UND;
      return detectArabicScript(clean, c.arabic, share);
    case 'latin': {
      if (c.latin < MIN_LETTERS_ALPHABETIC) return UND;
      const romanized = detectRomanized(text.slice(0, 2000));
      if (romanized) return { language: romanized.language, confidence: round3(share * romanized.confidence) };
      return fromEld(clean.replace(NON_LATIN, ' '), share, true);
    }
    default:
      if (c.other < MIN_LETTERS_ALPHABETIC) return UND;
      return fromEld(clean, share, false);
  }
}
