// The embedded database has one connection, and a statement on it runs synchronously: while one
// chain of statements runs, the process reads no socket. Every statement and transaction of the
// process therefore takes turns here, one at a time, and between two turns the event loop runs:
// requests keep being read meanwhile, so the batchers (coalescing-lanes.ts) find them waiting and
// write them together in their next turn. Work of a request goes before background work (the
// worker's jobs, schedules); background work passed over `requestTurnsBeforeBackground` times in
// a row goes next, so a busy site slows analysis down but never stops it. Counted in turns, not
// time: a loaded machine makes every turn slower, and the share stays the same.
import { AsyncLocalStorage } from 'node:async_hooks';

const backgroundWork = new AsyncLocalStorage<true>();

/** Runs `fn` with every database turn it takes queued behind those of requests. */
export function runInBackground<T>(fn: () => Promise<T>): Promise<T> {
  return backgroundWork.run(true, fn);
}

/** Whether the caller runs in the background (inside runInBackground). */
export const inBackground = (): boolean => backgroundWork.getStore() === true;

export interface ConnectionQueue {
  /** Runs `work` (a statement or a whole transaction) when the connection is the caller's turn. */
  take<T>(work: () => Promise<T>): Promise<T>;
  /** Turns waiting now, by lane (for tests and metrics). */
  waiting(): { request: number; background: number };
}

interface Turn {
  work: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export function connectionQueue(options: { requestTurnsBeforeBackground: number }): ConnectionQueue {
  const request: Turn[] = [];
  const background: Turn[] = [];
  let busy = false;
  let scheduled = false;
  /** Request turns taken while background work waited. */
  let passedOver = 0;

  const schedule = () => {
    if (busy || scheduled || (request.length === 0 && background.length === 0)) return;
    scheduled = true;
    // setImmediate, not a microtask: sockets are read before the next turn is chosen.
    setImmediate(next);
  };

  function next() {
    scheduled = false;
    const backgroundsTurn = background.length > 0 && (request.length === 0 || passedOver >= options.requestTurnsBeforeBackground);
    const turn = backgroundsTurn ? background.shift() : request.shift();
    if (!turn) return;
    passedOver = backgroundsTurn || background.length === 0 ? 0 : passedOver + 1;
    busy = true;
    let settled: Promise<unknown>;
    try {
      settled = turn.work();
    } catch (err) {
      settled = Promise.reject(err);
    }
    settled.then(turn.resolve, turn.reject).finally(() => {
      busy = false;
      schedule();
    });
  }

  return {
    take<T>(work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const turn: Turn = { work, resolve: resolve as (v: unknown) => void, reject };
        (inBackground() ? background : request).push(turn);
        schedule();
      });
    },
    waiting: () => ({ request: request.length, background: background.length }),
  };
}
