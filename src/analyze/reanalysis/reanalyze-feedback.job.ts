// One step of a re-analysis run: the next batch of the workspace's items, then the next step.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { reanalyzeStep } from './reanalysis.service.js';

export const ZReanalyzeFeedbackPayload = z.object({ workspaceId: zUuid, runId: zUuid });
export type TReanalyzeFeedbackPayload = z.output<typeof ZReanalyzeFeedbackPayload>;

export const reanalyzeFeedbackJob = defineJob({
  queue: 'reanalyze-feedback',
  payload: ZReanalyzeFeedbackPayload,
  run: (payload, { database }) => reanalyzeStep(database, payload),
});
