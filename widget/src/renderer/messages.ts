// Every word the renderer itself shows, in the four UI languages. The words around a survey come
// from the same data as the survey link page and emails (survey-words.ts), so a survey reads the
// same everywhere; the page's own catalog is not imported, as it brings i18next into the bundle.
import type { Locale } from '../types.js';
import { SURVEY_WORDS } from '@feedloop/contracts/survey-words';

const en = {
  ...SURVEY_WORDS.en,
  close: 'Close',
  survey: 'Survey',
  surveyAppeared: 'A short survey opened in the corner of the page.',
  answerRequired: 'Please answer this question.',
  answerRequiredNamed: 'Please answer: {q}',
  stars: '{n} of 5 stars',
  helpful: 'Was this helpful?',
  helpfulComment: 'Anything to add? (optional)',
  helpfulThanks: 'Thanks for letting us know.',
  send: 'Send',
  feedbackButton: 'Feedback',
  formTitle: 'Send us feedback',
  kind: 'Type',
  kind_feedback: 'Feedback',
  kind_bug: 'Bug report',
  kind_idea: 'Idea',
  kind_question: 'Question',
  message: 'Your message',
  email: 'Email (optional, so we can reply)',
  messageRequired: 'Please write a message.',
  emailInvalid: 'Please check the email address.',
  sent: 'Thanks! Your message was sent.',
};
export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const fa: Messages = {
  ...SURVEY_WORDS.fa,
  close: 'بستن',
  survey: 'نظرسنجی',
  surveyAppeared: 'یک نظرسنجی کوتاه در گوشهٔ صفحه باز شد.',
  answerRequired: 'لطفاً به این پرسش پاسخ دهید.',
  answerRequiredNamed: 'لطفاً پاسخ دهید: {q}',
  stars: '{n} ستاره از ۵',
  helpful: 'آیا این مطلب مفید بود؟',
  helpfulComment: 'نکته‌ای برای افزودن دارید؟ (اختیاری)',
  helpfulThanks: 'از اینکه نظرتان را گفتید سپاسگزاریم.',
  send: 'ارسال',
  feedbackButton: 'بازخورد',
  formTitle: 'بازخورد خود را برای ما بفرستید',
  kind: 'نوع',
  kind_feedback: 'بازخورد',
  kind_bug: 'گزارش خطا',
  kind_idea: 'ایده',
  kind_question: 'پرسش',
  message: 'پیام شما',
  email: 'ایمیل (اختیاری، برای پاسخ به شما)',
  messageRequired: 'لطفاً پیامی بنویسید.',
  emailInvalid: 'لطفاً نشانی ایمیل را بررسی کنید.',
  sent: 'سپاسگزاریم! پیام شما فرستاده شد.',
};

const ar: Messages = {
  ...SURVEY_WORDS.ar,
  close: 'إغلاق',
  survey: 'استبيان',
  surveyAppeared: 'ظهر استبيان قصير في زاوية الصفحة.',
  answerRequired: 'يرجى الإجابة عن هذا السؤال.',
  answerRequiredNamed: 'يرجى الإجابة عن: {q}',
  stars: '{n} من ٥ نجوم',
  helpful: 'هل كان هذا مفيدًا؟',
  helpfulComment: 'هل لديك ما تضيفه؟ (اختياري)',
  helpfulThanks: 'شكرًا لإخبارنا.',
  send: 'إرسال',
  feedbackButton: 'ملاحظات',
  formTitle: 'أرسل لنا ملاحظاتك',
  kind: 'النوع',
  kind_feedback: 'ملاحظة',
  kind_bug: 'بلاغ عن خطأ',
  kind_idea: 'فكرة',
  kind_question: 'سؤال',
  message: 'رسالتك',
  email: 'البريد الإلكتروني (اختياري، لنتمكن من الرد)',
  messageRequired: 'يرجى كتابة رسالة.',
  emailInvalid: 'يرجى التحقق من عنوان البريد الإلكتروني.',
  sent: 'شكرًا لك! تم إرسال رسالتك.',
};

const zh: Messages = {
  ...SURVEY_WORDS.zh,
  close: '关闭',
  survey: '调查',
  surveyAppeared: '页面角落出现了一份简短的调查。',
  answerRequired: '请回答此问题。',
  answerRequiredNamed: '请回答：{q}',
  stars: '{n} 星（满分 5 星）',
  helpful: '这对您有帮助吗？',
  helpfulComment: '还有什么想补充的吗？（选填）',
  helpfulThanks: '感谢您的反馈。',
  send: '发送',
  feedbackButton: '反馈',
  formTitle: '向我们反馈',
  kind: '类型',
  kind_feedback: '意见反馈',
  kind_bug: '问题报告',
  kind_idea: '建议',
  kind_question: '咨询',
  message: '您的留言',
  email: '电子邮件（选填，方便我们回复）',
  messageRequired: '请填写留言。',
  emailInvalid: '请检查电子邮件地址。',
  sent: '谢谢！您的留言已发送。',
};

const CATALOG: Record<Locale, Messages> = { en, fa, ar, zh };

/** A message in `lang`, with `{name}` placeholders filled (the result is only ever put in as text). */
export function t(lang: Locale, key: MessageKey, vars: Record<string, string> = {}): string {
  return CATALOG[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

export const isRtl = (lang: Locale): boolean => lang === 'fa' || lang === 'ar';

// Explicit numbering systems: browsers' defaults for bare "fa"/"ar" have differed over the years.
const NUMBER_LOCALES: Record<Locale, string> = { fa: 'fa-IR-u-nu-arabext', ar: 'ar-u-nu-arab', zh: 'zh-CN', en: 'en' };

/** A whole number in the language's digits: ۰–۹ for Persian, ٠–٩ for Arabic. */
export function formatNumber(n: number, lang: Locale): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], { useGrouping: false }).format(n);
}
