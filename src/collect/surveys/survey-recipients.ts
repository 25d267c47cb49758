// Who a survey send or a batch of personal links is for: chosen customers, every customer of a
// saved segment, or a pasted list (with the entries that cannot be used reported by line).
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { loadSegment, segmentMembersSql } from '../../customers/segments/segment-sql.js';
import { resolveRecipientList, type ListReport } from './recipient-list.js';
import { SURVEY_LIMITS } from './limits.js';

export interface RecipientsInput {
  customerIds?: string[];
  segmentId?: string;
  list?: string;
}

export interface Recipients {
  customerIds: string[];
  /** the pasted list's entries that name no usable customer */
  list?: ListReport;
  segment?: { id: string; name: string };
  /** the pasted entry that named each customer (for personal links) */
  entries?: Map<string, { line: number; value: string }>;
}

export async function resolveRecipients(scope: WorkspaceScope, input: RecipientsInput): Promise<Recipients> {
  if (input.segmentId) {
    const segment = await loadSegment(scope, input.segmentId).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404)
        throw new AppError(404, 'not_found', 'segmentId: no such segment in this workspace', 'segmentId');
      throw err;
    });
    const rows = await scope.database.rows<{ id: string }>(
      sql`select m.id from (${segmentMembersSql(scope, segment)}) m limit ${SURVEY_LIMITS.maxRecipients + 1}`,
    );
    if (rows.length > SURVEY_LIMITS.maxRecipients) {
      throw new AppError(
        400,
        'too_many_recipients',
        `segmentId: this segment has more than ${SURVEY_LIMITS.maxRecipients} customers, the most one send reaches; narrow it down or use a trigger`,
        'segmentId',
      );
    }
    return { customerIds: rows.map((r) => r.id), segment: { id: segment.id, name: segment.name } };
  }
  if (input.list !== undefined) {
    const resolved = await resolveRecipientList(scope, input.list);
    return {
      customerIds: resolved.customers.map((c) => c.customerId),
      list: resolved.report,
      entries: new Map(resolved.customers.map((c) => [c.customerId, { line: c.line, value: c.value }])),
    };
  }
  return { customerIds: [...new Set(input.customerIds ?? [])] };
}
