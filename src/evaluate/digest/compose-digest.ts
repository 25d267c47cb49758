// One member's digest of one period, as the email they get and the preview shows: the same code
// for both, so the preview is what arrives.
import { eq } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { chosenCalendar } from '../../platform/workspace/workspace-settings.service.js';
import { notFound } from '../../platform/http/errors.js';
import type { digestSubscriptions } from './digest.tables.js';
import { gatherDigest } from './digest-content.js';
import { renderDigestEmail, type RenderedDigest } from './digest-email.js';
import { readerCalendar } from './digest-format.js';
import { previousDigestPeriod, type DigestPeriod } from './digest-schedule.js';
import { signUnsubscribe } from './digest-unsubscribe.js';

type Subscription = typeof digestSubscriptions.$inferSelect;

export async function composeDigest(
  scope: WorkspaceScope,
  subscription: Subscription,
  period: DigestPeriod,
  publicUrl: string,
  now = new Date(),
): Promise<RenderedDigest & { email: string }> {
  const [user] = await scope.db
    .select({ email: users.email, calendar: users.calendar, digits: users.digits })
    .from(users)
    .where(eq(users.id, subscription.userId));
  const [workspace] = await scope.db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  if (!user || !workspace) throw notFound('Member');
  const language = subscription.language;
  const content = await gatherDigest(
    scope,
    { period, previous: previousDigestPeriod(subscription.frequency, period), timeZone: subscription.timeZone, language },
    now,
  );
  const token = signUnsubscribe(subscription.unsubscribeKey, { workspaceId: scope.workspaceId, userId: subscription.userId });
  const rendered = await renderDigestEmail({
    reader: { language, calendar: readerCalendar(user.calendar, chosenCalendar(workspace.settings), language), latinDigits: user.digits === 'latin' },
    frequency: subscription.frequency,
    content,
    links: { dashboard: `${publicUrl}/`, settings: `${publicUrl}/settings`, unsubscribe: `${publicUrl}/digest/unsubscribe/${token}` },
  });
  return { ...rendered, email: user.email };
}
