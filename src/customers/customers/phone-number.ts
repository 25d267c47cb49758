// Phone numbers as one customer identifier: every phone Feedloop stores or looks up is E.164
// (+989121234567), read with awesome-phonenumber. A number written without its country code is
// read in the workspace's default country; one that is not a valid number is refused.
import { parsePhoneNumber } from 'awesome-phonenumber';
import { toAsciiDigits } from '../../platform/digits.js';

/** Digits of any script as 0–9, and the international prefix 00 as +. */
function plainDigits(phone: string): string {
  const ascii = toAsciiDigits(phone).trim();
  return ascii.startsWith('00') ? `+${ascii.slice(2)}` : ascii;
}

/** Written with its country code (+98 …, 0098 …, in any digits): no default country is needed to read it. */
export function hasCountryCode(phone: string): boolean {
  return plainDigits(phone).startsWith('+');
}

/** The number in E.164, or null when it is not a valid phone number (or has no country code and `country` is null). */
export function toE164(phone: string, country: string | null): string | null {
  const written = plainDigits(phone);
  if (!written.startsWith('+') && !country) return null;
  const parsed = parsePhoneNumber(written, country ? { regionCode: country } : undefined);
  return parsed.valid ? parsed.number.e164 : null;
}

/** Why a phone was refused, for the error message naming its field. */
export function phoneProblem(phone: string, country: string | null): string {
  return !hasCountryCode(phone) && !country
    ? "has no country code: write it as +<country code> <number>, or choose the workspace's default country (Settings → Workspace)"
    : `is not a valid phone number${country && !hasCountryCode(phone) ? ` in ${country}` : ''}`;
}

/**
 * The same number, whichever way each side is written: a stored E.164 phone against a value typed
 * in a rule, read in the stored number's own country when it has no country code.
 */
export function samePhone(stored: string | null, given: unknown): boolean {
  if (!stored || (typeof given !== 'string' && typeof given !== 'number')) return false;
  const region = parsePhoneNumber(stored).regionCode ?? null;
  const e164 = toE164(String(given), region);
  return e164 !== null && e164 === toE164(stored, region);
}
