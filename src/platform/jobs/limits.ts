// Job queue limits, each with why.
export const JOB_LIMITS = {
  /** A claimed job is re-delivered if its worker has not finished it in this time (crash recovery). */
  lockSeconds: 120,
  /** 5 tries with exponential backoff (2, 4, 8, 16 s) ride out a restart or a brief database outage. */
  maxAttempts: 5,
  retryBaseSeconds: 2,
  /** Idle poll interval; new work in this process wakes the worker at once. */
  pollMs: 500,
  /** Jobs claimed per round: big enough to amortise the claim query, small enough to share. */
  batchSize: 20,
  /** Done/failed jobs are kept a day for inspection (purged on a schedule: src/app/schedules.ts). */
  keepFinishedHours: 24,
} as const;
