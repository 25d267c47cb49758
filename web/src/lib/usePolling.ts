import { useEffect, useRef } from 'react';

/**
 * Calls `poll` every `intervalMs` while `active` is true, one call at a time (the next waits
 * for the previous to settle). The signal aborts when polling stops or the component unmounts.
 * `poll` reports its own failures (e.g. into state); a rejection does not stop the polling.
 */
export function usePolling(poll: (signal: AbortSignal) => Promise<void>, active: boolean, intervalMs = 1000): void {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  });

  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await latest.current(abort.signal).catch(() => undefined);
      if (!abort.signal.aborted) timer = setTimeout(() => void tick(), intervalMs);
    };
    timer = setTimeout(() => void tick(), intervalMs);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [active, intervalMs]);
}
