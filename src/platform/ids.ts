// Time-ordered ids (UUIDv7) keep primary-key indexes append-mostly; tokens come from a CSPRNG.
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { v7 } from 'uuid';

export const newId = (): string => v7();

/** A URL-safe random token with `bytes` bytes of entropy (default 32 = 256 bits). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
