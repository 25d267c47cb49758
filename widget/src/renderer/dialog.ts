// The card that surveys and the feedback form are drawn in: a dialog with a close button and
// Escape to close. A modal one makes the page behind inert and keeps Tab inside; a card that
// appears by itself is announced politely and leaves focus where the visitor is; focus moved
// into a card goes back where it was when the card closes.
import type { Locale } from '../types.js';
import { createSurface, el, focus, focusedElement, type Surface } from './dom.js';
import { t } from './messages.js';

/** The id of the element that names the dialog; each view draws one (ids are per shadow root). */
export const TITLE_ID = 'fl-title';

export interface DialogOptions {
  /** Centred over a dimmed page that cannot be used meanwhile; otherwise in the bottom inline-end corner. */
  modal: boolean;
  /** Leaves room for the floating feedback button below the card (corner cards only). */
  aboveLauncher?: boolean;
  lang: Locale;
  /** Shown without being asked for (a slide-in survey): announced, but focus stays on the page. */
  unasked?: boolean;
  /** The close button, Escape or a click on the dimmed page. */
  onDismiss(): void;
}

export interface Dialog {
  surface: Surface;
  /** Where the view draws its content. */
  body: HTMLDivElement;
  card: HTMLDivElement;
  setLanguage(lang: Locale): void;
  /** Removes the card and gives focus back to where it was before it opened. */
  close(): void;
}

const TABBABLE = 'button,input,textarea,select,a[href],[tabindex]';
// Long enough after the live region is added for screen readers to notice it changing.
const ANNOUNCE_DELAY_MS = 150;

/** Makes everything on the page but the card's host inert; returns how to undo it. */
function makePageInert(host: Element): () => void {
  const made = Array.from(document.body.children).filter((node) => node !== host && !node.hasAttribute('inert'));
  for (const node of made) node.setAttribute('inert', '');
  return () => {
    for (const node of made) node.removeAttribute('inert');
  };
}

export function openDialog(options: DialogOptions): Dialog {
  const returnFocusTo = focusedElement();
  const surface = createSurface(document.body, options.lang, '');
  const body = el('div', { class: 'main' });
  const closeButton = el('button', { type: 'button', class: 'x', onclick: () => options.onDismiss() }, ['×']);
  // The close button comes first in tab order and is drawn at the inline end of the card.
  const card = el(
    'div',
    { class: 'card', role: 'dialog', 'aria-labelledby': TITLE_ID, 'aria-modal': options.modal ? 'true' : null, tabindex: -1 },
    [closeButton, body],
  );
  const layer = el('div', { class: `layer ${options.modal ? 'center' : 'end'}${options.aboveLauncher ? ' above' : ''}` }, [card]);

  layer.addEventListener('keydown', (event) => {
    // Escape while an input method is composing (Chinese, …) cancels the composition, not the card.
    if (event.key === 'Escape' && !event.isComposing) {
      event.stopPropagation();
      options.onDismiss();
    } else if (event.key === 'Tab' && options.modal) {
      keepTabInside(event, card, surface.root);
    }
  });
  if (options.modal) layer.addEventListener('click', (event) => event.target === layer && options.onDismiss());

  const setLanguage = (lang: Locale) => {
    surface.setLanguage(lang);
    closeButton.setAttribute('aria-label', t(lang, 'close'));
  };
  setLanguage(options.lang);
  surface.box.appendChild(layer);
  const restorePage = options.modal ? makePageInert(surface.root.host) : () => {};
  if (options.unasked) {
    const status = el('p', { class: 'sr', role: 'status' });
    surface.box.appendChild(status);
    setTimeout(() => (status.textContent = t(surface.box.lang as Locale, 'surveyAppeared')), ANNOUNCE_DELAY_MS);
  } else focus(card);

  return {
    surface,
    body,
    card,
    setLanguage,
    close() {
      // Focus goes back only if it was in the card: a visitor who never entered an unasked card stays put.
      const hadFocus = surface.root.activeElement !== null;
      restorePage();
      surface.remove();
      if (hadFocus && returnFocusTo?.isConnected) focus(returnFocusTo);
    },
  };
}

function keepTabInside(event: KeyboardEvent, card: HTMLElement, root: ShadowRoot): void {
  const items = Array.from(card.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (node) => node.tabIndex >= 0 && !(node as HTMLButtonElement).disabled && node.getClientRects().length > 0,
  );
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = root.activeElement;
  if (event.shiftKey && (active === first || active === card)) {
    event.preventDefault();
    focus(last);
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    focus(first);
  }
}
