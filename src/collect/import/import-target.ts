// Where an import's rows go. The database target writes them itself; when the embedded database
// belongs to a running server, the command hands them to that server instead (import.control.ts),
// which writes them through this same target.
import { eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { newId } from '../../platform/ids.js';
import { notifyJobsEnqueued } from '../../platform/jobs/queue.js';
import { importRuns } from './import.tables.js';
import type { TCreateFeedbackInput } from '../feedback/feedback.input.js';
import { storeFeedback, type CustomerCache } from '../feedback/store-feedback.js';
import type { ColumnMapping } from './column-mapping.js';

export interface ImportWorkspace {
  id: string;
  name: string;
  slug: string;
  timezone: string;
}
export interface ImportRunStart {
  runId: string;
  rowsDone: number;
}
export interface ImportBatch {
  items: TCreateFeedbackInput[];
  /** rows of this stretch rejected before reaching the database */
  rejected: number;
  /** the last row of the file this batch covers: the run resumes after it */
  doneUpTo: number;
}
export type RowResult = { ok: true; duplicate: boolean } | { ok: false; field: string; message: string };

export interface ImportTarget {
  workspace: ImportWorkspace;
  begin(run: { fingerprint: string; fileName: string; mapping: ColumnMapping }): Promise<ImportRunStart>;
  /** Stores the items and moves the run's progress to doneUpTo, both in one transaction. */
  writeBatch(runId: string, batch: ImportBatch): Promise<RowResult[]>;
  finish(runId: string): Promise<void>;
}

export async function importWorkspace(scope: WorkspaceScope): Promise<ImportWorkspace> {
  const [ws] = await scope.db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  if (!ws) throw new Error('The workspace no longer exists');
  return ws;
}

/** Writes into the workspace of `scope`. `cache` remembers identified customers across batches. */
export async function databaseImportTarget(scope: WorkspaceScope, cache: CustomerCache = new Map()): Promise<ImportTarget> {
  return {
    workspace: await importWorkspace(scope),
    async begin(run) {
      const [row] = await scope.db
        .insert(importRuns)
        .values(
          scope.stamp({
            id: newId(),
            fileHash: run.fingerprint,
            fileName: run.fileName,
            mapping: run.mapping as Record<string, unknown>,
          }),
        )
        .onConflictDoUpdate({ target: [importRuns.workspaceId, importRuns.fileHash], set: { status: 'running', finishedAt: null } })
        .returning();
      return { runId: row.id, rowsDone: row.rowsDone };
    },
    async writeBatch(runId, batch) {
      const stored = await scope.transaction(async (tx) => {
        const results = batch.items.length ? await storeFeedback(scope, tx, batch.items, { cache }) : [];
        const imported = results.filter((s) => s.ok && !s.duplicate).length;
        await tx
          .update(importRuns)
          .set({
            rowsDone: batch.doneUpTo,
            rowsImported: sql`${importRuns.rowsImported} + ${imported}`,
            rowsRejected: sql`${importRuns.rowsRejected} + ${batch.rejected + results.filter((s) => !s.ok).length}`,
          })
          .where(scope.where(importRuns, eq(importRuns.id, runId)));
        return results;
      });
      if (stored.some((r) => r.ok && !r.duplicate)) notifyJobsEnqueued();
      return stored.map(
        (r): RowResult => (r.ok ? { ok: true, duplicate: r.duplicate } : { ok: false, field: r.field, message: r.message }),
      );
    },
    async finish(runId) {
      await scope.db
        .update(importRuns)
        .set({ status: 'finished', finishedAt: new Date() })
        .where(scope.where(importRuns, eq(importRuns.id, runId)));
    },
  };
}
