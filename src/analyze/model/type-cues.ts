/**
 * Feedback-type cue lists: short per-language lists of words and phrases that mark a suggestion
 * ("please add", کاش, ياريت, 建议), a bug report ("crash", ارور, لا يعمل, 闪退), a question
 * ("how do I", آیا, هل, 吗), praise ("thank you", دمتون گرم, يعطيكم العافية, 点赞) or a complaint
 * ("worst", افتضاح, للأسف, 差评). Each class that matches fires one feature per language and
 * one shared by all languages (features.ts). Only a few hundred hand-labelled texts carry the
 * suggestion / praise / bug labels, so the word features alone see most cue words once or never;
 * a cue class feature is seen in every labelled text that uses any of its cues, and its learnt
 * weight carries over to cue words the training texts lack.
 *
 * Matching uses the same normalisation and tokens as the word features: a phrase matches a run of
 * whole tokens (`…` inside a phrase allows up to GAP_TOKENS tokens in between); Arabic cues also
 * match with a glued و / ف (and, so) in front. Chinese is matched as substrings of the normalised
 * text, skipping a cue right after 不 / 没 (不满意 is not praise).
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenizeNormalized } from '../language/tokenize.js';

export const TYPE_CUE_CLASSES = ['suggestion', 'bug', 'question', 'praise', 'complaint'] as const;
export type TypeCueClass = (typeof TYPE_CUE_CLASSES)[number];

type CueLists = Record<TypeCueClass, readonly string[]>;

const GAP_TOKENS = 5;

const CUES: Record<string, CueLists> = {
  en: {
    suggestion: ['please add', 'could you add', 'can you add', 'would be nice', 'would be great', 'would be good', 'would love',
      'i wish', 'wish you', 'wish there', 'suggest', 'suggestion', 'feature request', 'please consider', 'consider adding',
      'you should add', 'should add', 'add an option', 'option to', 'please allow', 'please make', 'please bring', 'it would help',
      'why not add', 'how about', 'hope you', 'would be helpful', 'allow us to', 'let us', 'maybe', 'consider', 'should be', 'you need', 'need a', 'have you thought', 'let me', 'don\'t make', 'pls add', 'add some', 'make it possible'],
    bug: ['crash', 'crashes', 'crashed', 'crashing', 'error', 'errors', 'bug', 'bugs', 'buggy', 'glitch', 'not working',
      'doesn\'t work', 'does not work', 'doesn\'t load', 'won\'t load', 'not loading', 'won\'t open', 'doesn\'t open', 'freezes',
      'freeze', 'frozen', 'stuck', 'blank screen', 'white screen', 'black screen', 'broken', 'fails', 'failed', 'spinning',
      'loading forever', 'times out', 'keeps logging', 'keeps crashing', '404', 'nothing happens', 'twice', 'does nothing', 'blank', 'still says', 'still shows', 'shows the wrong', 'overlap', 'overlaps', 'is down', 'not receiving', 'invalid', 'kicks me', 'won\'t let me'],
    question: ['how', 'when', 'where', 'what', 'which', 'can i', 'could i', 'is there', 'are there', 'do you', 'does it',
      'is it possible', 'any way to', 'wondering', 'will you', 'anyone know', 'is it', 'do i need', 'how long', 'how much'],
    praise: ['thank', 'thanks', 'thank you', 'love', 'loved', 'amazing', 'excellent', 'well done', 'great job', 'awesome',
      'fantastic', 'brilliant', 'perfect', 'kudos', 'appreciate', 'keep it up', 'impressed', 'wonderful', 'superb', 'best',
      'five stars', '5 stars', 'spot on', 'lovely', 'cheers', 'delicious', 'convenient', 'friendly', 'great', 'spotless', 'super simple', 'so easy', 'faster', 'will be back', 'to die for', 'polite'],
    complaint: ['disappointed', 'disappointing', 'terrible', 'worst', 'again', 'still not', 'still no', 'never', 'unacceptable',
      'awful', 'horrible', 'ridiculous', 'waste', 'refund', 'rude', 'overcharged', 'useless', 'scam', 'fed up', 'not happy',
      'no one', 'nobody', 'poor', 'shocking', 'appalling', 'why', 'not worth', 'no explanation', 'nothing', 'didn\'t', 'cold', 'still got', 'always', 'ages'],
  },
  fa: {
    suggestion: ['پیشنهاد', 'پیشنهادم', 'پیشنهاد میکنم', 'لطفا اضافه', 'لطفا … اضافه کنید', 'کاش', 'ای کاش', 'بهتره', 'بهتر است',
      'بهتر بود', 'اگه … بشه', 'اگر … بشود', 'اگه … میشد', 'اگر … میشد', 'خوب میشد', 'عالی میشد', 'خوب میشه', 'عالی میشه',
      'اضافه کنید', 'اضافه کنین', 'اضافه بشه', 'بذارید', 'بزارید', 'امکان … اضافه', 'هم داشتید', 'لازم دارید', 'باشه', 'بدید', 'بفرستید', 'نکنید', 'بشه'],
    bug: ['خطا', 'ارور', 'باگ', 'کرش', 'کار نمیکنه', 'کار نمیکند', 'باز نمیشه', 'باز نمیشود', 'لود نمیشه', 'بالا نمیاد', 'هنگ',
      'هنگ میکنه', 'قفل میکنه', 'قفل میشه', 'صفحه سفید', 'سفید میشه', 'بسته میشه', 'میپره بیرون', 'میپره', 'مشکل فنی', 'نمیشه وارد',
      'وارد نمیشه', 'نمیاد', 'کار نمیکرد', 'ایراد', 'دو بار', 'نشون میده', 'نمیشه', 'نمیتونم وارد', 'اشتباه نشون', 'ناموفق', 'خالی میشه', 'به روز نمیشه', 'بهروز نمیشه'],
    question: ['آیا', 'چطور', 'چطوری', 'چگونه', 'کی', 'کجا', 'میشه بگید', 'میشه بگین', 'چند', 'چقدر', 'چه زمانی', 'چه ساعتی',
      'امکانش هست', 'امکان دارد', 'دارید', 'دارین', 'ممکنه بگید', 'سوال', 'سوالم', 'چیه', 'کدوم', 'کدام'],
    praise: ['ممنون', 'مرسی', 'عالی', 'عالیه', 'دمتون گرم', 'دستتون درد نکنه', 'دست مریزاد', 'سپاس', 'تشکر', 'متشکرم', 'خیلی خوب',
      'بینظیر', 'فوق العاده', 'راضیم', 'راضی هستم', 'خسته نباشید', 'ایول', 'حرف نداره', 'بهترین', 'واقعا خوب', 'محشر', 'محشره', 'راحت', 'تمیز', 'سریع', 'ساده', 'مهربون', 'ممنونم', 'کاربردی', 'بیدردسر'],
    complaint: ['افتضاح', 'بدترین', 'هنوز', 'دیگه نمیخرم', 'دیگه خرید نمیکنم', 'دوباره', 'بازم', 'باز هم', 'هیچوقت', 'هیچکس',
      'واقعا که', 'ناراضی', 'شکایت', 'بی کیفیت', 'پولم', 'کلاهبرداری', 'بی ادب', 'دیر', 'خیلی بد', 'اصلا', 'چرا', 'نبود', 'اعصاب', 'تاخیر', 'قطع', 'بیادب', 'زشته', 'این چه وضعشه'],
  },
  ar: {
    suggestion: ['اقترح', 'اقتراح', 'اقتراحي', 'ياريت', 'يا ريت', 'أتمنى', 'نتمنى', 'لو سمحتم أضيفوا', 'أضيفوا', 'ضيفوا', 'يا ليت',
      'ليت', 'من الأفضل', 'الأفضل لو', 'حبذا', 'لو تضيفون', 'لو تضيفوا', 'ممكن تضيفوا', 'أرجو إضافة', 'نرجو إضافة', 'إضافة خيار',
      'يفضل', 'لو … يكون', 'وفروا', 'نحتاج', 'نقترح', 'لو في', 'خلوا', 'ليش ما', 'استخدموا', 'لا تخلوا', 'محتاجين'],
    bug: ['لا يعمل', 'ما يشتغل', 'مش شغال', 'مو شغال', 'ما بيشتغل', 'ما بيفتح', 'لا يفتح', 'ما يفتح', 'مش بيفتح', 'خطأ', 'يعلق',
      'علق', 'يقفل', 'مشكلة تقنية', 'عطل', 'خلل', 'شاشة بيضاء', 'يطلعني', 'كراش', 'ايرور', 'error', 'bug', 'يفصل', 'ما يحمل',
      'لا يحمل', 'مرتين', 'ما يستجيب', 'صفحة بيضاء', 'يرجعني', 'ما يوصلني', 'يظهر', 'واقع', 'فشلت', 'ما يقبل', 'لسا بيقول', 'تظل'],
    question: ['هل', 'كيف', 'متى', 'وين', 'فين', 'ممكن', 'كم', 'ايش', 'شو', 'أين', 'هل يمكن', 'هل يوجد', 'عندكم', 'استفسار',
      'سؤال', 'ازاي', 'امتى', 'إيه', 'ماذا'],
    praise: ['شكرا', 'ممتاز', 'ممتازة', 'تسلم', 'تسلمون', 'يعطيكم العافية', 'رائع', 'رائعة', 'جميل', 'مبدعين', 'أحسنتم',
      'ما شاء الله', 'ماشاء الله', 'تحفة', 'ألف شكر', 'مشكورين', 'برافو', 'يسلمو', 'الأفضل', 'أفضل', 'سهل', 'مريح', 'خيالي', 'حلو', 'حلوة', 'محترم', 'نظيفة', 'سريع', 'يعطيه العافية', 'مثالية', 'محترفين'],
    complaint: ['سيء', 'سيئ', 'سيئة', 'أسوأ', 'للأسف', 'مرة ثانية', 'مرة أخرى', 'مجددا', 'أبدا', 'لن أطلب', 'لن أشتري', 'ما عاد',
      'تأخير', 'متأخر', 'زفت', 'استرجاع', 'فلوسي', 'نصب', 'حرام عليكم', 'غير مقبول', 'مو معقول', 'لحد الآن', 'حتى الآن', 'ليش', 'مزعج', 'مزعجة', 'بطيء', 'ما في', 'ومع هذا', 'معقول', 'محدش'],
  },
  zh: {
    suggestion: ['建议', '希望', '能不能加', '能不能增加', '要是能', '最好', '可以加', '可不可以加', '加个', '加一个', '增加', '添加',
      '如果能', '如果可以', '期待', '吧', '出个', '开通', '别', '可以在'],
    bug: ['闪退', '报错', '打不开', '卡住', '卡死', '白屏', '黑屏', 'bug', '崩溃', '加载不出', '加载失败', '登不上', '登录不了',
      '进不去', '失败', '错误', '故障', '没反应', '转圈', '异常', '两次', '显示', '空白', '收不到', '用不了', '跳回', '重叠', '扣了'],
    question: ['吗', '怎么', '如何', '请问', '能否', '是否', '什么时候', '哪里', '多久', '有没有', '可不可以', '能不能', '呢',
      '多少'],
    praise: ['谢谢', '感谢', '好评', '点赞', '太棒', '给力', '很好', '非常好', '满意', '喜欢', '赞', '好用', '推荐', '五星', '完美',
      '贴心', 'yyds', '方便', '好吃', '干净', '流畅', '简单', '顺手', '热情', '回购', '好大', '好多'],
    complaint: ['差评', '太差', '垃圾', '再也不', '失望', '还是没', '一直', '投诉', '坑', '退款', '太慢', '骗', '恶心', '无语',
      '气死', '又', '为什么', '也太', '不耐烦', '乱七八糟', '没必要', '至于吗', '合理吗'],
  },
};

const QUESTION_END_RE = /[?\u061F\uFF1F][\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D)!.]*$/u;
const ESCAPE_RE = /[.*+?^${}()|[\]\\]/g;

type Matcher = (tokenLine: string, normalized: string) => boolean;

function escape(s: string): string {
  return s.replace(ESCAPE_RE, '\\$&');
}

/** Token-run matcher: one regex over " tok tok … " for all cues of a class. */
function tokenMatcher(language: string, cues: readonly string[]): Matcher {
  const prefix = language === 'ar' ? '(?:[وف])?' : '';
  const alternatives = cues.map((cue) => cue.split('…')
    .map((part) => tokenizeNormalized(normalizeForSearch(part)).map(escape).join(' '))
    .filter((part) => part.length > 0)
    .join(`(?: \\S+){0,${GAP_TOKENS}} `));
  const re = new RegExp(` ${prefix}(?:${alternatives.join('|')}) `, 'u');
  return (tokenLine) => re.test(tokenLine);
}

