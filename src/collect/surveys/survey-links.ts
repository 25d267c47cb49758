// Survey link tokens. The anonymous link is /s/<publicToken> (a 128-bit+ CSPRNG token). Personal
// links, email one-click answers and unsubscribe links carry a payload signed with HMAC-SHA256 by
// the survey's own key, verified (never just decoded) with a constant-time compare and an expiry.
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../platform/ids.js';
import { SURVEY_LIMITS } from './limits.js';

export interface LinkPayload {
  /** kind: p = personal link, a = one-click answer, u = unsubscribe */
  k: 'p' | 'a' | 'u';
  /** customer id */
  c: string;
  /** email send id, when the link came in an email */
  s?: string;
  /** one-click: question id and score */
  q?: string;
  v?: number;
  /** expiry, seconds since epoch */
  x: number;
}

export type VerifiedLink = { ok: true; payload: LinkPayload } | { ok: false; reason: 'forged' | 'expired' };

const mac = (key: string, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** When a link signed now stops working, in seconds since the epoch. */
export const linkExpiry = (now = Date.now()) => Math.floor(now / 1000) + SURVEY_LIMITS.personalLinkDays * 86_400;

export function signLink(signingKey: string, payload: Omit<LinkPayload, 'x'> & { x?: number }): string {
  const full: LinkPayload = { ...payload, x: payload.x ?? linkExpiry() };
  const body = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${body}.${mac(signingKey, body)}`;
}

export function verifyLink(signingKey: string, token: string, kind: LinkPayload['k'], now = Date.now()): VerifiedLink {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !constantTimeEqual(signature, mac(signingKey, body)))
    return { ok: false, reason: 'forged' };
  let payload: LinkPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkPayload;
  } catch {
    return { ok: false, reason: 'forged' };
  }
  // A valid signature on another kind of link (an unsubscribe token used as a survey link) is forged use.
  if (payload.k !== kind || typeof payload.c !== 'string' || typeof payload.x !== 'number') return { ok: false, reason: 'forged' };
  if (payload.x * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/** The response a personal link reaches: one per email send, else one per customer. */
export const personalKeyOf = (payload: LinkPayload) => (payload.s ? `send:${payload.s}` : `customer:${payload.c}`);

/** The resume token of a personal response: derived, so the same link always reaches the same response. */
export const personalResumeToken = (signingKey: string, personalKey: string) => mac(signingKey, `resume:${personalKey}`);
