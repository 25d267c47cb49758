// The workspace's topic taxonomy: list, create, rename/edit, merge and delete. Feedback items
// store topic keys; editing a topic's keywords or examples takes effect for new items at once
// and for past items after a re-analysis (reanalysis/reanalysis.service.ts).
import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { workspaces } from '../../platform/workspace/workspace.tables.js';
import { feedbackItems } from '../../collect/feedback/feedback.tables.js';
import { topics, type KeywordsByLanguage } from './topics.tables.js';
import { analysisCorrections } from '../corrections/corrections.tables.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { DEFAULT_TOPICS } from './default-taxonomy.js';
import type { TCreateTopicInput, TUpdateTopicInput } from './topics.input.js';

export type TopicRow = typeof topics.$inferSelect;

export function publicTopic(t: TopicRow) {
  return {
    id: t.id,
    key: t.key,
    names: t.names,
    keywords: t.keywords,
    examples: t.examples,
    builtIn: t.builtIn,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/**
 * A workspace starts with the default taxonomy, created the first time its topics are needed.
 * The flag in workspace settings means a user who deletes every default topic keeps an empty
 * taxonomy instead of getting the defaults back.
 */
export async function ensureDefaultTopics(scope: WorkspaceScope, tx: DbOrTx = scope.db): Promise<void> {
  const [ws] = await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, scope.workspaceId));
  if (!ws || ws.settings.topicsSeeded === true) return;
  await tx
    .insert(topics)
    .values(
      DEFAULT_TOPICS.map((t) =>
        scope.stamp({
          id: newId(),
          key: t.key,
          names: t.names,
          keywords: t.keywords,
          examples: [...t.examples],
          builtIn: true,
        }),
      ),
    )
    .onConflictDoNothing();
  await tx
    .update(workspaces)
    .set({ settings: sql`${workspaces.settings} || '{"topicsSeeded": true}'::jsonb` })
    .where(eq(workspaces.id, scope.workspaceId));
}

export async function listTopics(scope: WorkspaceScope, tx: DbOrTx = scope.db): Promise<TopicRow[]> {
  await ensureDefaultTopics(scope, tx);
  return tx.select().from(topics).where(scope.where(topics)).orderBy(asc(topics.createdAt), asc(topics.key));
}

