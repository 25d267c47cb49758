// The status controls of the tickets and ideas pages: the list's filter, and a status changed in
// place (a plain badge for those who may not change it).

interface StatusOptions<S extends string> {
  statuses: readonly S[];
  /** The status's name in the user's language. */
  labelOf: (status: S) => string;
  testId: string;
}

export function StatusFilter<S extends string>({
  id,
  label,
  allLabel,
  value,
  onChange,
  statuses,
  labelOf,
  testId,
}: StatusOptions<S> & {
  id: string;
  label: string;
  allLabel: string;
  value: S | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="card act-filters">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labelOf(s)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InlineStatus<S extends string>({
  canWrite,
  label,
  value,
  onChange,
  statuses,
  labelOf,
  testId,
}: StatusOptions<S> & {
  canWrite: boolean;
  label: string;
  value: S;
  onChange: (value: S) => void;
}) {
  if (!canWrite) return <span className="badge">{labelOf(value)}</span>;
  return (
    <label className="act-inline-field">
      <span className="field-label">{label}</span>
      <select className="select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as S)}>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labelOf(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
