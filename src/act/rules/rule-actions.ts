// What a rule's actions do, each inside the transaction that also records its result on the run.
// Tasks, tickets and flags go through the same tables and services people use; emails are
// rendered from the rule's template in the customer's language and handed to the mailer.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { JobContext } from '../../platform/jobs/define-job.js';
import { newId } from '../../platform/ids.js';
import { pgArray } from '../../platform/db/pg-array.js';
import { escapeHtml } from '../../platform/http/html.js';
import { memberships, users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import type { RuleAction, RuleRecipient } from '../../contracts/rules.js';
import type { Locale } from '../../contracts/locales.js';
import { tasks } from '../tasks/tasks.tables.js';
import { createTicketIn, updateTicketIn } from '../tickets/tickets.service.js';
import { addBusinessMinutes, workspaceBusinessCalendar } from '../business-hours/business-time.js';
import { chooseAssignee } from '../assignment/choose-assignee.js';
import { renderTemplate, type TemplateValues } from '../templates/message-template.js';
import { draftReplyFor } from '../reply-drafts/draft-reply.js';
import { queueSurveySendsIn } from '../../collect/surveys/send-survey.js';
import { addSegmentMembers } from '../../customers/segments/segment-members.js';
import { customerFlags } from './rules.tables.js';
import type { RuleFacts } from './rule-facts.js';

export interface ActionInput {
  scope: WorkspaceScope;
  tx: Tx;
  ctx: JobContext;
  action: RuleAction;
  facts: RuleFacts;
  run: { id: string; ruleId: string; index: number };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The workspace's first owner: who gets what has no better owner. */
async function workspaceDefaultUser(scope: WorkspaceScope, tx: Tx): Promise<string | null> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, scope.workspaceId), eq(memberships.role, 'owner')))
    .orderBy(memberships.createdAt)
    .limit(1);
  return row?.userId ?? null;
}

/** A member named by user id or email, or null when they are not in this workspace. */
async function memberNamed(scope: WorkspaceScope, tx: Tx, who: unknown): Promise<string | null> {
  if (typeof who !== 'string' || who.length === 0) return null;
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, scope.workspaceId),
        UUID.test(who) ? eq(users.id, who) : sql`lower(${users.email}) = ${who.toLowerCase()}`,
      ),
    );
  return row?.userId ?? null;
}

/** The teammate an action is for: named, the customer's account owner, the topic's owner or the inbox's turn; else the workspace's owner. */
export async function resolveRecipient(scope: WorkspaceScope, tx: Tx, recipient: RuleRecipient, facts: RuleFacts): Promise<string | null> {
  if (recipient.kind === 'user') return chooseAssignee(scope, tx, { kind: 'user', userId: recipient.userId });
  if (recipient.kind === 'account_owner') {
    const owner = await memberNamed(scope, tx, facts.customer?.attributes.accountOwner);
    if (owner) return owner;
  }
  if (recipient.kind === 'topic_owner') {
    const topic = facts.topic ?? facts.item?.topics[0];
    const owner = topic
      ? ((await memberNamed(scope, tx, recipient.owners[topic])) ?? (await chooseAssignee(scope, tx, { kind: 'topic', topic })))
      : null;
    if (owner) return owner;
  }
  if (recipient.kind === 'round_robin' || recipient.kind === 'least_loaded') {
    const chosen = await chooseAssignee(scope, tx, { kind: recipient.kind });
    if (chosen) return chosen;
  }
  return workspaceDefaultUser(scope, tx);
}

async function templateValues(scope: WorkspaceScope, tx: Tx, facts: RuleFacts): Promise<TemplateValues> {
  const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  return {
    'customer.name': facts.customer?.name,
    'customer.email': facts.customer?.email,
    'order.id': facts.order?.externalId,
    'ticket.number': facts.ticket?.number,
    'ticket.subject': facts.ticket?.subject,
    'workspace.name': workspace?.name,
    'feedback.topics': facts.topic ?? facts.item?.topics.join(', '),
  };
}

function ticketOf(facts: RuleFacts): string {
  const id = facts.ticket?.id ?? facts.item?.ticketId;
  if (!id) throw new Error('this trigger has no ticket');
  return id;
}

