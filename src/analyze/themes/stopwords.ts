/**
 * Words that never start or end a theme phrase: function words, pronouns, auxiliaries and the
 * generic vocabulary of feedback itself ("good", "very", "please", "خیلی", "很"), which occurs in
 * every window and says nothing about what customers talk about, with the colloquial fillers of
 * each language (Persian دیگه / یکم / خب, Arabic dialect يعني / والله / كده / هيك / بزاف / واجد,
 * Chinese 哈哈 / 反正 / 亲, English "literally" / "tbh"), the words of time and frequency that every
 * complaint carries (روز، بار، يوم، مرة، 今天、每次, "again") and the nouns every piece of feedback
 * is about ("order", سفارش, الطلب, 订单). Stored in normalised form
 * (normalize-text.ts), so ي/ی, ك/ک, أ/ا and ZWNJ spellings are all covered by one entry.
 */
import { normalizeForSearch } from '../language/normalize-text.js';
import { isArabicScript, procliticStems } from '../language/arabic-clitics.js';

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
help assistance assist tell look one two also back after before anyone someone something anything
actually literally basically honestly seriously totally absolutely definitely pretty super kinda sorta
sort kind maybe probably guess anyway anyways though although however yet since because cause cuz
while until already always never ever sometimes often usually again today yesterday tomorrow tonight
day days week weeks month months year years time times hour hours minute minutes mins now then soon
later lol lmao omg wow oh ugh hey hmm um uh btw tbh imo pls plz ty guys guy people everyone everybody
everything nothing nobody etc order orders company customer customers experience
don didn doesn isn wasn aren weren couldn wouldn shouldn won ve re ll
gonna wanna gotta got ya yep yup sure thing okay alright whatever literally`;

// Finglish and Arabizi: the fillers above written in Latin letters (checked for Latin words in
// Persian and Arabic feedback).
const FA_LATIN = `kheili kheyli khaili kheily kheli vaghean vagean vaghan yani yaani aslan asan kolan dige
digeh hanoz hanuz hanooz bazam baz ham ham va ke ro ra az be ba dar ta in on oon una inja unja alan
emruz emrooz diruz dirooz rooz ruz bar dafe dafeh merci mersi mamnun mamnoon salam lotfan khob khub
khoobe khube bad badi kheyr are areh na nah ye yek do se chi chera chon vali amma mige migan dare
daran hast hastam nist bood bud shod shode kardam kard kardan mikonam mikone mishe nemishe`;

const AR_LATIN = `ya3ni yani wallah walla wallahi bas bass ktir kteer kter kthir barsha barcha bzaf bezzaf mara
wayed wayid shway shwaya chwiya shwayya hek heik keda kda kida kdh leh lesh 3ashan 3shan 3alashan
lissa lessa lsa lisa dayman abadan msh mish mesh mush mafi mafish fi fih 3andi 3ndi ana e7na a7na
enta enti into howa hiya homa el al il w wel wil b bel bil l lel lil f fel fil ma la la2 aywa ah
okay tamam tayeb tayyib 7elw helw zein kwayes kwayyis mni7 mnih mezyan behi shukran shokran merci
inshallah nshallah hamdullah alhamdulillah elhamdulillah yom youm nhar saa3a mrra marra marat
7aga haga shi eshi 7ad 7ada wa7ed`;

const FA = `و یا یا که را از به با در بر برای تا هم نیز اما ولی پس اگر چون چرا چه چی چیزی کی کجا
این آن اینها آنها ها همین همان هر همه هیچ بعضی چند دیگر خود خودم خودش ما شما او اون ایشان من تو
ام ای است هست هستم هستیم هستند نیست نیستم بود بودم بودیم بودند باشد باشم باشه شد شده شدم شدن
شود میشود میشه کرد کردم کردیم کرده کردن کند میکند میکنم کنم کنید کن داشت دارم داره دارد دارند
داشتم نداشت ندارد نداره هستش یک یه دو سه الان امروز دیروز فقط حتی خیلی بسیار زیاد کم بیشتر کمتر
جدا واقعا واقعاً خوب بد عالی بهتر بدتر ممنون مرسی سلام لطفا لطفاً تشکر متشکرم باید نباید میخواهم
خواهش خواهشا بله نه آره خیر روی توی زیر بین پیش بعد قبل مثل مانند ولیکن چون‌که شاید هنوز
رو تو اینو اونو اینه اونه میباشد میباشند باشید دارید کنید میکنه میکنند بشه کنه میشد میتونه میتوان
البته اینکه یعنی اصلا اصلاً کاملا کاملاً حتما حتماً همچنین درباره نسبت استفاده نظر قرار بوده داشته
بسیاری چیز همه‌ی هستش اونم منم خوبی یکی
دیگه اینجا اونجا آخه مگه انگار اصن کلا یکم یکمی کمی همش هنوزم بازم باز دوباره بار بارها باری
دفعه دفعه‌ی روز روزه روزها روزی ساعت ساعته ساعتها هفته ماه سال وقت موقع امشب فردا پریروز
کار کارم چیزا هیچی همینطور اینطوری اونطوری چطوری چجوری خب خوبه عالیه بده داریم دارین دارن هستن
نیستن بودن شدیم شدن میشن میخوام میخواستم نمیخوام میتونم نمیتونم میتونید بتونم بدید بدین کنین
کردین کردید شماها ایشون اینا اونا هرچی هرکی یعنیچی واسه برا برای‌ اینم اونم هم‌ دیگر دیگری
سفارش سفارشم مشتری شرکت تجربه مرسی‌ ممنونم سپاس باتشکر باسلام احتراما احتراماً باسپاس
اقا آقا خانم جان عزیز عزیزم دوستان لطف تقریبا تقریباً معمولا معمولاً همیشه هیچوقت هیچ‌وقت گاهی
کاش ایکاش انشالله ان‌شاءالله خداییش واقعن جدی راستش راستی ضمنا ضمناً بالاخره تازه حالا`;

const AR = `و أو او ثم ف في من إلى الى على عن مع عند بين حتى لكن لقد قد كان كانت يكون تكون كنت ليس ليست
هذا هذه ذلك تلك هؤلاء هنا هناك الذي التي الذين ما ماذا لماذا كيف متى أين اين هل لا لم لن نعم
أنا انا نحن أنت انت أنتم هو هي هم هن كل بعض أي اي غير فقط أيضا ايضا جدا جداً كثير كثيرا قليل
جيد جيدة سيء سيئة سيئ ممتاز ممتازة رائع رائعة أفضل افضل أسوأ شكرا شكراً مرحبا السلام عليكم
من فضلك لو إن ان أن إذا اذا لأن لان الى عليه عليها فيه فيها منه منها به بها له لها لي لنا
يا اللي مش بس كده شي شيء أكثر اكثر اقل أقل لقد كما يعني بعد قبل كل مرة
انه إنه انها إنها ولا ولكن وهو وهي عندهم عندي عنده يوجد توجد تم حيث مثل ومن وفي وعلى وكان وكانت
او اذ إذ لما كذلك هنالك منذ دون بدون الا إلا وقد ولم ولن وما وان وأن فى علي
والله ولله الله طيب خلاص ياريت يا ريت كتير واجد وايد حيل برشا بزاف ياسر شوية شويه شوي شويا
هيك هيدا هيدي هاد هادا هادي هذي هاي دي ده دول كدا كذا ليش ليه علاش شو ايش إيش وش شنو شنوا
فين وين منين امتى إمتى كيفاش ازاي إزاي عشان علشان لأنه لانه لسه لسا بعدين دايما دائما ابدا أبدا
مو مب موش ماشي مافي ماكو اكو عندنا عندكم احنا إحنا حنا انتو انتوا إنتو هما هوما اني آني راه راني
رانا غادي باش ديال ديالي تاع متاع برك هلق هلأ هلا الحين توا دابا دلوقتي النهارده اليوم امبارح أمس
البارحة يوم ايام أيام ساعة ساعات دقيقة دقايق مره مرات مرتين حاجة حاجه اشي إشي حد حدا واحد وحدة كلو
كله كلها الي يلي إللي اه أه آه ايوه أيوه ايوا إي لأ اوكي اوك تمام حلو زين كويس منيح مزيان باهي واو
مشكورين يعطيكم العافية شاء الحمدلله الحمد لله ماشاء سبحان بجد فعلا حقيقي حقا جد صراحة بصراحة
عموما بالنسبة نسبة بخصوص حول كمان برضو برضه بردو زي متل زاي كيما اكتر أكتر احسن أحسن خير
الطلب طلب العميل الزبون الشركة التجربة تجربة الخدمة المكان الناس ناس شكراً جزيلا جزيلاً`;

const ZH = `的 了 是 在 和 与 及 或 也 都 就 还 又 而 但 但是 不过 因为 所以 如果 虽然 这 那 这个 那个 这些
那些 这样 那样 我 你 您 他 她 它 我们 你们 他们 她们 自己 有 没有 没 不 很 非常 太 真 真的 特别 比较
挺 还是 就是 一个 一些 一下 一点 什么 怎么 为什么 哪 吗 吧 呢 啊 呀 哦 嗯 着 过 被 把 给 让 对 对于
从 到 向 上 下 里 中 好 不错 很好 好的 满意 一般 差 可以 可能 应该 已经 还有 然后 其他 东西 问题
谢谢 感谢 请 希望 觉得 感觉 知道 说 用 买 次 个 会 能 要 想 来 去 做 看 得 地 之 等
不是 而且 收到 没有 一样 时候 一直 现在 真是 有点 实在 有些 总是 这么 那么 一次 下次 以后 还会
不会 不能 不要 不好 还好 挺好 比较 其实 然后 另外 之前 之后 之类 一定 几个 只是 只有 我家 大家 东东
哈哈 哈哈哈 嘿嘿 呵呵 嗯嗯 好吧 算了 反正 毕竟 简直 居然 竟然 终于 马上 立刻 刚刚 刚才 今天 昨天 明天
每次 每天 一天 天 小时 分钟 时间 回 个人 人家 这种 那种 各种 这边 那边 这里 那里 哪里 怎么样 怎样 如何
为啥 干嘛 咋 咋样 啥 有的 某些 而已 罢了 的话 来说 比如 例如 以前 以来 后来 最近 目前 当时 同时 并且
或者 以及 就算 即使 不管 无论 只要 只能 可是 然而 于是 因此 由于 为了 通过 根据 关于 按照 除了 亲 亲们
宝宝 家人们 真心 确实 肯定 当然 估计 好像 似乎 完全 根本 几乎 越来越 经常 偶尔 又是 再 再也 还要 还没
都是 也是 就会 真的是 有点儿 一点儿 挺好的 还行 可以的 绝了 无语 服了 醉了 哎 唉 哇 嘛 咯 啦 喔 哟 滴
哈 么 呗 嘞 订单 商家 店家 客人 体验 这次 那次 上次 第一次 每个 所有 整个 之间 左右 多 少 大 小`;

// Negations are stopwords, but may start a phrase: "not working", "不耐用", "لا يعمل".
const NEGATIONS_LIST: Record<string, string> = {
  en: 'not no dont doesnt didnt cant couldnt wont isnt arent wasnt werent don didn doesn isn wasn won couldn aren weren',
  fa: 'نه بدون نمی هیچ',
  ar: 'لا لم لن غير ليس ليست مش مو ما مب موش',
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

const ROMANIZED: Readonly<Record<string, ReadonlySet<string>>> = { fa: build(FA_LATIN), ar: build(AR_LATIN) };
const LATIN_WORD_RE = /^[a-z0-9]+$/;

export const NEGATIONS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(NEGATIONS_LIST).map(([language, list]) => [language, build(list)]),
);

/**
 * True when `token` (already normalised) is a stopword in `language`. Arabic glues و ف ب ل ک and
 * the article to its words, so an Arabic word is also a stopword when what is left after peeling
 * them is one (والطلب, وهذا, فيعني). Latin words in Persian or Arabic feedback (Finglish, Arabizi)
 * are checked against the fillers written in Latin letters.
 */
export function isStopword(language: string, token: string): boolean {
  const list = STOPWORDS[language];
  if (!list) return false;
  if (list.has(token)) return true;
  if (language === 'ar' && isArabicScript(token)) return procliticStems(token).some((stem) => list.has(stem));
  if (LATIN_WORD_RE.test(token)) return ROMANIZED[language]?.has(token) ?? false;
  return false;
}
