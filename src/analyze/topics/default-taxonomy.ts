/**
 * The taxonomy every workspace starts with. Users rename, extend, merge or delete these topics
 * per workspace; the keys stay stable (they are stored on feedback items).
 *
 * Keyword semantics (see keyword-matcher.ts):
 * - Keywords and feedback text both go through normalizeForSearch (normalize-text.ts) before
 *   matching. So Persian is written here with ی / ک and without ZWNJ ("بستهبندی" also matches
 *   "بسته‌بندی"), Arabic letter variants (أ إ آ → ا, ة → ه, ى/ي → ی), diacritics, tatweel,
 *   case and Persian/Arabic-Indic digits never decide a match. Two keywords that only differ in
 *   those respects are the same keyword.
 * - A keyword matches whole words, or a run of consecutive words for a multi-word keyword
 *   ("customer service", "دیر رسید", "خدمة العملاء"). It never matches inside a word: "app" does
 *   not match "happy".
 * - A trailing `*` makes the last word a prefix: `deliver*` matches deliver, delivered,
 *   delivery; `ارسال*` matches ارسالش, ارسالی. Arabic clitics are part of the word, so the
 *   definite form is listed separately where it matters (`التوصيل` and `توصيل*`).
 * - A keyword containing Chinese characters matches as a substring of the normalised text
 *   (Chinese is written without spaces), so a longer Chinese keyword that contains a shorter one
 *   adds nothing.
 *
 * Keywords are chosen to be specific: a word that fires on unrelated feedback costs more than a
 * missed one, because the model covers the rest. Ambiguous words are given as phrases (English
 * "order" alone is too vague: "order number", "cancel my order"; Arabic "الموقع" is both website
 * and location: "الموقع الالكتروني", "موقعكم").
 *
 * `examples` holds two short example texts per language (fa, ar, zh, en), each of which matches
 * its topic's keywords.
 */
export interface DefaultTopic {
  key: string;
  names: { fa: string; ar: string; zh: string; en: string };
  keywords: { fa: string[]; ar: string[]; zh: string[]; en: string[] };
  examples: string[];
}

