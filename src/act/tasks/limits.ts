// Limits of follow-up tasks, each with its reason.
export const TASK_LIMITS = {
  // A quarter of a year of 40-hour weeks: further out, a date is the honest way to say it.
  maxBusinessHours: 520,
  // A week ahead is the longest lead a reminder is useful with.
  maxRemindMinutesBefore: 7 * 24 * 60,
  // An hour's notice: time to act on the day, without a reminder the day before that is forgotten.
  defaultRemindMinutesBefore: 60,
  // The reminder scan runs every minute; a batch this size keeps each run's transaction short.
  remindersPerScan: 500,
} as const;
