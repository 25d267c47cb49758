// The inbox: a ticket's conversation (replies and notes), mentions, canned replies, teams,
// assignment settings and first-contact resolution, as the API answers them.
import type { Locale } from './locales.js';
import type { Ticket } from './act.js';

export const MESSAGE_KINDS = ['reply', 'note'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_DIRECTIONS = ['outbound', 'inbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
/** An emailed reply's state; null for notes and inbound messages. */
export const MESSAGE_DELIVERIES = ['queued', 'sent', 'bounced', 'failed'] as const;
export type MessageDelivery = (typeof MESSAGE_DELIVERIES)[number];

/** Queues of the inbox: mine, nobody's, closest to breaching their target, mentioning me. */
export const INBOX_QUEUES = ['mine', 'unassigned', 'breaching', 'mentions'] as const;
export type InboxQueue = (typeof INBOX_QUEUES)[number];

/** off; by the topic's owner, else round-robin; round-robin; fewest open tickets. */
export const AUTO_ASSIGNMENT_MODES = ['off', 'topic', 'round_robin', 'least_loaded'] as const;
export type AutoAssignmentMode = (typeof AUTO_ASSIGNMENT_MODES)[number];

export interface TicketMessage {
  id: string;
  ticketId: string;
  kind: MessageKind;
  direction: MessageDirection;
  authorId: string | null;
  authorName: string | null;
  body: string;
  toEmail: string | null;
  delivery: MessageDelivery | null;
  deliveryError: string | null;
  mentions: Array<{ userId: string; name: string }>;
  createdAt: string;
  sentAt: string | null;
}

/** POST /tickets/{id}/messages: a reply is emailed to the customer, a note is not. */
export interface NewTicketMessage {
  kind: MessageKind;
  body: string;
  /** Teammates a note mentions (user ids). */
  mentions?: string[];
}

export type CannedReplyText = Partial<Record<Locale, { title: string; body: string }>>;

export interface CannedReply {
  id: string;
  texts: CannedReplyText;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /canned-replies: with the template variables a reply may name ("customer.name", …). */
export interface CannedReplyList {
  data: CannedReply[];
  variables: string[];
}

export interface SaveCannedReply {
  texts: CannedReplyText;
}

/** A canned reply filled in for one ticket, in the customer's language when it has one. */
export interface RenderedCannedReply {
  language: Locale;
  body: string;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
}

export interface SaveTeam {
  name: string;
  memberIds: string[];
}

export interface TopicOwner {
  topic: string;
  userId: string | null;
  teamId: string | null;
}

export interface AssignmentSettings {
  mode: AutoAssignmentMode;
  teamId: string | null;
  topicOwners: TopicOwner[];
}

export interface SaveAssignmentSettings {
  mode?: AutoAssignmentMode;
  teamId?: string | null;
  topicOwners?: TopicOwner[];
}

/** A ticket in the inbox: with the customer's name and when its next target falls due. */
export interface InboxTicket extends Ticket {
  customerName: string | null;
  dueAt: string | null;
  unseenMentions: number;
}

/** First-contact resolution per agent, over resolved and closed tickets. */
export interface AgentResolutionStats {
  userId: string;
  name: string;
  resolved: number;
  firstContact: number;
  /** firstContact / resolved, 0–1. */
  rate: number;
}