async function findTopic(scope: WorkspaceScope, tx: DbOrTx, id: string, lock = false): Promise<TopicRow> {
  const query = tx
    .select()
    .from(topics)
    .where(scope.where(topics, eq(topics.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Topic');
  return row;
}

export async function getTopic(scope: WorkspaceScope, id: string) {
  return publicTopic(await findTopic(scope, scope.db, id));
}

/** A key from the English (or first) name: "Late delivery" → late_delivery; non-Latin names get a random key. */
function deriveKey(names: TCreateTopicInput['names']): string {
  const base = (names.en ?? Object.values(names).find(Boolean) ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 't_$1')
    .slice(0, 32);
  return base.length >= 2 ? base : `topic_${randomBytes(4).toString('hex')}`;
}

export async function createTopic(scope: WorkspaceScope, input: TCreateTopicInput) {
  return scope.transaction(async (tx) => {
    await ensureDefaultTopics(scope, tx);
    const key = input.key ?? deriveKey(input.names);
    const [row] = await tx
      .insert(topics)
      .values(
        scope.stamp({
          id: newId(),
          key,
          names: input.names,
          keywords: cleanKeywords(input.keywords),
          examples: unique(input.examples),
        }),
      )
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError(409, 'duplicate', `key: a topic with key "${key}" already exists`, 'key');
    return publicTopic(row);
  });
}

export async function updateTopic(scope: WorkspaceScope, id: string, input: TUpdateTopicInput) {
  return scope.transaction(async (tx) => {
    const current = await findTopic(scope, tx, id, true);
    const patch: Partial<TopicRow> = { updatedAt: new Date() };
    if (input.names) {
      const names = { ...current.names };
      for (const [lang, name] of Object.entries(input.names)) {
        if (name === null) delete names[lang as keyof typeof names];
        else if (name !== undefined) names[lang as keyof typeof names] = name;
      }
      if (Object.keys(names).length === 0) throw new AppError(400, 'invalid_input', 'names: a topic keeps at least one name', 'names');
      patch.names = names;
    }
    if (input.keywords) patch.keywords = { ...current.keywords, ...cleanKeywords(input.keywords) };
    if (input.examples) patch.examples = unique(input.examples);
    const [row] = await tx
      .update(topics)
      .set(patch)
      .where(scope.where(topics, eq(topics.id, id)))
      .returning();
    return publicTopic(row);
  });
}

/** Deletes a topic and removes its key from every item and correction of the workspace. */
export async function deleteTopic(scope: WorkspaceScope, id: string) {
  await scope.transaction(async (tx) => {
    const topic = await findTopic(scope, tx, id, true);
    await replaceTopicKey(scope, tx, topic.key, null);
    await tx.delete(topics).where(scope.where(topics, eq(topics.id, id)));
  });
}

/** Moves items, corrections, keywords and examples of `sourceId` to `into`, then deletes the source. */
export async function mergeTopics(scope: WorkspaceScope, sourceId: string, intoId: string) {
  if (sourceId === intoId) throw new AppError(400, 'invalid_input', 'into: a topic cannot be merged into itself', 'into');
  return scope.transaction(async (tx) => {
    // Lock both in id order so two opposite merges cannot deadlock.
    const [first, second] = [sourceId, intoId].sort();
    const locked = new Map([
      [first, await findTopic(scope, tx, first, true)],
      [second, await findTopic(scope, tx, second, true)],
    ]);
    const source = locked.get(sourceId)!;
    const target = locked.get(intoId)!;
    const keywords: KeywordsByLanguage = { ...target.keywords };
    for (const [lang, list] of Object.entries(source.keywords) as Array<[keyof KeywordsByLanguage, string[]]>) {
      keywords[lang] = unique([...(keywords[lang] ?? []), ...list]);
    }
    await replaceTopicKey(scope, tx, source.key, target.key);
    await tx.delete(topics).where(scope.where(topics, eq(topics.id, sourceId)));
    const [row] = await tx
      .update(topics)
      .set({ keywords, examples: unique([...target.examples, ...source.examples]), updatedAt: new Date() })
      .where(scope.where(topics, eq(topics.id, intoId)))
      .returning();
    return publicTopic(row);
  });
}

/** Replaces (or with null removes) a topic key in items' topics/scores and in corrections. */
async function replaceTopicKey(scope: WorkspaceScope, tx: DbOrTx, from: string, to: string | null) {
  const newTopics =
    to === null
      ? sql`array_remove(${feedbackItems.topics}, ${from})`
      : sql`array(select distinct unnest(array_replace(${feedbackItems.topics}, ${from}, ${to})) order by 1)`;
  const newScores =
    to === null
      ? sql`${feedbackItems.topicScores} - ${from}::text`
      : sql`(${feedbackItems.topicScores} - ${from}::text) || jsonb_build_object(${to}::text, greatest(coalesce((${feedbackItems.topicScores} ->> ${from}::text)::real, 0), coalesce((${feedbackItems.topicScores} ->> ${to}::text)::real, 0)))`;
  await tx
    .update(feedbackItems)
    .set({ topics: newTopics, topicScores: newScores, updatedAt: new Date() })
    .where(
      scope.where(feedbackItems, sql`${feedbackItems.topics} @> array[${from}]::text[] or ${feedbackItems.topicScores} ? ${from}::text`),
    );
  const labels =
    to === null
      ? sql`array_remove(${analysisCorrections.labels}, ${from})`
      : sql`array(select distinct unnest(array_replace(${analysisCorrections.labels}, ${from}, ${to})) order by 1)`;
  await tx
    .update(analysisCorrections)
    .set({ labels })
    .where(
      scope.where(
        analysisCorrections,
        and(eq(analysisCorrections.field, 'topics'), sql`${analysisCorrections.labels} @> array[${from}]::text[]`),
      ),
    );
}

function cleanKeywords(keywords: KeywordsByLanguage): KeywordsByLanguage {
  const out: KeywordsByLanguage = {};
  for (const [lang, list] of Object.entries(keywords) as Array<[keyof KeywordsByLanguage, string[] | undefined]>) {
    if (list) out[lang] = unique(list);
  }
  return out;
}

function unique(list: string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}
