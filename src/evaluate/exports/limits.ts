// Export limits, each with why.
export const EXPORT_LIMITS = {
  /**
   * Rows read per keyset page: large enough to amortise a query, small enough that a page is written
   * and dropped while it is still young garbage. Pages of 1,000 rows outlived the young generation
   * and grew the heap by 100–250 MB between full collections.
   */
  pageRows: 250,
  /** Progress (and the job's lock) is refreshed every this many rows: a few writes per second at most. */
  progressEveryRows: 10_000,
  /** A download link works this long; asking for the export again gives a fresh one. */
  linkMinutes: 60,
  /** Files are kept a day, then removed by the schedule (`purge-exports`). */
  fileHours: 24,
  /** A PDF is a report to read, not a data dump: longer lists are cut here (CSV/Excel have them all). */
  pdfMaxRows: 2000,
  /** The rows below the header that one Excel sheet holds (Excel's own limit); more go on in the next sheet. */
  xlsxSheetRows: 1_048_575,
  /** Exports one person may have queued or running at once: a shared worker stays shared. */
  activePerUser: 3,
  /** Chromium is given this long to print a report. */
  pdfTimeoutMs: 60_000,
} as const;
