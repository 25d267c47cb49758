// Identity verification for the widget. identify() runs in the visitor's browser, so what it says
// is a claim: anyone can call it with someone else's id or email. The business's server proves a
// signed-in customer's identity by signing it with the widget key's identity secret
// (HMAC-SHA256, hex, as Intercom's user_hash and Chatwoot's identifier_hash do); the page passes
// that to identify() as userHash and the widget sends it with every request that carries the
// identity. Only a verified identity may attach to or create a customer, store events, trigger
// surveys and emails, or read its own survey state; an unverified claim is kept on the feedback
// as metadata and nothing else.
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../platform/ids.js';

export interface ClaimedIdentity {
  externalId?: string;
  email?: string;
  userHash?: string;
}

export type WidgetIdentity =
  | { status: 'verified'; externalId: string; email?: string }
  | { status: 'unverified'; claimed: { externalId?: string; email?: string }; hashMismatch: boolean }
  | { status: 'anonymous' };

/** What the business's server signs: the external id, plus a line break and the email when identify() carries one. */
export const identityMessage = (externalId: string, email?: string): string => (email ? `${externalId}\n${email}` : externalId);

/** The userHash of an identity: hex HMAC-SHA256 of identityMessage under the key's identity secret. */
export const signIdentity = (secret: string, externalId: string, email?: string): string =>
  createHmac('sha256', secret).update(identityMessage(externalId, email)).digest('hex');

/**
 * Judges the identity a widget request claims against the key's live secrets (the current one,
 * and the previous one during a rotation's grace period). A wrong hash is not an error: the
 * request is served as unverified, so a misconfigured site loses no feedback and learns nothing.
 */
export function verifyWidgetIdentity(secrets: readonly string[], claim: ClaimedIdentity): WidgetIdentity {
  const { externalId, email, userHash } = claim;
  if (!externalId && !email) return { status: 'anonymous' };
  if (externalId && userHash) {
    const given = userHash.toLowerCase();
    let matched = false;
    // Every secret is compared in constant time, and all of them: the time taken tells nothing.
    for (const secret of secrets) matched = constantTimeEqual(signIdentity(secret, externalId, email), given) || matched;
    if (matched) return { status: 'verified', externalId, ...(email ? { email } : {}) };
  }
  return {
    status: 'unverified',
    claimed: { ...(externalId ? { externalId } : {}), ...(email ? { email } : {}) },
    hashMismatch: Boolean(userHash),
  };
}

/** The customer a verified identity names (identify-or-create); nobody for any other. */
export const verifiedCustomer = (identity: WidgetIdentity) =>
  identity.status === 'verified' ? { externalId: identity.externalId, email: identity.email } : undefined;

/**
 * How the identity is recorded on widget feedback: `identity` is verified, unverified or
 * anonymous; an unverified claim is kept under claimed_* (never used to find a customer), and
 * identity_hash: mismatch says a hash was sent that no live secret produced.
 */
export function identityMetadata(identity: WidgetIdentity): Record<string, string> {
  if (identity.status !== 'unverified') return { identity: identity.status };
  const { claimed } = identity;
  return {
    identity: 'unverified',
    ...(claimed.externalId ? { claimed_external_id: claimed.externalId } : {}),
    ...(claimed.email ? { claimed_email: claimed.email } : {}),
    ...(identity.hashMismatch ? { identity_hash: 'mismatch' } : {}),
  };
}
