// Saved views: a user's named explorer filters, optionally shared with the workspace. Everyone
// sees their own and the shared ones; only the owner changes or deletes a view.
import { and, asc, eq, or } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { savedViews } from './saved-views.tables.js';
import type { TCreateSavedView, TUpdateSavedView } from './saved-views.input.js';

type View = typeof savedViews.$inferSelect;

function publicView(v: View, userId: string) {
  return { id: v.id, name: v.name, filters: v.filters, shared: v.shared, mine: v.userId === userId, createdAt: v.createdAt };
}

/** Saved views belong to people: an API key has none. */
function requireUser(userId: string | null): string {
  if (!userId) throw new AppError(403, 'forbidden', 'Only signed-in users have saved views');
  return userId;
}

const visibleTo = (userId: string) => or(eq(savedViews.userId, userId), eq(savedViews.shared, true));

export async function listSavedViews(scope: WorkspaceScope, actorUserId: string | null) {
  const userId = requireUser(actorUserId);
  const rows = await scope.db
    .select()
    .from(savedViews)
    .where(scope.where(savedViews, visibleTo(userId)))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return { data: rows.map((v) => publicView(v, userId)) };
}

export async function createSavedView(scope: WorkspaceScope, actorUserId: string | null, input: TCreateSavedView) {
  const userId = requireUser(actorUserId);
  const [row] = await scope.db
    .insert(savedViews)
    .values(scope.stamp({ id: newId(), userId, ...input }))
    .returning();
  return publicView(row, userId);
}

/** A view this user may change: 404 when they cannot see it, 403 when it is someone else's. */
async function ownView(scope: WorkspaceScope, userId: string, id: string) {
  const [view] = await scope.db
    .select()
    .from(savedViews)
    .where(scope.where(savedViews, eq(savedViews.id, id), visibleTo(userId)));
  if (!view) throw notFound('Saved view');
  if (view.userId !== userId) throw forbidden('Only the owner changes or deletes a saved view');
  return view;
}

export async function updateSavedView(scope: WorkspaceScope, actorUserId: string | null, id: string, input: TUpdateSavedView) {
  const userId = requireUser(actorUserId);
  await ownView(scope, userId, id);
  const [row] = await scope.db
    .update(savedViews)
    .set(input)
    .where(scope.where(savedViews, and(eq(savedViews.id, id), eq(savedViews.userId, userId))))
    .returning();
  return publicView(row, userId);
}

export async function deleteSavedView(scope: WorkspaceScope, actorUserId: string | null, id: string) {
  const userId = requireUser(actorUserId);
  await ownView(scope, userId, id);
  await scope.db.delete(savedViews).where(scope.where(savedViews, eq(savedViews.id, id), eq(savedViews.userId, userId)));
}
