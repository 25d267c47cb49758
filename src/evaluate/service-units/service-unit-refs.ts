// Checks a unit named in a request (by id or by external code) against the caller's workspace:
// a unit of another workspace, an unknown code or an archived unit is a 422 naming the field.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { serviceUnits } from './service-units.tables.js';

const unknown = (field: string) => new AppError(422, 'unknown_service_unit', `${field}: no such service unit in this workspace`, field);
const archived = (field: string) => new AppError(422, 'service_unit_archived', `${field}: this service unit is archived`, field);

/** A 422 naming the field unless the unit is an active unit of the workspace. */
export async function assertServiceUnit(scope: WorkspaceScope, tx: DbOrTx, id: string | null | undefined, field = 'serviceUnitId') {
  if (!id) return;
  const [unit] = await tx
    .select({ archived: serviceUnits.archived })
    .from(serviceUnits)
    .where(scope.where(serviceUnits, eq(serviceUnits.id, id)));
  if (!unit) throw unknown(field);
  if (unit.archived) throw archived(field);
}

export type UnitLookup = { ok: true; id: string } | { ok: false; field: string; code: string; message: string };

/**
 * The units a batch of feedback names (`serviceUnitId` or `serviceUnitCode`), each resolved to an
 * id or to the error of its item: one query for the whole batch.
 */
export async function lookUpServiceUnits(
  scope: WorkspaceScope,
  db: DbOrTx,
  refs: Array<{ serviceUnitId?: string | null; serviceUnitCode?: string | null }>,
): Promise<Array<UnitLookup | null>> {
  const ids = [...new Set(refs.flatMap((r) => (r.serviceUnitId ? [r.serviceUnitId] : [])))];
  const codes = [...new Set(refs.flatMap((r) => (r.serviceUnitCode ? [r.serviceUnitCode] : [])))];
  if (ids.length === 0 && codes.length === 0) return refs.map(() => null);
  const [byId, byCode] = await Promise.all([
    ids.length
      ? db
          .select({ id: serviceUnits.id, archived: serviceUnits.archived })
          .from(serviceUnits)
          .where(scope.where(serviceUnits, inArray(serviceUnits.id, ids)))
      : [],
    codes.length
      ? db
          .select({ id: serviceUnits.id, code: serviceUnits.externalCode, archived: serviceUnits.archived })
          .from(serviceUnits)
          .where(scope.where(serviceUnits, inArray(serviceUnits.externalCode, codes)))
      : [],
  ]);
  const idMap = new Map(byId.map((u) => [u.id, u]));
  const codeMap = new Map(byCode.map((u) => [u.code!, u]));
  return refs.map((r): UnitLookup | null => {
    const field = r.serviceUnitId ? 'serviceUnitId' : 'serviceUnitCode';
    const unit = r.serviceUnitId ? idMap.get(r.serviceUnitId) : r.serviceUnitCode ? codeMap.get(r.serviceUnitCode) : null;
    if (unit === null) return null;
    if (!unit) return { ok: false, field, code: 'unknown_service_unit', message: `${field}: no such service unit in this workspace` };
    if (unit.archived) return { ok: false, field, code: 'service_unit_archived', message: `${field}: this service unit is archived` };
    return { ok: true, id: unit.id };
  });
}
