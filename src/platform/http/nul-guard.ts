// PostgreSQL cannot store the NUL character (U+0000) in text or jsonb. A body containing one is
// refused up front with a 400 naming the field, for every route, instead of failing at INSERT.
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

export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const field = findNul(req.body, '');
    if (field !== null) throw new AppError(400, 'invalid_input', `${field || 'body'}: contains a NUL character (U+0000), which cannot be stored`, field || undefined);
  });
}
