/**
 * A PostgreSQL array literal passed as ONE text parameter (cast in SQL, e.g. `${pgArray(ids)}::uuid[]`).
 * Drizzle expands a JS array parameter into a list of parameters, which cannot be cast to an
 * array; a literal behaves the same on PGlite and PostgreSQL.
 */
export function pgArray(values: ReadonlyArray<string | number | null>): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}
