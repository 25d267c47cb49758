// Every job queue and the function that runs it.
import type { Database } from '../db/client.js';
import type { JobHandler } from './worker.js';
import { ANALYZE_QUEUE } from '../../collect/store-feedback.js';
import { processFeedback } from '../../analyze/process-feedback.js';
import { REANALYZE_QUEUE, reanalyzeStep } from '../../analyze/reanalyze.js';
import { TRAIN_QUEUE, trainWorkspaceModel } from '../../analyze/workspace-model.js';

export function jobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [ANALYZE_QUEUE]: (payload, job) => processFeedback(database, payload, job),
    [REANALYZE_QUEUE]: (payload) => reanalyzeStep(database, payload),
    [TRAIN_QUEUE]: (payload) => trainWorkspaceModel(database, payload),
  };
}
