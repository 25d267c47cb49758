// The workspace's units as a tree in memory: metrics expand a unit to its subtree (filters) and
// roll each item's own unit up into every ancestor (breakdowns), so a region's NPS comes from the
// summed counts of all its branches' and stores' items, never from averaged scores.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';

export interface UnitNode {
  id: string;
  parentId: string | null;
  kind: string;
  archived: boolean;
}

export class UnitTree {
  readonly byId: Map<string, UnitNode>;
  private readonly children = new Map<string | null, string[]>();

  constructor(units: UnitNode[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      const siblings = this.children.get(u.parentId) ?? [];
      siblings.push(u.id);
      this.children.set(u.parentId, siblings);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The unit and all its descendants. */
  subtree(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }

  /** The unit and its ancestors, nearest first. */
  lineage(id: string): string[] {
    const out: string[] = [];
    for (let at = this.byId.get(id); at && !out.includes(at.id); at = at.parentId ? this.byId.get(at.parentId) : undefined) out.push(at.id);
    return out;
  }
}

export async function loadUnitTree(scope: WorkspaceScope, tx: DbOrTx = scope.db): Promise<UnitTree> {
  const rows = await scope.database.rows<{ id: string; parent_id: string | null; kind: string; archived: boolean }>(
    sql`select id, parent_id, kind, archived from service_units where workspace_id = ${scope.workspaceId}`,
    tx,
  );
  return new UnitTree(rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind, archived: r.archived })));
}
