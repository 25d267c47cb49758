// PostgreSQL cannot store the NUL character (U+0000) in text or jsonb, nor take it as a query
// parameter. A body, query string or path parameter containing one is refused up front with a 400
// naming the field or parameter, for every route, instead of failing in the database.
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

/** A query or path parameter's value, checked for NUL under the parameter's name and mended. */
function storableParameter(name: string, value: string): string {
  if (value.includes('\u0000')) throw nulError(name);
  return wellFormed(value);
}

/**
 * Query strings and path parameters are flat: each value is a string, or a list of them for a
 * repeated query parameter. Returns the same object when there was nothing to mend.
 */
function storableParameters<T>(parameters: T): T {
  if (!parameters || typeof parameters !== 'object') return parameters;
  let out = parameters as Record<string, unknown>;
  for (const [name, value] of Object.entries(parameters)) {
    if (name.includes('\u0000')) throw nulError('query');
    const mended = Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? storableParameter(name, v) : v))
      : typeof value === 'string'
        ? storableParameter(name, value)
        : value;
    const changed = Array.isArray(value) ? (mended as unknown[]).some((v, i) => v !== value[i]) : mended !== value;
    if (!changed) continue;
    if (out === parameters) out = { ...out };
    out[name] = mended;
  }
  return out as T;
}

export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const params = storableParameters(req.params);
    if (params !== req.params) req.params = params;
    const query = storableParameters(req.query);
    if (query !== req.query) req.query = query;
    const body = storable(req.body, '');
    if (body !== req.body) req.body = body;
  });
}
