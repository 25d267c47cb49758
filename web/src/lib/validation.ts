import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

export const MIN_PASSWORD_LENGTH = 10;

export type FieldErrorCode = 'required' | 'email' | 'passwordTooShort' | 'passwordMismatch' | 'invalid';
export type FieldErrors<K extends string> = Partial<Record<K, FieldErrorCode>>;

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Field errors are kept as codes so they are re-translated when the language changes. */
export function fieldErrorText(t: TFunction, code: FieldErrorCode | undefined): string | null {
  switch (code) {
    case undefined:
      return null;
    case 'required':
      return t('validation.required');
    case 'email':
      return t('validation.email');
    case 'passwordTooShort':
      return t('validation.passwordTooShort', { count: MIN_PASSWORD_LENGTH });
    case 'passwordMismatch':
      return t('validation.passwordMismatch');
    case 'invalid':
      return t('validation.invalid');
  }
}

/** Marks the fields a 400/422 response pointed at. */
export function serverFieldErrors<K extends string>(error: unknown, known: readonly K[]): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  if (!(error instanceof ApiError)) return out;
  for (const field of error.fields) {
    if ((known as readonly string[]).includes(field)) out[field as K] = 'invalid';
  }
  return out;
}

/** Moves focus to the first invalid control once React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
