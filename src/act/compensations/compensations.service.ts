// Recovery: what an unhappy customer was given (a discount code, a credit, a refund, a gift),
// recorded against the customer and, where it applies, the feedback item or ticket behind it.
// An owner or admin may give anything at once; an agent's (or an API key's) compensation above
// the workspace's limit for its currency waits as pending_approval until an owner or admin
// approves it. Who approved it and when is kept either way.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/http/errors.js';
import { compensationApprovalLimits, compensations } from './compensations.tables.js';
import { assertTicket, loadFeedbackRefs, resolveCustomer } from '../references.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import type { TApprovalLimits, TCreateCompensation, ZListCompensations } from './compensations.input.js';

type Compensation = typeof compensations.$inferSelect;

export const publicCompensation = (c: Compensation) => ({
  id: c.id,
  customerId: c.customerId,
  kind: c.kind,
  amount: c.amount === null ? null : Number(c.amount),
  currency: c.currency,
  code: c.code,
  note: c.note,
  feedbackId: c.feedbackId,
  ticketId: c.ticketId,
  status: c.status,
  approvedBy: c.approvedBy,
  approvedAt: c.approvedAt,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
});

/** Who is giving it: an owner or admin approves their own on the spot. */
export interface Giver {
  userId: string | null;
  mayApprove: boolean;
}

/** Whether an amount is above the workspace's limit for its currency (no limit set: never). */
async function needsApproval(scope: WorkspaceScope, tx: DbOrTx, amount: number | null | undefined, currency: string | null | undefined) {
  if (amount == null || !currency) return false;
  const [limit] = await tx
    .select({ maxAmount: compensationApprovalLimits.maxAmount })
    .from(compensationApprovalLimits)
    .where(scope.where(compensationApprovalLimits, eq(compensationApprovalLimits.currency, currency)));
  return limit !== undefined && amount > Number(limit.maxAmount);
}

export async function createCompensation(scope: WorkspaceScope, input: TCreateCompensation, giver: Giver) {
  return scope.transaction(async (tx) => {
    const customerId = (await resolveCustomer(scope, tx, input.customerId))!;
    if (input.feedbackId) await loadFeedbackRefs(scope, tx, [input.feedbackId], 'feedbackId');
    await assertTicket(scope, tx, input.ticketId);
    const pending = !giver.mayApprove && (await needsApproval(scope, tx, input.amount, input.currency));
    const [row] = await tx
      .insert(compensations)
      .values(
        scope.stamp({
          id: newId(),
          customerId,
          kind: input.kind,
          amount: input.amount ?? null,
          currency: input.currency ?? null,
          code: input.code ?? null,
          note: input.note ?? null,
          feedbackId: input.feedbackId ?? null,
          ticketId: input.ticketId ?? null,
          status: pending ? ('pending_approval' as const) : ('approved' as const),
          approvedBy: pending ? null : giver.userId,
          approvedAt: pending ? null : new Date(),
          createdBy: giver.userId,
        }),
      )
      .returning();
    return publicCompensation(row);
  });
}

/** An owner or admin approves a pending compensation; approving it again changes nothing. */
export async function approveCompensation(scope: WorkspaceScope, id: string, userId: string) {
  return scope.transaction(async (tx) => {
    const [row] = await tx
      .update(compensations)
      .set({ status: 'approved', approvedBy: userId, approvedAt: sql`now()` })
      .where(scope.where(compensations, eq(compensations.id, id), eq(compensations.status, 'pending_approval')))
      .returning();
    if (row) return publicCompensation(row);
    const [current] = await tx
      .select()
      .from(compensations)
      .where(scope.where(compensations, eq(compensations.id, id)));
    if (!current) throw notFound('Compensation');
    return publicCompensation(current);
  });
}

export async function listCompensations(scope: WorkspaceScope, q: z.infer<typeof ZListCompensations>) {
  const rows = await scope.db
    .select()
    .from(compensations)
    .where(
      scope.where(
        compensations,
        q.customerId ? eq(compensations.customerId, q.customerId) : undefined,
        q.status ? eq(compensations.status, q.status) : undefined,
        afterCursor(compensations, q.cursor),
      ),
    )
    .orderBy(...newestFirst(compensations))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, publicCompensation);
}

export async function getApprovalLimits(scope: WorkspaceScope) {
  const rows = await scope.db
    .select({ currency: compensationApprovalLimits.currency, maxAmount: compensationApprovalLimits.maxAmount })
    .from(compensationApprovalLimits)
    .where(scope.where(compensationApprovalLimits))
    .orderBy(compensationApprovalLimits.currency);
  return { limits: rows.map((r) => ({ currency: r.currency, maxAmount: Number(r.maxAmount) })) };
}

/** Replaces the workspace's limits with these, in one transaction. */
export async function setApprovalLimits(scope: WorkspaceScope, input: TApprovalLimits) {
  await scope.transaction(async (tx) => {
    await tx.delete(compensationApprovalLimits).where(scope.where(compensationApprovalLimits));
    if (input.limits.length) await tx.insert(compensationApprovalLimits).values(input.limits.map((l) => scope.stamp(l)));
  });
  return getApprovalLimits(scope);
}
