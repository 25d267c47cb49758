// Recovery: what an unhappy customer was given (a discount code, a credit, a refund, a gift),
// recorded against the customer and, where it applies, the feedback item or ticket behind it.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { newId } from '../../platform/ids.js';
import { compensations } from './compensations.tables.js';
import { assertTicket, loadFeedbackRefs, resolveCustomer } from '../references.js';
import { afterCursor, newestFirst, toPage } from '../../platform/http/page.js';
import type { TCreateCompensation, ZListCompensations } from './compensations.input.js';

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
  createdBy: c.createdBy,
  createdAt: c.createdAt,
});

export async function createCompensation(scope: WorkspaceScope, input: TCreateCompensation, userId: string | null) {
  return scope.transaction(async (tx) => {
    const customerId = (await resolveCustomer(scope, tx, input.customerId))!;
    if (input.feedbackId) await loadFeedbackRefs(scope, tx, [input.feedbackId], 'feedbackId');
    await assertTicket(scope, tx, input.ticketId);
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
          createdBy: userId,
        }),
      )
      .returning();
    return publicCompensation(row);
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
        afterCursor(compensations, q.cursor),
      ),
    )
    .orderBy(...newestFirst(compensations))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, publicCompensation);
}
