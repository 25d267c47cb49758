// Emailing one reply of a ticket's conversation (a ticket_messages row), queued with the reply.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { deliverTicketReply } from './deliver-reply.js';

export const ZSendTicketReplyPayload = z.object({ workspaceId: zUuid, messageId: zUuid });
export type TSendTicketReplyPayload = z.output<typeof ZSendTicketReplyPayload>;

export const sendTicketReplyJob = defineJob({
  queue: 'send-ticket-reply',
  payload: ZSendTicketReplyPayload,
  run: (payload, { database, mailer }, job) => deliverTicketReply({ database, mailer }, payload, job),
});
