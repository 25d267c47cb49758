// A survey in a pop-up or slide-in card, walked with the server's own functions (follow-ups by
// score, skip logic). Each step's answers are sent at once, so a visitor who leaves half-way
// still leaves a partial response.
import type { Question } from '@feedloop/contracts/survey-definition';
import { firstOpenQuestion, nextQuestion, type Answers, type AnswerValue } from '@feedloop/contracts/survey-walk';
import type { Locale, RendererHost, WidgetSurvey } from '../types.js';
import { openDialog, TITLE_ID } from './dialog.js';
import { el, fill, focus } from './dom.js';
import { t } from './messages.js';
import { answerOf, localized, renderQuestion, type QuestionField, type SurveyContext } from './questions.js';
import type { View } from './view.js';

/** How long the thank-you stays before the card closes by itself. */
const THANKS_MS = 4000;

export function showSurveyView(host: RendererHost, survey: WidgetSurvey, aboveLauncher: boolean, onGone: () => void): View {
  const def = survey.definition;
  const onePerScreen = def.display === 'one_per_screen';
  const responseKey = host.newId();
  /** What was sent, as the walk sees it (skipped questions are absent). */
  const answers: Answers = {};
  /** Questions sent, answered or skipped. */
  const seen = new Set<string>();
  /** What the controls hold now, kept across Back and relabel. */
  const drafts: Record<string, AnswerValue | undefined> = {};
  const behind: Question[] = [];
  let current = nextQuestion(def, {}) ?? def.questions[0];
  let fields = new Map<string, QuestionField>();
  let submitButton: HTMLButtonElement | null = null;
  let finished = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let gone = false;

  const language = (): Locale => (def.languages.includes(host.language()) ? host.language() : def.defaultLanguage);
  const context = (): SurveyContext => ({ lang: language(), def });
  const modal = survey.widget.placement === 'popup';
  const dialog = openDialog({ modal, unasked: !modal, aboveLauncher, lang: language(), onDismiss: () => close() });

  /** Puts a question's answer into `target` the way the walk reads it: skipped means absent. */
  const setAnswer = (target: Answers, q: Question, value: AnswerValue | null) => {
    if (value === null) delete target[q.id];
    else target[q.id] = value;
  };

  const draftAnswers = (): Answers => {
    const out: Answers = {};
    for (const q of def.questions) setAnswer(out, q, answerOf(q, drafts[q.id]));
    return out;
  };

  /** Every question the current answers lead through (all-on-one-page shows exactly these). */
  const pathFor = (values: Answers): Question[] => {
    const path: Question[] = [];
    for (let q = nextQuestion(def, values); q && !path.includes(q); q = nextQuestion(def, values, q.id)) path.push(q);
    return path;
  };

  const shownQuestions = (): Question[] => (onePerScreen ? [current] : pathFor(draftAnswers()));

  /** One per screen: "Submit" when the answer given so far ends the survey, else "Next". */
  const updateControls = () => {
    if (onePerScreen && submitButton) {
      const withDraft = { ...answers };
      setAnswer(withDraft, current, answerOf(current, drafts[current.id]));
      const last = nextQuestion(def, withDraft, current.id) === null;
      submitButton.textContent = t(language(), last ? 'submit' : 'next');
    } else {
      const visible = new Set(shownQuestions().map((q) => q.id));
      fields.forEach((field, id) => (field.element.hidden = !visible.has(id)));
    }
  };

  function render(): void {
    const ctx = context();
    dialog.setLanguage(ctx.lang);
    if (finished) {
      fill(dialog.body, [
        el('p', { class: 'thanks', id: TITLE_ID, tabindex: -1, role: 'status' }, [localized(def.thankYou, ctx) || t(ctx.lang, 'thanks')]),
      ]);
      return;
    }
    const welcome = behind.length === 0 ? localized(def.welcome, ctx) : '';
    const error = el('p', { class: 'error', 'aria-live': 'assertive' });
    fields = new Map();
    for (const q of onePerScreen ? [current] : def.questions) {
      fields.set(
        q.id,
        renderQuestion(q, ctx, drafts[q.id], (value) => {
          drafts[q.id] = value;
          fields.get(q.id)?.setInvalid(false);
          error.textContent = '';
          updateControls();
        }),
      );
    }
    submitButton = el('button', { type: 'submit', class: 'btn' }, [t(ctx.lang, 'submit')]);
    const back =
      onePerScreen && behind.length > 0 && el('button', { type: 'button', class: 'btn quiet', onclick: goBack }, [t(ctx.lang, 'back')]);
    fill(dialog.body, [
      el(
        'form',
        {
          novalidate: true,
          onsubmit: (event) => {
            event.preventDefault();
            submit(error);
          },
        },
        [
          el('h2', { id: TITLE_ID, class: welcome ? 'title' : 'sr' }, [welcome || t(ctx.lang, 'survey')]),
          ...Array.from(fields.values(), (field) => field.element),
          error,
          el('div', { class: 'actions' }, [back, submitButton]),
        ],
      ),
    ]);
    updateControls();
  }

  function submit(error: HTMLElement): void {
    const ctx = context();
    const shown = shownQuestions();
    const missing = shown.find((q) => q.required && answerOf(q, drafts[q.id]) === null);
    if (missing) {
      const field = fields.get(missing.id)!;
      field.setInvalid(true);
      error.textContent = onePerScreen
        ? t(ctx.lang, 'answerRequired')
        : t(ctx.lang, 'answerRequiredNamed', { q: localized(missing.title, ctx) });
      field.focus();
      return;
    }
    const batch: Record<string, AnswerValue | null> = {};
    for (const q of shown) {
      batch[q.id] = answerOf(q, drafts[q.id]);
      setAnswer(answers, q, batch[q.id]);
      seen.add(q.id);
    }
    host.send('responses', { surveyId: survey.id, responseKey, answers: batch, language: ctx.lang });
    // The server's walk decides the end: a question it still counts as open is shown, not skipped.
    const next = onePerScreen ? (nextQuestion(def, answers, current.id) ?? firstOpenQuestion(def, answers, seen)) : null;
    if (next) {
      behind.push(current);
      current = next;
      render();
      fields.get(current.id)?.focus();
    } else {
      finish();
    }
  }

  function goBack(): void {
    current = behind.pop() ?? current;
    render();
    fields.get(current.id)?.focus();
  }

  function finish(): void {
    finished = true;
    render();
    focus(dialog.body.querySelector<HTMLElement>('.thanks'));
    closeTimer = setTimeout(close, THANKS_MS);
  }

  function remove(): void {
    gone = true;
    clearTimeout(closeTimer);
    dialog.close();
    onGone();
  }

  function close(): void {
    if (gone) return;
    remove();
    host.surveyClosed(survey.id, finished);
  }

  render();
  host.surveyShown(survey.id);
  return {
    relabel() {
      const hadFocus = dialog.surface.root.activeElement !== null;
      render();
      if (hadFocus) focus(finished ? dialog.body.querySelector<HTMLElement>('.thanks') : dialog.card);
    },
    // reset(): the core forgets its own state too, so no surveyClosed here.
    destroy() {
      if (!gone) remove();
    },
  };
}
