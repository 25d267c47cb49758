// One-click unsubscribe links of the digest. The token names the subscription and carries an
// HMAC-SHA256 of it under the subscription's own 256-bit key, checked in constant time: it cannot
// be guessed or forged, needs no sign-in, and stops working for the old key if the key changes.
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../platform/ids.js';

const mac = (key: string, body: string) => createHmac('sha256', key).update(`digest-unsubscribe:${body}`).digest('base64url');

export interface DigestSubscriber {
  workspaceId: string;
  userId: string;
}

export function signUnsubscribe(key: string, who: DigestSubscriber): string {
  const body = Buffer.from(`${who.workspaceId}:${who.userId}`).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** Who the token claims to be (unverified): the caller loads their key, then `verifyUnsubscribe`. */
export function readUnsubscribe(token: string): DigestSubscriber | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const [workspaceId, userId, more] = Buffer.from(body, 'base64url').toString('utf8').split(':');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  if (more !== undefined || !uuid.test(workspaceId ?? '') || !uuid.test(userId ?? '')) return null;
  return { workspaceId, userId };
}

export function verifyUnsubscribe(key: string, token: string): boolean {
  const [body, signature] = token.split('.');
  return !!body && !!signature && constantTimeEqual(signature, mac(key, body));
}
