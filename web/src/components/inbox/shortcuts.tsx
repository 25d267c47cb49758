// The inbox's keyboard shortcuts. Keys are read by their position (KeyboardEvent.code), so they
// work the same on a Persian, Arabic or Chinese keyboard layout; they never fire while typing in
// a field, nor with Ctrl, Alt or ⌘ held (the browser's own shortcuts).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Shortcut = 'next' | 'previous' | 'openTicket' | 'reply' | 'note' | 'assign' | 'help';

const KEYS: Record<Shortcut, { code: string; shift?: boolean; label: string }> = {
  next: { code: 'KeyJ', label: 'j' },
  previous: { code: 'KeyK', label: 'k' },
  openTicket: { code: 'Enter', label: 'Enter' },
  reply: { code: 'KeyR', label: 'r' },
  note: { code: 'KeyN', label: 'n' },
  assign: { code: 'KeyA', label: 'a' },
  help: { code: 'Slash', shift: true, label: '?' },
};

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
// Enter on a link, button or disclosure already does what it says.
const ACTIVATES_ON_ENTER = new Set(['A', 'BUTTON', 'SUMMARY']);

function ignored(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  if (!target) return false;
  if (target.isContentEditable || FIELDS.has(target.tagName)) return true;
  return event.code === 'Enter' && ACTIVATES_ON_ENTER.has(target.tagName);
}

/** Calls the handler of each shortcut pressed (only those given). */
export function useShortcuts(handlers: Partial<Record<Shortcut, () => void>>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (ignored(event)) return;
      const match = (Object.keys(KEYS) as Shortcut[]).find(
        (s) => KEYS[s].code === event.code && Boolean(KEYS[s].shift) === event.shiftKey && current.current[s],
      );
      if (!match) return;
      event.preventDefault();
      current.current[match]!();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** A button that shows the shortcuts of this page; "?" toggles it and Escape closes it. */
export function ShortcutHelp({ shortcuts, open, onToggle }: { shortcuts: Shortcut[]; open: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onToggle(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, onToggle]);
  return (
    <div className="shortcut-help">
      <button
        type="button"
        className="button button-ghost"
        aria-expanded={open}
        data-testid="shortcut-help-toggle"
        onClick={() => onToggle(!open)}
      >
        {t('inbox.shortcuts.show')} <kbd dir="ltr">?</kbd>
      </button>
      {open && (
        <div
          className="card shortcut-panel"
          role="dialog"
          aria-labelledby="shortcut-title"
          tabIndex={-1}
          ref={panel}
          data-testid="shortcut-help"
        >
          <h2 className="card-title" id="shortcut-title">
            {t('inbox.shortcuts.title')}
          </h2>
          <dl className="shortcut-list">
            {shortcuts.map((s) => (
              <div key={s} className="shortcut-row">
                <dt>
                  <kbd dir="ltr">{KEYS[s].label}</kbd>
                </dt>
                <dd>{t(`inbox.shortcuts.${s}`)}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="button button-ghost" onClick={() => onToggle(false)}>
            {t('inbox.shortcuts.close')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Help visibility plus the "?" shortcut that toggles it. */
export function useShortcutHelp() {
  const [open, setOpen] = useState(false);
  return { open, setOpen, toggle: () => setOpen((o) => !o) };
}
