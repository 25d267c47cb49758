// One timeline per customer: feedback, survey responses, events, orders, tickets, tasks,
// compensations and the messages sent to them (survey invitations, idea updates), newest first, keyset-paginated.
import { eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { customers } from '../customers/customers.tables.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/zod-types.js';

type TimelineKind = 'feedback' | 'survey_response' | 'event' | 'order' | 'ticket' | 'task' | 'compensation' | 'notification';
interface TimelineRow {
  kind: TimelineKind;
  id: string;
  at: string;
  data: Record<string, unknown>;
}

/** `feedbackText: false` leaves the feedback entries' text out (null): see readsFeedbackText. */
export async function customerTimeline(
  scope: WorkspaceScope,
  customerId: string,
  q: { limit: number; cursor?: string },
  { feedbackText }: { feedbackText: boolean },
) {
  const [c] = await scope.db
    .select({ id: customers.id, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(scope.where(customers, eq(customers.id, customerId)));
  if (!c) throw notFound('Customer');
  const id = c.mergedIntoId ?? c.id;
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !cursor) throw new AppError(400, 'invalid_input', 'cursor: not a valid cursor', 'cursor');
  const ws = scope.workspaceId;
  // This customer and those merged into it: what merging does not move is read through them.
  const withMerged = sql`(select c.id from customers c where c.workspace_id = ${ws} and (c.id = ${id} or c.merged_into_id = ${id}))`;
  const before = cursor ? sql`where (at, id) < (${cursor.time.toISOString()}::timestamptz, ${cursor.id}::uuid)` : sql``;
  const rows = await scope.database.rows<TimelineRow>(sql`
    select * from (
      select 'feedback' as kind, id, created_at as at, jsonb_build_object(
        'channel', channel, 'text', ${feedbackText ? sql`left(text, 500)` : sql`null`}, 'language', language,
        'nps', nps, 'csat', csat, 'ces', ces, 'rating', rating, 'sentiment', sentiment) as data
      from feedback_items where workspace_id = ${ws} and customer_id = ${id}
      union all
      -- Merging moves feedback, events and orders but not survey responses, so the responses of
      -- customers merged into this one are read through merged_into_id.
      select 'survey_response', r.id, coalesce(r.completed_at, r.started_at), jsonb_build_object(
        'surveyId', r.survey_id, 'surveyName', s.name, 'status', r.status, 'channel', r.channel, 'language', r.language)
      from survey_responses r join surveys s on s.id = r.survey_id
      where r.workspace_id = ${ws} and r.customer_id in ${withMerged}
      union all
      select 'event', id, occurred_at, jsonb_build_object('name', name, 'properties', properties)
      from events where workspace_id = ${ws} and customer_id = ${id}
      union all
      select 'order', id, placed_at, jsonb_build_object('externalId', external_id, 'amount', amount::float8, 'currency', currency, 'status', status)
      from orders where workspace_id = ${ws} and customer_id = ${id}
      union all
      select 'ticket', id, created_at, jsonb_build_object('number', number, 'subject', subject, 'status', status, 'priority', priority)
      from tickets where workspace_id = ${ws} and customer_id = ${id}
      union all
      select 'task', id, created_at, jsonb_build_object('title', title, 'status', status, 'dueAt', due_at)
      from tasks where workspace_id = ${ws} and customer_id = ${id}
      union all
      select 'compensation', id, created_at, jsonb_build_object('compensationKind', kind, 'amount', amount::float8, 'currency', currency, 'code', code, 'note', note,
        'status', status, 'approvedBy', approved_by, 'approvedAt', approved_at)
      from compensations where workspace_id = ${ws} and customer_id = ${id}
      union all
      -- Messages sent to the customer. Like survey responses, they stay with the merged record.
      select 'notification', m.id, coalesce(m.sent_at, m.created_at), jsonb_build_object(
        'channel', m.channel, 'purpose', 'survey_invitation', 'surveyId', m.survey_id, 'surveyName', s.name, 'status', m.status, 'language', m.language)
      from survey_sends m join surveys s on s.id = m.survey_id
      where m.workspace_id = ${ws} and m.customer_id in ${withMerged}
      union all
      select 'notification', n.id, coalesce(n.sent_at, n.created_at), jsonb_build_object(
        'channel', n.channel, 'purpose', n.purpose, 'ideaId', n.idea_id, 'ideaTitle', i.title, 'ideaStatus', n.idea_status,
        'status', n.status, 'language', n.language)
      from notifications n left join ideas i on i.id = n.idea_id
      where n.workspace_id = ${ws} and n.customer_id in ${withMerged}
    ) t ${before}
    order by at desc, id desc
    limit ${q.limit + 1}`);
  const page = rows.slice(0, q.limit).map((r) => ({ kind: r.kind, id: r.id, at: new Date(r.at).toISOString(), ...r.data }));
  const last = page[page.length - 1];
  return { customerId: id, data: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null };
}
