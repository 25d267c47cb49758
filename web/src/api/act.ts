import type { Ticket, TicketDetail, TicketRecord, TicketStatus, UpdateTicket } from '@feedloop/contracts/act';
import type { CreateIdea, Idea, IdeaDetail, IdeaStatus, IdeaUpdated, UpdateIdea } from '@feedloop/contracts/ideas';
import type { Page } from '@feedloop/contracts/page';
import { request, type RequestOptions } from './client';

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
    request<TicketDetail>('GET', `/api/v1/tickets/${id(ticketId)}`, undefined, options),
  updateTicket: (ticketId: string, patch: UpdateTicket) => request<TicketRecord>('PATCH', `/api/v1/tickets/${id(ticketId)}`, patch),
  ideas: (q: { status?: IdeaStatus; cursor?: string; limit?: number }, options?: RequestOptions) =>
    request<Page<Idea>>(
      'GET',
      `/api/v1/ideas?${query({ status: q.status, cursor: q.cursor, limit: String(q.limit ?? 25) })}`,
      undefined,
      options,
    ),
  idea: (ideaId: string, options?: RequestOptions) => request<IdeaDetail>('GET', `/api/v1/ideas/${id(ideaId)}`, undefined, options),
  createIdea: (input: CreateIdea) => request<Idea>('POST', '/api/v1/ideas', input),
  updateIdea: (ideaId: string, patch: UpdateIdea) => request<IdeaUpdated>('PATCH', `/api/v1/ideas/${id(ideaId)}`, patch),
};
