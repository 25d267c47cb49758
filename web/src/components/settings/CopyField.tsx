import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyFieldProps {
  label: string;
  value: string;
  /** Multi-line values (the embed snippet) show in a textarea. */
  multiline?: boolean;
  testId?: string;
}

/** A read-only value (a secret, a link, a snippet) with a copy button; always left to right. */
export function CopyField({ label, value, multiline = false, testId }: CopyFieldProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain http): the value is selectable by hand.
      setCopied(false);
    }
  }

  return (
    <div className="copy-field">
      <label className="field-label">
        {label}
        {multiline ? (
          <textarea
            className="input copy-value"
            dir="ltr"
            readOnly
            rows={3}
            value={value}
            data-testid={testId}
            onFocus={(e) => e.target.select()}
          />
        ) : (
          <input className="input copy-value" dir="ltr" readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        )}
      </label>
      <button type="button" className="button" onClick={() => void copy()}>
        {copied ? t('admin.copied') : t('admin.copy')}
      </button>
    </div>
  );
}
