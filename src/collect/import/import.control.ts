// The running server's side of `feedloop import` when it owns the embedded database: the command
// reads and checks the file and sends the rows here in batches; each batch is written with the
// run's progress in one transaction, exactly as a direct import writes it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ControlDeps } from '../../platform/control/control-server.js';
import { chooseWorkspace } from '../../platform/db/find-workspace.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { notFound } from '../../platform/http/errors.js';
import { describeZodError, zUuid } from '../../platform/http/zod-types.js';
import { ZCreateFeedbackInput, type TCreateFeedbackInput } from '../feedback/feedback.input.js';
import { importRuns } from './import.tables.js';
import { IMPORT_FIELDS } from './column-mapping.js';
import { databaseImportTarget, type ImportTarget, type RowResult } from './import-target.js';

/** Runs whose customers cache is kept between batches; an abandoned run drops out. */
const OPEN_RUNS = 8;
export const MAX_BATCH_ROWS = 5000;

const ZWorkspaceChoice = z.strictObject({ slug: z.string().min(1).max(200).optional() });
const ZBeginImport = z.strictObject({
  workspace: z.string().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(500),
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(500)),
});
const ZImportBatch = z.strictObject({
  items: z.array(z.unknown()).max(MAX_BATCH_ROWS),
  rejected: z.number().int().min(0),
  doneUpTo: z.number().int().min(0),
});
const ZRunParams = z.strictObject({ runId: zUuid });

export async function importControlRoutes(app: FastifyInstance, { database }: ControlDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const open = new Map<string, ImportTarget>();
  const keep = (runId: string, target: ImportTarget) => {
    open.set(runId, target);
    if (open.size > OPEN_RUNS) open.delete(open.keys().next().value!);
  };
  /** The run's target; its workspace comes from the run itself. */
  async function targetOf(runId: string): Promise<ImportTarget> {
    const known = open.get(runId);
    if (known) return known;
    const [run] = await database.db.select({ workspaceId: importRuns.workspaceId }).from(importRuns).where(eq(importRuns.id, runId));
    if (!run) throw notFound('Import run');
    const target = await databaseImportTarget(new WorkspaceScope(database, run.workspaceId));
    keep(runId, target);
    return target;
  }

  r.post('/v1/imports/workspace', { schema: { body: ZWorkspaceChoice } }, async (req) => {
    const { workspace, chosenBy, others, count } = await chooseWorkspace(database, req.body.slug);
    return {
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone },
      chosenBy,
      others,
      count,
    };
  });

  r.post('/v1/imports', { schema: { body: ZBeginImport } }, async (req) => {
    const { workspace } = await chooseWorkspace(database, req.body.workspace);
    const target = await databaseImportTarget(new WorkspaceScope(database, workspace.id));
    const run = await target.begin(req.body);
    keep(run.runId, target);
    return run;
  });

  r.post('/v1/imports/:runId/batches', { schema: { params: ZRunParams, body: ZImportBatch } }, async (req) => {
    const target = await targetOf(req.params.runId);
    // The command checked every row already; they are checked again as they arrive here.
    const checked = req.body.items.map((item) => ZCreateFeedbackInput.safeParse(item));
    const valid: TCreateFeedbackInput[] = checked.flatMap((c) => (c.success ? [c.data] : []));
    const stored = await target.writeBatch(req.params.runId, { items: valid, rejected: req.body.rejected, doneUpTo: req.body.doneUpTo });
    let k = 0;
    const results: RowResult[] = checked.map((c) => {
      if (c.success) return stored[k++];
      const { field, message } = describeZodError(c.error, 'row');
      return { ok: false, field, message };
    });
    return { results };
  });

  r.post('/v1/imports/:runId/finish', { schema: { params: ZRunParams } }, async (req) => {
    await (await targetOf(req.params.runId)).finish(req.params.runId);
    open.delete(req.params.runId);
    return { finished: true };
  });
}
