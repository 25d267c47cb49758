// Export limits, each with why.
export const EXPORT_LIMITS = {
  /** Rows read per keyset page: large enough to amortise a query, small enough to keep memory flat. */
  pageRows: 1000,
  /** Progress (and the job's lock) is refreshed every this many rows: a few writes per second at most. */
  progressEveryRows: 10_000,
  /** A download link works this long; asking for the export again gives a fresh one. */
  linkMinutes: 60,
  /** Files are kept a day, then removed by the schedule (`purge-exports`). */
  fileHours: 24,
  /** A PDF is a report to read, not a data dump: longer lists are cut here (CSV/Excel have them all). */
  pdfMaxRows: 2000,
  /**
   * exceljs packs a workbook in memory when it closes it (about 200 MB of RSS at 200,000 rows here),
   * so Excel files stop at 100,000 rows; CSV streams any number.
   */
  xlsxMaxRows: 100_000,
  /** Exports one person may have queued or running at once: a shared worker stays shared. */
  activePerUser: 3,
  /** Chromium is given this long to print a report. */
  pdfTimeoutMs: 60_000,
} as const;
