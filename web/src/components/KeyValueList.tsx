import type { ReactNode } from 'react';

export interface KeyValue {
  key: string;
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
}

/** A description list; values are rendered as React nodes (text is always escaped). */
export function KeyValueList({ items, className }: { items: KeyValue[]; className?: string }) {
  return (
    <dl className={['kv', className].filter(Boolean).join(' ')}>
      {items.map((item) => (
        <div className="kv-row" key={item.key}>
          <dt className="kv-key">
            {item.label}
            {item.hint && <span className="kv-hint">{item.hint}</span>}
          </dt>
          <dd className="kv-value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Shows any JSON value as plain text. */
export function formatUnknown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}
