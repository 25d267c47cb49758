// The unit tree in the order a list shows it: each unit after its parent, with its depth and its
// path of names ("North › Tabriz › Bazaar"), and the level labels (kinds) in use.
import type { ServiceUnit } from '@feedloop/contracts/service-units';

export interface FlatUnit {
  unit: ServiceUnit;
  depth: number;
  path: string[];
}

export function flattenUnits(roots: ServiceUnit[]): FlatUnit[] {
  const out: FlatUnit[] = [];
  const walk = (nodes: ServiceUnit[], depth: number, path: string[]) => {
    for (const unit of nodes) {
      out.push({ unit, depth, path: [...path, unit.name] });
      walk(unit.children, depth + 1, [...path, unit.name]);
    }
  };
  walk(roots, 0, []);
  return out;
}

/** The unit and its descendants' ids: where it may not be moved. */
export function subtreeIds(unit: ServiceUnit): Set<string> {
  const ids = new Set<string>();
  const walk = (u: ServiceUnit) => {
    ids.add(u.id);
    u.children.forEach(walk);
  };
  walk(unit);
  return ids;
}

/** Kinds in the order they first appear from the top of the tree (regions before branches before stores). */
export function unitKinds(flat: FlatUnit[]): string[] {
  return [...new Set([...flat].sort((a, b) => a.depth - b.depth).map((f) => f.unit.kind))];
}

/** An indented option label for a picker. */
export const unitOptionLabel = (f: FlatUnit) => `${'\u00a0\u00a0'.repeat(f.depth)}${f.unit.name}`;
