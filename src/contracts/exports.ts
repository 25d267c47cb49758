// Exports: a list or a dashboard written to a file (CSV, Excel, PDF) by a background job, then
// downloaded through a link that expires.

/**
 * What can be exported: the feedback explorer's filtered list, customers, tickets, the overview, a
 * metric's series, a league table, the drivers, a before/after comparison.
 */
export const EXPORT_SUBJECTS = ['feedback', 'customers', 'tickets', 'overview', 'metrics', 'league', 'drivers', 'before_after'] as const;
export type ExportSubject = (typeof EXPORT_SUBJECTS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** POST /api/v1/exports */
export interface CreateExport {
  subject: ExportSubject;
  format: ExportFormat;
  /** The list's own query parameters (the explorer's, the customers', the tickets', the overview's). */
  filters?: Record<string, string | number | boolean>;
}

/** GET /api/v1/exports/{id} */
export interface ExportJob {
  id: string;
  subject: ExportSubject;
  format: ExportFormat;
  status: ExportStatus;
  /** Rows written so far. */
  rows: number;
  /** Rows to write, when known at the start (null: unknown). */
  total: number | null;
  /** 0–100 when the total is known, else null. */
  percent: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When done: a link that works until `downloadExpiresAt`, without signing in. */
  downloadUrl: string | null;
  downloadExpiresAt: string | null;
  fileName: string | null;
  /** When the file is removed. */
  expiresAt: string;
}
