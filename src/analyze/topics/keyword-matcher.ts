/**
 * Matches a taxonomy's keywords against feedback text. Keywords and text are normalised the
 * same way (normalize-text.ts), so ي/ی, ك/ک, diacritics, digits and ZWNJ never decide a match.
 * A keyword matches whole words or a run of consecutive words; a trailing `*` makes its last word
 * a prefix; a keyword with Chinese characters matches as a substring of the normalised text
 * (Chinese has no spaces, and segmenters disagree on word boundaries), after traditional
 * characters are folded to simplified ones on both sides (han-variants.ts), so a keyword written
 * once matches 價格 as well as 价格.
 *
 * The keyword `{amount}` matches a sum of money written with a currency sign or code next to the
 * number, in any script ($38, £7, 45€, ¥99, 120元, 30块, 250 SAR, ٥٠ درهم is left to the word
 * keywords): prices are often only stated as a figure.
 *
 * What is glued to a word never hides it (arabic-clitics.ts):
 * - Arabic-script keywords are compared without their article: "تغليف" and "التغليف" are one
 *   keyword, and both match التغليف, والتغليف, بالتغليف, للتغليف, وتغليفه, تغليفها.
 * - A text word also matches with an attached pronoun or ending peeled off (Arabic ه ها هم کم نا ات
 *   ون ین, Persian ی ش م ت ام اش مان …: پیکش, پیکی, الموظفین), and English words with a plural
 *   -s / -es (couriers, boxes).
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';
import { appendTo } from '../../platform/group-by.js';
import { articleStem, isArabicScript, procliticStems, suffixStems } from '../language/arabic-clitics.js';
import { foldHanVariants } from './han-variants.js';

interface WordPattern {
  topic: string;
  words: string[];
  prefix: boolean;
  lang: string;
  arabicScript: boolean;
}
export interface TopicKeywords {
  key: string;
  keywords: Partial<Record<string, string[]>>;
}

const HAN_RE = /\p{Script=Han}/u;
/** The `{amount}` keyword: a currency sign or code right before or after a number. */
export const AMOUNT_KEYWORD = '{amount}';
const AMOUNT_RE =
  /[$£€¥₹₽₺₩₪﷼]\s?\p{Nd}|\p{Nd}\s?(?:[$£€¥₹₽₺₩₪﷼]|[元块塊]|(?:usd|eur|gbp|aed|sar|egp|kwd|qar|rmb|cny|dhs?|rs|bucks|quid)(?![\p{L}\p{N}]))|(?<![\p{L}\p{N}])(?:usd|eur|gbp|aed|sar|egp|kwd|qar|rmb|cny|rs\.?)\s?\p{Nd}/iu;

export class KeywordMatcher {
  private readonly byFirstWord = new Map<string, WordPattern[]>();
  // Single-word prefixes, by their first character (a token can only start with a prefix that
  // shares it): each token is checked against a handful instead of every one.
  private readonly prefixesByFirstChar = new Map<string, WordPattern[]>();
  private readonly substrings: Array<{ topic: string; text: string; shown: string }> = [];
  private readonly amountTopics = new Set<string>();

  constructor(topics: readonly TopicKeywords[]) {
    for (const topic of topics) {
      for (const [lang, list] of Object.entries(topic.keywords)) {
        for (const raw of list ?? []) this.add(topic.key, raw, lang);
      }
    }
  }

  private add(topic: string, raw: string, lang: string) {
    if (raw.trim() === AMOUNT_KEYWORD) {
      this.amountTopics.add(topic);
      return;
    }
    const prefix = raw.trim().endsWith('*');
    const normalized = normalizeForSearch(raw.replace(/\*+\s*$/, ''));
    if (!normalized) return;
    if (HAN_RE.test(normalized)) {
      this.substrings.push({ topic, text: foldHanVariants(normalized), shown: normalized });
      return;
    }
    const words = tokenizeNormalized(normalized).map(articleStem);
    if (words.length === 0) return;
    const pattern = { topic, words, prefix, lang, arabicScript: words.some(isArabicScript) };
    if (prefix && words.length === 1) appendTo(this.prefixesByFirstChar, words[0][0], pattern);
    else appendTo(this.byFirstWord, words[0], pattern);
  }

