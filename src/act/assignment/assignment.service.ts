// The workspace's assignment settings (automatic assignment of new tickets, topic owners) and
// the assignment a new ticket gets from them.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { listTopics } from '../../analyze/topics/topics.service.js';
import { assertMember } from '../references.js';
import { assertTeam } from '../teams/teams.service.js';
import { assignmentSettings, topicOwners } from './assignment.tables.js';
import { chooseAssignee } from './choose-assignee.js';
import type { TSaveAssignmentSettings } from './assignment.input.js';

export async function getAssignmentSettings(scope: WorkspaceScope, tx: DbOrTx = scope.db) {
  const [settings] = await tx.select().from(assignmentSettings).where(scope.where(assignmentSettings));
  const owners = await tx
    .select({ topic: topicOwners.topic, userId: topicOwners.userId, teamId: topicOwners.teamId })
    .from(topicOwners)
    .where(scope.where(topicOwners))
    .orderBy(asc(topicOwners.topic));
  return { mode: settings?.mode ?? 'off', teamId: settings?.teamId ?? null, topicOwners: owners };
}

/** A 422 naming the field unless `topic` is a key of the workspace's taxonomy. */
export async function assertTopicKey(scope: WorkspaceScope, tx: DbOrTx, topic: string | null | undefined, field: string) {
  if (!topic) return;
  const known = new Set((await listTopics(scope, tx)).map((t) => t.key));
  if (!known.has(topic)) throw new AppError(422, 'unknown_topic', `${field}: no topic with this key in this workspace`, field);
}

export async function saveAssignmentSettings(scope: WorkspaceScope, input: TSaveAssignmentSettings) {
  return scope.transaction(async (tx) => {
    await assertTeam(scope, tx, input.teamId, 'teamId');
    if (input.topicOwners) {
      const seen = new Set<string>();
      for (const [i, owner] of input.topicOwners.entries()) {
        await assertTopicKey(scope, tx, owner.topic, `topicOwners.${i}.topic`);
        if (seen.has(owner.topic))
          throw new AppError(422, 'duplicate_topic', `topicOwners.${i}.topic: this topic already has an owner`, `topicOwners.${i}.topic`);
        seen.add(owner.topic);
        await assertMember(scope, tx, owner.userId, `topicOwners.${i}.userId`);
        await assertTeam(scope, tx, owner.teamId, `topicOwners.${i}.teamId`);
      }
      await tx.delete(topicOwners).where(scope.where(topicOwners));
      if (input.topicOwners.length) await tx.insert(topicOwners).values(input.topicOwners.map((o) => scope.stamp(o)));
    }
    if (input.mode !== undefined || input.teamId !== undefined) {
      const patch = {
        ...(input.mode !== undefined ? { mode: input.mode } : {}),
        ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
        updatedAt: new Date(),
      };
      await tx
        .insert(assignmentSettings)
        .values(scope.stamp({ mode: input.mode ?? 'off', teamId: input.teamId ?? null }))
        .onConflictDoUpdate({ target: assignmentSettings.workspaceId, set: patch });
    }
    return getAssignmentSettings(scope, tx);
  });
}

/** Who a new ticket goes to under the workspace's setting: its topic's owner, else the next in turn; or nobody when off. */
export async function automaticAssignee(scope: WorkspaceScope, tx: DbOrTx, topic: string | null): Promise<string | null> {
  const [settings] = await tx.select().from(assignmentSettings).where(scope.where(assignmentSettings));
  if (!settings || settings.mode === 'off') return null;
  const teamId = settings.teamId ?? undefined;
  if (settings.mode === 'least_loaded') return chooseAssignee(scope, tx, { kind: 'least_loaded', teamId });
  if (settings.mode === 'topic' && topic) {
    const owner = await chooseAssignee(scope, tx, { kind: 'topic', topic });
    if (owner) return owner;
  }
  return chooseAssignee(scope, tx, { kind: 'round_robin', teamId });
}
