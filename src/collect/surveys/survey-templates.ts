// Ready-made surveys for the common question sets, written for Feedloop in fa, ar, zh and en.
// A template becomes an ordinary draft survey that the user then edits and translates further.
import type { Localized, Question, SurveyDefinition, SurveyLanguage } from '../../contracts/survey-definition.js';

type Text = Required<Localized>;
type TemplateQuestion = Omit<Question, 'title' | 'options' | 'required'> & {
  title: Text;
  required?: boolean;
  options?: Array<{ id: string; label: Text }>;
};

export interface SurveyTemplate {
  key: string;
  name: Text;
  questions: TemplateQuestion[];
}

const t = (en: string, fa: string, ar: string, zh: string): Text => ({ en, fa, ar, zh });
const opt = (id: string, label: Text) => ({ id, label });
const below = (question: string, max: number) => ({ question, max });

const ANYTHING_ELSE = t(
  'Is there anything else you would like to tell us?',
  'نکته دیگری هست که بخواهید با ما در میان بگذارید؟',
  'هل هناك شيء آخر تودّ أن تخبرنا به؟',
  '您还有什么想告诉我们的吗？',
);
const WHAT_BETTER = t(
  'What should we do better?',
  'چه کاری را باید بهتر انجام دهیم؟',
  'ما الذي يجب أن نحسّنه؟',
  '我们哪些方面应该做得更好？',
);

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    key: 'overall_satisfaction',
    name: t('Overall satisfaction', 'رضایت کلی', 'الرضا العام', '总体满意度'),
    questions: [
      {
        id: 'satisfaction',
        type: 'csat',
        required: true,
        title: t(
          'Overall, how satisfied are you with us?',
          'در مجموع چقدر از ما راضی هستید؟',
          'بشكل عام، ما مدى رضاك عنا؟',
          '总体而言，您对我们的满意程度如何？',
        ),
      },
      { id: 'improve', type: 'text', showIf: below('satisfaction', 3), title: WHAT_BETTER },
      { id: 'comment', type: 'text', title: ANYTHING_ELSE },
    ],
  },
  {
    key: 'product_usage',
    name: t('Product usage', 'استفاده از محصول', 'استخدام المنتج', '产品使用情况'),
    questions: [
      {
        id: 'frequency',
        type: 'single',
        required: true,
        title: t(
          'How often do you use our product?',
          'هر چند وقت یک بار از محصول ما استفاده می‌کنید؟',
          'كم مرة تستخدم منتجنا؟',
          '您多久使用一次我们的产品？',
        ),
        options: [
          opt('daily', t('Every day', 'هر روز', 'كل يوم', '每天')),
          opt('weekly', t('Every week', 'هر هفته', 'كل أسبوع', '每周')),
          opt('monthly', t('Every month', 'هر ماه', 'كل شهر', '每月')),
          opt('rarely', t('Less often', 'کمتر از این', 'أقل من ذلك', '更少')),
        ],
      },
      {
        id: 'valued',
        type: 'text',
        title: t(
          'Which feature matters most to you, and why?',
          'کدام قابلیت برای شما مهم‌تر است و چرا؟',
          'ما الميزة الأهم بالنسبة لك، ولماذا؟',
          '哪个功能对您最重要？为什么？',
        ),
      },
      {
        id: 'confusing',
        type: 'text',
        title: t(
          'Was anything confusing or hard to use?',
          'آیا بخشی گیج‌کننده یا سخت بود؟',
          'هل كان هناك شيء مربك أو صعب الاستخدام؟',
          '有没有让您困惑或难以使用的地方？',
        ),
      },
    ],
  },
  {
    key: 'customer_service',
    name: t('Customer service', 'خدمات مشتریان', 'خدمة العملاء', '客户服务'),
    questions: [
      {
        id: 'support_rating',
        type: 'csat',
        required: true,
        title: t(
          'How would you rate the help you got from our team?',
          'کمکی را که از تیم ما گرفتید چطور ارزیابی می‌کنید؟',
          'كيف تقيّم المساعدة التي تلقيتها من فريقنا؟',
          '您如何评价我们团队为您提供的帮助？',
        ),
      },
      {
        id: 'resolved',
        type: 'yes_no',
        required: true,
        title: t('Was your problem solved?', 'آیا مشکل شما حل شد؟', 'هل تم حل مشكلتك؟', '您的问题解决了吗？'),
      },
      {
        id: 'unresolved',
        type: 'text',
        showIf: { question: 'resolved', anyOf: [false] },
        title: t('What is still not solved?', 'چه چیزی هنوز حل نشده است؟', 'ما الذي لم يُحلّ بعد؟', '还有什么没有解决？'),
      },
    ],
  },
  {
    key: 'purchase_experience',
    name: t('Purchase experience', 'تجربه خرید', 'تجربة الشراء', '购买体验'),
    questions: [
      {
        id: 'purchase_rating',
        type: 'rating',
        required: true,
        title: t(
          'How would you rate your purchase?',
          'تجربه خریدتان را چند ستاره می‌دهید؟',
          'كم نجمة تعطي لتجربة الشراء؟',
          '您给这次购买体验打几颗星？',
        ),
      },
      {
        id: 'purchase_effort',
        type: 'ces',
        title: t(
          'How easy was it to find and buy what you needed?',
          'پیدا کردن و خریدن چیزی که لازم داشتید چقدر آسان بود؟',
          'ما مدى سهولة العثور على ما تحتاجه وشرائه؟',
          '找到并购买所需商品有多容易？',
        ),
      },
      {
        id: 'almost_stopped',
        type: 'text',
        title: t(
          'Did anything almost stop you from buying?',
          'چیزی بود که نزدیک بود شما را از خرید منصرف کند؟',
          'هل كاد شيء ما يمنعك من الشراء؟',
          '有什么差点让您放弃购买吗？',
        ),
      },
    ],
  },
  {
    key: 'product_performance',
    name: t('Product performance', 'عملکرد محصول', 'أداء المنتج', '产品性能'),
    questions: [
      {
        id: 'performance',
        type: 'rating',
        required: true,
        title: t(
          'How well does the product do the job you bought it for?',
          'محصول چقدر کاری را که برایش خریده‌اید خوب انجام می‌دهد؟',
          'إلى أي حد يؤدي المنتج الغرض الذي اشتريته من أجله؟',
          '产品在多大程度上满足了您购买它的用途？',
        ),
      },
      {
        id: 'expectations',
        type: 'yes_no',
        title: t('Has it met your expectations?', 'آیا انتظارات شما را برآورده کرده است؟', 'هل لبّى توقعاتك؟', '它达到您的期望了吗？'),
      },
      {
        id: 'work_better',
        type: 'text',
        title: t(
          'What would make it work better for you?',
          'چه چیزی آن را برای شما بهتر می‌کند؟',
          'ما الذي يجعله يعمل بشكل أفضل لك؟',
          '怎样才能让它更好地为您服务？',
        ),
      },
    ],
  },
  {
    key: 'improvement_ideas',
    name: t('Improvement ideas', 'ایده‌های بهبود', 'أفكار للتحسين', '改进建议'),
    questions: [
      {
        id: 'one_change',
        type: 'text',
        required: true,
        title: t(
          'If you could change one thing about us, what would it be?',
          'اگر می‌توانستید یک چیز را در ما تغییر دهید، چه بود؟',
          'لو استطعت تغيير شيء واحد لدينا، فماذا سيكون؟',
          '如果您能改变我们的一件事，会是什么？',
        ),
      },
      {
        id: 'importance',
        type: 'single',
        title: t(
          'How important is this change to you?',
          'این تغییر چقدر برای شما مهم است؟',
          'ما مدى أهمية هذا التغيير بالنسبة لك؟',
          '这个改变对您有多重要？',
        ),
        options: [
          opt('nice', t('Nice to have', 'خوب است باشد', 'سيكون لطيفًا', '有更好')),
          opt('important', t('Important', 'مهم', 'مهم', '重要')),
          opt('critical', t('I may leave without it', 'بدون آن شاید شما را کنار بگذارم', 'قد أتركُكم بدونه', '没有它我可能会离开')),
        ],
      },
    ],
  },
  {
    key: 'competitor_comparison',
    name: t('Comparison with competitors', 'مقایسه با رقبا', 'المقارنة مع المنافسين', '与竞争对手比较'),
    questions: [
      {
        id: 'compared',
        type: 'single',
        required: true,
        title: t(
          'Compared with other options you have tried, we are…',
          'در مقایسه با گزینه‌های دیگری که امتحان کرده‌اید، ما…',
          'مقارنةً بالخيارات الأخرى التي جربتها، نحن…',
          '与您试过的其他选择相比，我们……',
        ),
        options: [
          opt('better', t('Better', 'بهتریم', 'أفضل', '更好')),
          opt('same', t('About the same', 'تقریباً یکسانیم', 'متشابهون تقريبًا', '差不多')),
          opt('worse', t('Worse', 'بدتریم', 'أسوأ', '更差')),
          opt('none', t('I have not tried others', 'گزینه دیگری را امتحان نکرده‌ام', 'لم أجرّب غيركم', '我没试过其他的')),
        ],
      },
      {
        id: 'others_better',
        type: 'text',
        title: t(
          'What do others do better than us?',
          'دیگران چه کاری را بهتر از ما انجام می‌دهند؟',
          'ما الذي يفعله الآخرون أفضل منا؟',
          '别人在哪些方面比我们做得好？',
        ),
      },
    ],
  },
  {
    key: 'brand_perception',
    name: t('Brand perception', 'تصویر برند', 'صورة العلامة التجارية', '品牌认知'),
    questions: [
      {
        id: 'words',
        type: 'multiple',
        required: true,
        title: t(
          'Which words describe us best?',
          'کدام واژه‌ها ما را بهتر توصیف می‌کنند؟',
          'ما الكلمات التي تصفنا بشكل أفضل؟',
          '哪些词最能形容我们？',
        ),
        options: [
          opt('reliable', t('Reliable', 'قابل اعتماد', 'موثوق', '可靠')),
          opt('modern', t('Modern', 'به‌روز', 'عصري', '现代')),
          opt('affordable', t('Affordable', 'مقرون‌به‌صرفه', 'بسعر مناسب', '实惠')),
          opt('friendly', t('Friendly', 'صمیمی', 'ودود', '亲切')),
          opt('premium', t('High-end', 'لوکس', 'راقٍ', '高端')),
          opt('slow', t('Slow', 'کُند', 'بطيء', '慢')),
        ],
      },
      {
        id: 'describe',
        type: 'text',
        title: t(
          'How would you describe us to a friend?',
          'ما را برای یک دوست چطور توصیف می‌کنید؟',
          'كيف تصفنا لصديق؟',
          '您会如何向朋友介绍我们？',
        ),
      },
    ],
  },
  {
    key: 'loyalty',
    name: t('Loyalty', 'وفاداری', 'الولاء', '忠诚度'),
    questions: [
      {
        id: 'buy_again',
        type: 'yes_no',
        required: true,
        title: t(
          'Do you plan to buy from us again?',
          'قصد دارید دوباره از ما خرید کنید؟',
          'هل تنوي الشراء منا مرة أخرى؟',
          '您打算再次向我们购买吗？',
        ),
      },
      {
        id: 'keep_you',
        type: 'text',
        title: t('What would keep you with us?', 'چه چیزی شما را مشتری ما نگه می‌دارد؟', 'ما الذي سيبقيك معنا؟', '什么能让您继续选择我们？'),
      },
    ],
  },
  {
    key: 'nps',
    name: t('Net Promoter Score (NPS)', 'شاخص خالص مروجان (NPS)', 'صافي نقاط الترويج (NPS)', '净推荐值 (NPS)'),
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        title: t(
          'How likely are you to recommend us to a friend or colleague?',
          'چقدر احتمال دارد ما را به دوست یا همکارتان پیشنهاد کنید؟',
          'ما مدى احتمال أن توصي بنا لصديق أو زميل؟',
          '您向朋友或同事推荐我们的可能性有多大？',
        ),
      },
      {
        id: 'detractor_reason',
        type: 'text',
        showIf: { question: 'nps', max: 6 },
        title: t(
          'What went wrong, and what could we do better?',
          'چه چیزی درست پیش نرفت و چه کاری را می‌توانیم بهتر انجام دهیم؟',
          'ما الذي لم يكن جيدًا، وكيف يمكننا التحسن؟',
          '哪里做得不好？我们可以怎样改进？',
        ),
      },
      {
        id: 'passive_reason',
        type: 'text',
        showIf: { question: 'nps', min: 7, max: 8 },
        title: t(
          'What would make your experience excellent?',
          'چه چیزی تجربه شما را عالی می‌کرد؟',
          'ما الذي سيجعل تجربتك ممتازة؟',
          '怎样才能让您的体验更出色？',
        ),
      },
      {
        id: 'promoter_reason',
        type: 'text',
        showIf: { question: 'nps', min: 9 },
        title: t('What do you like most about us?', 'چه چیزی را در ما بیشتر دوست دارید؟', 'ما أكثر ما يعجبك فينا؟', '您最喜欢我们哪一点？'),
      },
    ],
  },
  {
    key: 'csat_after_ticket',
    name: t('CSAT after a support ticket', 'رضایت پس از درخواست پشتیبانی', 'الرضا بعد طلب الدعم', '工单后的满意度'),
    questions: [
      {
        id: 'csat',
        type: 'csat',
        required: true,
        title: t(
          'How satisfied are you with how we handled your request?',
          'از نحوه رسیدگی به درخواستتان چقدر راضی هستید؟',
          'ما مدى رضاك عن طريقة تعاملنا مع طلبك؟',
          '您对我们处理您请求的方式满意吗？',
        ),
      },
      {
        id: 'csat_reason',
        type: 'text',
        showIf: below('csat', 3),
        title: t(
          'What could we have done better?',
          'چه کاری را می‌توانستیم بهتر انجام دهیم؟',
          'ما الذي كان بإمكاننا فعله بشكل أفضل؟',
          '我们本可以在哪些方面做得更好？',
        ),
      },
    ],
  },
  {
    key: 'ces',
    name: t('Customer Effort Score (CES)', 'شاخص تلاش مشتری (CES)', 'مؤشر جهد العميل (CES)', '客户费力度 (CES)'),
    questions: [
      {
        id: 'ces',
        type: 'ces',
        required: true,
        title: t(
          'How easy was it to get what you needed today?',
          'امروز رسیدن به چیزی که لازم داشتید چقدر آسان بود؟',
          'ما مدى سهولة حصولك على ما تحتاجه اليوم؟',
          '今天获得您所需的帮助有多容易？',
        ),
      },
      {
        id: 'ces_reason',
        type: 'text',
        showIf: below('ces', 3),
        title: t('What made it difficult?', 'چه چیزی آن را سخت کرد؟', 'ما الذي جعل الأمر صعبًا؟', '是什么让它变得困难？'),
      },
    ],
  },
];

/** A template as a survey definition in the given languages (all four by default). */
export function definitionFromTemplate(
  template: SurveyTemplate,
  languages: SurveyLanguage[],
  defaultLanguage: SurveyLanguage,
): SurveyDefinition {
  const pick = (text: Text): Localized => Object.fromEntries(languages.map((l) => [l, text[l]]));
  return {
    languages,
    defaultLanguage,
    hiddenFields: [],
    display: 'one_per_screen',
    questions: template.questions.map((q) => ({
      ...q,
      required: q.required ?? false,
      title: pick(q.title),
      ...(q.options ? { options: q.options.map((o) => ({ id: o.id, label: pick(o.label) })) } : {}),
    })),
  };
}
