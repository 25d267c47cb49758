// Widget limits, each with why.
export const WIDGET_LIMITS = {
  /** Per visitor IP and key: a person sends a few events and answers a minute, never hundreds. */
  perIpPerMinute: 120,
  /** Per key across all visitors: a busy shop, not a flood from a leaked key. */
  perKeyPerMinute: 20_000,
  /** A JSON body from the widget: a feedback form or a batch of events, nothing bigger. */
  bodyBytes: 32 * 1024,
  /** Events per call: the SDK's offline queue flushes in batches of this size. */
  eventsPerCall: 50,
  /** A feedback form filled in under this long was filled in by a bot. */
  minFormMs: 1_500,
  /** Origins per key: a site, its staging copy, a few apps. */
  maxOrigins: 20,
  /** After a rotation the old identity secret still verifies this long: a day to deploy the new one. */
  previousSecretHours: 24,
  /** A rotation's grace at most: a week, so a forgotten old secret does not live on. */
  maxPreviousSecretHours: 168,
  /** Preflight answers are cached by the browser this long. */
  preflightMaxAgeSeconds: 600,
} as const;
