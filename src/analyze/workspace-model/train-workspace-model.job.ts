// Training a workspace's model from its corrections, queued a few seconds after a correction.
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.js';
import { zUuid } from '../../platform/http/zod-types.js';
import { trainWorkspaceModel } from './workspace-model.service.js';

export const ZTrainWorkspaceModelPayload = z.object({ workspaceId: zUuid });
export type TTrainWorkspaceModelPayload = z.output<typeof ZTrainWorkspaceModelPayload>;

export const trainWorkspaceModelJob = defineJob({
  queue: 'train-workspace-model',
  payload: ZTrainWorkspaceModelPayload,
  run: (payload, { database }) => trainWorkspaceModel(database, payload),
});
