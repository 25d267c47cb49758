// Checks that ids given in a request name rows of the caller's workspace, each failing with a
// 422 that names the field: a teammate, a customer, feedback items, a ticket.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client.js';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import { memberships } from '../platform/auth/auth.tables.js';
import { customers } from '../customers/customers/customers.tables.js';
import { feedbackItems } from '../collect/feedback/feedback.tables.js';
import { AppError } from '../platform/http/errors.js';
import { tickets } from './tickets/tickets.tables.js';

export async function assertMember(scope: WorkspaceScope, tx: DbOrTx, userId: string | null | undefined, field: string): Promise<void> {
  if (!userId) return;
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, scope.workspaceId), eq(memberships.userId, userId)));
  if (!member) throw new AppError(422, 'unknown_member', `${field}: not a member of this workspace`, field);
}

/** The customer's current id (a merged record answers for the one it was merged into). */
export async function resolveCustomer(
  scope: WorkspaceScope,
  tx: DbOrTx,
  customerId: string | null | undefined,
  field = 'customerId',
): Promise<string | null> {
  if (!customerId) return null;
  const [c] = await tx
    .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(scope.where(customers, eq(customers.id, customerId)));
  if (!c) throw new AppError(422, 'unknown_customer', `${field}: no such customer in this workspace`, field);
  return c.mergedIntoId ?? c.id;
}

/** The items with these ids (all of them, or a 422 naming the field), with their customers. */
export async function loadFeedbackRefs(scope: WorkspaceScope, tx: DbOrTx, ids: readonly string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select({ id: feedbackItems.id, customerId: feedbackItems.customerId, topics: feedbackItems.topics })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, inArray(feedbackItems.id, unique)));
  if (rows.length !== unique.length)
    throw new AppError(422, 'unknown_feedback', `${field}: some items do not exist in this workspace`, field);
  return rows;
}

export async function assertTicket(
  scope: WorkspaceScope,
  tx: DbOrTx,
  ticketId: string | null | undefined,
  field = 'ticketId',
): Promise<void> {
  if (!ticketId) return;
  const [t] = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(scope.where(tickets, eq(tickets.id, ticketId)));
  if (!t) throw new AppError(422, 'unknown_ticket', `${field}: no such ticket in this workspace`, field);
}
