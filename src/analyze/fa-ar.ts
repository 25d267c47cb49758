/**
 * Persian vs Arabic disambiguation: a character n-gram naive Bayes (log-likelihood ratio) over
 * Arabic-script words. Shared by the detector (scoring) and scripts/train-fa-ar-model.ts
 * (training), so both see exactly the same features.
 *
 * Features are taken after folding the letters that people type interchangeably depending on
 * their keyboard (Arabic ي/ى vs Persian ی, Arabic ك vs Persian ک): Persian typed on an Arabic
 * keyboard, or Arabic typed on a Persian one, must not flip the decision. What is left is real
 * linguistic evidence: Persian-only letters (پ چ ژ گ), ZWNJ inside words (می‌/ها), function words
 * and affixes (است، را، که، می، های vs في، من، على، الذي، ال...), ة, أ/إ, and so on.
 */

export interface FaArModel {
  /** longest n-gram, in characters, including the word-boundary space */
  maxN: number;
  /** weights are stored as round(logRatio * scale) to keep the file small */
  scale: number;
  /** n-gram -> scaled log P(g|fa) - log P(g|ar); positive means Persian */
  weights: Record<string, number>;
}

// Harakat, superscript alef, Quranic marks and tatweel carry no fa/ar evidence worth the noise.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Arabic-script letters (incl. Persian/Urdu/Kurdish extensions); ZWNJ is kept as "|" because it
// is a strong, general Persian orthographic signal (می‌خواهم، کتاب‌ها).
const WORD = /[\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F|]+/g;
const MAX_CHARS = 1500;

/** Arabic-script words of `text`, NFKC-normalized and keyboard-folded. */
export function arabicScriptWords(text: string): string[] {
  const folded = text
    .slice(0, MAX_CHARS)
    .normalize('NFKC')
    .replace(MARKS, '')
    .replace(/[\u064A\u0649]/g, '\u06CC') // ي ى -> ی
    .replace(/\u0643/g, '\u06A9') // ك -> ک
    .replace(/\u200C/g, '|');
  const words = folded.match(WORD) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const trimmed = w.replace(/^\|+|\|+$/g, '');
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/** Calls `visit` for every character n-gram (1..maxN) of every space-padded word. */
export function forEachNgram(words: string[], maxN: number, visit: (gram: string) => void): void {
  for (const word of words) {
    const padded = ' ' + word + ' ';
    for (let n = 1; n <= maxN; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        if (gram !== ' ') visit(gram);
      }
    }
  }
}

export interface FaArScore {
  /** summed log-likelihood ratio (natural log units); > 0 means Persian */
  score: number;
  /** number of n-grams that the model knew */
  matched: number;
}

export function createFaArScorer(model: FaArModel): (text: string) => FaArScore {
  const weights = new Map<string, number>(Object.entries(model.weights));
  const inv = 1 / model.scale;
  return (text: string) => {
    let sum = 0;
    let matched = 0;
    forEachNgram(arabicScriptWords(text), model.maxN, (gram) => {
      const w = weights.get(gram);
      if (w !== undefined) {
        sum += w;
        matched++;
      }
    });
    return { score: sum * inv, matched };
  };
}
