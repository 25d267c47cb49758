import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';

const UNIT_ERRORS: Record<
  string,
  'units.errors.cycle' | 'units.errors.codeTaken' | 'units.errors.parentArchived' | 'units.errors.archivedUnit'
> = {
  service_unit_cycle: 'units.errors.cycle',
  service_unit_code_taken: 'units.errors.codeTaken',
  service_unit_parent_archived: 'units.errors.parentArchived',
  service_unit_archived: 'units.errors.archivedUnit',
};

/** The refusals a unit change can meet, in the user's words; anything else as every other error. */
export function unitErrorMessage(t: TFunction, error: unknown): string {
  const key = error instanceof ApiError ? UNIT_ERRORS[error.code] : undefined;
  return key ? t(key) : errorMessage(t, error);
}
