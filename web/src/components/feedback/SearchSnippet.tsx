import type { SearchSnippet as Snippet } from '@feedloop/contracts/feedback';
import { snippetParts } from '../../lib/snippet';

/** A search match in context; matched words in <mark>, everything as React text nodes. */
export function SearchSnippet({ snippet, fullLength }: { snippet: Snippet; fullLength: number }) {
  return (
    <span data-testid="search-snippet">
      {snippetParts(snippet, fullLength).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
