import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './errors';

const t = ((key: string) => key) as unknown as TFunction;

describe('error messages', () => {
  it('says the database is unreachable for a 503 database_unavailable, and a server error otherwise', () => {
    expect(errorMessage(t, new ApiError({ status: 503, code: 'database_unavailable', retryAfter: 5 }))).toBe('errors.unavailable');
    expect(errorMessage(t, new ApiError({ status: 503, code: 'shutting_down' }))).toBe('errors.server');
    expect(errorMessage(t, new ApiError({ status: 500, code: 'internal_error' }))).toBe('errors.server');
  });
});
