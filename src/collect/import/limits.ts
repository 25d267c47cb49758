// Import limits, each with why.
export const IMPORT_LIMITS = {
  /** Rows read before anything is stored, to settle score scales and date order: enough to see
   * a scale's ends, few enough to hold in memory whatever the file's size. */
  sampleRows: 1000,
  /** Rejections kept for the summary; the rest go only to --rejects, so memory stays flat. */
  keptRejections: 1000,
  /** Rejections printed on the terminal. */
  printedRejections: 20,
  /** File bytes per batch: a batch of long texts stays a short transaction and a request a
   * running server accepts (CONTROL_LIMITS.bodyLimitBytes), whatever --batch-size says. */
  maxBatchFileBytes: 4 * 1024 * 1024,
} as const;
