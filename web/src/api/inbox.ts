// The inbox's calls: queues of tickets, a ticket's conversation, canned replies, teams and
// assignment settings (the contracts in @feedloop/contracts/inbox).
import type { TicketPriority, TicketStatus } from '@feedloop/contracts/act';
import type {
  AgentResolutionStats,
  AssignmentSettings,
  CannedReply,
  CannedReplyList,
  InboxQueue,
  InboxTicket,
  NewTicketMessage,
  RenderedCannedReply,
  SaveAssignmentSettings,
  SaveCannedReply,
  SaveTeam,
  Team,
  TicketMessage,
} from '@feedloop/contracts/inbox';
import type { Page } from '@feedloop/contracts/page';
import { request, type RequestOptions } from './client';

interface List<T> {
  data: T[];
}

export interface InboxFilters {
  queue?: InboxQueue;
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string;
}

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  return q.toString();
};
const id = encodeURIComponent;

export const inboxApi = {
  tickets: (f: InboxFilters, cursor: string | undefined, options?: RequestOptions) =>
    request<Page<InboxTicket>>('GET', `/api/v1/tickets?${query({ ...f, cursor, limit: '50' })}`, undefined, options),
  messages: (ticketId: string, options?: RequestOptions) =>
    request<List<TicketMessage>>('GET', `/api/v1/tickets/${id(ticketId)}/messages`, undefined, options),
  post: (ticketId: string, message: NewTicketMessage) =>
    request<TicketMessage>('POST', `/api/v1/tickets/${id(ticketId)}/messages`, message),
  cannedReplies: (options?: RequestOptions) => request<CannedReplyList>('GET', '/api/v1/canned-replies', undefined, options),
  createCannedReply: (input: SaveCannedReply) => request<CannedReply>('POST', '/api/v1/canned-replies', input),
  updateCannedReply: (cannedId: string, input: SaveCannedReply) =>
    request<CannedReply>('PATCH', `/api/v1/canned-replies/${id(cannedId)}`, input),
  deleteCannedReply: (cannedId: string) => request<void>('DELETE', `/api/v1/canned-replies/${id(cannedId)}`),
  renderCannedReply: (cannedId: string, ticketId: string) =>
    request<RenderedCannedReply>('POST', `/api/v1/canned-replies/${id(cannedId)}/render`, { ticketId }),
  teams: (options?: RequestOptions) => request<List<Team>>('GET', '/api/v1/teams', undefined, options),
  createTeam: (input: SaveTeam) => request<Team>('POST', '/api/v1/teams', input),
  assignment: (options?: RequestOptions) => request<AssignmentSettings>('GET', '/api/v1/assignment', undefined, options),
  saveAssignment: (input: SaveAssignmentSettings) => request<AssignmentSettings>('PATCH', '/api/v1/assignment', input),
  agentStats: (options?: RequestOptions) => request<List<AgentResolutionStats>>('GET', '/api/v1/tickets/stats/agents', undefined, options),
};
