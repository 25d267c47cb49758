import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/** Loads once on mount and again on reload(); a later answer never overwrites a newer one. */
export function useLoaded<T>(load: () => Promise<T>): [Loaded<T>, () => void] {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setValue({ state: 'ready', data }),
      (error: unknown) => current && !isAbortError(error) && setValue({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a module-level API call; reloading is driven by `round`.
  }, [round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [value, reload];
}
