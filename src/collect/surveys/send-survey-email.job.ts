// Sending one survey email (a survey_sends row), queued when the send is planned.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { deliverSurveyEmail } from './send-survey.js';

export const ZSendSurveyEmailPayload = z.object({ workspaceId: zUuid, sendId: zUuid });
export type TSendSurveyEmailPayload = z.output<typeof ZSendSurveyEmailPayload>;

export const sendSurveyEmailJob = defineJob({
  queue: 'send-survey-email',
  payload: ZSendSurveyEmailPayload,
  run: (payload, { database, mailer, publicUrl }, job) => deliverSurveyEmail({ database, mailer, publicUrl }, payload, job),
});
