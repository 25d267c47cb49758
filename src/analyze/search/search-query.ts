/**
 * Turns what a user types into the search box into a to_tsquery('simple', …) string.
 *
 *   words          all must match (AND)
 *   "a phrase"     the words next to each other (<->)
 *   -word -"a b"   must not match
 *   a OR b         either (binds tighter than AND: `a OR b c` = (a | b) & c)
 *
 * Every lexeme comes out of tokenize() — the same normalisation and Chinese segmentation as the
 * indexed documents (search-document.ts) — and is checked to be letters, marks and digits only,
 * so nothing the user types can become tsquery syntax. The last plain word is matched as a
 * prefix (search-as-you-type) when it is Latin or Arabic-script and at least 3 characters long;
 * Chinese words are whole jieba words already. A searched Arabic-script word loses its article
 * and what is glued before it (التغليف, والتغليف → تغليف; arabic-clitics.ts), and the document
 * carries the stems of its glued words (search-document.ts), so any form finds every form.
 * Words inside a quoted phrase are kept as typed.
 */
import { tokenize } from '../language/tokenize.js';
import { articleStem } from '../language/arabic-clitics.js';

export interface SearchQuery {
  /** Input for to_tsquery('simple', $1); always passed as a bound parameter. */
  tsquery: string;
  /** Normalised words the results match (for highlighting), excluded words left out. */
  terms: string[];
  /** Normalised words matched as prefixes. */
  prefixes: string[];
}

export class SearchQueryError extends Error {}

interface Unit {
  kind: 'word' | 'phrase' | 'or';
  negated: boolean;
  tokens: string[];
}

const SAFE_LEXEME = /^[\p{L}\p{M}\p{N}]+$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PREFIXABLE = /^[\p{Script=Latin}\p{Script=Arabic}\p{N}]+$/u;
const HAS_LETTER = /\p{L}/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const PERSIAN_PREFIXES = new Set(['می', 'نمی']);
const PERSIAN_SUFFIXES = new Set(['ها', 'های', 'هایی']);
const MIN_PREFIX_CHARS = 3;

function safeTokens(text: string): string[] {
  return tokenize(text).filter((t) => SAFE_LEXEME.test(t) && HAS_LETTER_OR_DIGIT.test(t));
}

/** Splits the raw query into words, quoted phrases, OR operators and exclusions. */
function splitUnits(raw: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < raw.length) {
    if (/\s/.test(raw[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (raw[i] === '-' && i + 1 < raw.length && !/\s/.test(raw[i + 1])) {
      negated = true;
      i++;
    }
    if (raw[i] === '"') {
      const close = raw.indexOf('"', i + 1);
      const end = close === -1 ? raw.length : close;
      units.push({ kind: 'phrase', negated, tokens: safeTokens(raw.slice(i + 1, end)) });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < raw.length && !/\s/.test(raw[end]) && raw[end] !== '"') end++;
    const word = raw.slice(i, end);
    units.push(word === 'OR' && !negated ? { kind: 'or', negated, tokens: [] } : { kind: 'word', negated, tokens: safeTokens(word) });
    i = end;
  }
  return units;
}

/**
 * The document side glues Persian می/نمی and ها/های/هایی to their word when typed with a space
 * (normalize-text.ts); glue them here too, or "می خواهم" would look for two separate words.
 */
function glueAffixes(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  const plain = (u: Unit | undefined) => u !== undefined && u.kind === 'word' && !u.negated && u.tokens.length > 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const next = units[k + 1];
    const prev = out[out.length - 1];
    if (plain(u) && u.tokens.length === 1 && PERSIAN_PREFIXES.has(u.tokens[0]) && plain(next) && ARABIC_LETTER.test(next.tokens[0][0])) {
      units[k + 1] = { ...next, tokens: [u.tokens[0] + next.tokens[0], ...next.tokens.slice(1)] };
      continue;
    }
    if (
      plain(u) &&
      u.tokens.length === 1 &&
      PERSIAN_SUFFIXES.has(u.tokens[0]) &&
      plain(prev) &&
      ARABIC_LETTER.test(prev.tokens[prev.tokens.length - 1].slice(-1))
    ) {
      out[out.length - 1] = { ...prev, tokens: [...prev.tokens.slice(0, -1), prev.tokens[prev.tokens.length - 1] + u.tokens[0]] };
      continue;
    }
    out.push(u);
  }
  return out;
}

const lexeme = (token: string, prefix = false) => `'${token}'${prefix ? ':*' : ''}`;

export function parseSearchQuery(raw: string): SearchQuery {
  const units = glueAffixes(splitUnits(raw))
    .filter((u) => u.kind === 'or' || u.tokens.length > 0)
    .map((u) => (u.kind === 'word' ? { ...u, tokens: u.tokens.map(articleStem) } : u));
  const lastPlain = units.map((u) => u.kind === 'word' && !u.negated).lastIndexOf(true);
  const groups: string[][] = [];
  const exclusions: string[] = [];
  const terms = new Set<string>();
  const prefixes: string[] = [];
  let pendingOr = false;
  units.forEach((u, k) => {
    if (u.kind === 'or') {
      pendingOr = groups.length > 0;
      return;
    }
    const last = u.tokens.length - 1;
    const prefix =
      k === lastPlain &&
      PREFIXABLE.test(u.tokens[last]) &&
      HAS_LETTER.test(u.tokens[last]) &&
      [...u.tokens[last]].length >= MIN_PREFIX_CHARS;
    const parts = u.tokens.map((t, j) => lexeme(t, prefix && j === last));
    const fragment = parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`;
    if (u.negated) {
      exclusions.push(`!${fragment}`);
    } else {
      u.tokens.forEach((t, j) => (prefix && j === last ? prefixes.push(t) : terms.add(t)));
      if (pendingOr) groups[groups.length - 1].push(fragment);
      else groups.push([fragment]);
    }
    pendingOr = false;
  });
  if (groups.length === 0) {
    throw new SearchQueryError(
      exclusions.length > 0
        ? 'give at least one word to search for, not only words to exclude'
        : 'no searchable words (letters or digits) in the query',
    );
  }
  const clauses = [...groups.map((g) => (g.length === 1 ? g[0] : `(${g.join(' | ')})`)), ...exclusions];
  return { tsquery: clauses.join(' & '), terms: [...terms], prefixes };
}
