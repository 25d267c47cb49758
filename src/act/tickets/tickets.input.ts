// Request shapes of tickets: only these fields can be written.
import { z } from 'zod';
import { zServiceUnitId } from '../../evaluate/service-units/service-units.input.js';
import { zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './tickets.tables.js';
import { INBOX_QUEUES } from '../../contracts/inbox.js';
import { zTopicKey } from '../assignment/assignment.input.js';

/** A ticket's subject or a task's title. */
export const zTitle = z.string().trim().min(1).max(200);
export const ACT_LIMITS = { feedbackPerTicket: 500, tagsPerTicket: 20 } as const;
const zTags = z
  .array(z.string().trim().min(1).max(40))
  .max(ACT_LIMITS.tagsPerTicket)
  .transform((tags) => [...new Set(tags)]);

export const ZCreateTicket = z.strictObject({
  subject: zTitle,
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  assigneeId: zUuid.nullable().optional().describe('Default: automatic assignment, when the workspace has it on'),
  teamId: zUuid.nullable().optional(),
  tags: zTags.default([]),
  topic: zTopicKey.nullable().optional().describe("A topic key; default: the linked feedback items' most frequent topic"),
  customerId: zUuid.nullable().optional().describe('Default: the customer of the linked feedback items, if they all have the same one'),
  feedbackIds: z.array(zUuid).max(ACT_LIMITS.feedbackPerTicket).default([]).describe('Feedback items this ticket is about'),
});
/** Callers inside the server (bulk actions, the demo) may leave out the defaulted tags. */
export type TCreateTicket = Omit<z.infer<typeof ZCreateTicket>, 'tags'> & { tags?: string[] };

export const ZUpdateTicket = z
  .strictObject({
    subject: zTitle.optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    assigneeId: zUuid.nullable().optional(),
    teamId: zUuid.nullable().optional(),
    tags: zTags.optional(),
    topic: zTopicKey.nullable().optional(),
    serviceUnitId: zServiceUnitId,
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['subject'] });
export type TUpdateTicket = z.infer<typeof ZUpdateTicket>;

export const ZListTickets = z.strictObject({
  ...zPageQuery,
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  customerId: zUuid.optional(),
  assigneeId: zUuid.optional(),
  teamId: zUuid.optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  topic: zTopicKey.optional(),
  queue: z
    .enum(INBOX_QUEUES)
    .optional()
    .describe("mine and mentions: the signed-in teammate's; breaching: the 100 closest to their due time, soonest first"),
});
