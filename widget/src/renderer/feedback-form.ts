// The feedback / bug report form: a type, a message, an optional email, and a honeypot field
// that people never see but form bots fill in. The server also drops forms sent too fast,
// hence the time since the form opened.
import type { RendererHost } from '../types.js';
import { openDialog, TITLE_ID } from './dialog.js';
import { el, fill, focus, radioChip } from './dom.js';
import { t } from './messages.js';
import type { View } from './view.js';

export type FeedbackKind = 'feedback' | 'bug' | 'idea' | 'question';
const KINDS: readonly FeedbackKind[] = ['feedback', 'bug', 'idea', 'question'];
const MAX_TEXT_LENGTH = 5000;
// Close to the server's check: a browser's own type=email check lets "a@b" through.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface FeedbackFormView extends View {
  /** Called again while open: brings it forward (a new, empty form once the last one was sent). */
  reopen(kind?: FeedbackKind): void;
}

export function openFeedbackForm(host: RendererHost, kind: FeedbackKind, aboveLauncher: boolean, onGone: () => void): FeedbackFormView {
  const draft = { kind, text: '', email: '' };
  let openedAt = Date.now();
  let sent = false;
  const dialog = openDialog({ modal: false, aboveLauncher, lang: host.language(), onDismiss: () => close() });

  function render(): void {
    const lang = host.language();
    dialog.setLanguage(lang);
    if (sent) {
      fill(dialog.body, [
        el('p', { class: 'thanks', id: TITLE_ID, tabindex: -1, role: 'status' }, [t(lang, 'sent')]),
        el('div', { class: 'actions' }, [el('button', { type: 'button', class: 'btn', onclick: () => close() }, [t(lang, 'close')])]),
      ]);
      return;
    }
    const error = el('p', { class: 'error', 'aria-live': 'assertive' });
    const text = el('textarea', {
      id: 'fb-text',
      name: 'text',
      rows: 4,
      maxlength: MAX_TEXT_LENGTH,
      'aria-required': 'true',
      oninput: () => (draft.text = text.value),
    });
    const email = el('input', {
      id: 'fb-email',
      name: 'email',
      type: 'email',
      autocomplete: 'email',
      maxlength: 320,
      oninput: () => (draft.email = email.value),
    });
    const website = el('input', { id: 'fb-website', name: 'website', type: 'text', tabindex: -1, autocomplete: 'off' });
    text.value = draft.text;
    email.value = draft.email;
    const kinds = el(
      'div',
      { class: 'scale' },
      KINDS.map((k) => radioChip('kind', k, t(lang, `kind_${k}`), draft.kind === k, () => (draft.kind = k))),
    );
    const submit = (event: Event) => {
      event.preventDefault();
      const message = text.value.trim();
      const address = email.value.trim();
      text.setAttribute('aria-invalid', String(!message));
      email.setAttribute('aria-invalid', String(!!address && !EMAIL.test(address)));
      if (!message || (address && !EMAIL.test(address))) {
        error.textContent = t(lang, message ? 'emailInvalid' : 'messageRequired');
        focus(message ? email : text);
        return;
      }
      const body: Record<string, unknown> = { kind: draft.kind, text: message };
      // A contact address, not an identity: only identify() with a userHash says who this is.
      if (address) body.contactEmail = address;
      if (website.value) body.website = website.value;
      body.elapsedMs = Math.max(0, Date.now() - openedAt);
      host.send('feedback', body);
      sent = true;
      render();
      focus(dialog.body.querySelector<HTMLElement>('.thanks'));
    };
    fill(dialog.body, [
      el('form', { novalidate: true, onsubmit: submit }, [
        el('h2', { class: 'title', id: TITLE_ID }, [t(lang, 'formTitle')]),
        el('fieldset', { class: 'field kinds' }, [el('legend', { class: 'sr' }, [t(lang, 'kind')]), kinds]),
        el('div', { class: 'field' }, [
          el('label', { for: 'fb-text' }, [t(lang, 'message'), el('span', { class: 'req', 'aria-hidden': 'true' }, ['*'])]),
          text,
        ]),
        el('div', { class: 'field' }, [el('label', { for: 'fb-email' }, [t(lang, 'email')]), email]),
        // Hidden from people and from screen readers; left empty by anyone but a bot.
        el('div', { class: 'hp', 'aria-hidden': 'true' }, [el('label', { for: 'fb-website' }, ['Website']), website]),
        error,
        el('div', { class: 'actions' }, [el('button', { type: 'submit', class: 'btn' }, [t(lang, 'send')])]),
      ]),
    ]);
  }

  function close(): void {
    dialog.close();
    onGone();
  }

  render();
  return {
    reopen(next) {
      if (sent) {
        Object.assign(draft, { text: '', email: '' });
        openedAt = Date.now();
        sent = false;
      }
      if (next) draft.kind = next;
      render();
      focus(dialog.card);
    },
    relabel() {
      const hadFocus = dialog.surface.root.activeElement !== null;
      render();
      if (hadFocus) focus(dialog.card);
    },
    destroy: close,
  };
}
