// A status changed from a list row (tickets, ideas): the row shows the saved item at once, and
// the page says what happened (or why it failed).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../Alert';
import { errorMessage } from '../../lib/errors';

export type StatusChangeMessage = { ok: true; text: string } | { ok: false; error: unknown } | null;

export function useStatusChanges<T extends { id: string }>() {
  const [changed, setChanged] = useState<ReadonlyMap<string, T>>(new Map());
  const [message, setMessage] = useState<StatusChangeMessage>(null);
  /** Saves a change of `item` (`save` answers the saved item and the sentence to show). */
  async function change(item: T, save: () => Promise<{ saved: T; text: string }>) {
    setMessage(null);
    try {
      const { saved, text } = await save();
      setChanged((m) => new Map(m).set(item.id, saved));
      setMessage({ ok: true, text });
    } catch (error) {
      setMessage({ ok: false, error });
    }
  }
  /** The row as last saved here, else as loaded. */
  const current = (item: T): T => changed.get(item.id) ?? item;
  return { message, change, current };
}

export function StatusChangeNotice({ message, testId }: { message: StatusChangeMessage; testId: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return message.ok ? (
    <p role="status" className="muted" data-testid={testId}>
      {message.text}
    </p>
  ) : (
    <Alert>{errorMessage(t, message.error)}</Alert>
  );
}
