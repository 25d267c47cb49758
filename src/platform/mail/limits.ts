// Mail limits, each with why.
export const MAIL_LIMITS = {
  /** Two pooled SMTP connections: enough to fill a relay's rate without opening one per message. */
  poolConnections: 2,
  /** A relay that does not answer in 15 s is down; the job retries later. */
  timeoutMs: 15_000,
} as const;
