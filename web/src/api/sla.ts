// Business hours and SLA: owners and admins set them; everyone reads them and a ticket's clock.
import type { BusinessHours, SlaPolicies, SlaPolicy, TicketSla } from '@feedloop/contracts/business-hours';
import { request, type RequestOptions } from './client';

export type SavedBusinessHours = BusinessHours & { configured: boolean };

export const slaApi = {
  businessHours: () => request<SavedBusinessHours>('GET', '/api/v1/business-hours'),
  saveBusinessHours: (hours: BusinessHours) => request<SavedBusinessHours>('PUT', '/api/v1/business-hours', hours),
  policies: () => request<{ policies: SlaPolicy[] }>('GET', '/api/v1/sla/policies'),
  savePolicies: (input: SlaPolicies) => request<{ policies: SlaPolicy[] }>('PUT', '/api/v1/sla/policies', input),
  ticketSla: (ticketId: string, options?: RequestOptions) =>
    request<TicketSla>('GET', `/api/v1/tickets/${encodeURIComponent(ticketId)}/sla`, undefined, options),
};
