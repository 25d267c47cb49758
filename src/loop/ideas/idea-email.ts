// The message that closes the loop: "you asked for X; it is now planned / live / declined", in
// the customer's language and direction, quoting what they wrote. Every value is escaped.
import { messageCatalog } from '../../platform/mail/message-catalog.js';
import { html } from '../../platform/http/html.js';
import { isRtl } from '../../collect/surveys/page-messages.js';
import type { IDEA_STATUSES } from './ideas.tables.js';

export const EMAIL_LANGUAGES = ['en', 'fa', 'ar', 'zh'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];
type IdeaStatus = (typeof IDEA_STATUSES)[number];

const MESSAGES = {
  en: {
    subject: '{{workspace}}: an update on “{{title}}”',
    greeting: 'Hello {{name}},',
    greetingNoName: 'Hello,',
    youAsked: 'You told us:',
    status: 'You asked for “{{title}}”. {{news}}',
    under_review: 'We are looking into it now.',
    planned: 'It is now planned.',
    in_progress: 'We are working on it now.',
    done: 'It is done and available now. Thank you for asking for it!',
    declined: 'We have decided not to do it for now. Thank you for telling us what you need.',
    new: 'We have noted it.',
    why: 'You receive this because you gave feedback to {{workspace}}.',
  },
  fa: {
    subject: '{{workspace}}: خبری دربارهٔ «{{title}}»',
    greeting: '{{name}} عزیز، سلام',
    greetingNoName: 'سلام،',
    youAsked: 'شما به ما گفته بودید:',
    status: 'شما «{{title}}» را خواسته بودید. {{news}}',
    under_review: 'اکنون در حال بررسی آن هستیم.',
    planned: 'اکنون در برنامهٔ کار ماست.',
    in_progress: 'اکنون روی آن کار می‌کنیم.',
    done: 'انجام شد و اکنون در دسترس است. از اینکه آن را خواستید سپاسگزاریم!',
    declined: 'فعلاً تصمیم گرفتیم آن را انجام ندهیم. از اینکه نیازتان را به ما گفتید سپاسگزاریم.',
    new: 'آن را یادداشت کرده‌ایم.',
    why: 'این پیام را می‌گیرید چون به {{workspace}} بازخورد داده‌اید.',
  },
  ar: {
    subject: '{{workspace}}: جديد بشأن «{{title}}»',
    greeting: 'مرحبًا {{name}}،',
    greetingNoName: 'مرحبًا،',
    youAsked: 'لقد أخبرتنا:',
    status: 'طلبت «{{title}}». {{news}}',
    under_review: 'نحن ندرسه الآن.',
    planned: 'أصبح الآن ضمن خطتنا.',
    in_progress: 'نعمل عليه الآن.',
    done: 'تم تنفيذه وهو متاح الآن. شكرًا لأنك طلبته!',
    declined: 'قررنا ألا ننفذه حاليًا. شكرًا لأنك أخبرتنا بما تحتاج.',
    new: 'لقد سجلناه.',
    why: 'تصلك هذه الرسالة لأنك شاركت ملاحظاتك مع {{workspace}}.',
  },
  zh: {
    subject: '{{workspace}}：关于“{{title}}”的进展',
    greeting: '{{name}}，您好：',
    greetingNoName: '您好：',
    youAsked: '您曾告诉我们：',
    status: '您提出的“{{title}}”：{{news}}',
    under_review: '我们正在评估。',
    planned: '已列入计划。',
    in_progress: '我们正在实现。',
    done: '已经完成并上线，感谢您的建议！',
    declined: '我们暂时决定不做，感谢您告诉我们您的需求。',
    new: '我们已记录。',
    why: '您收到这封邮件，是因为您曾向{{workspace}}提出反馈。',
  },
} satisfies Record<EmailLanguage, Record<string, string>>;

const messagesFor = messageCatalog(MESSAGES);

export interface IdeaEmailInput {
  language: EmailLanguage;
  workspaceName: string;
  customerName: string | null;
  ideaTitle: string;
  status: IdeaStatus;
  /** the customer's own words, from their feedback item behind the idea */
  quote: string | null;
}

export function renderIdeaEmail(input: IdeaEmailInput): { subject: string; html: string; text: string } {
  const t = messagesFor(input.language);
  const dir = isRtl(input.language) ? 'rtl' : 'ltr';
  const subject = t('subject', { workspace: input.workspaceName, title: input.ideaTitle }).slice(0, 200);
  const greeting = input.customerName ? t('greeting', { name: input.customerName }) : t('greetingNoName');
  const news = t('status', { title: input.ideaTitle, news: t(input.status) });
  const quote = input.quote ? input.quote.slice(0, 300) : null;
  const body = html`<!doctype html><html lang="${input.language}" dir="${dir}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Tahoma,Arial,sans-serif;color:#1d2330" dir="${dir}">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;text-align:${dir === 'rtl' ? 'right' : 'left'}">
<p style="margin:0 0 12px">${greeting}</p>
<p style="margin:0 0 12px;font-size:16px">${news}</p>
${quote ? html`<p style="margin:0 0 4px;color:#5b6475">${t('youAsked')}</p><blockquote dir="auto" style="margin:0 0 12px;padding:8px 12px;border-inline-start:3px solid #c9cfda;color:#39404d">${quote}</blockquote>` : html``}
<hr style="border:0;border-top:1px solid #e3e6eb;margin:24px 0 12px">
<p style="font-size:12px;color:#5b6475">${t('why', { workspace: input.workspaceName })}</p>
</div></body></html>`;
  const text = [
    greeting,
    '',
    news,
    ...(quote ? ['', t('youAsked'), quote] : []),
    '',
    '--',
    t('why', { workspace: input.workspaceName }),
  ].join('\n');
  return { subject, html: body.value, text };
}
