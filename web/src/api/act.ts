import { request, type RequestOptions } from './client';
import type { Page } from './customers';

export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'in_progress', 'done', 'declined'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  customerId: string | null;
  assigneeId: string | null;
  feedbackCount: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface LinkedItem { id: string; channel: string; text: string; language: string | null; createdAt: string }

export interface Idea {
  id: string;
  title: string;
  description: string;
  status: IdeaStatus;
  feedbackCount: number;
  customerCount: number;
  createdAt: string;
  updatedAt: string;
  statusChangedAt: string;
}

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  return q.toString();
};
const id = (s: string) => encodeURIComponent(s);

export const actApi = {
  tickets: (q: { status?: TicketStatus; cursor?: string }, options?: RequestOptions) =>
    request<Page<Ticket>>('GET', `/api/v1/tickets?${query({ status: q.status, cursor: q.cursor, limit: '25' })}`, undefined, options),
  ticket: (ticketId: string, options?: RequestOptions) =>
    request<Ticket & { feedback: LinkedItem[] }>('GET', `/api/v1/tickets/${id(ticketId)}`, undefined, options),
  updateTicket: (ticketId: string, patch: { status?: TicketStatus; priority?: TicketPriority }) =>
    request<Ticket>('PATCH', `/api/v1/tickets/${id(ticketId)}`, patch),
  ideas: (q: { status?: IdeaStatus; cursor?: string; limit?: number }, options?: RequestOptions) =>
    request<Page<Idea>>('GET', `/api/v1/ideas?${query({ status: q.status, cursor: q.cursor, limit: String(q.limit ?? 25) })}`, undefined, options),
  idea: (ideaId: string, options?: RequestOptions) =>
    request<Idea & { feedback: LinkedItem[] }>('GET', `/api/v1/ideas/${id(ideaId)}`, undefined, options),
  createIdea: (input: { title: string; description: string }) => request<Idea>('POST', '/api/v1/ideas', input),
  updateIdea: (ideaId: string, patch: { status?: IdeaStatus }) =>
    request<Idea & { notified: { queued: number; skipped: number } }>('PATCH', `/api/v1/ideas/${id(ideaId)}`, patch),
};
