// Write coalescing lanes, shared by the batchers of feedback creates and survey answers: work
// waiting for one key (a workspace) is handed out in batches, with at most `maxInFlight`
// transactions per key at once; a lane disappears when it has nothing left to do.
interface Lane<T> {
  waiting: T[];
  inFlight: number;
}

export interface CoalescingLanes<T> {
  /** Queue `item` on the lane of `key` and start a batch if the lane has room. */
  push(key: string, item: T): void;
}

export function coalescingLanes<T>(options: {
  maxInFlight: number;
  /** Splits the waiting items into the next batch and those that wait for a later one. */
  takeBatch(waiting: T[]): { batch: T[]; rest: T[] };
  /** Writes one batch; must settle every item's promise itself and never reject. */
  flush(batch: T[]): Promise<void>;
}): CoalescingLanes<T> {
  const lanes = new Map<string, Lane<T>>();
  const pump = (key: string, lane: Lane<T>) => {
    while (lane.inFlight < options.maxInFlight && lane.waiting.length > 0) {
      const { batch, rest } = options.takeBatch(lane.waiting);
      lane.waiting = rest;
      lane.inFlight++;
      void options.flush(batch).finally(() => {
        lane.inFlight--;
        if (lane.waiting.length > 0) pump(key, lane);
        else if (lane.inFlight === 0) lanes.delete(key);
      });
    }
  };
  return {
    push(key, item) {
      let lane = lanes.get(key);
      if (!lane) {
        lane = { waiting: [], inFlight: 0 };
        lanes.set(key, lane);
      }
      lane.waiting.push(item);
      pump(key, lane);
    },
  };
}

/** Up to `max` items in arrival order, never two with the same non-empty key (those wait). */
export function takeDistinct<T>(waiting: T[], max: number, keyOf: (item: T) => string): { batch: T[]; rest: T[] } {
  const batch: T[] = [];
  const rest: T[] = [];
  const keys = new Set<string>();
  for (const item of waiting) {
    const key = keyOf(item);
    if (batch.length >= max || (key && keys.has(key))) rest.push(item);
    else {
      if (key) keys.add(key);
      batch.push(item);
    }
  }
  return { batch, rest };
}
