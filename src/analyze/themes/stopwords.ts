/**
 * Words that never start or end a theme phrase: function words, pronouns, auxiliaries and the
 * generic vocabulary of feedback itself ("good", "very", "please", "خیلی", "很"), which occurs in
 * every window and says nothing about what customers talk about. Stored in normalised form
 * (normalize-text.ts), so ي/ی, ك/ک, أ/ا and ZWNJ spellings are all covered by one entry.
 */
import { normalizeForSearch } from '../language/normalize-text.js';

const EN = `a an the and or but if then than so as of at by for with without about to from in on into onto
over under up down out off again also just only even still too very really quite much many more most
less least some any all each every both few other such no nor not none is am are was were be been
being have has had having do does did doing done will would shall should can could may might must
i me my mine myself we us our ours you your yours he him his she her hers it its they them their
theirs this that these those there here what which who whom whose when where why how
get got getting go going went make made let lets thing things stuff way lot lots bit
good bad great nice ok okay fine well better best worse worst awesome terrible horrible poor
please thanks thank thx hi hello dear sir madam regards yes yeah no nope
like love hate want wanted need needed think feel felt know say said see seen use used
im ive ill id dont doesnt didnt cant couldnt wont wouldnt isnt arent wasnt werent
help assistance assist tell look one two also back after before anyone someone something anything`;

const FA = `و یا یا که را از به با در بر برای تا هم نیز اما ولی پس اگر چون چرا چه چی چیزی کی کجا
این آن اینها آنها ها همین همان هر همه هیچ بعضی چند دیگر خود خودم خودش ما شما او اون ایشان من تو
ام ای است هست هستم هستیم هستند نیست نیستم بود بودم بودیم بودند باشد باشم باشه شد شده شدم شدن
شود میشود میشه کرد کردم کردیم کرده کردن کند میکند میکنم کنم کنید کن داشت دارم داره دارد دارند
داشتم نداشت ندارد نداره هستش یک یه دو سه الان امروز دیروز فقط حتی خیلی بسیار زیاد کم بیشتر کمتر
جدا واقعا واقعاً خوب بد عالی بهتر بدتر ممنون مرسی سلام لطفا لطفاً تشکر متشکرم باید نباید میخواهم
خواهش خواهشا بله نه آره خیر روی توی زیر بین پیش بعد قبل مثل مانند ولیکن چون‌که شاید هنوز
رو تو اینو اونو اینه اونه میباشد میباشند باشید دارید کنید میکنه میکنند بشه کنه میشد میتونه میتوان
البته اینکه یعنی اصلا اصلاً کاملا کاملاً حتما حتماً همچنین درباره نسبت استفاده نظر قرار بوده داشته
بسیاری چیز همه‌ی هستش اونم منم خوبی یکی`;

const AR = `و أو او ثم ف في من إلى الى على عن مع عند بين حتى لكن لقد قد كان كانت يكون تكون كنت ليس ليست
هذا هذه ذلك تلك هؤلاء هنا هناك الذي التي الذين ما ماذا لماذا كيف متى أين اين هل لا لم لن نعم
أنا انا نحن أنت انت أنتم هو هي هم هن كل بعض أي اي غير فقط أيضا ايضا جدا جداً كثير كثيرا قليل
جيد جيدة سيء سيئة سيئ ممتاز ممتازة رائع رائعة أفضل افضل أسوأ شكرا شكراً مرحبا السلام عليكم
من فضلك لو إن ان أن إذا اذا لأن لان الى عليه عليها فيه فيها منه منها به بها له لها لي لنا
يا اللي مش بس كده شي شيء أكثر اكثر اقل أقل لقد كما يعني بعد قبل كل مرة
انه إنه انها إنها ولا ولكن وهو وهي عندهم عندي عنده يوجد توجد تم حيث مثل ومن وفي وعلى وكان وكانت
او اذ إذ لما كذلك هنالك منذ دون بدون الا إلا وقد ولم ولن وما وان وأن فى علي`;

const ZH = `的 了 是 在 和 与 及 或 也 都 就 还 又 而 但 但是 不过 因为 所以 如果 虽然 这 那 这个 那个 这些
那些 这样 那样 我 你 您 他 她 它 我们 你们 他们 她们 自己 有 没有 没 不 很 非常 太 真 真的 特别 比较
挺 还是 就是 一个 一些 一下 一点 什么 怎么 为什么 哪 吗 吧 呢 啊 呀 哦 嗯 着 过 被 把 给 让 对 对于
从 到 向 上 下 里 中 好 不错 很好 好的 满意 一般 差 可以 可能 应该 已经 还有 然后 其他 东西 问题
谢谢 感谢 请 希望 觉得 感觉 知道 说 用 买 次 个 会 能 要 想 来 去 做 看 得 地 之 等
不是 而且 收到 没有 一样 时候 一直 现在 真是 有点 实在 有些 总是 这么 那么 一次 下次 以后 还会
不会 不能 不要 不好 还好 挺好 比较 其实 然后 另外 之前 之后 之类 一定 几个 只是 只有 我家 大家 东东`;

// Negations are stopwords, but may start a phrase: "not working", "不耐用", "لا يعمل".
const NEGATIONS_LIST: Record<string, string> = {
  en: 'not no dont doesnt didnt cant couldnt wont isnt arent wasnt werent',
  fa: 'نه بدون',
  ar: 'لا لم لن غير ليس ليست مش',
  zh: '不 没 没有 无',
};

function build(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).map(normalizeForSearch).filter(Boolean));
}

export const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: build(EN),
  fa: build(FA),
  ar: build(AR),
  zh: build(ZH),
};

export const NEGATIONS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(NEGATIONS_LIST).map(([language, list]) => [language, build(list)]),
);

/** True when `token` (already normalised) is a stopword in `language`. */
export function isStopword(language: string, token: string): boolean {
  return STOPWORDS[language]?.has(token) ?? false;
}
