// The widget's memory in the visitor's browser: localStorage under one prefix per key, falling
// back to memory where storage is blocked (private modes, sandboxed frames). No cookies.
export interface Store {
  get<T>(name: string): T | undefined;
  set(name: string, value: unknown): void;
  remove(name: string): void;
}

export function createStore(prefix: string): Store {
  const memory: Record<string, string> = {};
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
    storage.setItem(prefix, '1');
  } catch {
    storage = undefined;
  }
  const read = (k: string) => (storage ? storage.getItem(k) : memory[k]);
  return {
    get<T>(name: string) {
      try {
        const raw = read(prefix + name);
        return raw ? (JSON.parse(raw) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    set(name, value) {
      const raw = JSON.stringify(value);
      try {
        if (storage) return storage.setItem(prefix + name, raw);
      } catch {
        // full or blocked: keep it for this page at least
      }
      memory[prefix + name] = raw;
    },
    remove(name) {
      try {
        storage?.removeItem(prefix + name);
      } catch {
        // ignore
      }
      delete memory[prefix + name];
    },
  };
}

/** A random 128-bit id, base64url (22 characters). */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
