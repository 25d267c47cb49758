// The survey link page, rendered on the server: plain HTML forms that work without any script
// (one small script only auto-submits the one-click answer from an email). Radio groups and
// labels make every question keyboard- and screen-reader-usable; dir="rtl" mirrors the page and
// the score scales for Persian and Arabic; numbers use the respondent's digits.
import { html, type SafeHtml } from '../../platform/http/html.js';
import { PAGE_FONT_CSS, pageFontsHref } from '../../platform/http/page-fonts.js';
import { SCORE_RANGES } from '../feedback/feedback.input.js';
import { formatNumber, isRtl, messagesFor, type MessageKey, type PageLanguage } from './page-messages.js';
import { isScoreType, localize, type Question, type SurveyDefinition } from '../../contracts/survey-definition.js';
import type { AnswerValue } from './survey-flow.js';

export interface PageFrame {
  language: PageLanguage;
  title: string;
  notice?: string;
  script?: string;
}

export function layout(frame: PageFrame, body: SafeHtml): string {
  return `<!doctype html>${
    html`<html lang="${frame.language}" dir="${isRtl(frame.language) ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${frame.title}</title>${fontsLink()}<link rel="stylesheet" href="/s/assets/survey.css">${frame.script ? html`<script src="${frame.script}" defer></script>` : ''}</head>
<body><main class="survey">${frame.notice ? html`<p class="notice" role="status">${frame.notice}</p>` : ''}${body}</main></body></html>`
      .value
  }`;
}

/** The bundled fonts, when the dashboard is built: Chinese and Persian never depend on what the device has. */
function fontsLink(): SafeHtml | '' {
  const href = pageFontsHref();
  return href ? html`<link rel="stylesheet" href="${href}">` : '';
}

export function messagePage(language: PageLanguage, key: MessageKey, vars: Record<string, string> = {}): string {
  const t = messagesFor(language);
  const text = t(key, vars);
  return layout({ language, title: text }, html`<h1 class="message">${text}</h1>`);
}

const SCALE_LABELS: Record<string, [MessageKey, MessageKey]> = {
  nps: ['npsLow', 'npsHigh'],
  csat: ['csatLow', 'csatHigh'],
  ces: ['cesLow', 'cesHigh'],
  rating: ['ratingLow', 'ratingHigh'],
};

/** The words at the two ends of a score scale: the question's own, else the defaults for its type. */
export function scaleEnds(def: SurveyDefinition, q: Question, language: PageLanguage): [string, string] {
  const t = messagesFor(language);
  const [lowKey, highKey] = SCALE_LABELS[q.type];
  return [localize(q.lowLabel, language, def) || t(lowKey), localize(q.highLabel, language, def) || t(highKey)];
}

/** One score as shown to the respondent: stars for a rating, else the number in their digits. */
export const scoreLabel = (type: string, n: number, language: PageLanguage) =>
  type === 'rating' ? '★'.repeat(n) : formatNumber(n, language);

