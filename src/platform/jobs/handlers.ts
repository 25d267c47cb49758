// Every job queue and the function that runs it.
import type { Database } from '../db/client.js';
import type { JobHandler } from './worker.js';
import { ANALYZE_QUEUE } from '../../collect/store-feedback.js';
import { processFeedback } from '../../analyze/process-feedback.js';

export function jobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [ANALYZE_QUEUE]: (payload) => processFeedback(database, payload),
  };
}
