// A ticket's conversation: replies to the customer (email), internal notes, and the teammates a
// note mentions. Inbound messages (the customer's answer by email) are rows of the same table
// with direction 'inbound', found by the Message-ID their In-Reply-To names.
import { pgTable, uuid, text, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { users } from '../../platform/auth/auth.tables.js';
import { tickets } from '../tickets/tickets.tables.js';
import type { MESSAGE_DELIVERIES, MESSAGE_DIRECTIONS, MESSAGE_KINDS } from '../../contracts/inbox.js';

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<(typeof MESSAGE_KINDS)[number]>().notNull(),
    direction: text('direction').$type<(typeof MESSAGE_DIRECTIONS)[number]>().notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    // Email threading: this message's Message-ID, the one it answers and the chain before it.
    toEmail: text('to_email'),
    emailMessageId: text('email_message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references'),
    delivery: text('delivery').$type<(typeof MESSAGE_DELIVERIES)[number]>(),
    deliveryError: text('delivery_error'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.workspaceId, t.ticketId, t.createdAt),
    uniqueIndex('ticket_messages_email_id_key').on(t.emailMessageId),
  ],
);

export const ticketMentions = pgTable(
  'ticket_mentions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => ticketMessages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // When the mentioned teammate opened the ticket after the mention.
    seenAt: timestamp('seen_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ticket_mentions_key').on(t.messageId, t.userId),
    index('ticket_mentions_user_idx').on(t.workspaceId, t.userId, t.seenAt),
  ],
);
