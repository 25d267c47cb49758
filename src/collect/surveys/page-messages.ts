// The words of the survey link page and survey emails around the survey's own texts, in the four
// languages, through i18next (the same message library as the dashboard).
import type { TFunction } from 'i18next';
import { messageCatalog } from '../../platform/mail/message-catalog.js';
import { SURVEY_WORDS } from '../../contracts/survey-words.js';

const en = {
  ...SURVEY_WORDS.en,
  optional: 'optional',
  progress: 'Question {{n}} of {{total}}',
  saved: 'Your answer was saved.',
  stars: '{{n}} of 5 stars',
  textPlaceholder: 'Type your answer…',
  closed: 'This survey is closed and no longer accepts answers.',
  notLive: 'This survey is not open yet.',
  full: 'This survey has all the answers it needs. Thank you for your interest.',
  notFound: 'This survey link does not exist.',
  forged: 'This link is not valid. Please use the link exactly as you received it.',
  expired: 'This link has expired.',
  alreadyDone: 'You have already answered this survey. Thank you!',
  languageFallback: 'This survey is not available in the language you asked for, so it is shown in {{language}}.',
  fixErrors: 'Please check your answer:',
  answerRequired: 'this question needs an answer.',
  answerOutOfScale: 'please choose a score from {{min}} to {{max}}.',
  answerTooLong: 'the answer can be at most {{max}} characters long.',
  answerNotApplicable: 'this question does not apply to your earlier answers.',
  answerInvalid: 'this answer is not one of the choices offered.',
  oneClickSaving: 'Saving your answer…',
  oneClickSave: 'Save my answer',
  emailIntro: 'We would love to hear from you. It takes less than a minute.',
  emailAnswer: 'Or answer on the survey page',
  emailWhy: 'You receive this because you are a customer of {{workspace}}.',
  unsubscribe: 'Unsubscribe from surveys',
  unsubscribeConfirm: 'Stop receiving surveys from {{workspace}}?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribed: 'Done. You will not receive surveys from {{workspace}} again.',
  tooMany: 'Too many requests. Please wait a minute and try again.',
  unavailable: 'The survey is briefly unavailable. Please try again in a few seconds.',
  preview: 'Preview: this is how respondents see the survey. Answers are not saved.',
};
type Messages = typeof en;

const fa: Messages = {
  ...SURVEY_WORDS.fa,
  optional: 'اختیاری',
  progress: 'پرسش {{n}} از {{total}}',
  saved: 'پاسخ شما ثبت شد.',
  stars: '{{n}} ستاره از ۵',
  textPlaceholder: 'پاسخ خود را بنویسید…',
  closed: 'این نظرسنجی بسته شده است و پاسخ جدیدی نمی‌پذیرد.',
  notLive: 'این نظرسنجی هنوز باز نشده است.',
  full: 'این نظرسنجی به تعداد پاسخ لازم رسیده است. از توجه شما سپاسگزاریم.',
  notFound: 'این پیوند نظرسنجی وجود ندارد.',
  forged: 'این پیوند معتبر نیست. لطفاً پیوند را دقیقاً همان‌طور که دریافت کرده‌اید باز کنید.',
  expired: 'مهلت این پیوند به پایان رسیده است.',
  alreadyDone: 'شما پیش‌تر به این نظرسنجی پاسخ داده‌اید. سپاسگزاریم!',
  languageFallback: 'این نظرسنجی به زبان درخواستی شما موجود نیست و به زبان {{language}} نمایش داده می‌شود.',
  fixErrors: 'لطفاً پاسخ خود را بررسی کنید:',
  answerRequired: 'به این پرسش باید پاسخ دهید.',
  answerOutOfScale: 'لطفاً امتیازی از {{min}} تا {{max}} انتخاب کنید.',
  answerTooLong: 'پاسخ حداکثر می‌تواند {{max}} نویسه باشد.',
  answerNotApplicable: 'این پرسش به پاسخ‌های قبلی شما مربوط نمی‌شود.',
  answerInvalid: 'این پاسخ جزو گزینه‌های پیشنهادی نیست.',
  oneClickSaving: 'در حال ثبت پاسخ شما…',
  oneClickSave: 'ثبت پاسخ من',
  emailIntro: 'خوشحال می‌شویم نظرتان را بدانیم. کمتر از یک دقیقه وقت می‌گیرد.',
  emailAnswer: 'یا در صفحه نظرسنجی پاسخ دهید',
  emailWhy: 'این پیام را دریافت می‌کنید چون مشتری {{workspace}} هستید.',
  unsubscribe: 'لغو دریافت نظرسنجی‌ها',
  unsubscribeConfirm: 'دیگر نظرسنجی‌های {{workspace}} را دریافت نکنید؟',
  unsubscribeButton: 'لغو دریافت',
  unsubscribed: 'انجام شد. دیگر نظرسنجی‌ای از {{workspace}} دریافت نخواهید کرد.',
  tooMany: 'درخواست‌ها بیش از حد است. لطفاً یک دقیقه صبر کنید و دوباره تلاش کنید.',
  unavailable: 'نظرسنجی موقتاً در دسترس نیست. لطفاً چند ثانیه دیگر دوباره تلاش کنید.',
  preview: 'پیش‌نمایش: پاسخ‌دهندگان نظرسنجی را این‌گونه می‌بینند. پاسخ‌ها ذخیره نمی‌شوند.',
};

