// Service units in the metrics: rollups are keyed by each item's own unit, so a filter on a unit
// reads the keys of its whole subtree, and a breakdown adds every leaf's sums into the unit and
// each of its ancestors. Sums, never averages: a region's NPS is that of all its stores' answers.
import type { MetricDimension } from '../../contracts/metrics.js';
import { AppError } from '../../platform/http/errors.js';
import type { RollupSums } from '../rollups/rollup-sums.js';
import { addSums } from '../rollups/rollup-sums.js';
import type { UnitTree } from './unit-tree.js';

/** The filter's units expanded to their subtrees; a unit the workspace does not have is a 422 naming `service_unit`. */
export function expandUnitFilter(tree: UnitTree, keys: string[]): string[] {
  const unknown = keys.find((k) => !tree.has(k));
  if (unknown !== undefined)
    throw new AppError(422, 'unknown_service_unit', 'service_unit: no such service unit in this workspace', 'service_unit');
  return [...new Set(keys.flatMap((k) => tree.subtree(k)))];
}

interface Cell {
  period: number;
  key: string | null;
  sums: RollupSums;
}

/**
 * Cells keyed by items' own units, rolled up: one cell per (period, unit) holding its subtree's
 * sums. `within`: the units a filter allowed (an ancestor outside it would get partial sums).
 */
export function rollUpUnitCells<C extends Cell>(cells: C[], tree: UnitTree, within: Set<string> | null): C[] {
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
      if (into) addSums(into.sums, cell.sums as unknown as Record<string, unknown>);
      else byKey.set(id, { ...cell, key: unit, sums: { ...cell.sums } });
    }
  }
  return [...out, ...byKey.values()];
}

/** Whether a query needs the unit tree. */
export const usesUnits = (breakdown: MetricDimension | undefined, filters: Partial<Record<MetricDimension, string[]>> | undefined) =>
  breakdown === 'service_unit' || (filters?.service_unit?.length ?? 0) > 0;
