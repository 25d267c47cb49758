// A dry run: what a rule definition would have fired on the workspace's real data of the last
// days, read-only. Each past change is replayed as the trigger it was (an item, an order, a
// ticket …) through the same facts and conditions the engine uses; scheduled triggers replay
// their scan.
import { gte, isNotNull, or, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { customers, events, orders } from '../../customers/customers/customers.tables.js';
import { tickets } from '../tickets/tickets.tables.js';
import { ideas } from '../../loop/ideas/ideas.tables.js';
import type { RuleDefinition } from '../../contracts/rules.js';
import { conditionsHold, segmentsNamed } from './rule-conditions.js';
import { loadRuleFacts, type RuleFacts } from './rule-facts.js';
import type { RuleTrigger } from './emit-trigger.js';
import { parseRuleDefinition } from './rule-validation.js';
import { thresholdBreaches } from './rule-scans.js';

/** Past changes replayed per dry run; matches listed. */
const DRY_RUN_LIMITS = { replayed: 5_000, listed: 200 };

function summary(f: RuleFacts): string {
  if (f.item) return f.item.text.replace(/\s+/g, ' ').slice(0, 140);
  if (f.order) return `${f.order.externalId}: ${f.order.amount} ${f.order.currency}`;
  if (f.event) return f.event.name;
  if (f.ticket) return `#${f.ticket.number} ${f.ticket.subject}`;
  if (f.idea) return `${f.idea.title} → ${f.idea.status}`;
  return f.customer?.name ?? f.customer?.email ?? f.subject;
}

async function pastTriggers(
  scope: WorkspaceScope,
  definition: RuleDefinition,
  since: Date,
): Promise<Array<{ trigger: RuleTrigger; at: Date }>> {
  const limit = DRY_RUN_LIMITS.replayed;
  const kind = definition.trigger.kind;
  const db = scope.db;
  switch (kind) {
    case 'feedback_created':
    case 'feedback_analysed':
    case 'score_received':
    case 'survey_response_completed': {
      const rows = await db
        .select({ id: feedbackItems.id, at: feedbackItems.createdAt, surveyResponseId: feedbackItems.surveyResponseId })
        .from(feedbackItems)
        .where(
          scope.where(
            feedbackItems,
            gte(feedbackItems.createdAt, since),
            kind === 'score_received'
              ? or(isNotNull(feedbackItems.nps), isNotNull(feedbackItems.csat), isNotNull(feedbackItems.ces))
              : kind === 'survey_response_completed'
                ? isNotNull(feedbackItems.surveyResponseId)
                : undefined,
          ),
        )
        .limit(limit);
      return rows.map((r) => ({
        at: r.at,
        trigger:
          kind === 'survey_response_completed'
            ? { kind, feedbackId: r.id, surveyId: r.surveyResponseId ?? '' }
            : ({ kind, feedbackId: r.id } as RuleTrigger),
      }));
    }
    case 'order_placed': {
      const rows = await db
        .select({ id: orders.id, at: orders.placedAt })
        .from(orders)
        .where(scope.where(orders, gte(orders.placedAt, since)))
        .limit(limit);
      return rows.map((r) => ({ at: r.at, trigger: { kind, orderId: r.id } }));
    }
    case 'event_received': {
      const rows = await db
        .select({ id: events.id, at: events.occurredAt })
        .from(events)
        .where(scope.where(events, gte(events.occurredAt, since)))
        .limit(limit);
      return rows.map((r) => ({ at: r.at, trigger: { kind, eventId: r.id } }));
    }
    case 'ticket_created':
    case 'ticket_updated': {
      const column = kind === 'ticket_created' ? tickets.createdAt : tickets.updatedAt;
      const rows = await db
        .select({ id: tickets.id, at: column })
        .from(tickets)
        .where(scope.where(tickets, gte(column, since)))
        .limit(limit);
      return rows.map((r) => ({
        at: r.at,
        trigger: kind === 'ticket_created' ? { kind, ticketId: r.id } : { kind, ticketId: r.id, changed: [] },
      }));
    }
    case 'idea_status_changed': {
      const rows = await db
        .select({ id: ideas.id, at: ideas.statusChangedAt, status: ideas.status })
        .from(ideas)
        .where(scope.where(ideas, gte(ideas.statusChangedAt, since)))
        .limit(limit);
      return rows.map((r) => ({ at: r.at, trigger: { kind, ideaId: r.id, from: '', to: r.status } }));
    }
    case 'customer_inactive': {
      const days = definition.trigger.days;
      const rows = await db
        .select({ id: customers.id, at: customers.lastSeenAt })
        .from(customers)
        .where(
          scope.where(
            customers,
            sql`${customers.mergedIntoId} is null`,
            sql`${customers.lastSeenAt} < now() - make_interval(days => ${days}::int)`,
          ),
        )
        .limit(limit);
      return rows.map((r) => ({ at: r.at ?? since, trigger: { kind, customerId: r.id, days, ruleId: 'dry-run' } }));
    }
    default:
      return [];
  }
}

export async function dryRunRule(scope: WorkspaceScope, raw: unknown, days: number) {
  const definition = parseRuleDefinition(raw);
  const since = new Date(Date.now() - days * 86_400_000);
  if (definition.trigger.kind === 'threshold_crossed') {
    const breaches = await thresholdBreaches(scope, definition, since, new Date());
    return {
      replayed: breaches.replayed,
      matched: breaches.found.length,
      matches: breaches.found.slice(0, DRY_RUN_LIMITS.listed).map((b) => ({
        subject: `topic:${b.topic ?? '*'}`,
        at: b.windowStart.toISOString(),
        summary: `${b.feedbackIds.length} × ${b.topic ?? '*'}`,
      })),
    };
  }
  const past = await pastTriggers(scope, definition, since);
  const facts = await loadRuleFacts(
    scope,
    scope.db,
    past.map((p) => p.trigger),
    segmentsNamed(definition.conditions),
  );
  const matches = past.flatMap((p, i) => {
    const f = facts[i];
    return f && conditionsHold(definition.conditions, definition.match, f)
      ? [{ subject: f.subject, at: p.at.toISOString(), summary: summary(f) }]
      : [];
  });
  matches.sort((a, b) => b.at.localeCompare(a.at));
  return { replayed: past.length, matched: matches.length, matches: matches.slice(0, DRY_RUN_LIMITS.listed) };
}
