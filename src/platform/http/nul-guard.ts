// PostgreSQL cannot store the NUL character (U+0000) in text or jsonb. A body containing one is
// refused up front with a 400 naming the field, for every route, instead of failing at INSERT.
// Unpaired UTF-16 surrogates ("\ud800" in the JSON) cannot be stored in jsonb either: they become
// U+FFFD, as invalid UTF-8 in a body does.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LONE_SURROGATE_TEST = new RegExp(LONE_SURROGATE.source);
const wellFormed = (s: string) => (LONE_SURROGATE_TEST.test(s) ? s.replace(LONE_SURROGATE, '\ufffd') : s);

const nulError = (field: string) =>
  new AppError(400, 'invalid_input', `${field || 'body'}: contains a NUL character (U+0000), which cannot be stored`, field || undefined);

/**
 * One walk over the body: throws on a NUL (naming the field), and returns the value with unpaired
 * surrogates replaced, in strings and keys. Parts with nothing to mend are returned as they are,
 * so a usual body is never copied.
 */
function storable(value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulError(path);
    return wellFormed(value);
  }
  if (Array.isArray(value)) {
    let out = value;
    value.forEach((item, i) => {
      const mended = storable(item, `${path}[${i}]`);
      if (mended === item) return;
      if (out === value) out = [...value];
      out[i] = mended;
    });
    return out;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, v]) => {
      const field = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) throw nulError(field);
      const mendedKey = wellFormed(key);
      const mended = storable(v, field);
      if (mendedKey !== key || mended !== v) changed = true;
      return [mendedKey, mended] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}

export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const body = storable(req.body, '');
    if (body !== req.body) req.body = body;
  });
}
