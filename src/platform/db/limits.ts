// Database connection limits, each with why.
export const DB_LIMITS = {
  /** How long a request waits for a PostgreSQL connection (a new one, or a free one of the pool)
   *  before it is answered 503: a server that does not answer is down for the client too. */
  connectTimeoutMs: 10_000,
  /** Retry-After sent with 503 while the database is unreachable: a PostgreSQL restart or
   *  fail-over takes seconds, and clients should not hammer it meanwhile. */
  unavailableRetryAfterSeconds: 5,
  /** Embedded database: background work (jobs) lets at most this many request statements go
   *  first before its next statement runs. Under a steady stream of requests analysis then still
   *  gets a share of the connection and keeps up, while a request waits behind at most one short
   *  background statement. */
  requestTurnsBeforeBackground: 4,
} as const;
