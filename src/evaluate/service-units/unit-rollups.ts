// Service units in the metrics: rollups and tickets are keyed by each record's own unit, so a filter
// on a unit reads the keys of its whole subtree, and a breakdown adds every leaf's figures into the
// unit and each of its ancestors. Sums, never averages: a region's NPS is that of all its stores' answers.
import type { MetricDimension } from '../../contracts/metrics.js';
import { AppError } from '../../platform/http/errors.js';
import type { RollupSums } from '../rollups/rollup-sums.js';
import { addSums } from '../rollups/rollup-sums.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { loadUnitTree, type UnitTree } from './unit-tree.js';

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

/** How cells of one kind are summed: `clone` copies a cell's figures under another key, `add` adds one cell's into another. */
export interface CellSum<C extends Cell> {
  clone(cell: C, key: string): C;
  add(into: C, from: C): void;
}

/**
 * Cells keyed by their records' own units, rolled up: one cell per (period, unit) holding its
 * subtree's figures. `within`: the units a filter allowed (an ancestor outside it would get partial figures).
 */
export function rollUpCells<C extends Cell>(cells: C[], tree: UnitTree, within: Set<string> | null, sum: CellSum<C>): C[] {
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
      if (into) sum.add(into, cell);
      else byKey.set(id, sum.clone(cell, unit));
    }
  }
  return [...out, ...byKey.values()];
}

/** Rollup cells (feedback sums). */
export const ROLLUP_CELL_SUM: CellSum<Cell & { sums: RollupSums }> = {
  clone: (cell, key) => ({ ...cell, key, sums: { ...cell.sums } }),
  add: (into, from) => addSums(into.sums, from.sums as unknown as Record<string, unknown>),
};

/** Whether a query needs the unit tree. */
export const usesUnits = (breakdown: MetricDimension | undefined, filters: Partial<Record<MetricDimension, string[]>> | undefined) =>
  breakdown === 'service_unit' || (filters?.service_unit?.length ?? 0) > 0;

interface UnitQuery {
  breakdown?: MetricDimension;
  filters?: Partial<Record<MetricDimension, string[]>>;
}

/**
 * Reads cells keyed by each record's own unit (`read`, which knows nothing of the tree) as a unit's
 * figures are defined: a filter on units reads their whole subtrees, and a breakdown by unit adds
 * every unit's cells into it and each of its ancestors. Feedback rollups and tickets both go through here.
 */
export async function readThroughUnitTree<Q extends UnitQuery, C extends Cell, R extends { cells: C[] }>(
  scope: WorkspaceScope,
  query: Q,
  sum: CellSum<C>,
  read: (query: Q) => Promise<R>,
): Promise<R> {
  if (!usesUnits(query.breakdown, query.filters)) return read(query);
  const tree = await loadUnitTree(scope);
  const unitFilter = query.filters?.service_unit;
  const within = unitFilter?.length ? expandUnitFilter(tree, unitFilter) : null;
  const result = await read(within ? { ...query, filters: { ...query.filters, service_unit: within } } : query);
  if (query.breakdown !== 'service_unit') return result;
  return { ...result, cells: rollUpCells(result.cells, tree, within && new Set(within), sum) };
}
