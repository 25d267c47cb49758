// What a rule's conditions and actions read about a trigger: the feedback item, order, event,
// ticket or idea it names, and the customer behind it with their stored flags. Loaded for a
// whole batch of triggers with one query per table.
import { and, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customers, events, orders } from '../../customers/customers/customers.tables.js';
import { tickets } from '../tickets/tickets.tables.js';
import { ideas } from '../../loop/ideas/ideas.tables.js';
import { segmentMemberships } from '../../customers/segments/segment-membership.js';
import { customerFlags } from './rules.tables.js';
import type { RuleTrigger } from './emit-trigger.js';

/** The columns of an item that conditions, actions and reply drafts read (not its search document or scores by topic). */
const ITEM_COLUMNS = {
  id: feedbackItems.id,
  customerId: feedbackItems.customerId,
  channel: feedbackItems.channel,
  text: feedbackItems.text,
  language: feedbackItems.language,
  rating: feedbackItems.rating,
  nps: feedbackItems.nps,
  csat: feedbackItems.csat,
  sentiment: feedbackItems.sentiment,
  feedbackType: feedbackItems.feedbackType,
  topics: feedbackItems.topics,
  tags: feedbackItems.tags,
  ticketId: feedbackItems.ticketId,
  createdAt: feedbackItems.createdAt,
};
export type FeedbackRow = { [K in keyof typeof ITEM_COLUMNS]: (typeof feedbackItems.$inferSelect)[K] };
export type CustomerRow = typeof customers.$inferSelect;

export interface RuleFacts {
  /** What a run is about: "feedback:<id>", "customer:<id>", "topic:<key>" … */
  subject: string;
  item: FeedbackRow | null;
  customer: CustomerRow | null;
  flags: string[];
  /** Saved segments the customer is in (loaded only when a condition asks). */
  segments: Set<string>;
  order: typeof orders.$inferSelect | null;
  event: typeof events.$inferSelect | null;
  ticket: typeof tickets.$inferSelect | null;
  idea: typeof ideas.$inferSelect | null;
  /** threshold_crossed: the topic and the items behind it. */
  topic: string | null;
  feedbackIds: string[];
}

const feedbackIdOf = (t: RuleTrigger) => ('feedbackId' in t ? t.feedbackId : null);

async function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>, ids: Array<string | null>): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await load(wanted)).map((row) => [row.id, row]));
}

/** The facts of each trigger, in order (null when what it names no longer exists). */
export async function loadRuleFacts(
  scope: WorkspaceScope,
  tx: DbOrTx,
  triggers: RuleTrigger[],
  segmentIds: string[] = [],
): Promise<Array<RuleFacts | null>> {
  const [items, orderRows, eventRows, ticketRows, ideaRows] = await Promise.all([
    byId(
      (ids) =>
        tx
          .select(ITEM_COLUMNS)
          .from(feedbackItems)
          .where(scope.where(feedbackItems, inArray(feedbackItems.id, ids))),
      triggers.map(feedbackIdOf),
    ),
    byId(
      (ids) =>
        tx
          .select()
          .from(orders)
          .where(scope.where(orders, inArray(orders.id, ids))),
      triggers.map((t) => (t.kind === 'order_placed' ? t.orderId : null)),
    ),
    byId(
      (ids) =>
        tx
          .select()
          .from(events)
          .where(scope.where(events, inArray(events.id, ids))),
      triggers.map((t) => (t.kind === 'event_received' ? t.eventId : null)),
    ),
    byId(
      (ids) =>
        tx
          .select()
          .from(tickets)
          .where(scope.where(tickets, inArray(tickets.id, ids))),
      triggers.map((t) => ('ticketId' in t ? t.ticketId : null)),
    ),
    byId(
      (ids) =>
        tx
          .select()
          .from(ideas)
          .where(scope.where(ideas, inArray(ideas.id, ids))),
      triggers.map((t) => (t.kind === 'idea_status_changed' ? t.ideaId : null)),
    ),
  ]);
  const customerIdOf = (t: RuleTrigger): string | null => {
    if (t.kind === 'customer_inactive') return t.customerId;
    const fid = feedbackIdOf(t);
    if (fid) return items.get(fid)?.customerId ?? null;
    if (t.kind === 'order_placed') return orderRows.get(t.orderId)?.customerId ?? null;
    if (t.kind === 'event_received') return eventRows.get(t.eventId)?.customerId ?? null;
    if ('ticketId' in t) return ticketRows.get(t.ticketId)?.customerId ?? null;
    return null;
  };
  const customerRows = await byId(
    (ids) =>
      tx
        .select()
        .from(customers)
        .where(scope.where(customers, inArray(customers.id, ids))),
    triggers.map(customerIdOf),
  );
  const customerIds = [...customerRows.keys()];
  const flags = new Map<string, string[]>();
  if (customerIds.length > 0) {
    const rows = await tx
      .select({ customerId: customerFlags.customerId, flag: customerFlags.flag })
      .from(customerFlags)
      .where(scope.where(customerFlags, and(inArray(customerFlags.customerId, customerIds))));
    for (const r of rows) flags.set(r.customerId, [...(flags.get(r.customerId) ?? []), r.flag]);
  }
  const memberships = segmentIds.length > 0 ? await segmentMemberships(scope, segmentIds, customerIds, tx) : new Map<string, Set<string>>();

  return triggers.map((t) => {
    const fid = feedbackIdOf(t);
    const item = fid ? (items.get(fid) ?? null) : null;
    const order = t.kind === 'order_placed' ? (orderRows.get(t.orderId) ?? null) : null;
    const event = t.kind === 'event_received' ? (eventRows.get(t.eventId) ?? null) : null;
    const ticket = 'ticketId' in t ? (ticketRows.get(t.ticketId) ?? null) : null;
    const idea = t.kind === 'idea_status_changed' ? (ideaRows.get(t.ideaId) ?? null) : null;
    const customerId = customerIdOf(t);
    const customer = customerId ? (customerRows.get(customerId) ?? null) : null;
    const subject = subjectOf(t);
    if ((fid && !item) || (t.kind === 'order_placed' && !order) || (t.kind === 'event_received' && !event)) return null;
    if (('ticketId' in t && !ticket) || (t.kind === 'idea_status_changed' && !idea) || (t.kind === 'customer_inactive' && !customer))
      return null;
    const segments = new Set([...memberships].filter(([, members]) => customerId && members.has(customerId)).map(([id]) => id));
    return {
      subject,
      item,
      customer,
      flags: customerId ? (flags.get(customerId) ?? []) : [],
      segments,
      order,
      event,
      ticket,
      idea,
      topic: t.kind === 'threshold_crossed' ? t.topic : null,
      feedbackIds: t.kind === 'threshold_crossed' ? t.feedbackIds : item ? [item.id] : [],
    };
  });
}

export function subjectOf(t: RuleTrigger): string {
  switch (t.kind) {
    case 'order_placed':
      return `order:${t.orderId}`;
    case 'event_received':
      return `event:${t.eventId}`;
    case 'ticket_created':
    case 'ticket_updated':
    case 'sla_warning':
    case 'sla_breached':
      return `ticket:${t.ticketId}`;
    case 'idea_status_changed':
      return `idea:${t.ideaId}`;
    case 'customer_inactive':
      return `customer:${t.customerId}`;
    case 'threshold_crossed':
      return `topic:${t.topic ?? '*'}`;
    default:
      return `feedback:${t.feedbackId}`;
  }
}