function questionField(
  def: SurveyDefinition,
  q: Question,
  language: PageLanguage,
  value: AnswerValue | undefined,
  error: string | undefined,
): SafeHtml {
  const t = messagesFor(language);
  const text = (l: Parameters<typeof localize>[0]) => localize(l, language, def);
  const name = `a_${q.id}`;
  const errorId = `err-${q.id}`;
  const descId = `desc-${q.id}`;
  const legend = html`<legend>${text(q.title)} <span class="req">(${q.required ? t('required') : t('optional')})</span></legend>
    ${q.description ? html`<p class="desc" id="${descId}">${text(q.description)}</p>` : ''}`;
  const described = [q.description ? descId : '', error ? errorId : ''].filter(Boolean).join(' ') || null;
  // After a refused answer the page opens on this question's control (the chosen one, else the
  // first), which names the error, so a respondent hears what to fix without searching for it.
  let focusTaken = false;
  const controlAria = (checked: boolean, firstOfNone: boolean, more: string[] = []) => {
    const autofocus = !!error && !focusTaken && (checked || firstOfNone);
    if (autofocus) focusTaken = true;
    const ids = [...more, error ? errorId : ''].filter(Boolean).join(' ');
    return html`${error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}${autofocus ? html` autofocus` : ''}`;
  };
  const radio = (v: string, label: string | SafeHtml, checked: boolean, firstOfNone: boolean, aria?: string, more?: string[]) =>
    html`<label class="choice"><input type="radio" name="${name}" value="${v}"${checked ? html` checked` : ''}${q.required ? html` required` : ''}${aria ? html` aria-label="${aria}"` : ''}${controlAria(checked, firstOfNone, more)}><span>${label}</span></label>`;
  let control: SafeHtml;
  if (isScoreType(q.type)) {
    const [min, max]: readonly number[] = SCORE_RANGES[q.type];
    const [low, high] = scaleEnds(def, q, language);
    const lowId = `low-${q.id}`;
    const highId = `high-${q.id}`;
    const none = typeof value !== 'number' || value < min || value > max;
    const options = [];
    for (let n = min; n <= max; n++) {
      // The end labels are drawn once under the scale (hidden from screen readers there) and
      // read as the description of the two end buttons: "0, Not at all likely".
      const ends = n === min ? [lowId] : n === max ? [highId] : [];
      options.push(
        radio(
          String(n),
          scoreLabel(q.type, n, language),
          value === n,
          none && n === min,
          q.type === 'rating' ? t('stars', { n: formatNumber(n, language) }) : undefined,
          ends,
        ),
      );
    }
    control = html`<div class="scale-block"><div class="scale scale-${q.type}">${options}</div>
      <div class="scale-labels" aria-hidden="true"><span id="${lowId}">${low}</span><span id="${highId}">${high}</span></div></div>`;
  } else if (q.type === 'text') {
    control = html`<textarea name="${name}" rows="4" maxlength="5000" dir="auto" placeholder="${t('textPlaceholder')}" aria-label="${text(q.title)}"${q.required ? html` required` : ''}${controlAria(true, true)}>${typeof value === 'string' ? value : ''}</textarea>`;
  } else if (q.type === 'yes_no') {
    const none = value !== true && value !== false;
    control = html`<div class="choices">${radio('yes', t('yes'), value === true, none)}${radio('no', t('no'), value === false, false)}</div>`;
  } else {
    const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
    const none = !q.options!.some((o) => chosen.has(o.id));
    control = html`<div class="choices">${q.options!.map((o, i) =>
      q.type === 'single'
        ? radio(o.id, text(o.label), chosen.has(o.id), none && i === 0)
        : html`<label class="choice"><input type="checkbox" name="${name}" value="${o.id}"${chosen.has(o.id) ? html` checked` : ''}${controlAria(chosen.has(o.id), none && i === 0)}><span>${text(o.label)}</span></label>`,
    )}</div>`;
  }
  return html`<fieldset class="question q-${q.type}"${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}>${legend}${control}
    ${error ? html`<p class="error" id="${errorId}" role="alert">${t('fixErrors')} ${error}</p>` : ''}</fieldset>`;
}

export interface QuestionPageInput {
  surveyName: string;
  definition: SurveyDefinition;
  language: PageLanguage;
  questions: Question[];
  answers: Record<string, AnswerValue>;
  errors?: Record<string, string>;
  /** 1-based position of the first shown question on the respondent's path, and the path length so far */
  position?: { n: number; total: number };
  action: string;
  hidden: Record<string, string>;
  backHref?: string;
  notice?: string;
  showWelcome?: boolean;
  script?: string;
  submitKey?: MessageKey;
  formId?: string;
}

// The form is not validated by the browser: its bubbles speak the browser's language, not the
// survey's, and vanish. The server answers a missing answer in the respondent's language, on the
// page, with focus on the question to fix.
export function questionPage(p: QuestionPageInput): string {
  const t = messagesFor(p.language);
  const def = p.definition;
  const welcome = p.showWelcome && def.welcome ? html`<p class="welcome">${localize(def.welcome, p.language, def)}</p>` : '';
  const progress = p.position
    ? html`<p class="progress">${t('progress', { n: formatNumber(p.position.n, p.language), total: formatNumber(p.position.total, p.language) })}</p>`
    : '';
  const body = html`<h1>${p.surveyName}</h1>${welcome}${progress}
<form method="post" action="${p.action}" accept-charset="utf-8" novalidate${p.formId ? html` id="${p.formId}"` : ''}>
${Object.entries(p.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
${p.questions.map((q) => questionField(def, q, p.language, p.answers[q.id], p.errors?.[q.id]))}
<div class="actions">${p.backHref ? html`<a class="back" href="${p.backHref}">${t('back')}</a>` : ''}<button type="submit">${t(p.submitKey ?? 'next')}</button></div>
</form>`;
  return layout({ language: p.language, title: p.surveyName, notice: p.notice, script: p.script }, body);
}

