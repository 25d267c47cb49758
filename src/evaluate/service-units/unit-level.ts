// A league of service units ranks one level of the tree (all stores, or all branches): the units
// of that kind, each with its descendants' figures already rolled up into it.
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { loadUnitTree } from './unit-tree.js';

/** Removes from `byUnit` every unit whose kind is not `level` (kinds compare case-insensitively). */
export async function keepLevel<T>(scope: WorkspaceScope, byUnit: Map<string, T>, level: string): Promise<void> {
  const tree = await loadUnitTree(scope);
  const wanted = level.toLocaleLowerCase();
  for (const id of [...byUnit.keys()]) if (tree.byId.get(id)?.kind.toLocaleLowerCase() !== wanted) byUnit.delete(id);
}
