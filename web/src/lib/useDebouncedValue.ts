import { useEffect, useRef, useState } from 'react';

/**
 * Local draft of a text value that is committed after the user stops typing.
 * External changes to `value` (e.g. "clear filters") replace the draft.
 */
export function useDebouncedDraft(value: string, commit: (value: string) => void, delay = 350) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (draft === committed.current) return;
    const timer = window.setTimeout(() => {
      committed.current = draft;
      commitRef.current(draft);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [draft, delay]);

  return [draft, setDraft] as const;
}
