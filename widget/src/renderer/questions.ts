// One survey question drawn as a form field: scores as radio groups in the language's digits,
// stars, yes/no, choices and free text, each inside a labelled fieldset or with a <label>.
import { SCORE_RANGES, type ScoreType } from '@feedloop/contracts/feedback';
import type { Localized, Question, SurveyDefinition } from '@feedloop/contracts/survey-definition';
import type { AnswerValue } from '@feedloop/contracts/survey-walk';
import { SURVEY_CONTENT_LIMITS } from '@feedloop/contracts/surveys';
import type { Locale } from '../types.js';
import { el, icon, radioChip, type Child } from './dom.js';
import { formatNumber, t, type MessageKey } from './messages.js';

const DEFAULT_ENDS: Record<ScoreType, [MessageKey, MessageKey]> = {
  nps: ['npsLow', 'npsHigh'],
  csat: ['csatLow', 'csatHigh'],
  ces: ['cesLow', 'cesHigh'],
  rating: ['ratingLow', 'ratingHigh'],
};
const STAR = 'M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8z';

export interface SurveyContext {
  lang: Locale;
  def: SurveyDefinition;
}

/** A text in the survey's chosen language, else in its default language. */
export const localized = (text: Localized | undefined, ctx: SurveyContext): string =>
  text?.[ctx.lang] ?? text?.[ctx.def.defaultLanguage] ?? '';

export interface QuestionField {
  element: HTMLElement;
  /** Focuses the control a keyboard user would land on (the chosen radio, else the first). */
  focus(): void;
  setInvalid(invalid: boolean): void;
}

/** The value to send: trimmed text, and null for "not answered" (a skipped optional question). */
export function answerOf(question: Question, draft: AnswerValue | undefined): AnswerValue | null {
  if (draft === undefined) return null;
  if (question.type === 'text') return String(draft).trim() || null;
  if (Array.isArray(draft)) return draft.length ? draft : null;
  return draft;
}

const isScore = (type: Question['type']): type is ScoreType => type in SCORE_RANGES;
const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

export function renderQuestion(
  question: Question,
  ctx: SurveyContext,
  draft: AnswerValue | undefined,
  onChange: (value: AnswerValue | undefined) => void,
): QuestionField {
  const id = `q-${question.id}`;
  const title = [localized(question.title, ctx), ...requiredMark(question, ctx)];
  const description = question.description && el('p', { class: 'desc', id: `${id}-d` }, [localized(question.description, ctx)]);
  let element: HTMLElement;
  if (question.type === 'text') {
    element = el('div', { class: 'q' }, [
      el('label', { for: `${id}-i`, id: `${id}-t` }, title),
      description,
      el('textarea', {
        id: `${id}-i`,
        rows: 3,
        maxlength: SURVEY_CONTENT_LIMITS.maxAnswerLength,
        'aria-describedby': description ? `${id}-d` : null,
        oninput: (event) => onChange((event.target as HTMLTextAreaElement).value),
      }),
    ]);
    (element.querySelector('textarea') as HTMLTextAreaElement).value = typeof draft === 'string' ? draft : '';
  } else {
    const group = groupControls(question, ctx, id, draft, onChange);
    const describedBy = [description && `${id}-d`, group.ends && `${id}-e`].filter(Boolean).join(' ');
    element = el('fieldset', { class: 'q', id, 'aria-describedby': describedBy || null }, [
      el('legend', { id: `${id}-t` }, title),
      description,
      group.controls,
      group.ends,
    ]);
  }
  return {
    element,
    focus: () => (element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>('input,textarea'))?.focus(),
    setInvalid(invalid) {
      element.classList.toggle('invalid', invalid);
      element.querySelectorAll('input,textarea').forEach((control) => control.setAttribute('aria-invalid', String(invalid)));
    },
  };
}

