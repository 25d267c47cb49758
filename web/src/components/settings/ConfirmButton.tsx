import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  label: string;
  /** The question asked in place of the button, e.g. "Revoke “Shop”?" */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
}

/** A destructive action asked about inline (no browser dialog): first click asks, second acts. */
export function ConfirmButton({ label, question, onConfirm, disabled }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button-ghost" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('admin.confirmYes')}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t('admin.confirmNo')}
      </button>
    </span>
  );
}
