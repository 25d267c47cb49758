/**
 * A light stemmer for Arabic-script words, working on normalised tokens (normalize-text.ts:
 * ك → ک, ي/ى → ی, ة → ه, أ/إ/آ → ا). It only peels what is glued to a word, never touches the
 * root, and is used where a word has to be recognised whatever is attached to it: topic keywords
 * (keyword-matcher.ts) and full-text search (search/).
 *
 * Arabic glues to a noun, in this order: a conjunction (و "and", ف "so"), a preposition
 * (ب "with", ک "like", ل "for"), then the article ال — so تغلیف appears as التغلیف, والتغلیف,
 * بالتغلیف, فالتغلیف, وبالتغلیف, and ل + ال is written لل (للتغلیف). After it may come an attached
 * pronoun or a plural/feminine ending (ه ها هم کم نا ی ات ون ین), before which ة is written ت. Persian glues far less
 * (ها / های / ی / ش / م / ت / مان …), and its plural forms are folded already by normalisation.
 *
 * - `articleStem(w)`: the word without its article and whatever precedes it (ال، وال، بال، فال،
 *   کال، لل and the combinations with و/ف in front), or the word itself. This is the canonical
 *   form of a keyword or query word: it is unambiguous, because ال can only be the article there.
 * - `procliticStems(w)`: every form left by peeling a valid proclitic sequence from the front,
 *   including single letters (و ف ب ک ل). A single letter may belong to the word (فندق، بنک، وجبه),
 *   so these forms are only *candidates*, looked up against known stems or indexed next to the word,
 *   never used to rewrite what a user typed.
 * - Whatever is left must keep at least MIN_STEM letters, so short words are never cut to noise
 *   (بنت is not ب + نت, الم is not ال + م).
 */

const MIN_STEM = 3;
const ARABIC_SCRIPT_RE = /^[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF]+$/;

// Sequences ending in the article, longest first (normalised letters: ک for ك).
const ARTICLE_PREFIXES = ['وبال', 'فبال', 'وکال', 'فکال', 'وال', 'فال', 'بال', 'کال', 'ولل', 'فلل', 'لل', 'ال'];
// Sequences without the article.
const BARE_PREFIXES = ['وب', 'فب', 'وک', 'فک', 'ول', 'فل', 'و', 'ف', 'ب', 'ک', 'ل'];
/** Attached pronouns and endings peeled from the end of a word (Arabic and Persian), longest first. */
export const ATTACHED_SUFFIXES = [
  'هایی',
  'های',
  'هما',
  'کما',
  'شان',
  'تان',
  'مان',
  'شون',
  'تون',
  'مون',
  'ها',
  'هم',
  'هن',
  'کم',
  'کن',
  'نا',
  'ات',
  'ون',
  'ین',
  'ام',
  'اش',
  'ای',
  'ه',
  'ی',
  'ک',
  'ش',
  'م',
  'ت',
];

export function isArabicScript(token: string): boolean {
  return ARABIC_SCRIPT_RE.test(token);
}

/** The word without its article and the clitics before it; the word itself when it has none. */
export function articleStem(token: string): string {
  if (!isArabicScript(token)) return token;
  for (const p of ARTICLE_PREFIXES) {
    if (token.startsWith(p) && token.length - p.length >= MIN_STEM) return token.slice(p.length);
  }
  return token;
}

/** Every stem left by peeling a valid proclitic sequence (article or not), the word itself first. */
export function procliticStems(token: string): string[] {
  if (!isArabicScript(token)) return [token];
  const out = [token];
  const add = (s: string) => {
    if (s.length >= MIN_STEM && !out.includes(s)) out.push(s);
  };
  for (const p of ARTICLE_PREFIXES) if (token.startsWith(p)) add(token.slice(p.length));
  for (const p of BARE_PREFIXES) {
    if (!token.startsWith(p)) continue;
    const rest = token.slice(p.length);
    add(rest);
    // و + a word that itself starts with the article: والتغلیف → التغلیف as well as تغلیف.
    if (rest.startsWith('ال')) add(rest.slice(2));
  }
  return out;
}

/** Forms of the word without one attached ending (the word itself not included). */
export function suffixStems(token: string): string[] {
  if (!isArabicScript(token)) return [];
  const out: string[] = [];
  for (const s of ATTACHED_SUFFIXES) {
    if (!token.endsWith(s) || token.length - s.length < 2) continue;
    const stem = token.slice(0, -s.length);
    out.push(stem);
    // ة is written ت before an ending (علبة → علبته, جودة → جودتها); normalised, ة is ه.
    if (stem.endsWith('ت') && stem.length >= 3) out.push(`${stem.slice(0, -1)}ه`);
  }
  return out;
}
