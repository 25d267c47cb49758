// "Was this helpful? Yes / No" inside a page's <div data-feedloop-helpful>, with an optional
// comment. One feedback item per vote: sent with the comment on "Send", or with whatever was
// typed when the visitor leaves the page (pagehide, tab hidden) before sending.
import type { RendererHost } from '../types.js';
import { createSurface, el, fill, focus } from './dom.js';
import { t } from './messages.js';
import type { View } from './view.js';

const MAX_TOPIC_LENGTH = 200;

export function mountHelpfulView(host: RendererHost, element: HTMLElement, onGone: () => void): View {
  const surface = createSurface(element, host.language(), 'inline');
  // The server takes feedback sent within a moment of showing it for a bot's.
  const shownAt = Date.now();
  let vote: boolean | null = null;
  let comment = '';
  let sent = false;

  const onVisibility = () => document.visibilityState === 'hidden' && send();
  const listen = (on: boolean) => {
    if (on) {
      window.addEventListener('pagehide', send);
      document.addEventListener('visibilitychange', onVisibility);
    } else {
      window.removeEventListener('pagehide', send);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };

  function send(): void {
    if (sent || vote === null) return;
    sent = true;
    listen(false);
    const body: Record<string, unknown> = { kind: 'helpful', helpful: vote, text: comment.trim(), elapsedMs: Date.now() - shownAt };
    const topic = element.dataset.feedloopTopic;
    if (topic) body.context = topic.slice(0, MAX_TOPIC_LENGTH);
    host.send('feedback', body);
    // Leaving the tab also sends: show the same thanks whoever sent it.
    render();
  }

  function choose(value: boolean): void {
    if (vote === null) listen(true);
    vote = value;
    render();
    focus(surface.box.querySelector<HTMLElement>(`[data-vote="${value}"]`));
  }

  function render(): void {
    const lang = host.language();
    surface.setLanguage(lang);
    if (sent) {
      fill(surface.box, [el('p', { class: 'thanks', tabindex: -1, role: 'status' }, [t(lang, 'helpfulThanks')])]);
      return;
    }
    const voteButton = (value: boolean) =>
      el(
        'button',
        {
          type: 'button',
          class: 'btn quiet',
          'data-vote': String(value),
          'aria-pressed': String(vote === value),
          onclick: () => choose(value),
        },
        [t(lang, value ? 'yes' : 'no')],
      );
    const commentBox = el('textarea', { id: 'h-comment', rows: 2, maxlength: 5000, oninput: () => (comment = commentBox.value) });
    commentBox.value = comment;
    const onSubmit = (event: Event) => {
      event.preventDefault();
      send();
      focus(surface.box.querySelector<HTMLElement>('.thanks'));
    };
    fill(surface.box, [
      el('span', { id: 'h-question' }, [t(lang, 'helpful')]),
      el('div', { class: 'pair', role: 'group', 'aria-labelledby': 'h-question' }, [voteButton(true), voteButton(false)]),
      vote !== null &&
        el('form', { novalidate: true, onsubmit: onSubmit }, [
          el('label', { for: 'h-comment' }, [t(lang, 'helpfulComment')]),
          commentBox,
          el('div', { class: 'actions' }, [el('button', { type: 'submit', class: 'btn' }, [t(lang, 'send')])]),
        ]),
    ]);
  }

  render();
  return {
    relabel() {
      const focused = surface.root.activeElement;
      const key = focused?.id || focused?.getAttribute('data-vote');
      render();
      if (key) focus(surface.box.querySelector<HTMLElement>(`#${key},[data-vote="${key}"]`));
    },
    // reset(): the core has already switched to a new visitor, so an unsent vote is dropped
    // rather than sent in the new visitor's name.
    destroy() {
      listen(false);
      surface.remove();
      onGone();
    },
  };
}
