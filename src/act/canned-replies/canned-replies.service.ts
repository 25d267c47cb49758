// Canned replies: saved per workspace, refused when they name a variable that does not exist,
// and filled in for one ticket from the ticket, its customer and their latest order.
import { desc, eq } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { customers, orders } from '../../customers/customers/customers.tables.js';
import type { CannedReplyText } from '../../contracts/inbox.js';
import { LOCALES, type Locale } from '../../contracts/locales.js';
import { assertTemplateVariables, renderTemplate, TEMPLATE_VARIABLES } from '../templates/message-template.js';
import { tickets } from '../tickets/tickets.tables.js';
import { cannedReplies } from './canned-replies.tables.js';
import type { TSaveCannedReply } from './canned-replies.input.js';

type CannedRow = typeof cannedReplies.$inferSelect;

const publicCanned = (c: CannedRow) => ({
  id: c.id,
  texts: c.texts,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

function checkedTexts(input: TSaveCannedReply): CannedReplyText {
  const texts: CannedReplyText = {};
  for (const language of LOCALES) {
    const text = input.texts[language];
    if (!text) continue;
    assertTemplateVariables(text.title, `texts.${language}.title`);
    assertTemplateVariables(text.body, `texts.${language}.body`);
    texts[language] = text;
  }
  return texts;
}

export async function listCannedReplies(scope: WorkspaceScope) {
  const rows = await scope.db.select().from(cannedReplies).where(scope.where(cannedReplies)).orderBy(desc(cannedReplies.createdAt));
  // The variables a reply may name, so editors can offer exactly these.
  return { data: rows.map(publicCanned), variables: [...TEMPLATE_VARIABLES] };
}

export async function createCannedReply(scope: WorkspaceScope, input: TSaveCannedReply, userId: string | null) {
  const texts = checkedTexts(input);
  const [row] = await scope.db
    .insert(cannedReplies)
    .values(scope.stamp({ id: newId(), texts, createdBy: userId }))
    .returning();
  return publicCanned(row);
}

export async function updateCannedReply(scope: WorkspaceScope, id: string, input: TSaveCannedReply) {
  const texts = checkedTexts(input);
  const [row] = await scope.db
    .update(cannedReplies)
    .set({ texts, updatedAt: new Date() })
    .where(scope.where(cannedReplies, eq(cannedReplies.id, id)))
    .returning();
  if (!row) throw notFound('Canned reply');
  return publicCanned(row);
}

export async function deleteCannedReply(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .delete(cannedReplies)
    .where(scope.where(cannedReplies, eq(cannedReplies.id, id)))
    .returning({ id: cannedReplies.id });
  if (!row) throw notFound('Canned reply');
}

const asLocale = (value: string | null | undefined): Locale | null =>
  (LOCALES as readonly string[]).includes(value?.slice(0, 2) ?? '') ? (value!.slice(0, 2) as Locale) : null;

/** The canned reply for this ticket: in the customer's language when it has one, else the workspace's, else English, else any. */
export async function renderCannedReply(scope: WorkspaceScope, cannedId: string, ticketId: string, agentId: string | null) {
  const [canned] = await scope.db
    .select()
    .from(cannedReplies)
    .where(scope.where(cannedReplies, eq(cannedReplies.id, cannedId)));
  if (!canned) throw notFound('Canned reply');
  const [ticket] = await scope.db
    .select()
    .from(tickets)
    .where(scope.where(tickets, eq(tickets.id, ticketId)));
  if (!ticket) throw notFound('Ticket');
  const [customer] = ticket.customerId
    ? await scope.db
        .select()
        .from(customers)
        .where(scope.where(customers, eq(customers.id, ticket.customerId)))
    : [];
  const [order] = customer
    ? await scope.db
        .select({ externalId: orders.externalId })
        .from(orders)
        .where(scope.where(orders, eq(orders.customerId, customer.id)))
        .orderBy(desc(orders.placedAt))
        .limit(1)
    : [];
  const [workspace] = await scope.db
    .select({ name: workspaces.name, locale: workspaces.defaultLocale })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  const [agent] = agentId ? await scope.db.select({ name: users.name }).from(users).where(eq(users.id, agentId)) : [];
  const available = LOCALES.filter((l) => canned.texts[l]);
  const language =
    [asLocale(customer?.locale), asLocale(workspace.locale), 'en' as const].find((l) => l && canned.texts[l]) ?? available[0];
  const values = {
    'customer.name': customer?.name,
    'customer.email': customer?.email,
    'order.id': order?.externalId,
    'ticket.number': ticket.number,
    'ticket.subject': ticket.subject,
    'agent.name': agent?.name,
    'workspace.name': workspace.name,
  };
  return { language, body: renderTemplate(canned.texts[language]!.body, values) };
}
