// Each member's digest preferences. A member who never opened them gets the defaults: weekly, on
// the first day of the workspace's week, at 08:00 in the workspace's time zone, in their language.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DigestPreferences } from '../../contracts/digest.js';
import type { Locale } from '../../contracts/locales.js';
import type { WeekStart } from '../../contracts/workspace.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { memberships, users } from '../../platform/auth/auth.tables.js';
import { getWorkspaceSettings } from '../../platform/workspace/workspace-settings.service.js';
import { notFound } from '../../platform/http/errors.js';
import { randomToken } from '../../platform/ids.js';
import { digestSubscriptions } from './digest.tables.js';
import { nextDigestAt } from './digest-schedule.js';
import type { TUpdateDigestPreferences } from './digest.input.js';

export const DIGEST_DEFAULT_HOUR = 8;
const ISO_WEEKDAY: Record<WeekStart, number> = { mon: 1, sat: 6, sun: 7 };

type Subscription = typeof digestSubscriptions.$inferSelect;

export function publicPreferences(s: Subscription): DigestPreferences {
  return {
    enabled: s.enabled,
    frequency: s.frequency,
    weekday: s.weekday,
    hour: s.hour,
    timeZone: s.timeZone,
    language: s.language,
    nextSendAt: s.enabled ? s.nextSendAt.toISOString() : null,
  };
}

/** Gives every member of the workspace without a subscription the default one; returns how many. */
export async function subscribeNewMembers(scope: WorkspaceScope, db: DbOrTx = scope.db, now = new Date()): Promise<number> {
  const newcomers = await db
    .select({ userId: memberships.userId, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(digestSubscriptions, and(eq(digestSubscriptions.workspaceId, memberships.workspaceId), eq(digestSubscriptions.userId, memberships.userId)))
    .where(and(eq(memberships.workspaceId, scope.workspaceId), isNull(digestSubscriptions.userId)));
  if (newcomers.length === 0) return 0;
  const workspace = await getWorkspaceSettings(scope);
  const timing = { frequency: 'weekly' as const, weekday: ISO_WEEKDAY[workspace.weekStart], hour: DIGEST_DEFAULT_HOUR, timeZone: workspace.timezone };
  const inserted = await db
    .insert(digestSubscriptions)
    .values(
      newcomers.map((m) =>
        scope.stamp({
          userId: m.userId,
          ...timing,
          language: m.locale as Locale,
          unsubscribeKey: randomToken(),
          nextSendAt: nextDigestAt(timing, now),
        }),
      ),
    )
    .onConflictDoNothing()
    .returning({ userId: digestSubscriptions.userId });
  return inserted.length;
}

async function subscriptionOf(scope: WorkspaceScope, userId: string): Promise<Subscription> {
  const find = () => scope.db.select().from(digestSubscriptions).where(scope.where(digestSubscriptions, eq(digestSubscriptions.userId, userId)));
  let [row] = await find();
  if (!row) {
    await subscribeNewMembers(scope);
    [row] = await find();
  }
  if (!row) throw notFound('Membership');
  return row;
}

export async function getDigestPreferences(scope: WorkspaceScope, userId: string): Promise<DigestPreferences> {
  return publicPreferences(await subscriptionOf(scope, userId));
}

export async function updateDigestPreferences(
  scope: WorkspaceScope,
  userId: string,
  patch: TUpdateDigestPreferences,
  now = new Date(),
): Promise<DigestPreferences> {
  const current = await subscriptionOf(scope, userId);
  const next = { ...current, ...patch };
  const [row] = await scope.db
    .update(digestSubscriptions)
    .set({
      enabled: next.enabled,
      frequency: next.frequency,
      weekday: next.weekday,
      hour: next.hour,
      timeZone: next.timeZone,
      language: next.language,
      nextSendAt: nextDigestAt(next, now),
      updatedAt: sql`now()`,
    })
    .where(scope.where(digestSubscriptions, eq(digestSubscriptions.userId, userId)))
    .returning();
  return publicPreferences(row);
}

/** The subscription an unsubscribe link names, for its key; null if there is none. */
export async function subscriptionFor(scope: WorkspaceScope, userId: string): Promise<Subscription | null> {
  const [row] = await scope.db.select().from(digestSubscriptions).where(scope.where(digestSubscriptions, eq(digestSubscriptions.userId, userId)));
  return row ?? null;
}

export async function turnDigestOff(scope: WorkspaceScope, userId: string): Promise<void> {
  await scope.db
    .update(digestSubscriptions)
    .set({ enabled: false, updatedAt: sql`now()` })
    .where(scope.where(digestSubscriptions, eq(digestSubscriptions.userId, userId)));
}
