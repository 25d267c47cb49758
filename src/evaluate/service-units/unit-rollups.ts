// Service units in the metrics: rollups are keyed by each item's own unit, so a filter on a unit
// reads the keys of its whole subtree, and a breakdown adds every leaf's sums into the unit and
// each of its ancestors. Sums, never averages: a region's NPS is that of all its stores' answers.
import type { MetricDimension } from '../../contracts/metrics.js';
import { AppError } from '../../platform/http/errors.js';
import type { RollupSums } from '../rollups/rollup-sums.js';
import { addSums } from '../rollups/rollup-sums.js';
import type { UnitTree } from './unit-tree.js';

/** The filter's units expanded to their subtrees; a unit the workspace does not have is a 422 naming the field. */
export function expandUnitFilter(tree: UnitTree, keys: string[], field = 'service_unit'): string[] {
  const unknown = keys.find((k) => !tree.has(k));
  if (unknown !== undefined) throw new AppError(422, 'unknown_service_unit', `${field}: no such service unit in this workspace`, field);
  return [...new Set(keys.flatMap((k) => tree.subtree(k)))];
}

interface Cell {
  period: number;
  key: string | null;
}

/**
 * Cells keyed by their records' own units, rolled up: one cell per (period, unit) holding its
 * subtree's figures (`clone` copies a cell's figures, `add` adds one cell's into another).
 * `within`: the units a filter allowed (an ancestor outside it would get partial figures).
 */
export function rollUpCells<C extends Cell>(
  cells: C[],
  tree: UnitTree,
  within: Set<string> | null,
  clone: (cell: C, key: string) => C,
  add: (into: C, from: C) => void,
): C[] {
  const out: C[] = [];
  const byKey = new Map<string, C>();
  for (const cell of cells) {
    if (cell.key === null) {
      out.push(cell);
      continue;
    }
    for (const unit of tree.lineage(cell.key)) {
      if (within && !within.has(unit)) continue;
      const id = `${cell.period}\u0000${unit}`;
      const into = byKey.get(id);
      if (into) add(into, cell);
      else byKey.set(id, clone(cell, unit));
    }
  }
  return [...out, ...byKey.values()];
}

/** Rollup cells (feedback sums) rolled up the tree. */
export const rollUpUnitCells = <C extends Cell & { sums: RollupSums }>(cells: C[], tree: UnitTree, within: Set<string> | null) =>
  rollUpCells(
    cells,
    tree,
    within,
    (cell, key) => ({ ...cell, key, sums: { ...cell.sums } }),
    (into, from) => addSums(into.sums, from.sums as unknown as Record<string, unknown>),
  );

/** Whether a query needs the unit tree. */
export const usesUnits = (breakdown: MetricDimension | undefined, filters: Partial<Record<MetricDimension, string[]>> | undefined) =>
  breakdown === 'service_unit' || (filters?.service_unit?.length ?? 0) > 0;
