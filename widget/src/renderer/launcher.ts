// The floating "Feedback" button in the bottom inline-end corner of the page.
import type { RendererHost } from '../types.js';
import { createSurface, el, icon } from './dom.js';
import { t } from './messages.js';
import type { View } from './view.js';

const SPEECH_BUBBLE = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';

export function mountLauncher(host: RendererHost, onOpen: () => void, onGone: () => void): View {
  const surface = createSurface(document.body, host.language(), '');
  const label = el('span');
  surface.box.appendChild(
    el('div', { class: 'layer end' }, [
      el('button', { type: 'button', class: 'launcher', 'aria-haspopup': 'dialog', onclick: onOpen }, [icon(SPEECH_BUBBLE, ''), label]),
    ]),
  );
  const relabel = () => {
    surface.setLanguage(host.language());
    label.textContent = t(host.language(), 'feedbackButton');
  };
  relabel();
  return {
    relabel,
    destroy() {
      surface.remove();
      onGone();
    },
  };
}
