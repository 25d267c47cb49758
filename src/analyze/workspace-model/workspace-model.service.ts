// The per-workspace model: learnt from the workspace's corrections (and the example texts of its
// own topics) on top of the shipped model, as a background job with progress. A correction
// schedules a training a few seconds later, so a burst of corrections trains once. Trainings
// never go backwards: weights are written only if they come from a newer snapshot.
import { desc, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { analysisCorrections } from '../corrections/corrections.tables.js';
import { topics } from '../topics/topics.tables.js';
import { workspaceModels } from './workspace-model.tables.js';
import { serializeDelta, trainWorkspaceDelta, type CorrectionExample } from '../model/index.js';
import { trainWorkspaceModelJob, type TTrainWorkspaceModelPayload } from './train-workspace-model.job.js';

const DEBOUNCE_MS = 2_000;
const MAX_EXAMPLES = 5_000;

export async function scheduleWorkspaceTraining(scope: WorkspaceScope, tx: DbOrTx): Promise<void> {
  const [row] = await tx
    .insert(workspaceModels)
    .values({ workspaceId: scope.workspaceId, status: 'queued' })
    .onConflictDoUpdate({
      target: workspaceModels.workspaceId,
      set: { status: 'queued', updatedAt: new Date() },
      setWhere: sql`${workspaceModels.status} <> 'queued'`,
    })
    .returning({ status: workspaceModels.status });
  // No row back: a training was already queued and will see this correction.
  if (row) await trainWorkspaceModelJob.enqueue(tx, { workspaceId: scope.workspaceId }, { runAt: new Date(Date.now() + DEBOUNCE_MS) });
}

export async function getWorkspaceModel(scope: WorkspaceScope) {
  const [row] = await scope.db
    .select({
      version: workspaceModels.version,
      status: workspaceModels.status,
      progress: workspaceModels.progress,
      examples: workspaceModels.examples,
      trainedAt: workspaceModels.trainedAt,
      error: workspaceModels.error,
    })
    .from(workspaceModels)
    .where(eq(workspaceModels.workspaceId, scope.workspaceId));
  const [{ n }] = await scope.db
    .select({ n: sql<number>`count(*)::int` })
    .from(analysisCorrections)
    .where(scope.where(analysisCorrections));
  return { ...(row ?? { version: 0, status: 'idle', progress: 0, examples: 0, trainedAt: null, error: null }), corrections: n };
}

/** The examples a workspace model learns from: corrections, newest first, plus its own topics' example texts. */
export async function trainingExamples(scope: WorkspaceScope, tx: DbOrTx = scope.db): Promise<CorrectionExample[]> {
  const corrections = await tx
    .select({
      text: analysisCorrections.text,
      language: analysisCorrections.language,
      field: analysisCorrections.field,
      labels: analysisCorrections.labels,
    })
    .from(analysisCorrections)
    .where(scope.where(analysisCorrections))
    .orderBy(desc(analysisCorrections.createdAt))
    .limit(MAX_EXAMPLES);
  const own = await tx
    .select({ key: topics.key, examples: topics.examples })
    .from(topics)
    .where(scope.where(topics, eq(topics.builtIn, false)));
  return [
    ...corrections.map((c) => ({
      text: c.text,
      language: c.language ?? 'und',
      field: c.field as CorrectionExample['field'],
      labels: c.labels,
    })),
    ...own.flatMap((t) => t.examples.map((text) => ({ text, language: 'und', field: 'topics' as const, labels: [t.key] }))),
  ];
}

export async function trainWorkspaceModel(database: Database, payload: TTrainWorkspaceModelPayload): Promise<void> {
  const scope = new WorkspaceScope(database, payload.workspaceId);
  const snapshotAt = new Date();
  const [claimed] = await database.db
    .update(workspaceModels)
    .set({ status: 'training', progress: 0, error: null, updatedAt: new Date() })
    .where(eq(workspaceModels.workspaceId, scope.workspaceId))
    .returning({ workspaceId: workspaceModels.workspaceId });
  if (!claimed) return;
  try {
    const examples = await trainingExamples(scope);
    let lastReport = 0;
    const delta = await trainWorkspaceDelta(examples, {
      onProgress: async (fraction) => {
        if (fraction - lastReport < 0.1 && fraction < 1) return;
        lastReport = fraction;
        await database.db.update(workspaceModels).set({ progress: fraction }).where(eq(workspaceModels.workspaceId, scope.workspaceId));
      },
    });
    const weights = serializeDelta(delta);
    // A correction made while training set status back to 'queued': keep it so the next run happens.
    await database.db
      .update(workspaceModels)
      .set({
        weights,
        version: sql`${workspaceModels.version} + 1`,
        examples: examples.length,
        progress: 1,
        trainedAt: snapshotAt,
        status: sql`case when ${workspaceModels.status} = 'queued' then 'queued' else 'idle' end`,
        updatedAt: new Date(),
      })
      .where(
        sql`${workspaceModels.workspaceId} = ${scope.workspaceId} and (${workspaceModels.trainedAt} is null or ${workspaceModels.trainedAt} < ${snapshotAt.toISOString()}::timestamptz)`,
      );
  } catch (err) {
    await database.db
      .update(workspaceModels)
      .set({ status: 'failed', error: (err instanceof Error ? err.message : String(err)).slice(0, 500), updatedAt: new Date() })
      .where(eq(workspaceModels.workspaceId, scope.workspaceId));
    throw err;
  }
}
