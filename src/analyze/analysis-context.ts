// What analysing an item of a workspace needs besides its text: the workspace's topics (with a
// keyword matcher) and the model it learnt from its agents' corrections. Topics are read per
// batch (a small query); the learnt weights are cached per process and reloaded only when the
// workspace model's version changes.
import { eq } from 'drizzle-orm';
import type { WorkspaceScope } from '../platform/db/workspace-scope.js';
import type { DbOrTx } from '../platform/db/client.js';
import { workspaceModels } from './schema.js';
import { listTopics, type TopicRow } from './topics/topic.service.js';
import { KeywordMatcher } from './topics/keyword-matcher.js';
import { deserializeDelta, type WorkspaceDelta } from './model/index.js';

export interface AnalysisContext {
  topics: TopicRow[];
  topicKeys: ReadonlySet<string>;
  matcher: KeywordMatcher;
  delta: WorkspaceDelta | null;
  workspaceModelVersion: number;
}

const deltaCache = new Map<string, { version: number; delta: WorkspaceDelta | null }>();

export async function loadAnalysisContext(scope: WorkspaceScope, tx: DbOrTx = scope.db): Promise<AnalysisContext> {
  const topics = await listTopics(scope, tx);
  const [model] = await tx.select({ version: workspaceModels.version }).from(workspaceModels).where(eq(workspaceModels.workspaceId, scope.workspaceId));
  const version = model?.version ?? 0;
  let cached = deltaCache.get(scope.workspaceId);
  if (!cached || cached.version !== version) {
    let delta: WorkspaceDelta | null = null;
    if (version > 0) {
      const [row] = await tx.select({ weights: workspaceModels.weights, version: workspaceModels.version })
        .from(workspaceModels).where(eq(workspaceModels.workspaceId, scope.workspaceId));
      if (row?.weights) delta = deserializeDelta(new Uint8Array(row.weights));
    }
    cached = { version, delta };
    deltaCache.set(scope.workspaceId, cached);
  }
  return {
    topics,
    topicKeys: new Set(topics.map((t) => t.key)),
    matcher: new KeywordMatcher(topics),
    delta: cached.delta,
    workspaceModelVersion: version,
  };
}

/** A context with a fixed taxonomy and no learnt model (the CLI's `feedloop analyze`). */
export function staticAnalysisContext(topics: Array<Pick<TopicRow, 'key' | 'keywords'>>): AnalysisContext {
  return {
    topics: topics as TopicRow[],
    topicKeys: new Set(topics.map((t) => t.key)),
    matcher: new KeywordMatcher(topics),
    delta: null,
    workspaceModelVersion: 0,
  };
}
