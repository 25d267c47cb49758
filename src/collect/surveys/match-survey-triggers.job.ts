// Matching signalled occurrences (events, orders, resolved tickets) against the workspace's
// survey triggers, queued by the ingesting transaction when a trigger listens.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { matchSurveyTriggers } from './survey-triggers.js';

export const ZMatchSurveyTriggersPayload = z.object({
  workspaceId: zUuid,
  occurrences: z.array(z.object({ name: z.string(), customerId: zUuid, occurredAt: z.string(), sourceKey: z.string() })),
});
export type TMatchSurveyTriggersPayload = z.output<typeof ZMatchSurveyTriggersPayload>;

export const matchSurveyTriggersJob = defineJob({
  queue: 'match-survey-triggers',
  payload: ZMatchSurveyTriggersPayload,
  run: (payload, { database }) => matchSurveyTriggers(database, payload),
});
