/**
 * The text indexed for full-text search (feedback_items.search_text): the tokenizer's words
 * joined by spaces. PostgreSQL's 'simple' parser then only ever sees plain words, so Chinese is
 * searchable by jieba word, and Persian/Arabic letter variants, digits and ZWNJ spellings are
 * already folded (tokenize → normalize-text). The original text is stored apart, untouched.
 */
import { tokenize } from '../language/tokenize.js';

export function searchDocument(text: string): string {
  return tokenize(text).join(' ');
}
