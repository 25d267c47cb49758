// The feedback digest: each member's weekly (or monthly) email of the workspace's figures.
import type { Locale } from './locales.js';

export const DIGEST_FREQUENCIES = ['weekly', 'monthly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const DIGEST_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** GET/PUT /me/digest: when and how the signed-in user gets the digest of this workspace. */
export interface DigestPreferences {
  enabled: boolean;
  frequency: DigestFrequency;
  /** The weekday of a weekly digest (ISO: 1 Monday … 7 Sunday); a monthly one comes on the 1st. */
  weekday: number;
  /** The local hour it is sent at, 0–23. */
  hour: number;
  /** IANA time zone of `hour`, e.g. Asia/Tehran. */
  timeZone: string;
  language: Locale;
  /** When the next one goes out (ISO), null while turned off. */
  nextSendAt: string | null;
}

export type UpdateDigestPreferences = Partial<Omit<DigestPreferences, 'nextSendAt'>>;

/** GET /me/digest/preview: the email as it would be sent now. */
export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
}
