// Telling one customer that an idea they asked for changed status (a notifications row).
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { deliverIdeaNotification } from './notify-idea.js';

export const ZNotifyIdeaStatusPayload = z.object({ workspaceId: zUuid, notificationId: zUuid });
export type TNotifyIdeaStatusPayload = z.output<typeof ZNotifyIdeaStatusPayload>;

export const notifyIdeaStatusJob = defineJob({
  queue: 'notify-idea-status',
  payload: ZNotifyIdeaStatusPayload,
  run: (payload, { database, mailer }, job) => deliverIdeaNotification({ database, mailer }, payload, job),
});
