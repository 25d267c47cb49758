// The reminder a task's assignee gets before it is due, in their language and direction, the due
// time in the workspace's time zone and in their calendar (Jalali in Persian, Hijri in Arabic when
// the workspace counts in it). Every value is escaped.
import { messageCatalog } from '../../platform/mail/message-catalog.js';
import { html } from '../../platform/http/html.js';
import type { Locale } from '../../contracts/locales.js';
import type { WorkspaceCalendar } from '../../contracts/workspace.js';

const MESSAGES = {
  en: {
    subject: 'Reminder: “{{title}}” is due {{due}}',
    greeting: 'Hello {{name}},',
    body: 'Your task “{{title}}” in {{workspace}} is due {{due}}.',
    open: 'Open your tasks',
    why: 'You receive this because the task is assigned to you in Feedloop.',
  },
  fa: {
    subject: 'یادآوری: موعد «{{title}}» {{due}} است',
    greeting: '{{name}} عزیز، سلام',
    body: 'موعد کار «{{title}}» در {{workspace}}، {{due}} است.',
    open: 'دیدن کارهای شما',
    why: 'این پیام را می‌گیرید چون این کار در Feedloop به شما سپرده شده است.',
  },
  ar: {
    subject: 'تذكير: موعد «{{title}}» هو {{due}}',
    greeting: 'مرحبًا {{name}}،',
    body: 'موعد مهمتك «{{title}}» في {{workspace}} هو {{due}}.',
    open: 'افتح مهامك',
    why: 'تصلك هذه الرسالة لأن المهمة مسندة إليك في Feedloop.',
  },
  zh: {
    subject: '提醒：“{{title}}”将于{{due}}到期',
    greeting: '{{name}}，您好：',
    body: '您在{{workspace}}的任务“{{title}}”将于{{due}}到期。',
    open: '查看我的任务',
    why: '您收到这封邮件，是因为该任务在 Feedloop 中分配给了您。',
  },
} satisfies Record<Locale, Record<string, string>>;

const messagesFor = messageCatalog(MESSAGES);

const DATE_LOCALES: Record<Locale, string> = {
  en: 'en-GB',
  fa: 'fa-IR-u-ca-persian-nu-arabext',
  ar: 'ar-EG-u-nu-arab',
  zh: 'zh-CN',
};

/** A due time as the reader reads dates: their language and digits, the workspace's zone. */
export function formatDue(due: Date, language: Locale, timeZone: string, calendar: WorkspaceCalendar): string {
  const tag = language === 'ar' && calendar === 'hijri' ? 'ar-SA-u-ca-islamic-umalqura-nu-arab' : DATE_LOCALES[language];
  return new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(due);
}

export interface TaskReminderInput {
  language: Locale;
  assigneeName: string;
  workspaceName: string;
  title: string;
  due: string;
  tasksUrl: string;
}

export function renderTaskReminder(input: TaskReminderInput): { subject: string; html: string; text: string } {
  const t = messagesFor(input.language);
  const dir = input.language === 'fa' || input.language === 'ar' ? 'rtl' : 'ltr';
  const vars = { title: input.title, due: input.due, workspace: input.workspaceName, name: input.assigneeName };
  const subject = t('subject', vars).slice(0, 200);
  const body = html`<!doctype html><html lang="${input.language}" dir="${dir}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Tahoma,Arial,sans-serif;color:#1d2330" dir="${dir}">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;text-align:${dir === 'rtl' ? 'right' : 'left'}">
<p style="margin:0 0 12px">${t('greeting', vars)}</p>
<p style="margin:0 0 16px;font-size:16px">${t('body', vars)}</p>
<p style="margin:0 0 16px"><a href="${input.tasksUrl}" style="color:#2f5bd3">${t('open')}</a></p>
<hr style="border:0;border-top:1px solid #e3e6eb;margin:24px 0 12px">
<p style="font-size:12px;color:#5b6475">${t('why')}</p>
</div></body></html>`;
  const text = [t('greeting', vars), '', t('body', vars), '', `${t('open')}: ${input.tasksUrl}`, '', '--', t('why')].join('\n');
  return { subject, html: body.value, text };
}