  /**
   * Topic keys whose keywords occur in the text, with the keywords that matched. `prepared` is
   * the text already normalised and split (analysis does that once for the model and this).
   * `language`, when known: Persian and Arabic share a script but not their words (Arabic
   * التحويل is a money transfer, Persian تحویل a delivery; Arabic دفع is paying, Persian دفعه
   * "time"), so a Persian text is matched against the Persian Arabic-script keywords only and an
   * Arabic text against the Arabic ones. Latin-script keywords (English, Finglish, Arabizi) and
   * Chinese keywords apply to every text.
   */
  match(text: string, prepared?: { normalized: string; tokens: string[] }, language?: string | null): Map<string, string[]> {
    const other = language === 'fa' ? 'ar' : language === 'ar' ? 'fa' : null;
    const applies = (p: WordPattern) => !(other && p.lang === other && p.arabicScript);
    const normalized = prepared?.normalized ?? normalizeForSearch(text);
    const hits = new Map<string, string[]>();
    const hit = (topic: string, what: string) => {
      const list = hits.get(topic) ?? [];
      if (!list.includes(what)) list.push(what);
      hits.set(topic, list);
    };
    if (this.amountTopics.size && AMOUNT_RE.test(text)) for (const topic of this.amountTopics) hit(topic, AMOUNT_KEYWORD);
    if (this.substrings.length && HAN_RE.test(normalized)) {
      const folded = foldHanVariants(normalized);
      for (const s of this.substrings) if (folded.includes(s.text)) hit(s.topic, s.shown);
    }
    const tokens = prepared?.tokens ?? tokenizeNormalized(normalized);
    const forms = tokens.map(wordForms);
    for (let i = 0; i < tokens.length; i++) {
      for (const stem of forms[i].stems) {
        for (const p of this.prefixesByFirstChar.get(stem[0]) ?? [])
          if (stem.startsWith(p.words[0]) && applies(p)) hit(p.topic, `${p.words[0]}*`);
      }
      for (const form of forms[i].exact) {
        for (const p of this.byFirstWord.get(form) ?? []) {
          if (applies(p) && matchesAt(forms, i, p)) hit(p.topic, p.words.join(' ') + (p.prefix ? '*' : ''));
        }
      }
    }
    return hits;
  }
}

/**
 * The forms under which a text word can match a keyword word: `stems` (the word, and the word
 * without its proclitics) for prefix keywords, `exact` (those, and each without an attached
 * ending) for whole-word keywords.
 */
interface WordForms {
  stems: string[];
  exact: string[];
}

const ENGLISH_PLURAL_RE = /^([a-z]{3,}?)(?:es|s)$/;

export function wordForms(token: string): WordForms {
  if (isArabicScript(token)) {
    const stems = procliticStems(token);
    const exact = [...stems];
    for (const stem of stems) for (const s of suffixStems(stem)) if (!exact.includes(s)) exact.push(s);
    return { stems, exact };
  }
  const plural = ENGLISH_PLURAL_RE.exec(token);
  if (!plural) return { stems: [token], exact: [token] };
  const exact = [token, token.slice(0, -1)];
  if (token.endsWith('es') && token.length - 2 >= 3) exact.push(token.slice(0, -2));
  return { stems: [token], exact };
}

function matchesAt(forms: WordForms[], start: number, p: WordPattern): boolean {
  if (start + p.words.length > forms.length) return false;
  for (let k = 1; k < p.words.length; k++) {
    const last = k === p.words.length - 1;
    const f = forms[start + k];
    if (last && p.prefix ? !f.stems.some((s) => s.startsWith(p.words[k])) : !f.exact.includes(p.words[k])) return false;
  }
  return true;
}
