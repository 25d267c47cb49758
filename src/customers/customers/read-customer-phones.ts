// Where a phone number enters (identify, customer updates, feedback, events, orders, imports), it is
// read as E.164 before anything looks a customer up by it, so every way of writing one number
// names one customer.
import type { DbOrTx } from '../../platform/db/client.js';
import type { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { workspacePhoneCountry } from '../../platform/workspace/workspace-settings.service.js';
import { hasCountryCode, phoneProblem, toE164 } from './phone-number.js';

type WithPhone = { phone?: string | null };
export type PhoneReading<T> = { ok: true; ref: T } | { ok: false; message: string };

/**
 * Each reference with its phone in E.164, or why its phone was refused. The workspace's default
 * country is read only when some number is written without its country code.
 */
export async function readCustomerPhones<T extends WithPhone | null | undefined>(
  db: DbOrTx,
  workspaceId: string,
  refs: readonly T[],
): Promise<Array<PhoneReading<T>>> {
  const national = refs.some((r) => r?.phone && !hasCountryCode(r.phone));
  const country = national ? await workspacePhoneCountry(db, workspaceId) : null;
  return refs.map((ref) => {
    if (!ref?.phone) return { ok: true, ref };
    const e164 = toE164(ref.phone, country);
    return e164 ? { ok: true, ref: { ...ref, phone: e164 } } : { ok: false, message: phoneProblem(ref.phone, country) };
  });
}

/** The references with their phones in E.164; the first phone that is not a valid number is a 400 naming its field. */
export async function withE164Phones<T extends WithPhone | null | undefined>(
  scope: WorkspaceScope,
  refs: readonly T[],
  field: (index: number) => string,
): Promise<T[]> {
  const readings = await readCustomerPhones(scope.db, scope.workspaceId, refs);
  return readings.map((reading, i) => {
    if (reading.ok) return reading.ref;
    throw new AppError(400, 'invalid_phone', `${field(i)}: ${reading.message}`, field(i));
  });
}

/** One reference with its phone in E.164 (a 400 naming `field` if it is not a valid number). */
export async function withE164Phone<T extends WithPhone | null | undefined>(scope: WorkspaceScope, ref: T, field: string): Promise<T> {
  const [read] = await withE164Phones(scope, [ref], () => field);
  return read;
}