/** Performs one action; returns what it did, for the run log. Throws to be retried. */
export async function performRuleAction({ scope, tx, ctx, action, facts, run }: ActionInput): Promise<string> {
  switch (action.kind) {
    case 'create_task': {
      const assigneeId = await resolveRecipient(scope, tx, action.assignee, facts);
      const calendar = await workspaceBusinessCalendar(scope, tx);
      const dueAt = addBusinessMinutes(calendar, new Date(), action.dueInBusinessHours * 60);
      const id = newId();
      await tx.insert(tasks).values(
        scope.stamp({
          id,
          title: renderTemplate(action.title, await templateValues(scope, tx, facts)).slice(0, 200),
          dueAt,
          assigneeId,
          customerId: facts.customer?.id ?? null,
          ticketId: facts.ticket?.id ?? null,
          feedbackId: facts.item?.id ?? null,
        }),
      );
      return `task ${id} for ${assigneeId ?? 'nobody'}, due ${dueAt.toISOString()}`;
    }
    case 'create_ticket': {
      const values = await templateValues(scope, tx, facts);
      const ticket = await createTicketIn(
        scope,
        tx,
        {
          subject: renderTemplate(action.subject, values).slice(0, 200) || action.subject,
          priority: action.priority,
          customerId: facts.customer?.id ?? null,
          feedbackIds: facts.feedbackIds.slice(0, 500),
        },
        null,
      );
      return `ticket #${ticket.number}`;
    }
    case 'set_ticket_priority': {
      const ticket = await updateTicketIn(scope, tx, ticketOf(facts), { priority: action.priority });
      return `ticket #${ticket.number} priority ${action.priority}`;
    }
    case 'assign_ticket': {
      const assigneeId = await resolveRecipient(scope, tx, action.assignee, facts);
      const ticket = await updateTicketIn(scope, tx, ticketOf(facts), { assigneeId });
      return `ticket #${ticket.number} assigned to ${assigneeId ?? 'nobody'}`;
    }
    case 'tag_item':
    case 'set_item_topic': {
      if (facts.feedbackIds.length === 0) throw new Error('this trigger has no feedback item');
      const column = action.kind === 'tag_item' ? feedbackItems.tags : feedbackItems.topics;
      const value = action.kind === 'tag_item' ? action.tag : action.topic;
      await tx
        .update(feedbackItems)
        .set({
          [action.kind === 'tag_item' ? 'tags' : 'topics']: sql`array_append(array_remove(${column}, ${value}), ${value})`,
          updatedAt: new Date(),
        })
        .where(scope.where(feedbackItems, sql`${feedbackItems.id} = any(${pgArray(facts.feedbackIds)}::uuid[])`));
      return `${action.kind === 'tag_item' ? 'tag' : 'topic'} "${value}" on ${facts.feedbackIds.length} item(s)`;
    }
    case 'flag_customer': {
      if (!facts.customer) throw new Error('this trigger has no customer');
      await tx
        .insert(customerFlags)
        .values(scope.stamp({ customerId: facts.customer.id, flag: action.flag, ruleId: run.ruleId }))
        .onConflictDoNothing();
      return `customer ${facts.customer.id} flagged ${action.flag}`;
    }
    case 'add_to_segment': {
      if (!facts.customer) throw new Error('this trigger has no customer');
      const { added } = await addSegmentMembers(scope, tx, action.segmentId, [facts.customer.id], { ruleId: run.ruleId });
      return added > 0
        ? `customer ${facts.customer.id} added to segment ${action.segmentId}`
        : `customer ${facts.customer.id} already added to segment ${action.segmentId}`;
    }
    case 'send_email':
      return sendRuleEmail({ scope, tx, ctx, action, facts, run });
    case 'send_survey': {
      if (!facts.customer) throw new Error('this trigger has no customer');
      const sent = await queueSurveySendsIn(scope, tx, action.surveyId, {
        customerIds: [facts.customer.id],
        respectThrottle: true,
        dedupeKey: () => `rule-run:${run.id}:${run.index}`,
      });
      return sent.queued > 0
        ? `survey ${action.surveyId} queued for ${facts.customer.id}`
        : `survey not sent: ${JSON.stringify(sent.skipped)}`;
    }
    case 'draft_reply': {
      if (!facts.item) throw new Error('this trigger has no feedback item');
      const draft = await draftReplyFor(scope, tx, facts.item, facts.customer, run.ruleId);
      return draft ? `reply drafted in ${draft.language}` : 'a draft already waits for this item';
    }
  }
}

async function sendRuleEmail({
  scope,
  tx,
  ctx,
  action,
  facts,
  run,
}: ActionInput & { action: Extract<RuleAction, { kind: 'send_email' }> }) {
  let to: string | null | undefined;
  let locale: Locale = 'en';
  if (action.to === 'customer') {
    to = facts.customer?.email;
    locale = (facts.customer?.locale as Locale | null) ?? (facts.item?.language as Locale | null) ?? 'en';
  } else if (action.to.kind === 'address') to = action.to.email;
  else {
    const userId = await resolveRecipient(scope, tx, action.to, facts);
    const [user] = userId ? await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)) : [];
    to = user?.email;
    locale = user?.locale ?? 'en';
  }
  if (!to) throw new Error('no email address to send to');
  const message = action.messages[locale] ?? action.messages.en!;
  const values = await templateValues(scope, tx, facts);
  const subject = renderTemplate(message.subject, values);
  let text = renderTemplate(message.body, values);
  const items = facts.feedbackIds.length > 1 ? await itemsBehind(scope, tx, facts.feedbackIds) : [];
  if (items.length > 0) text += `\n\n${items.map((i) => `- ${i}`).join('\n')}`;
  const dir = locale === 'fa' || locale === 'ar' ? 'rtl' : 'ltr';
  const html = `<div dir="${dir}" lang="${locale}">${text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')}</div>`;
  const sent = await ctx.mailer.send({ to, subject, text, html, messageId: `<rule-${run.id}-${run.index}@feedloop>` });
  if (!sent.ok) throw new Error(`mail refused: ${sent.reason}`);
  return `email to ${to} (${locale})`;
}

/** The first lines of the items behind a threshold, quoted in its alert. */
async function itemsBehind(scope: WorkspaceScope, tx: Tx, ids: string[]): Promise<string[]> {
  const rows = await tx
    .select({ text: feedbackItems.text })
    .from(feedbackItems)
    .where(scope.where(feedbackItems, sql`${feedbackItems.id} = any(${pgArray(ids.slice(0, 50))}::uuid[])`))
    .limit(50);
  return rows.map((r) => r.text.replace(/\s+/g, ' ').slice(0, 200));
}
