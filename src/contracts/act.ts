// Acting on feedback: tickets with the feedback items they came from, follow-up tasks and
// compensations, as the API answers them, and the enumerations their tables share.
import type { Channel, Sentiment } from './feedback.js';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const COMPENSATION_KINDS = ['discount_code', 'credit', 'refund', 'gift'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];
/** Above the workspace's limit for its currency, an agent's compensation waits for an owner or admin. */
export const COMPENSATION_STATUSES = ['pending_approval', 'approved'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** A ticket as PATCH /tickets/{id} answers it. */
export interface TicketRecord {
  id: string;
  /** Numbered per workspace ("#42"). */
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  customerId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  /** The service unit the ticket belongs to. */
  serviceUnitId: string | null;
  tags: string[];
  /** A topic key of the workspace's taxonomy. */
  topic: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** The agent's first public reply. */
  firstResponseAt: string | null;
  /** Resolved with one public reply and never reopened. */
  firstContactResolution: boolean;
}

/** A ticket in lists and as created: with how many feedback items it is about. */
export interface Ticket extends TicketRecord {
  feedbackCount: number;
}

/**
 * A feedback item linked to a ticket or an idea, newest first. `text` (its first 500
 * characters) is null for a caller without feedback:read.
 */
export interface LinkedFeedback {
  id: string;
  channel: Channel;
  text: string | null;
  language: string | null;
  createdAt: string;
}

export interface Task {
  id: string;
  title: string;
  status: TaskStatus;
  dueAt: string | null;
  /** The assignee is emailed this many minutes before `dueAt` (null: no reminder). */
  remindMinutesBefore: number | null;
  /** When the reminder was sent (null: not yet, or none due). */
  remindedAt: string | null;
  assigneeId: string | null;
  customerId: string | null;
  ticketId: string | null;
  feedbackId: string | null;
  createdBy: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** POST /tasks: a due date as an instant (`dueAt`) or as business hours from now (`dueInBusinessHours`). */
export interface CreateTask {
  title: string;
  dueAt?: string | null;
  dueInBusinessHours?: number | string;
  remindMinutesBefore?: number | null;
  assigneeId?: string | null;
  customerId?: string | null;
  ticketId?: string | null;
  feedbackId?: string | null;
}

/** PATCH /tasks/{id}: `status: 'done'` completes it, `'open'` reopens it. */
export interface UpdateTask {
  title?: string;
  status?: TaskStatus;
  dueAt?: string | null;
  dueInBusinessHours?: number | string;
  remindMinutesBefore?: number | null;
  assigneeId?: string | null;
}

/** GET/PUT /compensations/approval-limits: above `maxAmount` in its currency, an agent's compensation needs approval. */
export interface CompensationApprovalLimits {
  limits: Array<{ currency: string; maxAmount: number }>;
}

export interface Compensation {
  id: string;
  customerId: string;
  kind: CompensationKind;
  amount: number | null;
  /** ISO 4217, given with `amount`. */
  currency: string | null;
  code: string | null;
  note: string | null;
  feedbackId: string | null;
  ticketId: string | null;
  status: CompensationStatus;
  /** Who approved it (the creator when no approval was needed) and when. */
  approvedBy: string | null;
  approvedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** POST /compensations. */
export interface CreateCompensation {
  customerId: string;
  kind: CompensationKind;
  amount?: number | string | null;
  currency?: string | null;
  code?: string | null;
  note?: string | null;
  feedbackId?: string | null;
  ticketId?: string | null;
}

/** GET /tickets/{id}: the first 100 feedback items, its tasks and compensations. */
export interface TicketDetail extends Ticket {
  feedback: Array<LinkedFeedback & { sentiment: Sentiment | null }>;
  tasks: Task[];
  compensations: Compensation[];
}

/** PATCH /tickets/{id}: at least one change. */
export interface UpdateTicket {
  subject?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
  topic?: string | null;
  serviceUnitId?: string | null;
}
