// Request shapes of tickets, tasks and compensations: only these fields can be written.
import { z } from 'zod';
import { zDecimal, zDueAt, zPageQuery, zUuid } from '../platform/http/zod-types.js';
import { COMPENSATION_KINDS, TASK_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from './schema.js';

const zTitle = z.string().trim().min(1).max(200);
const zNote = z.string().trim().max(2000);
export const ACT_LIMITS = { feedbackPerTicket: 500 } as const;

export const ZCreateTicket = z.strictObject({
  subject: zTitle,
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  assigneeId: zUuid.nullable().optional(),
  customerId: zUuid.nullable().optional().describe('Default: the customer of the linked feedback items, if they all have the same one'),
  feedbackIds: z.array(zUuid).max(ACT_LIMITS.feedbackPerTicket).default([]).describe('Feedback items this ticket is about'),
});
export type TCreateTicket = z.infer<typeof ZCreateTicket>;

export const ZUpdateTicket = z.strictObject({
  subject: zTitle.optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  assigneeId: zUuid.nullable().optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['subject'] });
export type TUpdateTicket = z.infer<typeof ZUpdateTicket>;

export const ZListTickets = z.strictObject({
  ...zPageQuery,
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  customerId: zUuid.optional(),
  assigneeId: zUuid.optional(),
});

export const ZCreateTask = z.strictObject({
  title: zTitle,
  dueAt: zDueAt.nullable().optional(),
  assigneeId: zUuid.nullable().optional(),
  customerId: zUuid.nullable().optional(),
  ticketId: zUuid.nullable().optional(),
  feedbackId: zUuid.nullable().optional().describe('Default customer: the item\'s'),
});
export type TCreateTask = z.infer<typeof ZCreateTask>;

export const ZUpdateTask = z.strictObject({
  title: zTitle.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueAt: zDueAt.nullable().optional(),
  assigneeId: zUuid.nullable().optional(),
}).refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['title'] });
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const ZListTasks = z.strictObject({
  ...zPageQuery,
  status: z.enum(TASK_STATUSES).optional(),
  customerId: zUuid.optional(),
  assigneeId: zUuid.optional(),
  ticketId: zUuid.optional(),
});

export const ZCreateCompensation = z.strictObject({
  customerId: zUuid,
  kind: z.enum(COMPENSATION_KINDS),
  amount: zDecimal().pipe(z.number().positive().max(1e12)).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as IRR, SAR, CNY, USD').nullable().optional(),
  code: z.string().trim().min(1).max(100).nullable().optional().describe('A discount or voucher code'),
  note: zNote.nullable().optional(),
  feedbackId: zUuid.nullable().optional(),
  ticketId: zUuid.nullable().optional(),
}).refine((v) => (v.amount == null) === (v.currency == null), { message: 'give amount and currency together', path: ['currency'] })
  .refine((v) => v.kind !== 'discount_code' || Boolean(v.code), { message: 'a discount code needs its code', path: ['code'] });
export type TCreateCompensation = z.infer<typeof ZCreateCompensation>;

export const ZListCompensations = z.strictObject({
  ...zPageQuery,
  customerId: zUuid.optional(),
});
