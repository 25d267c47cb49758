// The analysis job: queued with every new or changed feedback item, in the transaction that
// stores it (store-feedback.ts queues it from SQL with this queue name), and run by
// process-feedback.ts — several claimed jobs together when it can.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { processFeedback, processFeedbackJobs } from './process-feedback.js';

export const ZAnalyzeFeedbackPayload = z.object({ workspaceId: zUuid, ids: z.array(zUuid) });
export type TAnalyzeFeedbackPayload = z.output<typeof ZAnalyzeFeedbackPayload>;

export const analyzeFeedbackJob = defineJob({
  queue: 'analyze-feedback',
  payload: ZAnalyzeFeedbackPayload,
  run: (payload, { database }, job) => processFeedback(database, payload, job),
  runMany: (jobs, { database }) => processFeedbackJobs(database, jobs),
});
