import type { SearchSnippet } from '@feedloop/contracts/feedback';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a search snippet into plain and matched parts (rendered as text nodes and <mark>, never
 * as HTML), with an ellipsis where the window cuts the full text. Ranges that overlap, fall
 * outside the text or are out of order are ignored rather than trusted.
 */
export function snippetParts(snippet: SearchSnippet, fullLength: number): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text) parts.push({ text, match });
  };
  if (snippet.start > 0) push('…', false);
  let at = 0;
  const ranges = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > snippet.text.length) continue;
    push(snippet.text.slice(at, start), false);
    push(snippet.text.slice(start, end), true);
    at = end;
  }
  push(snippet.text.slice(at), false);
  if (snippet.start + snippet.text.length < fullLength) push('…', false);
  return parts;
}
