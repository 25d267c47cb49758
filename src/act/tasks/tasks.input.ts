// Request shapes of follow-up tasks: only these fields can be written.
import { z } from 'zod';
import { zDueAt, zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { zTitle } from '../tickets/tickets.input.js';
import { TASK_STATUSES } from './tasks.tables.js';

export const ZCreateTask = z.strictObject({
  title: zTitle,
  dueAt: zDueAt.nullable().optional(),
  assigneeId: zUuid.nullable().optional(),
  customerId: zUuid.nullable().optional(),
  ticketId: zUuid.nullable().optional(),
  feedbackId: zUuid.nullable().optional().describe("Default customer: the item's"),
});
export type TCreateTask = z.infer<typeof ZCreateTask>;

export const ZUpdateTask = z
  .strictObject({
    title: zTitle.optional(),
    status: z.enum(TASK_STATUSES).optional(),
    dueAt: zDueAt.nullable().optional(),
    assigneeId: zUuid.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['title'] });
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const ZListTasks = z.strictObject({
  ...zPageQuery,
  status: z.enum(TASK_STATUSES).optional(),
  customerId: zUuid.optional(),
  assigneeId: zUuid.optional(),
  ticketId: zUuid.optional(),
});
