/**
 * The text indexed for full-text search (feedback_items.search_text): the tokenizer's words
 * joined by spaces. PostgreSQL's 'simple' parser then only ever sees plain words, so Chinese is
 * searchable by jieba word, and Persian/Arabic letter variants, digits and ZWNJ spellings are
 * already folded (tokenize → normalize-text). The original text is stored apart, untouched.
 *
 * Arabic glues conjunctions, prepositions and the article to its words (والتغليف, بالتغليف,
 * للتغليف). After the words come, once each, the stems those words give without their proclitics
 * (arabic-clitics.ts), so a search for تغليف — which the query side reduces to its stem too
 * (search-query.ts) — finds every glued form. They sit after the text's own words, so phrase
 * searches over the real words keep their positions.
 */
import { tokenize } from '../language/tokenize.js';
import { procliticStems } from '../language/arabic-clitics.js';

export function searchDocument(text: string): string {
  return searchDocumentFromTokens(tokenize(text));
}

export function searchDocumentFromTokens(tokens: readonly string[]): string {
  const seen = new Set(tokens);
  const stems: string[] = [];
  for (const t of tokens) {
    for (const stem of procliticStems(t).slice(1)) {
      if (!seen.has(stem)) {
        seen.add(stem);
        stems.push(stem);
      }
    }
  }
  return stems.length ? `${tokens.join(' ')} ${stems.join(' ')}` : tokens.join(' ');
}