const NEGATING_HAN = new Set(['不', '没']);

function substringMatcher(cues: readonly string[]): Matcher {
  const normalized = cues.map((cue) => normalizeForSearch(cue));
  return (_tokenLine, text) => normalized.some((cue) => {
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
      if (at === 0 || !NEGATING_HAN.has(text[at - 1])) return true;
    }
    return false;
  });
}

const MATCHERS = new Map<string, Matcher[]>();

function matchersFor(language: string): Matcher[] | undefined {
  const cues = CUES[language];
  if (!cues) return undefined;
  let matchers = MATCHERS.get(language);
  if (!matchers) {
    matchers = TYPE_CUE_CLASSES.map((cls) => (language === 'zh' ? substringMatcher(cues[cls]) : tokenMatcher(language, cues[cls])));
    MATCHERS.set(language, matchers);
  }
  return matchers;
}

/**
 * Indices (into TYPE_CUE_CLASSES) of the cue classes found in a text, given its normalised form
 * and tokens. A text ending in a question mark counts as a question cue in every language.
 */
export function typeCueClasses(language: string, normalized: string, tokens: readonly string[], raw: string): number[] {
  const out: number[] = [];
  const matchers = matchersFor(language);
  if (matchers) {
    const tokenLine = ` ${tokens.join(' ')} `;
    matchers.forEach((match, k) => {
      if (match(tokenLine, normalized)) out.push(k);
    });
  }
  const question = TYPE_CUE_CLASSES.indexOf('question');
  if (!out.includes(question) && QUESTION_END_RE.test(raw)) out.push(question);
  return out;
}