const ar: Messages = {
  ...SURVEY_WORDS.ar,
  optional: 'اختياري',
  progress: 'السؤال {{n}} من {{total}}',
  saved: 'تم حفظ إجابتك.',
  stars: '{{n}} من ٥ نجوم',
  textPlaceholder: 'اكتب إجابتك…',
  closed: 'هذا الاستبيان مغلق ولا يقبل إجابات جديدة.',
  notLive: 'هذا الاستبيان غير متاح بعد.',
  full: 'اكتمل عدد الإجابات المطلوبة لهذا الاستبيان. شكرًا لاهتمامك.',
  notFound: 'رابط الاستبيان هذا غير موجود.',
  forged: 'هذا الرابط غير صالح. يرجى استخدام الرابط كما وصلك تمامًا.',
  expired: 'انتهت صلاحية هذا الرابط.',
  alreadyDone: 'لقد أجبت على هذا الاستبيان من قبل. شكرًا لك!',
  languageFallback: 'هذا الاستبيان غير متوفر باللغة التي طلبتها، لذا يُعرض باللغة {{language}}.',
  fixErrors: 'يرجى التحقق من إجابتك:',
  answerRequired: 'هذا السؤال يحتاج إلى إجابة.',
  answerOutOfScale: 'يرجى اختيار درجة من {{min}} إلى {{max}}.',
  answerTooLong: 'يمكن أن تتكون الإجابة من {{max}} حرف على الأكثر.',
  answerNotApplicable: 'هذا السؤال لا ينطبق على إجاباتك السابقة.',
  answerInvalid: 'هذه الإجابة ليست من الخيارات المتاحة.',
  oneClickSaving: 'جارٍ حفظ إجابتك…',
  oneClickSave: 'احفظ إجابتي',
  emailIntro: 'يسعدنا أن نسمع رأيك. لن يستغرق الأمر أكثر من دقيقة.',
  emailAnswer: 'أو أجب في صفحة الاستبيان',
  emailWhy: 'تصلك هذه الرسالة لأنك عميل لدى {{workspace}}.',
  unsubscribe: 'إلغاء الاشتراك في الاستبيانات',
  unsubscribeConfirm: 'هل تريد التوقف عن تلقي استبيانات {{workspace}}؟',
  unsubscribeButton: 'إلغاء الاشتراك',
  unsubscribed: 'تم. لن تصلك استبيانات من {{workspace}} بعد الآن.',
  tooMany: 'طلبات كثيرة جدًا. يرجى الانتظار دقيقة ثم المحاولة مجددًا.',
  unavailable: 'الاستبيان غير متاح مؤقتًا. يرجى المحاولة مجددًا بعد بضع ثوانٍ.',
  preview: 'معاينة: هكذا يرى المشاركون الاستبيان. لن تُحفظ الإجابات.',
};

const zh: Messages = {
  ...SURVEY_WORDS.zh,
  optional: '选填',
  progress: '第 {{n}} 题，共 {{total}} 题',
  saved: '您的回答已保存。',
  stars: '{{n}} 星（满分 5 星）',
  textPlaceholder: '请输入您的回答…',
  closed: '本调查已关闭，不再接受回答。',
  notLive: '本调查尚未开放。',
  full: '本调查已收集到所需的回答，感谢您的关注。',
  notFound: '该调查链接不存在。',
  forged: '该链接无效，请使用您收到的完整链接。',
  expired: '该链接已过期。',
  alreadyDone: '您已经回答过本调查，谢谢！',
  languageFallback: '本调查没有您所选的语言版本，现以{{language}}显示。',
  fixErrors: '请检查您的回答：',
  answerRequired: '此问题需要回答。',
  answerOutOfScale: '请选择 {{min}} 到 {{max}} 之间的分数。',
  answerTooLong: '回答最多 {{max}} 个字符。',
  answerNotApplicable: '此问题不适用于您之前的回答。',
  answerInvalid: '此回答不在可选范围内。',
  oneClickSaving: '正在保存您的回答…',
  oneClickSave: '保存我的回答',
  emailIntro: '我们很想听听您的意见，只需不到一分钟。',
  emailAnswer: '或在调查页面上回答',
  emailWhy: '您收到此邮件是因为您是{{workspace}}的客户。',
  unsubscribe: '退订调查',
  unsubscribeConfirm: '不再接收{{workspace}}的调查？',
  unsubscribeButton: '退订',
  unsubscribed: '已完成。您将不会再收到{{workspace}}的调查。',
  tooMany: '请求过多，请稍等一分钟再试。',
  unavailable: '问卷暂时无法访问，请过几秒钟再试。',
  preview: '预览：受访者看到的调查就是这样。回答不会被保存。',
};

export const PAGE_MESSAGES = { en, fa, ar, zh } as const;
export type PageLanguage = keyof typeof PAGE_MESSAGES;
export type MessageKey = keyof Messages;

const catalog = messageCatalog(PAGE_MESSAGES);

export function messagesFor(language: PageLanguage): TFunction {
  return catalog(language);
}

export const isRtl = (language: string) => language === 'fa' || language === 'ar';

/** Numbers in the respondent's digits: ۰–۹ for Persian, ٠–٩ for Arabic. */
export function formatNumber(n: number, language: string): string {
  const tag = language === 'fa' ? 'fa-IR-u-nu-arabext' : language === 'ar' ? 'ar-u-nu-arab' : language === 'zh' ? 'zh-CN' : 'en';
  return new Intl.NumberFormat(tag, { useGrouping: false }).format(n);
}

/** Language names for the fallback notice, in the respondent's language. */
export const languageName = (code: string, inLanguage: string) =>
  new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
