// HTTP limits, each with why.
export const HTTP_LIMITS = {
  /** 1,000 feedback items of a few KB each fit; anything larger is an upload, not an API call. */
  bodyLimitBytes: 5 * 1024 * 1024,
  /** One feedback text: a long email or interview note, not a book. */
  maxTextLength: 20_000,
  /** Items per bulk call: one transaction stays short (well under a second on PostgreSQL). */
  maxBulkItems: 1000,
  /** Page size cap keeps list queries bounded. */
  maxPageSize: 200,
  /**
   * A list's total is counted up to this many matches ("10,000+" beyond): at most one bounded
   * index walk per first page, however large the workspace.
   */
  listTotalCap: 10_000,
  /** Metadata/attributes/properties JSON per object, serialised. */
  maxJsonBytes: 16 * 1024,
  /**
   * Nesting of a JSON body. Feedloop's deepest documents (a survey definition, a segment) are under
   * 10 levels and customers' metadata rarely passes 5; 64 leaves room for both while keeping every
   * walk over a body (the NUL guard, zod, jsonb) far from the stack's limit.
   */
  maxJsonDepth: 64,
  /** One path segment: signed survey links carry a payload and its signature (~250 characters). */
  maxParamLength: 600,
  /** In-flight requests get this long to finish on shutdown before the server closes anyway. */
  shutdownGraceMs: 10_000,
} as const;

export const IDEMPOTENCY_LIMITS = {
  maxKeyLength: 255,
  /** Parallel retries wait this long for the first request's answer before 409. */
  waitForFirstMs: 2_000,
  pollMs: 15,
  /** A 'running' key older than this belongs to a crashed request and may be retried. */
  runningStaleMs: 60_000,
  /** Stripe keeps keys a day; so do we. */
  retentionHours: 24,
  /** Expired keys deleted per statement: each takes milliseconds, a backlog goes in several. */
  purgeBatch: 5_000,
} as const;
