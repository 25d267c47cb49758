// Limits on the times clients supply, each with why. A stored time outside them would sort above
// (or below) everything else in every "newest first" list, chart and segment for years.
const DAY_MS = 86_400_000;

export const TIME_LIMITS = {
  /** Nothing Feedloop keeps happened before this: earlier dates are typos or placeholders (0001-01-01). */
  earliest: new Date('2000-01-01T00:00:00Z'),
  /** When feedback was given, an event occurred or an order was placed: up to a day ahead of the
   *  server's clock absorbs clock skew and time-zone mistakes; a later date is not a fact yet. */
  happenedAheadMs: DAY_MS,
  /** When a task is due: plans reach years ahead, not to 9999-12-31. */
  dueAheadMs: 10 * 365 * DAY_MS,
} as const;
