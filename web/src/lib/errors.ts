import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** "Try again in …": seconds for short waits, whole minutes from two minutes on. */
export function rateLimitMessage(t: TFunction, secondsLeft: number | undefined): string {
  if (secondsLeft === undefined) return t('errors.rateLimitedNoDelay');
  if (secondsLeft >= 120) return t('errors.rateLimitedMinutes', { count: Math.ceil(secondsLeft / 60) });
  return t('errors.rateLimited', { count: secondsLeft });
}

/** A message for an API error in the user's language (server messages are not shown verbatim). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  switch (error.code) {
    case 'invalid_credentials':
      return t('errors.invalidCredentials');
    case 'already_set_up':
      return t('errors.alreadySetUp');
    case 'network_error':
      return t('errors.network');
  }
  if (error.code === 'rate_limited' || error.status === 429) {
    return rateLimitMessage(t, error.retryAfter);
  }
  if (error.status === 400 || error.status === 422) return t('errors.validation');
  if (error.status === 401) return t('errors.unauthorized');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 503 && error.code === 'database_unavailable') return t('errors.unavailable');
  if (error.status >= 500) return t('errors.server');
  return t('errors.unknown');
}