export const DEFAULT_TOPICS: readonly DefaultTopic[] = [
  {
    key: 'price',
    names: { fa: 'قیمت', ar: 'السعر', zh: '价格', en: 'Price' },
    keywords: {
      fa: ['قیمت*', 'گران*', 'گرون*', 'ارزان*', 'ارزون*', 'تخفیف*', 'به صرفه', 'نمیصرفه', 'ارزش خرید', 'ارزش پولش*', 'هزینه*', 'نرخ', 'کارمزد*', 'گرانفروشی', 'مفت', 'کد تخفیف', 'مالیات*'],
      ar: ['السعر', 'الاسعار', 'سعر*', 'اسعار*', 'غالي', 'غالية', 'غالي جدا', 'رخيص*', 'ارخص', 'الخصم', 'كود الخصم', 'كوبون*', 'العروض', 'التكلفة', 'تكلفة*', 'مكلف', 'الرسوم', 'رسوم*', 'يستاهل السعر', 'يستاهل فلوسه', 'الضريبة'],
      zh: ['价格', '价钱', '价位', '太贵', '好贵', '贵了', '便宜', '性价比', '优惠', '折扣', '打折', '满减', '划算', '不值', '收费', '手续费', '涨价', '配送费', '运费'],
      en: ['price*', 'pricing', 'expensive', 'overpriced', 'cheap*', 'affordable', 'discount*', 'promo code', 'coupon*', 'value for money', 'worth the money', 'not worth', 'rip off', 'fee', 'fees', 'cost', 'costs', 'costly', 'too much money'],
    },
    examples: [
      'قیمتش نسبت به کیفیت خیلی بالاست', 'با کد تخفیف واقعا به صرفه درومد',
      'السعر مرتفع مقارنة بالمحلات الثانية', 'العروض هالأسبوع ممتازة',
      '东西不错就是价格有点高', '性价比很高，下次还买',
      'Way too expensive for what you get', 'Great value for money with the discount',
    ],
  },
  {
    key: 'delivery',
    names: { fa: 'ارسال و تحویل', ar: 'التوصيل', zh: '配送', en: 'Delivery' },
    keywords: {
      fa: ['ارسال*', 'تحویل*', 'پیک', 'پیکتون', 'پستچی', 'پست پیشتاز', 'اداره پست', 'مرسوله', 'بسته رسید', 'دیر رسید', 'دیرتر رسید', 'دیر اومد', 'زود رسید', 'هنوز نرسیده', 'کد رهگیری', 'باربری', 'زمان تحویل', 'آدرس تحویل', 'رسیدن سفارش'],
      ar: ['التوصيل', 'توصيل*', 'توصلون', 'الشحن', 'الشحنة', 'شحنة*', 'شحنتي', 'تم الشحن', 'المندوب', 'مندوب*', 'الدليفري', 'دليفري', 'المرسول', 'التسليم', 'وصل متأخر', 'تأخر الطلب', 'رقم التتبع', 'تتبع الشحنة', 'العنوان', 'الطرد', 'نقطة استلام', 'نقاط استلام'],
      zh: ['配送', '送餐', '骑手', '快递', '物流', '送货', '发货', '送达', '派送', '外卖小哥', '送得慢', '送得快', '送到', '包邮', '自提', '到货', '收货地址'],
      en: ['deliver*', 'shipping', 'shipped', 'shipment', 'courier*', 'dispatch*', 'parcel*', 'tracking number', 'tracking info', 'postage', 'postman', 'arrived late', 'late arrival', 'never arrived', 'still not arrived', "hasn't arrived", 'in transit', 'pickup locker*', 'rider'],
    },
    examples: [
      'سفارشم سه روز دیر رسید', 'پیک خیلی سریع و مودب بود',
      'التوصيل تأخر ساعتين', 'المندوب كان محترم ووصل بسرعة',
      '骑手送得太慢了，饭都凉了', '物流很快，第二天就到了',
      'The parcel turned up a week late', 'Shipping was fast and the courier was friendly',
    ],
  },
  {
    key: 'support',
    names: { fa: 'پشتیبانی', ar: 'خدمة العملاء', zh: '客服', en: 'Support' },
    keywords: {
      fa: ['پشتیبانی*', 'پاسخگو*', 'اپراتور', 'کارشناس*', 'تماس گرفتم', 'پشت خط', 'جواب نمیدن', 'جواب نمیده', 'جواب نداد*', 'کسی جواب', 'خوش برخورد', 'بد برخورد', 'برخورد کارمند', 'بی ادب*', 'بیادب*', 'پرستار*', 'کارکنان', 'پرسنل', 'مرکز تماس', 'تیکت', 'خدمات مشتری', 'پذیرش', 'مهماندار*'],
      ar: ['خدمة العملاء', 'خدمة الزبائن', 'الدعم الفني', 'الدعم', 'فريق الدعم', 'الموظف', 'الموظفة', 'الموظفين', 'الممرض*', 'على الخط', 'الاستقبال', 'الكول سنتر', 'مركز الاتصال', 'ما حد رد', 'محدش رد', 'محدش بيرد', 'ما يردون', 'ما ردوا', 'قلة احترام', 'اسلوب التعامل', 'الطاقم', 'طاقم*', 'الدردشة'],
      zh: ['客服', '售后', '态度', '人工客服', '不回复', '没人理', '不理人', '店员', '服务员', '前台', '工作人员', '空姐', '护士', '地勤', '热线', '电话打不通', '挂电话', '回消息'],
      en: ['customer service', 'customer support', 'customer care', 'support team', 'support agent', 'tech support', 'helpdesk', 'live chat', 'call centre', 'call center', 'put on hold', 'nurse*', 'hung up', 'no response', 'never replied', 'never got back', 'agent', 'staff', 'receptionist', 'representative', 'rude', 'unhelpful', 'cabin crew', 'waiter*', 'barista*'],
    },
    examples: [
      'سه بار با پشتیبانی تماس گرفتم و کسی جواب نداد', 'کارشناس پشتیبانی خیلی صبور بود',
      'خدمة العملاء ما ترد على الإيميلات', 'الموظف كان متعاون جدا وحل المشكلة',
      '客服态度很差，一直不回复', '售后处理得很及时，点赞',
      'Support never replied to my ticket', 'The agent on live chat solved it in minutes',
    ],
  },
  {
    key: 'product_quality',
    names: { fa: 'کیفیت محصول', ar: 'جودة المنتج', zh: '产品质量', en: 'Product quality' },
    keywords: {
      fa: ['کیفیت*', 'بی کیفیت', 'بیکیفیت', 'جنس*', 'خراب بود', 'خراب شد*', 'معیوب', 'تقلبی', 'اصل بود', 'طعم*', 'مزه*', 'خوشمزه', 'بدمزه', 'بیمزه', 'دوام', 'پارچه*', 'پرز', 'رنگ داد', 'بیات', 'خام بود', 'سرعت اینترنت', 'آنتن', 'تمیز نبود', 'کثیف', 'گارانتی'],
      ar: ['الجودة', 'جودة', 'جودته', 'جودتها', 'الخامة', 'خامة', 'مكسور', 'انكسر', 'تالف', 'خربان', 'عطلان', 'وقف عن الشغل', 'مش اصلي', 'تقليد', 'مقلد', 'الطعم', 'لذيذ', 'بايت', 'طازج*', 'التغطية', 'النت', 'الانترنت', 'النظافة', 'غير نظيف*', 'الضمان'],
      zh: ['质量', '品质', '做工', '味道', '口感', '正品', '假货', '新鲜', '坏了', '材质', '好吃', '难吃', '分量', '掉色', '起球', '网速', '信号', '隔音', '卫生', '延误', '耐用', '保修', '宽带', '干净', '好喝'],
      en: ['quality', 'defective', 'faulty', 'poorly made', 'well made', 'cheaply made', 'stopped working', 'fell apart', 'came apart', 'taste*', 'tasty', 'delicious', 'bland', 'stale', 'undercooked', 'dirty', 'flavour*', 'flavor*', 'fresh', 'signal', 'fake', 'warranty', 'fabric', 'stitching', 'broadband'],
    },
    examples: [
      'کیفیت پارچه پایین بود و بعد از یک شستشو پرز داد', 'طعم غذا عالی بود',
      'جودة المنتج سيئة وانكسر من أول استخدام', 'الطعم لذيذ والمكونات طازجة',
      '质量很好，做工精细', '味道一般，肉不新鲜',
      'The blender stopped working after two uses', 'Excellent quality, feels premium',
    ],
  },
  {
    key: 'design_ux',
    names: { fa: 'طراحی و تجربه کاربری', ar: 'التصميم وسهولة الاستخدام', zh: '设计与体验', en: 'Design & UX' },
    keywords: {
      fa: ['طراحی*', 'ظاهر اپ', 'ظاهر سایت', 'رابط کاربری', 'تجربه کاربری', 'کاربرپسند', 'استفاده راحت', 'راحت پیدا', 'سخت پیدا', 'گیج کننده', 'گیجکننده', 'فونت', 'اندازه متن', 'حالت شب', 'دارک مود', 'رنگ بندی', 'رنگبندی', 'چیدمان'],
      ar: ['التصميم', 'تصميم*', 'الواجهة', 'واجهة*', 'سهل الاستخدام', 'سهولة الاستخدام', 'صعب الاستخدام', 'معقد', 'معقدة', 'محير', 'مربك', 'الوضع الليلي', 'الوضع الداكن', 'الخط صغير', 'حجم الخط', 'ضغطات', 'كثرة الخطوات', 'ترتيب الصفحة'],
      zh: ['界面', '设计', '排版', '布局', '操作复杂', '操作简单', '操作方便', '不好找', '太复杂', '难用', '字体', '字太小', '深色模式', '夜间模式', '简洁', '交互', '用户体验'],
      en: ['design', 'redesign*', 'layout', 'user interface', 'ui', 'ux', 'user friendly', 'easy to use', 'hard to use', 'hard to find', 'confusing', 'intuitive', 'cluttered', 'dark mode', 'font', 'text size', 'too many clicks', 'too many steps', 'navigation'],
    },
    examples: [
      'منوها گیج کننده است و هیچی سر جاش نیست', 'طراحی جدید خیلی تمیز و ساده است',
      'الواجهة معقدة وما عرفت ألقى الفاتورة', 'التصميم الجديد أنيق وسهل الاستخدام',
      '界面太复杂了，看半天才会用', '新版设计很简洁，操作方便',
      'The new layout is confusing', 'Clean design and very intuitive',
    ],
  },
  {
    key: 'payment',
    names: { fa: 'پرداخت', ar: 'الدفع', zh: '支付', en: 'Payment' },
    keywords: {
      fa: ['پرداخت*', 'درگاه*', 'کارت بانکی', 'کارت به کارت', 'کارتخوان', 'کیف پول', 'بازگشت وجه', 'عودت وجه', 'برگشت پول', 'پولم برگرد*', 'فاکتور*', 'صورتحساب', 'قسط*', 'اقساط*', 'کسر شد*', 'از حسابم کم شد*', 'تراکنش*', 'رسید پرداخت', 'قبض*', 'انتقال وجه'],
      ar: ['الدفع', 'دفع*', 'البطاقة', 'بطاقة*', 'بطاقتي', 'الفيزا', 'المحفظة', 'محفظة*', 'استرداد*', 'الاسترداد', 'استرجاع المبلغ', 'رجعوا الفلوس', 'الفاتورة', 'فاتورة*', 'الايصال', 'انخصم', 'انسحب المبلغ', 'تقسيط', 'بالتقسيط', 'ابل باي', 'التحويل', 'المبلغ', 'عملية الدفع'],
      zh: ['支付', '付款', '退款', '扣款', '扣了', '扣钱', '发票', '支付宝', '信用卡', '银行卡', '分期', '花呗', '账单', '到账', '余额', '钱包', '小票', '转账', '提现', '话费'],
      en: ['payment*', 'pay by card', 'paying', 'refund*', 'charged', 'charged twice', 'double charged', 'card declined', 'credit card', 'debit card', 'card details', 'invoice*', 'receipt*', 'billing', 'billed', 'bill', 'wallet', 'apple pay', 'google pay', 'paypal', 'instalment*', 'installment*', 'transaction*', 'direct debit'],
    },
    examples: [
      'پول از حسابم کسر شد ولی سفارش ثبت نشد', 'بازگشت وجه خیلی سریع انجام شد',
      'انخصم المبلغ مرتين من البطاقة', 'الاسترداد وصل خلال يومين',
      '付款成功了但订单显示未支付', '退款很快就到账了',
      'I was charged twice for one meal', 'The refund arrived within two days',
    ],
  },
  {
    key: 'app_website',
    names: { fa: 'اپلیکیشن و وب‌سایت', ar: 'التطبيق والموقع', zh: '应用与网站', en: 'App & website' },
    keywords: {
      fa: ['اپلیکیشن*', 'اپ', 'اپش', 'اپتون', 'سایت*', 'وبسایت*', 'نسخه وب', 'آپدیت*', 'بروزرسانی', 'به روز رسانی', 'کرش*', 'هنگ میکنه', 'هنگ کرد*', 'باز نمیشه', 'لود نمیشه', 'بالا نمیاد', 'ارور*', 'خطا میده', 'نوتیفیکیشن*', 'اعلان*', 'اندروید'],
      ar: ['التطبيق', 'تطبيق*', 'الابليكيشن', 'الابلكيشن', 'الموقع الالكتروني', 'موقعكم', 'الموقع واقع', 'الموقع ما يفتح', 'الويب', 'التحديث', 'تحديث*', 'يعلق', 'يهنق', 'يقفل لحاله', 'ما يفتح', 'مش بيفتح', 'لا يفتح', 'ما يحمل', 'كراش', 'رسالة خطأ', 'الاشعارات', 'اشعارات*', 'يطلع خطا'],
      zh: ['应用', '软件', '网站', '网页', '闪退', '卡顿', '卡死', '打不开', '更新', '加载', '报错', '崩溃', '小程序', '白屏', '推送', '安卓', '苹果版', '页面'],
      en: ['app', 'web version', 'website', 'site', 'webpage', 'error', 'crash*', 'freezes', 'froze', 'keeps freezing', 'loading', "won't load", "doesn't load", 'not loading', 'blank page', 'blank screen', 'error message', 'glitch*', 'app update', 'latest update', 'since the update', 'notification*', 'android', 'ios', 'browser'],
    },
    examples: [
      'بعد از آپدیت جدید اپلیکیشن مدام کرش میکنه', 'سایت خیلی سریع لود میشه',
      'التطبيق يعلق كل ما أفتح السلة', 'التطبيق سريع وسهل',
      '更新以后app一直闪退', '小程序加载很快',
      'The app crashes every time I open my basket', 'The website loads quickly on my phone',
    ],
  },
  {
    key: 'order',
    names: { fa: 'سفارش', ar: 'الطلب', zh: '订单', en: 'Order' },
    keywords: {
      fa: ['ثبت سفارش', 'لغو سفارش', 'سفارش رو لغو', 'سفارشمو لغو', 'لغو*', 'کنسل*', 'ویرایش سفارش', 'تغییر سفارش', 'سفارش اشتباه', 'اشتباه فرستاد*', 'اشتباه ارسال', 'کالای اشتباه', 'ناقص رسید', 'ناقص بود', 'کم فرستاد*', 'مرجوع*', 'سبد خرید', 'تاریخچه سفارش*', 'شماره سفارش', 'پیگیری سفارش', 'تکرار سفارش'],
      ar: ['الغاء الطلب', 'الغيت*', 'كنسلت', 'تعديل الطلب', 'طلب خاطئ', 'طلب غلط', 'الطلب غلط', 'غلط في الطلب', 'الطلب ناقص', 'رقم الطلب', 'سجل الطلبات', 'اعادة الطلب', 'اتمام الطلب', 'السلة', 'سلة المشتريات', 'ارجاع المنتج', 'الارجاع', 'استبدال', 'الطلب الجماعي', 'الغي الطلب'],
      zh: ['订单', '下单', '漏送', '送错', '少送', '退货', '换货', '改单', '购物车', '加菜', '点错', '再来一单', '团餐', '拼单', '备注', '点的是'],
      en: ['order number', 'order no', 'order history', 'order status', 'order id', 'place an order', 'placed an order', 'placing an order', 'cancel my order', 'cancel the order', 'cancelled my order', 'cancelled the order', 'canceled my order', 'cancel order', 'edit my order', 'change my order', 'amend my order', 'wrong order', 'wrong item*', 'missing item*', 'incomplete order', 'reorder', 'basket', 'shopping cart', 'group order*'],
    },
    examples: [
      'سفارشم ناقص رسید و یکی از اقلام نبود', 'لغو سفارش خیلی راحت بود',
      'وصلني طلب غلط غير اللي طلبته', 'إلغاء الطلب كان سهل',
      '订单少送了一份饮料', '退货流程很顺利',
      'I received the wrong item', 'Being able to cancel my order online was easy',
    ],
  },
  {
    key: 'account',
    names: { fa: 'حساب کاربری', ar: 'الحساب', zh: '账户', en: 'Account' },
    keywords: {
      fa: ['حساب کاربری', 'ورود به حساب', 'وارد حساب', 'نمیتونم وارد', 'لاگین', 'رمز عبور', 'رمزمو', 'پسورد', 'فراموشی رمز', 'ثبت نام', 'ثبتنام', 'کد تایید', 'کد پیامکی', 'پروفایل', 'احراز هویت', 'اثر انگشت', 'حذف حساب', 'فعال سازی حساب', 'نام کاربری'],
      ar: ['الدخول لحسابي', 'الحساب الشخصي', 'تسجيل الدخول', 'اسجل الدخول', 'اسجل دخول', 'كلمة المرور', 'كلمة السر', 'الباسورد', 'التسجيل', 'انشاء حساب', 'رمز التحقق', 'كود التحقق', 'رمز التفعيل', 'تفعيل الحساب', 'الملف الشخصي', 'اسم المستخدم', 'حذف الحساب', 'نسيت كلمة'],
      zh: ['账号', '账户', '登录', '登陆', '密码', '注册', '验证码', '个人信息', '绑定', '头像', '注销', '实名认证', '激活', '用户名'],
      en: ['into my account', 'access my account', 'account details', 'account settings', 'delete my account', 'create an account', 'account locked', 'locked out', 'log in', 'login', 'logged out', 'sign in', 'sign up', 'signup', 'registration', 'password*', 'verification code', 'otp', 'profile', 'username', 'activation email', 'face id'],
    },
    examples: [
      'کد تایید برای ورود به حسابم نمیاد', 'ثبت نام خیلی سریع انجام شد',
      'ما قدرت أسجل الدخول لحسابي', 'التسجيل كان سهل وسريع',
      '验证码一直收不到，登录不了', '注册很方便',
      'I am locked out of my account', 'Resetting my password took a minute',
    ],
  },
  {
    key: 'packaging',
    names: { fa: 'بسته‌بندی', ar: 'التغليف', zh: '包装', en: 'Packaging' },
    keywords: {
      fa: ['بسته بندی*', 'بستهبندی*', 'کارتن*', 'جعبه*', 'پلمب*', 'له شده', 'له شد', 'نشتی', 'ریخته بود', 'نایلون*', 'کادوپیچ*', 'کادو پیچ*', 'کاغذ کادو', 'ضربه گیر', 'پاره شده بود', 'کیسه', 'کیسه پلاستیکی'],
      ar: ['التغليف', 'تغليف*', 'مغلف', 'العلبة', 'علبة*', 'الكرتون', 'الكرتونة', 'كرتونة*', 'الكيس', 'الاكياس', 'مختوم', 'الختم', 'انسكب', 'مدلوق', 'التعبئة', 'البلاستيك', 'مكسورة العلبة', 'ورق الهدايا'],
      zh: ['包装', '盒子', '纸箱', '箱子', '漏了', '洒了', '撒了', '密封', '压坏', '压扁', '袋子', '塑料袋', '泡沫', '外箱', '餐盒', '防震'],
      en: ['packaging', 'packaged', 'packing', 'box', 'boxes', 'wrapping', 'gift wrap*', 'bubble wrap', 'sealed', 'seal was broken', 'leaked', 'spilled', 'spilt', 'dented', 'carton', 'plastic bag*'],
    },
    examples: [
      'بسته بندی پاره بود و محصول آسیب دیده بود', 'جعبه خیلی شیک و محکم بود',
      'التغليف سيء والعلبة وصلت مفتوحة', 'التغليف ممتاز ومحكم',
      '包装破了，汤都洒了', '包装很精美，送人合适',
      'The box was crushed and the bottle leaked', 'Nicely packaged and well sealed',
    ],
  },
];
