// Database connection limits, each with why.
export const DB_LIMITS = {
  /** How long a request waits for a PostgreSQL connection (a new one, or a free one of the pool)
   *  before it is answered 503: a server that does not answer is down for the client too. */
  connectTimeoutMs: 10_000,
  /** Retry-After sent with 503 while the database is unreachable: a PostgreSQL restart or
   *  fail-over takes seconds, and clients should not hammer it meanwhile. */
  unavailableRetryAfterSeconds: 5,
} as const;