/** A visible asterisk, and the word "required" for screen readers. */
function requiredMark(question: Question, ctx: SurveyContext): Child[] {
  if (!question.required) return [];
  return [el('span', { class: 'req', 'aria-hidden': 'true' }, ['*']), el('span', { class: 'sr' }, [` (${t(ctx.lang, 'required')})`])];
}

// No destructuring anywhere in the widget: esbuild cannot lower it for Safari 12 (the build's target).

/** The inputs of a fieldset question, and the hints at a scale's two ends (if any). */
function groupControls(
  question: Question,
  ctx: SurveyContext,
  id: string,
  draft: AnswerValue | undefined,
  onChange: (value: AnswerValue | undefined) => void,
): { controls: HTMLElement; ends?: HTMLElement } {
  const lang = ctx.lang;
  const chip = (value: number | boolean, text: string) => radioChip(id, String(value), text, draft === value, () => onChange(value));
  if (isScore(question.type)) {
    const values = range(SCORE_RANGES[question.type][0], SCORE_RANGES[question.type][1]);
    const endHints = DEFAULT_ENDS[question.type];
    const ends = el('div', { class: 'ends', id: `${id}-e` }, [
      el('span', {}, [localized(question.lowLabel, ctx) || t(lang, endHints[0])]),
      el('span', {}, [localized(question.highLabel, ctx) || t(lang, endHints[1])]),
    ]);
    if (question.type === 'rating') return { controls: starGroup(id, values, ctx, draft, onChange), ends };
    const scale = el(
      'div',
      { class: values.length > 7 ? 'scale wide' : 'scale' },
      values.map((n) => chip(n, formatNumber(n, lang))),
    );
    scale.style.setProperty('--n', String(values.length));
    return { controls: scale, ends };
  }
  if (question.type === 'yes_no') {
    return { controls: el('div', { class: 'pair' }, [chip(true, t(lang, 'yes')), chip(false, t(lang, 'no'))]) };
  }
  const options = question.options ?? [];
  if (question.type === 'single') {
    return {
      controls: el(
        'div',
        {},
        options.map((o) => choice('radio', o, draft === o.id, () => onChange(o.id))),
      ),
    };
  }
  // multiple: the chosen option ids, in the survey's order.
  const chosen = new Set(Array.isArray(draft) ? draft : []);
  return {
    controls: el(
      'div',
      {},
      options.map((o) =>
        choice('checkbox', o, chosen.has(o.id), (checked) => {
          if (checked) chosen.add(o.id);
          else chosen.delete(o.id);
          onChange(options.filter((x) => chosen.has(x.id)).map((x) => x.id));
        }),
      ),
    ),
  };

  function choice(
    type: 'radio' | 'checkbox',
    option: (typeof options)[number],
    checked: boolean,
    changed: (checked: boolean) => void,
  ): HTMLLabelElement {
    return el('label', { class: 'choice' }, [
      el('input', { type, name: id, value: option.id, checked, onchange: (event) => changed((event.target as HTMLInputElement).checked) }),
      el('span', {}, [localized(option.label, ctx)]),
    ]);
  }
}

/** 1–5 stars: radios named "3 of 5 stars", painted up to the chosen one. */
function starGroup(
  id: string,
  values: number[],
  ctx: SurveyContext,
  draft: AnswerValue | undefined,
  onChange: (value: AnswerValue) => void,
): HTMLElement {
  const labels = values.map((n) =>
    el('label', { class: 'star' }, [
      el('input', {
        type: 'radio',
        class: 'sr',
        name: id,
        value: String(n),
        checked: draft === n,
        'aria-label': t(ctx.lang, 'stars', { n: formatNumber(n, ctx.lang) }),
        onchange: () => {
          onChange(n);
          paint(n);
        },
      }),
      icon(STAR, ''),
    ]),
  );
  const paint = (upTo: number) => labels.forEach((label, i) => label.classList.toggle('on', values[i] <= upTo));
  if (typeof draft === 'number') paint(draft);
  return el('div', { class: 'stars' }, labels);
}
