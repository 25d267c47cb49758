// The widget's renderer: everything that draws, loaded by the loader only when something is to
// be shown. Each piece lives in its own shadow root, so the page's styles and the widget's never
// meet. One survey at a time; the button, the form and each helpful block exist at most once.
import type { Renderer, RendererHost } from '../types.js';
import { openFeedbackForm, type FeedbackFormView } from './feedback-form.js';
import { mountHelpfulView } from './helpful.js';
import { mountLauncher } from './launcher.js';
import { showSurveyView } from './survey.js';
import type { View } from './view.js';

let survey: View | null = null;
let form: FeedbackFormView | null = null;
let launcher: View | null = null;
const helpfulBlocks = new Map<HTMLElement, View>();

const views = (): View[] => [survey, form, launcher, ...helpfulBlocks.values()].filter((v): v is View => v !== null);

const renderer: Renderer = {
  showSurvey(host, definition) {
    // The loader shows one at a time; a second request while one is open is not drawn (and not counted as shown).
    if (!survey) survey = showSurveyView(host, definition, launcher !== null, () => (survey = null));
  },
  mountHelpful(host, element) {
    if (!helpfulBlocks.has(element))
      helpfulBlocks.set(
        element,
        mountHelpfulView(host, element, () => helpfulBlocks.delete(element)),
      );
  },
  mountButton(host) {
    if (!launcher)
      launcher = mountLauncher(
        host,
        () => renderer.openFeedback(host),
        () => (launcher = null),
      );
  },
  openFeedback(host: RendererHost, kind) {
    if (form) form.reopen(kind);
    else form = openFeedbackForm(host, kind ?? 'feedback', launcher !== null, () => (form = null));
  },
  relabel: () => views().forEach((view) => view.relabel()),
  unmount: () => views().forEach((view) => view.destroy()),
};

window.__feedloopRenderer = renderer;
