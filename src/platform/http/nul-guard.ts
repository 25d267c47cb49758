// PostgreSQL cannot store the NUL character (U+0000) in text or jsonb. A body containing one is
// refused up front with a 400 naming the field, for every route, instead of failing at INSERT.
// Unpaired UTF-16 surrogates ("\ud800" in the JSON) cannot be stored in jsonb either: they become
// U+FFFD, as invalid UTF-8 in a body does.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
      const hit = findNul(v, path ? `${path}.${key}` : key);
      if (hit) return hit;
    }
  }
  return null;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LONE_SURROGATE_TEST = new RegExp(LONE_SURROGATE.source);
const wellFormed = (s: string) => s.replace(LONE_SURROGATE, '\ufffd');

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE_TEST.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => LONE_SURROGATE_TEST.test(k) || hasLoneSurrogate(v));
  return false;
}

/** The body with every unpaired surrogate replaced, in strings and in keys. */
function replaceLoneSurrogates(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(replaceLoneSurrogates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), replaceLoneSurrogates(v)]));
  }
  return value;
}

export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    // Most bodies have none: only those that do are copied.
    if (hasLoneSurrogate(req.body)) req.body = replaceLoneSurrogates(req.body);
    const field = findNul(req.body, '');
    if (field !== null) throw new AppError(400, 'invalid_input', `${field || 'body'}: contains a NUL character (U+0000), which cannot be stored`, field || undefined);
  });
}
