// What analysing an item of a workspace needs besides its text: the workspace's topics (with a
// keyword matcher) and the model it learnt from its agents' corrections, cached per process.
import { eq, sql } from 'drizzle-orm';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { Database, DbOrTx } from '../../platform/db/client.js';
import { runInBackground } from '../../platform/db/connection-queue.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { topics } from '../topics/topics.tables.js';
import { workspaceModels } from '../workspace-model/workspace-model.tables.js';
import { listTopics, type TopicRow } from '../topics/topics.service.js';
import { KeywordMatcher } from '../topics/keyword-matcher.js';
import { deserializeDelta, type WorkspaceDelta } from '../model/index.js';

export interface AnalysisContext {
  topics: TopicRow[];
  topicKeys: ReadonlySet<string>;
  matcher: KeywordMatcher;
  delta: WorkspaceDelta | null;
  workspaceModelVersion: number;
}

interface CachedContext {
  fingerprint: string;
  context: AnalysisContext;
}
const cache = new Map<string, CachedContext>();

/**
 * One small query tells whether the taxonomy or the learnt model changed since this process
 * last built the context (topic count and latest edit, model version); if not, the cached
 * context — topics, compiled keyword matcher, decoded weights — is reused.
 */
async function fingerprintOf(scope: WorkspaceScope, tx: DbOrTx): Promise<string> {
  const [row] = await tx
    .select({
      n: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${topics.updatedAt})::text`,
      model: sql<number>`coalesce((select ${workspaceModels.version} from ${workspaceModels} where ${workspaceModels.workspaceId} = ${scope.workspaceId}), 0)`,
    })
    .from(topics)
    .where(scope.where(topics));
  return `${row.n}|${row.latest}|${row.model}`;
}

export async function loadAnalysisContext(scope: WorkspaceScope, tx: DbOrTx = scope.db): Promise<AnalysisContext> {
  const cached = cache.get(scope.workspaceId);
  if (cached && cached.fingerprint === (await fingerprintOf(scope, tx))) return cached.context;
  const list = await listTopics(scope, tx); // creates the default topics on first use
  const [model] = await tx
    .select({ version: workspaceModels.version, weights: workspaceModels.weights })
    .from(workspaceModels)
    .where(eq(workspaceModels.workspaceId, scope.workspaceId));
  const version = model?.version ?? 0;
  const context: AnalysisContext = {
    topics: list,
    topicKeys: new Set(list.map((t) => t.key)),
    matcher: new KeywordMatcher(list),
    delta: version > 0 && model?.weights ? deserializeDelta(new Uint8Array(model.weights)) : null,
    workspaceModelVersion: version,
  };
  cache.set(scope.workspaceId, { fingerprint: await fingerprintOf(scope, tx), context });
  return context;
}

/** How many workspaces a starting process builds contexts for ahead of their first analysis. */
const PRELOADED_WORKSPACES = 20;

/**
 * Builds the contexts of the first workspaces (an embedded install has one or a few) as the
 * process starts, behind requests on the connection, so that their first analysis after a start
 * does not build it. A failure is left to that first analysis.
 */
export async function preloadAnalysisContexts(database: Database): Promise<void> {
  await runInBackground(async () => {
    const rows = await database.db.select({ id: workspaces.id }).from(workspaces).orderBy(workspaces.createdAt).limit(PRELOADED_WORKSPACES);
    for (const { id } of rows) await loadAnalysisContext(new WorkspaceScope(database, id));
  });
}

/** A context with a fixed taxonomy and no learnt model (the CLI's `feedloop analyze`). */
export function staticAnalysisContext(topics: ReadonlyArray<Pick<TopicRow, 'key' | 'keywords'>>): AnalysisContext {
  return {
    topics: topics as TopicRow[],
    topicKeys: new Set(topics.map((t) => t.key)),
    matcher: new KeywordMatcher(topics),
    delta: null,
    workspaceModelVersion: 0,
  };
}
