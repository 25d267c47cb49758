// Request shapes of tickets: only these fields can be written.
import { z } from 'zod';
import { zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './tickets.tables.js';

/** A ticket's subject or a task's title. */
export const zTitle = z.string().trim().min(1).max(200);
export const ACT_LIMITS = { feedbackPerTicket: 500 } as const;

export const ZCreateTicket = z.strictObject({
  subject: zTitle,
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  assigneeId: zUuid.nullable().optional(),
  customerId: zUuid.nullable().optional().describe('Default: the customer of the linked feedback items, if they all have the same one'),
  feedbackIds: z.array(zUuid).max(ACT_LIMITS.feedbackPerTicket).default([]).describe('Feedback items this ticket is about'),
});
export type TCreateTicket = z.infer<typeof ZCreateTicket>;

export const ZUpdateTicket = z
  .strictObject({
    subject: zTitle.optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assigneeId: zUuid.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['subject'] });
export type TUpdateTicket = z.infer<typeof ZUpdateTicket>;

export const ZListTickets = z.strictObject({
  ...zPageQuery,
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  customerId: zUuid.optional(),
  assigneeId: zUuid.optional(),
});
