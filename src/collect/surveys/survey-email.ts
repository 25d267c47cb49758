// The survey email: multipart HTML + text in the customer's language and direction. A first
// question with a score (NPS, CSAT, CES, stars) is answerable from the email: each score is a
// signed one-click link. Every link is built from PUBLIC_URL, never from a request's Host.
import { html } from '../../platform/http/html.js';
import { SCORE_RANGES } from '../feedback/feedback.input.js';
import { formatNumber, isRtl, messagesFor, type PageLanguage } from './page-messages.js';
import { isScoreType, localize, type SurveyDefinition } from '../../contracts/survey-definition.js';
import { nextQuestion } from './survey-flow.js';
import { scaleEnds, scoreLabel } from './link-page.js';
import { signLink } from './survey-links.js';

export interface SurveyEmailInput {
  publicUrl: string;
  workspaceName: string;
  survey: { publicToken: string; signingKey: string };
  definition: SurveyDefinition;
  language: PageLanguage;
  customerId: string;
  sendId: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  unsubscribeUrl: string;
}

export function renderSurveyEmail(input: SurveyEmailInput): RenderedEmail {
  const { definition: def, language: lang, survey } = input;
  const t = messagesFor(lang);
  const base = `${input.publicUrl}/s/${survey.publicToken}`;
  const pageUrl = `${base}?c=${signLink(survey.signingKey, { k: 'p', c: input.customerId, s: input.sendId })}&lang=${lang}`;
  const unsubscribeUrl = `${input.publicUrl}/u/${survey.publicToken}/${signLink(survey.signingKey, { k: 'u', c: input.customerId, s: input.sendId })}`;
  const first = nextQuestion(def, {})!;
  const title = localize(first.title, lang, def);
  const dir = isRtl(lang) ? 'rtl' : 'ltr';

  let scale = html``;
  let scaleText = '';
  if (isScoreType(first.type)) {
    const [min, max] = SCORE_RANGES[first.type];
    const links: Array<{ n: number; url: string }> = [];
    for (let n = min; n <= max; n++)
      links.push({
        n,
        url: `${base}/e/${signLink(survey.signingKey, { k: 'a', c: input.customerId, s: input.sendId, q: first.id, v: n })}?lang=${lang}`,
      });
    const [low, high] = scaleEnds(def, first, lang);
    const cell = (l: { n: number; url: string }) =>
      html`<td style="padding:2px"><a href="${l.url}" style="display:inline-block;min-width:28px;padding:8px 4px;border:1px solid #b9c0cc;border-radius:6px;text-align:center;text-decoration:none;color:#1d2330;font-weight:600">${scoreLabel(first.type, l.n, lang)}</a></td>`;
    scale = html`<table role="presentation" dir="${dir}" style="border-collapse:collapse;margin:12px 0"><tr>${links.map(cell)}</tr></table>
<p style="font-size:13px;color:#5b6475;margin:0 0 16px">${low} ← → ${high}</p>`;
    scaleText = links.map((l) => `${formatNumber(l.n, lang)}: ${l.url}`).join('\n');
  }

  const subject = `${input.workspaceName}: ${title}`.slice(0, 150);
  const body = html`<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Tahoma,Arial,sans-serif;color:#1d2330" dir="${dir}">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;text-align:${dir === 'rtl' ? 'right' : 'left'}">
<p style="margin:0 0 12px">${def.welcome ? localize(def.welcome, lang, def) : t('emailIntro')}</p>
<h1 style="font-size:18px;margin:0 0 8px">${title}</h1>
${scale}
<p><a href="${pageUrl}" style="color:#2f5bd3">${isScoreType(first.type) ? t('emailAnswer') : t('next')}</a></p>
<hr style="border:0;border-top:1px solid #e3e6eb;margin:24px 0 12px">
<p style="font-size:12px;color:#5b6475">${t('emailWhy', { workspace: input.workspaceName })} <a href="${unsubscribeUrl}" style="color:#5b6475">${t('unsubscribe')}</a></p>
</div></body></html>`;
  const text = [
    def.welcome ? localize(def.welcome, lang, def) : t('emailIntro'),
    '',
    title,
    '',
    ...(scaleText ? [scaleText, ''] : []),
    `${isScoreType(first.type) ? t('emailAnswer') : t('next')}: ${pageUrl}`,
    '',
    '--',
    t('emailWhy', { workspace: input.workspaceName }),
    `${t('unsubscribe')}: ${unsubscribeUrl}`,
  ].join('\n');
  return { subject, html: body.value, text, unsubscribeUrl };
}
