// Where export files live: DATA_DIR/exports (a throw-away database keeps them in the system's
// temporary folder), one folder per workspace.
import os from 'node:os';
import path from 'node:path';
import type { ExportFormat } from '../../contracts/exports.js';

export function exportFilesDir(dataDir: string): string {
  return !dataDir || dataDir.startsWith('memory://') ? path.join(os.tmpdir(), 'feedloop-exports') : path.join(dataDir, 'exports');
}

export const exportFilePath = (dataDir: string, workspaceId: string, exportId: string, format: ExportFormat) =>
  path.join(exportFilesDir(dataDir), workspaceId, `${exportId}.${format}`);

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
