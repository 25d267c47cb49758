/**
 * The taxonomy every workspace starts with. Users rename, extend, merge or delete these topics
 * per workspace; the keys stay stable (they are stored on feedback items).
 *
 * Keyword semantics (keyword-matcher.ts): keywords and text are both normalised with
 * normalizeForSearch (so Persian is written here with ی/ک and without ZWNJ, and Arabic letter
 * variants, diacritics and digits do not matter); a keyword matches whole words or a run of
 * consecutive words; a trailing `*` makes the last word a prefix; Chinese keywords match as
 * substrings. Keywords are chosen to be specific: a word that fires on unrelated feedback costs
 * more than a missed one, because the model covers the rest.
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
      fa: ['قیمت*', 'گران', 'گرون', 'گرانه', 'ارزان', 'ارزون', 'تخفیف*', 'ارزش خرید', 'به صرفه', 'هزینه*', 'نرخ'],
      ar: ['السعر', 'الأسعار', 'سعر*', 'غالي', 'غالية', 'رخيص*', 'الخصم', 'خصم', 'التكلفة', 'مكلف', 'يستاهل السعر'],
      zh: ['价格', '价钱', '太贵', '便宜', '性价比', '优惠', '折扣', '划算', '不值'],
      en: ['price*', 'pricing', 'expensive', 'overpriced', 'cheap*', 'discount*', 'value for money', 'too costly', 'worth the money', 'not worth'],
    },
    examples: [
      'قیمتش نسبت به کیفیت خیلی بالاست', 'با این تخفیف واقعا به صرفه بود',
      'السعر مرتفع جدا مقارنة بالجودة', 'الأسعار معقولة والعروض ممتازة',
      '东西不错就是价格有点贵', '性价比很高，下次还买',
      'Way too expensive for what you get', 'Great value for money with the discount',
    ],
  },
  {
    key: 'delivery',
    names: { fa: 'ارسال و تحویل', ar: 'التوصيل', zh: '配送', en: 'Delivery' },
    keywords: {
      fa: ['ارسال*', 'تحویل*', 'پیک', 'پست', 'مرسوله', 'دیر رسید', 'دیرتر رسید', 'زود رسید', 'دیر اومد', 'زمان تحویل', 'باربری', 'رسیدن سفارش'],
      ar: ['التوصيل', 'توصيل', 'الشحن', 'شحن*', 'المندوب', 'مندوب*', 'التسليم', 'وصل متأخر', 'تأخر الطلب', 'الدليفري', 'المرسول'],
      zh: ['配送', '送餐', '骑手', '快递', '物流', '送货', '发货', '送达', '派送', '外卖小哥', '送得慢', '送得快'],
      en: ['deliver*', 'shipping', 'shipment', 'courier', 'dispatch*', 'arrived late', 'late arrival', 'parcel', 'tracking number', 'delivery driver', 'shipped'],
    },
    examples: [
      'بسته سه روز دیرتر از موعد تحویل داده شد', 'پیک خیلی سریع و مودب بود',
      'التوصيل تأخر ساعتين والأكل وصل بارد', 'المندوب كان محترم ووصل بسرعة',
      '骑手送得太慢了，饭都凉了', '物流很快，第二天就到了',
      'The parcel arrived a week late', 'Shipping was fast and the courier was friendly',
    ],
  },
  {
    key: 'support',
    names: { fa: 'پشتیبانی', ar: 'خدمة العملاء', zh: '客服', en: 'Support' },
    keywords: {
      fa: ['پشتیبانی', 'پاسخگو*', 'اپراتور', 'کارشناس', 'تماس گرفتم', 'جواب ندادن', 'جواب نمیدن', 'برخورد کارمند', 'خدمات مشتری', 'مرکز تماس', 'تیکت'],
      ar: ['خدمة العملاء', 'الدعم الفني', 'الدعم', 'الموظف', 'الموظفين', 'موظفة', 'ما حد رد', 'الكول سنتر', 'الاستقبال', 'التعامل'],
      zh: ['客服', '售后', '服务态度', '人工', '回复', '不理人', '店员', '服务员', '投诉'],
      en: ['customer service', 'support team', 'support agent', 'customer support', 'agent', 'staff', 'helpdesk', 'live chat', 'no response', 'never replied', 'call center', 'representative'],
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
      fa: ['کیفیت*', 'جنس*', 'خراب', 'معیوب', 'تقلبی', 'بی کیفیت', 'طعم*', 'مزه', 'دوام'],
      ar: ['الجودة', 'جودة', 'الخامة', 'خامة', 'مكسور', 'تالف', 'أصلي', 'تقليد', 'الطعم', 'طعم*', 'طازج'],
      zh: ['质量', '品质', '做工', '味道', '口感', '正品', '假货', '新鲜', '坏了', '破损', '材质'],
      en: ['quality', 'defective', 'broken', 'broke', 'faulty', 'poorly made', 'well made', 'taste*', 'tasty', 'fresh', 'stale', 'durable', 'fake'],
    },
    examples: [
      'کیفیت پارچه خیلی پایین بود و بعد از یک شستشو خراب شد', 'طعم غذا عالی و تازه بود',
      'جودة المنتج سيئة وانكسر من أول استخدام', 'الطعم لذيذ والمكونات طازجة',
      '质量很好，做工精细', '味道一般，肉不新鲜',
      'The blender broke after two uses', 'Excellent build quality, feels premium',
    ],
  },
  {
    key: 'design_ux',
    names: { fa: 'طراحی و تجربه کاربری', ar: 'التصميم وسهولة الاستخدام', zh: '设计与体验', en: 'Design & UX' },
    keywords: {
      fa: ['طراحی', 'ظاهر', 'رابط کاربری', 'کاربری', 'استفاده راحت', 'سخت پیدا', 'گیج کننده', 'پیچیده', 'منو', 'دکمه', 'فونت', 'رنگ بندی'],
      ar: ['التصميم', 'تصميم*', 'الواجهة', 'واجهة المستخدم', 'سهل الاستخدام', 'سهولة الاستخدام', 'معقد', 'محير', 'القائمة', 'الزر', 'الخط'],
      zh: ['设计', '界面', '页面', '操作', '不好找', '太复杂', '按钮', '字体', '排版', '好用', '难用'],
      en: ['design', 'layout', 'user interface', 'ui', 'ux', 'easy to use', 'hard to find', 'confusing', 'intuitive', 'cluttered', 'button', 'menu', 'font', 'navigation'],
    },
    examples: [
      'پیدا کردن دکمه لغو سفارش خیلی سخته', 'طراحی جدید خیلی تمیز و ساده است',
      'الواجهة معقدة وما عرفت ألقى الفاتورة', 'التصميم الجديد أنيق وسهل',
      '界面太复杂了，找不到退款按钮', '新版设计很简洁，操作方便',
      'The new layout is confusing, I cannot find my orders', 'Clean design and very intuitive',
    ],
  },
  {
    key: 'payment',
    names: { fa: 'پرداخت', ar: 'الدفع', zh: '支付', en: 'Payment' },
    keywords: {
      fa: ['پرداخت*', 'درگاه', 'کارت', 'کیف پول', 'بازگشت وجه', 'عودت وجه', 'برگشت پول', 'فاکتور', 'صورتحساب', 'قسطی', 'کسر شد', 'شارژ'],
      ar: ['الدفع', 'دفع*', 'البطاقة', 'بطاقة الائتمان', 'المحفظة', 'استرداد', 'الاسترداد', 'استرجاع المبلغ', 'الفاتورة', 'فاتورة', 'انخصم', 'تقسيط', 'مدى', 'أبل باي'],
      zh: ['支付', '付款', '退款', '扣款', '发票', '微信支付', '支付宝', '信用卡', '分期', '账单', '到账'],
      en: ['payment*', 'paid', 'refund*', 'charged twice', 'credit card', 'debit card', 'invoice', 'billing', 'wallet', 'checkout failed', 'installment*', 'chargeback'],
    },
    examples: [
      'پول از حسابم کسر شد ولی سفارش ثبت نشد', 'بازگشت وجه خیلی سریع انجام شد',
      'انخصم المبلغ مرتين من البطاقة', 'الاسترداد وصل خلال يومين',
      '付款成功了但订单显示未支付', '退款很快就到账了',
      'I was charged twice for one order', 'The refund arrived within two days',
    ],
  },
  {
    key: 'app_website',
    names: { fa: 'اپلیکیشن و وب‌سایت', ar: 'التطبيق والموقع', zh: '应用与网站', en: 'App & website' },
    keywords: {
      fa: ['اپلیکیشن', 'اپ', 'سایت', 'وبسایت', 'آپدیت', 'بروزرسانی', 'کرش', 'هنگ', 'باز نمیشه', 'لود نمیشه', 'خطا میده', 'ارور'],
      ar: ['التطبيق', 'تطبيق*', 'الموقع', 'الابلكيشن', 'التحديث', 'يعلق', 'يهنق', 'ما يفتح', 'لا يفتح', 'بطيء التحميل', 'كراش'],
      zh: ['app', '应用', '软件', '网站', '网页', '闪退', '卡顿', '打不开', '更新', '加载', '报错', '崩溃', '小程序'],
      en: ['the app', 'app crash*', 'website', 'web site', 'mobile app', 'app update', 'crash*', 'freez*', 'loading', 'error message', 'bug', 'keeps crashing', 'slow to load'],
    },
    examples: [
      'بعد از آپدیت جدید اپلیکیشن مدام کرش میکنه', 'سایت خیلی سریع لود میشه',
      'التطبيق يعلق كل ما أفتح السلة', 'الموقع سريع وسهل',
      '更新以后app一直闪退', '小程序加载很快',
      'The app crashes every time I open my cart', 'The website loads quickly on my phone',
    ],
  },
  {
    key: 'order',
    names: { fa: 'سفارش', ar: 'الطلب', zh: '订单', en: 'Order' },
    keywords: {
      fa: ['سفارش*', 'ثبت سفارش', 'لغو سفارش', 'کنسل', 'اشتباه ارسال', 'کالای اشتباه', 'کم بود', 'ناقص', 'مرجوعی', 'مرجوع'],
      ar: ['الطلب', 'طلبي', 'الطلبية', 'إلغاء الطلب', 'ألغيت', 'طلب خاطئ', 'طلب غلط', 'ناقص', 'غلط في الطلب', 'إرجاع', 'الإرجاع', 'تعديل الطلب'],
      zh: ['订单', '下单', '取消订单', '漏送', '送错', '少了', '退货', '换货', '改地址'],
      en: ['my order', 'the order', 'ordered', 'order number', 'cancel*', 'wrong item', 'missing item', 'incomplete order', 'return*', 'exchange'],
    },
    examples: [
      'سفارشم ناقص رسید و یکی از اقلام نبود', 'لغو سفارش خیلی راحت بود',
      'وصلني طلب غلط غير اللي طلبته', 'إلغاء الطلب كان سهل',
      '订单少送了一份饮料', '退货流程很顺利',
      'I received the wrong item in my order', 'Cancelling the order was easy',
    ],
  },
  {
    key: 'account',
    names: { fa: 'حساب کاربری', ar: 'الحساب', zh: '账户', en: 'Account' },
    keywords: {
      fa: ['حساب کاربری', 'ورود', 'لاگین', 'رمز عبور', 'پسورد', 'ثبت نام', 'کد تایید', 'پروفایل', 'حسابم', 'احراز هویت'],
      ar: ['الحساب', 'حسابي', 'لحسابي', 'تسجيل الدخول', 'اسجل الدخول', 'كلمة المرور', 'كلمة السر', 'التسجيل', 'رمز التحقق', 'الملف الشخصي', 'اسم المستخدم'],
      zh: ['账号', '账户', '登录', '登陆', '密码', '注册', '验证码', '个人信息', '绑定'],
      en: ['account', 'log in', 'login', 'sign in', 'sign up', 'password', 'verification code', 'profile', 'username', 'locked out'],
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
      fa: ['بسته بندی*', 'بستهبندی*', 'کارتن', 'جعبه', 'پلمب', 'له شده', 'نشتی', 'ریخته بود'],
      ar: ['التغليف', 'تغليف*', 'العلبة', 'الكرتون', 'الكيس', 'مختوم', 'انسكب', 'التعبئة'],
      zh: ['包装', '盒子', '纸箱', '漏了', '洒了', '密封', '压坏', '袋子'],
      en: ['packaging', 'package', 'packed', 'box', 'wrapping', 'sealed', 'leaked', 'spilled', 'crushed box'],
    },
    examples: [
      'بسته‌بندی پاره بود و محصول آسیب دیده بود', 'جعبه خیلی شیک و محکم بود',
      'التغليف سيء والعلبة وصلت مفتوحة', 'التغليف ممتاز ومحكم',
      '包装破了，汤都洒了', '包装很精美，送人合适',
      'The box was crushed and the bottle leaked', 'Nicely packed and well sealed',
    ],
  },
];