export function thankYouPage(surveyName: string, def: SurveyDefinition, language: PageLanguage): string {
  const t = messagesFor(language);
  const text = def.thankYou ? localize(def.thankYou, language, def) : t('thanks');
  return layout({ language, title: surveyName }, html`<h1 class="message">${text}</h1>`);
}

export const SURVEY_CSS = `
*{box-sizing:border-box}
body{margin:0;font-size:16px;line-height:1.5;background:#f6f7f9;color:#1d2330}
${PAGE_FONT_CSS}
.survey{max-inline-size:40rem;margin-inline:auto;padding:1.5rem 1rem}
h1{font-size:1.35rem;margin-block:0 1rem}
.notice{background:#fff6db;border:1px solid #f0d890;padding:.5rem .75rem;border-radius:.4rem}
.progress{color:#5b6475;font-size:.9rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-weight:600;margin-block-end:.75rem;padding:0}
.req{font-weight:400;color:#5b6475;font-size:.85rem}
.scale,.choices{display:flex;flex-wrap:wrap;gap:.4rem}
.choices{flex-direction:column}
.choice{display:inline-flex;align-items:center;gap:.5rem;cursor:pointer}
.scale .choice input{position:absolute;opacity:0;inline-size:1px;block-size:1px}
.scale .choice span{display:inline-block;min-inline-size:2.5rem;padding:.55rem .4rem;text-align:center;border:1px solid #b9c0cc;border-radius:.4rem;background:#fff}
.scale-rating .choice span{color:#c58b00}
.scale .choice input:checked+span{background:#2f5bd3;color:#fff;border-color:#2f5bd3}
.scale .choice input:focus-visible+span,.choices input:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
/* A scale and its end labels share one width, so each label sits under its end button. Numbered
   scales keep every button on one row (eleven fit a 360 px screen); grids follow the direction. */
.scale-block{display:inline-grid;max-inline-size:100%}
.scale-nps,.scale-csat,.scale-ces{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(0,2.75rem);gap:.3rem}
.scale-nps .choice,.scale-csat .choice,.scale-ces .choice{display:flex}
.scale-nps .choice span,.scale-csat .choice span,.scale-ces .choice span{flex:1;min-inline-size:0;padding-inline:0}
.scale-labels{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:#5b6475;margin-block-start:.35rem}
.scale-labels span:last-child{text-align:end}
textarea{inline-size:100%;font:inherit;padding:.6rem;border:1px solid #b9c0cc;border-radius:.4rem}
.error{color:#b00020;margin-block:.5rem 0}
.actions{display:flex;gap:1rem;align-items:center;justify-content:flex-end}
button{font:inherit;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#2f5bd3;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
.back{color:#2f5bd3;margin-inline-end:auto}
.message{font-size:1.2rem;font-weight:500}
/* Dark: the notice keeps its amber tint but dark, errors and links lighten: all text ≥ 4.5:1. */
@media (prefers-color-scheme:dark){body{background:#14171c;color:#e6e9ef}.scale .choice span,textarea{background:#1e232b;color:#e6e9ef;border-color:#3a4250}.progress,.req,.scale-labels{color:#a3abb9}
.notice{background:#3a3012;border-color:#7a6420;color:#f7ecc8}.error{color:#ff8f8f}.back{color:#9db7ff}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

// Submits the one-click form once the page has loaded; without scripts the button does the same.
export const ONE_CLICK_JS = `document.addEventListener('DOMContentLoaded',function(){var f=document.getElementById('one-click');if(f)f.submit();});`;
