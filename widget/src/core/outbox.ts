// Every call the widget makes goes through this queue, kept in the browser's storage: on a flaky
// connection (or a server that is down) it is retried with growing pauses, also after the page
// is reloaded, and each call carries its queue id as Idempotency-Key so it counts once.
import type { WidgetAction } from '../types.js';
import type { Store } from './storage.js';

interface Item {
  id: string;
  action: WidgetAction;
  body: Record<string, unknown>;
  tries?: number;
}
/** What a send attempt says: done (or refused for good), or try again later. */
export type SendResult = 'done' | 'retry';

const MAX_ITEMS = 200;
/** Failed attempts while online after which a call is given up (about 45 minutes of retrying),
 * so one call the server keeps failing cannot hold back the ones behind it for ever. */
const MAX_TRIES = 50;
const MAX_PAUSE_MS = 60_000;

export function createOutbox(store: Store, send: (item: Item) => Promise<SendResult>, newId: () => string) {
  let items: Item[] = store.get<Item[]>('outbox') ?? [];
  let busy = false;
  let pause = 1_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => store.set('outbox', items);

  async function flush(): Promise<void> {
    if (busy) return;
    busy = true;
    clearTimeout(timer);
    try {
      // Another tab may have sent some: start from what storage holds now.
      items = store.get<Item[]>('outbox') ?? items;
      while (items.length > 0) {
        const item = items[0];
        if ((await send(item)) === 'retry') {
          // Offline attempts do not count: the call waits for the connection as long as it takes.
          if (navigator.onLine) item.tries = (item.tries ?? 0) + 1;
          if ((item.tries ?? 0) < MAX_TRIES) {
            save();
            timer = setTimeout(flush, pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MS);
            return;
          }
        }
        pause = 1_000;
        items = (store.get<Item[]>('outbox') ?? items).filter((i) => i.id !== item.id);
        save();
      }
    } finally {
      busy = false;
    }
  }

  addEventListener('online', () => void flush());
  return {
    push(action: WidgetAction, body: Record<string, unknown>) {
      items.push({ id: newId(), action, body });
      // A queue that cannot drain (offline for days) keeps its newest calls.
      if (items.length > MAX_ITEMS) items = items.slice(-MAX_ITEMS);
      save();
      void flush();
    },
    flush,
    clear() {
      items = [];
      save();
    },
  };
}
