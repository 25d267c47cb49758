// The preview in the user's settings: the digest of the period that has just ended, composed by
// the same code as the email.
import type { DigestPreview } from '../../contracts/digest.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { getDigestPreferences, subscriptionFor } from './digest-preferences.service.js';
import { composeDigest } from './compose-digest.js';
import { digestPeriod } from './digest-schedule.js';

export async function previewDigest(scope: WorkspaceScope, userId: string, publicUrl: string, now = new Date()): Promise<DigestPreview> {
  await getDigestPreferences(scope, userId); // creates the default subscription of a new member
  const subscription = (await subscriptionFor(scope, userId))!;
  const { subject, html, text } = await composeDigest(scope, subscription, digestPeriod(subscription, now), publicUrl, now);
  return { subject, html, text };
}
