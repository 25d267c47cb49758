// Service units: list the workspace's hierarchy as a tree, create, rename, move (never under
// itself or a descendant) and archive. Changes to the tree are serialised per workspace, so two
// concurrent moves can never close a cycle between them.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ServiceUnit, ServiceUnitTree } from '../../contracts/service-units.js';
import type { Tx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { serviceUnits } from './service-units.tables.js';
import type { TCreateServiceUnit, TUpdateServiceUnit } from './service-units.input.js';
import { loadUnitTree } from './unit-tree.js';
import { assertServiceUnit } from './service-unit-refs.js';

type UnitRow = typeof serviceUnits.$inferSelect;

const publicUnit = (u: UnitRow): ServiceUnit => ({
  id: u.id,
  parentId: u.parentId,
  kind: u.kind,
  name: u.name,
  externalCode: u.externalCode,
  archived: u.archived,
  createdAt: u.createdAt.toISOString(),
  children: [],
});

export async function listServiceUnits(scope: WorkspaceScope): Promise<ServiceUnitTree> {
  const rows = await scope.db
    .select()
    .from(serviceUnits)
    .where(scope.where(serviceUnits))
    .orderBy(asc(serviceUnits.name), asc(serviceUnits.id));
  const byId = new Map(rows.map((r) => [r.id, publicUnit(r)]));
  const roots: ServiceUnit[] = [];
  for (const unit of byId.values()) {
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(unit);
  }
  return { data: roots };
}

async function lockTree(scope: WorkspaceScope, tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`service_units:${scope.workspaceId}`}, 0))`);
}

async function assertCodeFree(scope: WorkspaceScope, tx: Tx, code: string | null | undefined, id: string | null) {
  if (!code) return;
  const [clash] = await tx
    .select({ id: serviceUnits.id })
    .from(serviceUnits)
    .where(scope.where(serviceUnits, and(eq(serviceUnits.externalCode, code), id ? ne(serviceUnits.id, id) : undefined)));
  if (clash) throw new AppError(409, 'service_unit_code_taken', 'externalCode: another unit has this code', 'externalCode');
}

export async function createServiceUnit(scope: WorkspaceScope, input: TCreateServiceUnit): Promise<ServiceUnit> {
  return scope.transaction(async (tx) => {
    await lockTree(scope, tx);
    if (input.parentId) await assertServiceUnit(scope, tx, input.parentId, 'parentId');
    await assertCodeFree(scope, tx, input.externalCode, null);
    const [row] = await tx
      .insert(serviceUnits)
      .values(
        scope.stamp({
          id: newId(),
          parentId: input.parentId ?? null,
          kind: input.kind,
          name: input.name,
          externalCode: input.externalCode ?? null,
        }),
      )
      .returning();
    return publicUnit(row!);
  });
}

export async function updateServiceUnit(scope: WorkspaceScope, id: string, input: TUpdateServiceUnit): Promise<ServiceUnit> {
  return scope.transaction(async (tx) => {
    await lockTree(scope, tx);
    const tree = await loadUnitTree(scope, tx);
    const unit = tree.byId.get(id);
    if (!unit) throw notFound('Service unit');
    if (input.parentId) {
      await assertServiceUnit(scope, tx, input.parentId, 'parentId');
      if (tree.subtree(id).includes(input.parentId))
        throw new AppError(422, 'service_unit_cycle', 'parentId: a unit cannot move under itself or one of its descendants', 'parentId');
    }
    const parentId = input.parentId === undefined ? unit.parentId : input.parentId;
    if (input.archived === false && parentId && tree.byId.get(parentId)?.archived && input.parentId === undefined)
      throw new AppError(422, 'service_unit_parent_archived', 'archived: restore its parent first, or move it', 'archived');
    await assertCodeFree(scope, tx, input.externalCode, id);
    const [row] = await tx
      .update(serviceUnits)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.externalCode !== undefined ? { externalCode: input.externalCode } : {}),
        ...(input.archived !== undefined ? { archived: input.archived } : {}),
        updatedAt: new Date(),
      })
      .where(scope.where(serviceUnits, eq(serviceUnits.id, id)))
      .returning();
    // An archived unit's descendants are archived with it: nothing new is assigned under it.
    if (input.archived === true)
      await tx
        .update(serviceUnits)
        .set({ archived: true, updatedAt: new Date() })
        .where(scope.where(serviceUnits, inArray(serviceUnits.id, tree.subtree(id))));
    return publicUnit(row!);
  });
}
