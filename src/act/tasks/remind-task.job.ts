// Emailing one task's assignee that it is due soon (queued by the reminder scan).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { sendTaskReminder } from './task-reminders.js';

export const ZRemindTaskPayload = z.object({ workspaceId: zUuid, taskId: zUuid });
export type TRemindTaskPayload = z.output<typeof ZRemindTaskPayload>;

export const remindTaskJob = defineJob({
  queue: 'remind-task',
  payload: ZRemindTaskPayload,
  run: (payload, ctx) => sendTaskReminder(ctx, payload),
});
