// Request shapes of follow-up tasks: only these fields can be written.
import { z } from 'zod';
import { zDecimal, zDueAt, zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { zTitle } from '../tickets/tickets.input.js';
import { TASK_STATUSES } from './tasks.tables.js';
import { TASK_LIMITS } from './limits.js';

/** "In N business hours": a whole or half hour count, in any digits ("۲۴" is 24). */
const zBusinessHours = zDecimal()
  .pipe(z.number().positive().max(TASK_LIMITS.maxBusinessHours).multipleOf(0.5))
  .describe(`Due this many business hours from now (at most ${TASK_LIMITS.maxBusinessHours})`);
const zRemindMinutes = zDecimal()
  .pipe(z.number().int().min(0).max(TASK_LIMITS.maxRemindMinutesBefore))
  .nullable()
  .describe('Email the assignee this many minutes before the due time (null: no reminder)');

const oneDueDate = <T extends { dueAt?: unknown; dueInBusinessHours?: unknown }>(v: T) =>
  v.dueAt === undefined || v.dueInBusinessHours === undefined;
const oneDueDateError = { message: 'give dueAt or dueInBusinessHours, not both', path: ['dueInBusinessHours'] };

export const ZCreateTask = z
  .strictObject({
    title: zTitle,
    dueAt: zDueAt.nullable().optional(),
    dueInBusinessHours: zBusinessHours.optional(),
    remindMinutesBefore: zRemindMinutes.optional().describe(`Default ${TASK_LIMITS.defaultRemindMinutesBefore}`),
    assigneeId: zUuid.nullable().optional(),
    customerId: zUuid.nullable().optional(),
    ticketId: zUuid.nullable().optional(),
    feedbackId: zUuid.nullable().optional().describe("Default customer: the item's"),
  })
  .refine(oneDueDate, oneDueDateError);
export type TCreateTask = z.infer<typeof ZCreateTask>;

export const ZUpdateTask = z
  .strictObject({
    title: zTitle.optional(),
    status: z.enum(TASK_STATUSES).optional().describe("'done' completes the task, 'open' reopens it"),
    dueAt: zDueAt.nullable().optional(),
    dueInBusinessHours: zBusinessHours.optional(),
    remindMinutesBefore: zRemindMinutes.optional(),
    assigneeId: zUuid.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one change', path: ['title'] })
  .refine(oneDueDate, oneDueDateError);
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

export const ZListTasks = z.strictObject({
  ...zPageQuery,
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.stringbool().optional().describe('Only open tasks whose due time has passed'),
  customerId: zUuid.optional(),
  assigneeId: zUuid.optional(),
  ticketId: zUuid.optional(),
});
