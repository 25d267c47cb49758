// An agent's reply as the customer receives it: their words, in the customer's language and
// direction, with the request's number. Every value is escaped.
import { messageCatalog } from '../../platform/mail/message-catalog.js';
import { html } from '../../platform/http/html.js';
import { isRtl } from '../../collect/surveys/page-messages.js';
import type { Locale } from '../../contracts/locales.js';

const MESSAGES = {
  en: {
    subject: '{{subject}} [#{{number}}]',
    about: 'About your request #{{number}} to {{workspace}}.',
    signature: '{{agent}}, {{workspace}}',
  },
  fa: {
    subject: '{{subject}} [#{{number}}]',
    about: 'دربارهٔ درخواست شمارهٔ {{number}} شما به {{workspace}}.',
    signature: '{{agent}}، {{workspace}}',
  },
  ar: {
    subject: '{{subject}} [#{{number}}]',
    about: 'بخصوص طلبك رقم {{number}} لدى {{workspace}}.',
    signature: '{{agent}}، {{workspace}}',
  },
  zh: {
    subject: '{{subject}} [#{{number}}]',
    about: '关于您向{{workspace}}提交的第 {{number}} 号请求。',
    signature: '{{agent}}，{{workspace}}',
  },
} satisfies Record<Locale, Record<string, string>>;

const messagesFor = messageCatalog(MESSAGES);

/** The number in the language's digits (Persian and Arabic-Indic for fa and ar). */
const localNumber = (n: number, language: Locale) =>
  new Intl.NumberFormat(language === 'fa' ? 'fa-IR' : language === 'ar' ? 'ar-EG' : 'en-US', { useGrouping: false }).format(n);

export interface ReplyEmailInput {
  language: Locale;
  workspaceName: string;
  agentName: string | null;
  ticketNumber: number;
  ticketSubject: string;
  body: string;
}

export function renderReplyEmail(input: ReplyEmailInput): { subject: string; html: string; text: string } {
  const t = messagesFor(input.language);
  const dir = isRtl(input.language) ? 'rtl' : 'ltr';
  // The subject keeps Latin digits: mail clients and filters match "[#42]".
  const subject = t('subject', { subject: input.ticketSubject, number: input.ticketNumber }).slice(0, 200);
  const about = t('about', { number: localNumber(input.ticketNumber, input.language), workspace: input.workspaceName });
  const signature = input.agentName ? t('signature', { agent: input.agentName, workspace: input.workspaceName }) : input.workspaceName;
  const paragraphs = input.body.split(/\n{2,}/).map((p) => p.split('\n'));
  const body = html`<!doctype html><html lang="${input.language}" dir="${dir}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Tahoma,Arial,sans-serif;color:#1d2330" dir="${dir}">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;text-align:${dir === 'rtl' ? 'right' : 'left'}">
${paragraphs.map((lines) => html`<p dir="auto" style="margin:0 0 12px;font-size:15px">${lines.map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`)}
<p style="margin:16px 0 0;color:#39404d">${signature}</p>
<hr style="border:0;border-top:1px solid #e3e6eb;margin:24px 0 12px">
<p style="font-size:12px;color:#5b6475">${about}</p>
</div></body></html>`;
  const text = [input.body, '', signature, '', '--', about].join('\n');
  return { subject, html: body.value, text };
}
