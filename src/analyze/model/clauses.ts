/**
 * Splits a text into clauses, and clause reading of sentiment: long reviews weigh several opinions
 * ("the screen is great but the battery dies by noon"), while most training texts are short
 * feedback of one or two clauses, so each clause can be read like a short text and the clauses'
 * logits combined with the whole text's. Measured by the cross-domain evaluation
 * (`EVAL_CLAUSES=1`, scripts/eval-cross.ts; figures in README.md); prediction does not use it: it
 * moved the figures by less than their noise, not in every language the same way, and costs a
 * second feature pass per clause.
 *
 * A clause ends at sentence punctuation (. ! ? ؟ 。 ！ ？ ; ؛ ； and newlines), at a comma (, ، ，
 * 、) and before a contrast word (but / ولی / اما / لكن / بس / 但是 / 不过 …), which starts the next
 * clause: that clause is marked `contrast` (what follows "but" usually carries the verdict).
 * Clauses without a letter (emoji, numbers only) are joined to the previous one. Pure string work
 * on the raw text (before normalisation), so it sees the punctuation the tokenizer drops.
 */

export interface Clause {
  text: string;
  /** starts with a contrast word (or follows one that stood alone) */
  contrast: boolean;
}

/** At most this many clauses are read (the rest joins the last one): bounds the cost of long texts. */
export const MAX_CLAUSES = 8;

/**
 * Contrast words per language, written for feedback: Persian formal and colloquial (Arabic-script
 * ي/ك spellings are matched too), Arabic MSA and dialects (بس is Levantine/Gulf/Egyptian "but"),
 * Finglish/Arabizi, English. Chinese ones are matched without word boundaries.
 */
const CONTRAST_WORDS = [
  // Persian
  'ولی',
  'ولیکن',
  'اما',
  'منتها',
  'هرچند',
  'هر چند',
  'البته',
  'با این حال',
  'با این وجود',
  'در عوض',
  'فقط حیف',
  'حیف که',
  // Arabic
  'لكن',
  'ولكن',
  'لكنه',
  'لكنها',
  'ولكنه',
  'ولكنها',
  'لاكن',
  'ولاكن',
  'بس',
  'وبس',
  'الا ان',
  'إلا أن',
  'إلا ان',
  'غير أن',
  'غير ان',
  'مع ذلك',
  'ومع ذلك',
  'رغم ذلك',
  'بالرغم من ذلك',
  'بينما',
  'عكس',
  // Latin-script Persian / Arabic
  'vali',
  'valy',
  'ama',
  'bas',
  'lakin',
  'lakn',
  // English
  'but',
  'however',
  'although',
  'though',
  'except',
  'whereas',
  'unfortunately',
];

const CHINESE_CONTRAST = ['但是', '可是', '不过', '不過', '然而', '只是', '就是太', '就是有点', '就是有點'];

const LETTER = /\p{L}/u;
const SENTENCE_END = /[.!?\u061F\u3002\uFF01\uFF1F;\u061B\uFF1B\n\r\u2026]+|[,\u060C\uFF0C\u3001]+/u;

/** Arabic/Persian letter variants folded for matching contrast words: ي/ى → ی, ك → ک, أ/إ/آ → ا. */
function fold(s: string): string {
  return s
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/[\u0623\u0625\u0622]/g, '\u0627')
    .replace(/\u200C/g, ' ')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const CONTRAST_FOLDED = [...new Set(CONTRAST_WORDS.map(fold))].sort((a, b) => b.length - a.length);
// A contrast word starts a clause: at the start of a piece or after a space, followed by a space or the end.
const CONTRAST_RE = new RegExp(`(?<=^|[\\s\\p{P}])(?:${CONTRAST_FOLDED.map(escapeRegExp).join('|')})(?=\\s|$)`, 'gu');
const CHINESE_RE = new RegExp(CHINESE_CONTRAST.join('|'), 'gu');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The clauses of `text`, in order. A text without any boundary gives one clause (itself). The
 * folded form is only used to find boundaries; clauses are slices of the original text.
 */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  // Pieces between punctuation, located in the original text.
  const pieces: string[] = [];
  let rest = text;
  for (;;) {
    const m = SENTENCE_END.exec(rest);
    if (!m) {
      pieces.push(rest);
      break;
    }
    pieces.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  let pendingContrast = false;
  for (const piece of pieces) {
    for (const part of splitOnContrast(piece)) {
      const trimmed = part.text.trim();
      if (!trimmed) continue;
      const contrast = part.contrast || pendingContrast;
      if (isBareContrast(trimmed)) {
        pendingContrast = true; // "but, the battery …": the contrast carries over the comma
        continue;
      }
      pendingContrast = false;
      if (!LETTER.test(trimmed) && out.length) {
        out[out.length - 1].text += ` ${trimmed}`;
        continue;
      }
      out.push({ text: trimmed, contrast });
    }
  }
  if (out.length > MAX_CLAUSES) {
    const tail = out.splice(MAX_CLAUSES - 1);
    out.push({ text: tail.map((c) => c.text).join(' '), contrast: tail[0].contrast });
  }
  return out.length ? out : [{ text: text.trim(), contrast: false }];
}

function isBareContrast(s: string): boolean {
  const f = fold(s);
  return CONTRAST_FOLDED.includes(f) || CHINESE_CONTRAST.includes(s);
}

function splitOnContrast(piece: string): { text: string; contrast: boolean }[] {
  // fold() replaces one UTF-16 unit by one, so indices in the folded piece are indices in the piece.
  const folded = fold(piece);
  const cuts = new Set<number>();
  for (const m of folded.matchAll(CONTRAST_RE)) cuts.add(m.index);
  for (const m of piece.matchAll(CHINESE_RE)) cuts.add(m.index);
  const lead = piece.length - piece.trimStart().length;
  const parts: { text: string; contrast: boolean }[] = [];
  let from = 0;
  let contrast = cuts.has(lead); // the piece itself starts with a contrast word
  for (const at of [...cuts].sort((a, b) => a - b)) {
    if (at <= lead) continue;
    parts.push({ text: piece.slice(from, at), contrast });
    from = at;
    contrast = true;
  }
  parts.push({ text: piece.slice(from), contrast });
  return parts;
}

/** Weight of the whole text's logits against the clauses' mean in clause reading. */
export const WHOLE_TEXT_SHARE = 0.5;

/**
 * Sentiment logits read clause by clause: the mean of the clauses' logits (`logitsOf` each
 * clause's text), mixed with the whole text's (`whole`) at WHOLE_TEXT_SHARE. A text of one clause
 * keeps its whole-text logits.
 */
export function clauseSentimentLogits(whole: Float32Array, text: string, logitsOf: (clause: string) => ArrayLike<number>): Float32Array {
  const clauses = splitClauses(text);
  if (clauses.length < 2) return whole;
  const mean = new Float32Array(whole.length);
  for (const c of clauses) {
    const l = logitsOf(c.text);
    for (let k = 0; k < mean.length; k++) mean[k] += l[k] / clauses.length;
  }
  return whole.map((x, k) => WHOLE_TEXT_SHARE * x + (1 - WHOLE_TEXT_SHARE) * mean[k]);
}
