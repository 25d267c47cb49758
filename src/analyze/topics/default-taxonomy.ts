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
      fa: ['قیمت*', 'گران*', 'گرون*', 'ارزان*', 'ارزون*', 'تخفیف*', 'به صرفه', 'نمیصرفه', 'ارزش خرید', 'ارزش پولش*', 'هزینه*', 'نرخ', 'کارمزد*', 'گرانفروشی', 'مفت', 'کد تخفیف', 'مالیات*', 'نمیارزه', 'نمیارزید', 'ارزش نداشت', 'ارزشش*', 'میارزه', 'میارزید', 'کلاهبرداری', 'پول اضافه', 'اضافه گرفتن', 'خرج*', 'تعرفه*', 'کرایه*', 'حق اشتراک', 'ابونمان', 'شهریه*', 'دستمزد*', 'اجرت', 'تومن', 'تومان', 'ریال', 'حراج*', 'فروش ویژه', 'افر', 'جشنواره', 'کش بک', 'باشگاه مشتریان', 'رایگان', 'مجانی', 'صرفه*', 'اقتصادی', 'گرونی', 'قیمتا', 'gheymat', 'gheimat', 'ghimat', 'gheymatesh', 'geroon', 'gerun', 'gerone', 'gerane', 'arzoon', 'arzun', 'takhfif', 'hazine', 'hazineh', 'nemiarze', 'toman', 'tomn', 'tomen', 'اجاره*', 'میلیون', 'هزار تومن', 'هزار تومان', 'هزینه اضافه', 'نیم بها', 'بالا رفته', 'گرون شده', 'گرانتر', 'گرونتر', 'قسطی', 'ودیعه', 'رهن'],
      ar: ['السعر', 'الاسعار', 'سعر*', 'اسعار*', 'غالي', 'غالية', 'غالي جدا', 'رخيص*', 'ارخص', 'الخصم', 'كود الخصم', 'كوبون*', 'العروض', 'التكلفة', 'تكلفة*', 'مكلف', 'الرسوم', 'رسوم*', 'يستاهل السعر', 'يستاهل فلوسه', 'الضريبة', 'غالين', 'غلا', 'الغلاء', 'بكام', 'بكم', 'قداش', 'شحال', 'كم سعر', 'الثمن', 'ثمن*', 'فلوس كثير', 'فلوس كتير', 'مصاري', 'زيادة في السعر', 'رفعوا الاسعار', 'ما يستاهل', 'مش مستاهل', 'ما يسوى', 'بسعر', 'ببلاش', 'مجاني', 'مجانا', 'عروض*', 'عرض خاص', 'تخفيض*', 'اوكازيون', 'الصولد', 'بروموشن', 'برومو', 'كاش باك', 'نقاط الولاء', 'قيمة الاشتراك', 'التعرفة', 'الاجرة', 'اجرة*', 'مبالغ فيه', 'ghali', 'ghalya', 's3r', 'as3ar', 'el as3ar', 'rkhis', 'rakhis', 'khasm', 'bkam', '9adash', 'chhal', 'prix', 'cher', 'ريال', 'ريالات', 'درهم', 'دراهم', 'جنيه', 'دينار', 'ليرة', 'دولار', 'الايجار', 'ايجار*', 'اضافي', 'اضافية', 'مشمول', 'شامل', 'بالمجان', 'زيادة السعر', 'ندفع زيادة', 'غلاء', 'مبلغ كبير'],
      zh: ['价格', '价钱', '价位', '太贵', '好贵', '贵了', '便宜', '性价比', '优惠', '折扣', '打折', '满减', '划算', '不值', '收费', '手续费', '涨价', '配送费', '运费', '贵', '物价', '差价', '原价', '加价', '单价', '高价', '降价', '定价', '报价', '标价', '实惠', '贵死', '天价', '坑钱', '宰客', '割韭菜', '智商税', '溢价', '值不值', '值得买', '物有所值', '物超所值', '不划算', '超值', '太坑', '多收', '乱收费', '费用', '会员费', '年费', '月费', '服务费', '票价', '房价', '房费', '车费', '油费', '资费', '优惠券', '红包', '返现', '积分', '省钱', '多少钱', '几十块', '块钱', '便宜点', '券', '免费', '半价', '多付', '计价', '涨', '费', '一分钱一分货', '定金', '月租', '房租', '租金', '订阅', '会员价'],
      en: ['price*', 'pricing', 'expensive', 'overpriced', 'cheap*', 'affordable', 'discount*', 'promo code', 'coupon*', 'value for money', 'worth the money', 'not worth', 'rip off', 'fee', 'fees', 'cost', 'costs', 'costly', 'too much money', 'overcharg*', 'pricey', 'price hike', 'prices went up', 'raised the price', 'bargain', 'good value', 'great value', 'poor value', 'worth every penny', 'worth it', 'extortionate', 'daylight robbery', 'charge extra', 'extra charge', 'hidden fee*', 'hidden charge*', 'service charge', 'surcharge*', 'subscription fee', 'monthly fee', 'tariff*', 'fare', 'fares', 'loyalty points', 'reward points', 'cashback', 'voucher*', 'deal', 'deals', 'half price', 'free of charge', 'reasonable price*', 'price tag', 'how much is', 'how much does', 'costs more', 'cost me', 'a fortune', 'budget', 'extra', 'for free', 'free trial', 'is it free', 'are they free', 'rent', 'the rate', 'nightly rate', 'exchange rate', 'interest rate', 'included', 'inclusive', 'waste of money', 'dollars', 'pounds', 'bucks', 'quid', 'rupees', 'euros', 'lakh', 'pay more', 'paid extra', 'premium tier', 'upgrade fee', 'went up', 'price rise', 'price increase', 'afford'],
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
      fa: ['ارسال*', 'تحویل*', 'پیک', 'پیکتون', 'پستچی', 'پست پیشتاز', 'اداره پست', 'مرسوله', 'بسته رسید', 'دیر رسید', 'دیرتر رسید', 'دیر اومد', 'زود رسید', 'هنوز نرسیده', 'کد رهگیری', 'باربری', 'زمان تحویل', 'آدرس تحویل', 'رسیدن سفارش', 'دیر اوردن', 'دیر اورد', 'دیر میاد', 'دیر میرسه', 'دیر رسیده', 'دیر ارسال', 'دیر فرستادن', 'نرسید', 'نرسیده', 'هنوز نیومده', 'دستم نرسید', 'به دستم رسید', 'رسید دستم', 'پیک موتوری', 'مامور ارسال', 'مامور پست', 'با پست', 'پستی', 'تیپاکس', 'چاپار', 'الوپیک', 'ارسال رایگان', 'ادرس*', 'نشانی', 'کد پستی', 'بستمو', 'بستم', 'پیگیری مرسوله', 'dir resid', 'dir oomad', 'dir umad', 'dir avordan', 'dir rasid', 'nareside', 'naresid', 'narsid', 'hanooz naresid', 'hanuz nareside', 'peyk', 'paik', 'peik', 'ersal', 'ersaal', 'tahvil', 'pishtaz'],
      ar: ['التوصيل', 'توصيل*', 'توصلون', 'الشحن', 'الشحنة', 'شحنة*', 'شحنتي', 'تم الشحن', 'المندوب', 'مندوب*', 'الدليفري', 'دليفري', 'المرسول', 'التسليم', 'وصل متأخر', 'تأخر الطلب', 'رقم التتبع', 'تتبع الشحنة', 'العنوان', 'الطرد', 'نقطة استلام', 'نقاط استلام', 'التوصيل متأخر', 'ما وصل', 'ما وصلني', 'ما وصلت', 'لم يصل', 'لم يصلني', 'لسه ما وصل', 'لسه موصلش', 'موصلش', 'ماوصلش', 'ما وصلتنيش', 'باقي ما وصل', 'الطلب تأخر', 'الطلبية تأخرت', 'تأخر التوصيل', 'تأخير التوصيل', 'الكابتن', 'عامل التوصيل', 'الموصل', 'ديليفري', 'الليفرور', 'ليفريزون', 'ارامكس', 'سمسا', 'عنواني', 'التتبع', 'تتبع*', 'وين طلبي', 'فين الطلب', 'فين الاوردر', 'وين الطلب', 'الاوردر متأخر', 'يوصل', 'يوصلون', 'الطرود', 'tawsil', 'tawseel', 'met2akher', 'mt2a5er', 'mit2akhar', 'ta2khir', 'ta2kheer', 'ma wsl', 'ma wesel', 'mawsalsh', 'chahn', 'shahn', 'livraison', 'livreur', 'colis'],
      zh: ['配送', '送餐', '骑手', '快递', '物流', '送货', '发货', '送达', '派送', '外卖小哥', '送得慢', '送得快', '送到', '包邮', '自提', '到货', '收货地址', '送来', '送过来', '送晚了', '送得太慢', '迟到', '晚到', '超时', '迟迟没到', '还没到', '一直没到', '没收到', '没送到', '收不到货', '什么时候到', '几天才到', '配送员', '快递员', '外卖员', '小哥', '顺丰', '京东物流', '中通', '圆通', '申通', '韵达', '邮政', '包裹', '签收', '取件', '驿站', '快递柜', '丰巢', '地址', '放门口', '送上楼', '单号', '运单', '派件', '揽收', '次日达', '当日达', '龟速', '慢成狗'],
      en: ['deliver*', 'shipping', 'shipped', 'shipment', 'courier*', 'dispatch*', 'parcel*', 'tracking number', 'tracking info', 'postage', 'postman', 'arrived late', 'late arrival', 'never arrived', 'still not arrived', "hasn't arrived", 'in transit', 'pickup locker*', 'rider', 'came late', 'turned up late', 'late again', 'still waiting for my', 'still waiting on my', 'not arrived', 'never came', 'never showed up', 'never turned up', 'not delivered', 'took ages to arrive', 'took forever to arrive', 'took days to arrive', 'driver', 'delivery guy', 'left at the door', 'left outside', 'doorstep', 'wrong address', 'my address', 'delivery address', 'post office', 'postcode', 'zip code', 'tracking', 'tracked', 'track my', 'where is my package', 'package*', 'eta', 'next day', 'lost in the post', 'collection point', 'click and collect', 'arrived damaged', 'arrived cold', 'food arrived', 'order arrived', 'order came', 'order took', 'ups', 'fedex', 'dhl', 'royal mail', 'usps'],
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
      fa: ['پشتیبانی*', 'پاسخگو*', 'اپراتور', 'کارشناس*', 'تماس گرفتم', 'پشت خط', 'جواب نمیدن', 'جواب نمیده', 'جواب نداد*', 'کسی جواب', 'خوش برخورد', 'بد برخورد', 'برخورد کارمند', 'بی ادب*', 'بیادب*', 'پرستار*', 'کارکنان', 'پرسنل', 'مرکز تماس', 'تیکت', 'خدمات مشتری', 'پذیرش', 'مهماندار*', 'پشتیبان*', 'کارمند*', 'کارمندا', 'مسئول*', 'منشی', 'نگهبان*', 'گارسون*', 'خدمه', 'برخورد*', 'رفتار*', 'احترام*', 'بی احترام*', 'بیاحترام*', 'بد اخلاق*', 'بداخلاق*', 'خوش اخلاق*', 'خوشاخلاق*', 'مودب', 'بی حوصله', 'بیحوصله', 'محترمانه', 'صبور', 'جوابگو*', 'پاسخ*', 'جواب ندادن', 'جواب تلفن', 'تلفنی', 'زنگ زدم', 'زنگ زدیم', 'پیام دادم', 'ایمیل زدم', 'چت انلاین', 'ربات', 'تیکت*', 'شکایت*', 'رسیدگی*', 'پیگیری نکرد*', 'راهنمای تور', 'لیدر تور', 'poshtibani', 'poshtibany', 'poshtiban', 'oprator', 'operator', 'javab nemidan', 'javab nadadan', 'javab nemide', 'javab nadad', 'barkhord', 'barkhordesh', 'karmand', 'kasi javab', 'zang zadam', 'tamas gereftam', 'bi adab', 'bad akhlagh', 'khosh barkhord', 'مامور*', 'فروشنده*', 'تکنسین', 'نصاب', 'مدیریت', 'پرستارا', 'دکتره', 'کسی پاسخ', 'کسی زنگ', 'خبر ندادن', 'اطلاع ندادن', 'اطلاع رسانی', 'عذرخواهی', 'همکار*', 'مشاور*', 'صبوری', 'حوصله', 'بی محلی', 'بیمحلی', 'محل نذاشت*', 'karmanda', 'masool'],
      ar: ['خدمة العملاء', 'خدمة الزبائن', 'الدعم الفني', 'الدعم', 'فريق الدعم', 'الموظف', 'الموظفة', 'الموظفين', 'الممرض*', 'على الخط', 'الاستقبال', 'الكول سنتر', 'مركز الاتصال', 'ما حد رد', 'محدش رد', 'محدش بيرد', 'ما يردون', 'ما ردوا', 'قلة احترام', 'اسلوب التعامل', 'الطاقم', 'طاقم*', 'الدردشة', 'موظف*', 'العاملين', 'المضيف*', 'الريسبشن', 'الرسبشن', 'التعامل', 'تعاملهم', 'محترم*', 'مؤدب', 'قليل ادب', 'وقح', 'وقاحة', 'بدون احترام', 'ما في احترام', 'خلوق', 'بشوش', 'متعاون*', 'مش متعاون', 'ما رد', 'ماحد رد', 'ما حدا رد', 'ما حدا بيرد', 'لا احد يرد', 'لم يرد', 'لا يرد', 'لا يردون', 'ما جاوب', 'ما جاوبوني', 'ما جاوبونيش', 'الرد', 'ردهم', 'ردوا', 'تواصلت', 'اتصلت', 'كلمتهم', 'الخط مشغول', 'شكوى*', 'الشكاوي', 'المدير', 'البوت', 'الشات', 'المرشد', 'الدليل السياحي', 'service client', 'khedmet el 3omala', 'mowazaf', 'mowazzaf', 'el mowazaf', 'ma7adesh rad', 'mahadesh rad', 'ma 7ad rad', 'mafi 7ad yrod', 'el staff', 'personnel', 'النادل', 'الويتر', 'البياع', 'البائع', 'الفني', 'الادارة', 'السكرتيرة', 'فريق', 'المبيعات', 'ما حدا', 'محد', 'ما احد', 'رد', 'اعتذار', 'المتابعة', 'متابعة', 'اتصل', 'يتصل', 'والو', 'lmowadaf', 'lmowazaf', 'el mowadaf', 'el 3amel', 'الطاقم الطبي', 'تجاوب', 'يتجاوب', 'ما كتجاوبش', 'صبرهم', 'اسلوب*'],
      zh: ['客服', '售后', '态度', '人工客服', '不回复', '没人理', '不理人', '店员', '服务员', '前台', '工作人员', '空姐', '护士', '地勤', '热线', '电话打不通', '挂电话', '回消息', '服务态度', '热情', '冷漠', '不耐烦', '耐心', '礼貌', '凶', '骂人', '甩脸', '爱答不理', '敷衍', '推卸', '踢皮球', '投诉', '回复', '回应', '没人管', '没人接', '打了几次电话', '打电话', '人工', '机器人', '自动回复', '经理', '店家', '导游', '员工', '保安', '乘务员', '空乘', '柜员', '柜台', '管家', '已读不回', '装死', '服务很好', '服务很差', '服务好', '服务差', '服务周到', '人员', '机组', '礼宾', '物业', '业务员', '志工', '志愿者', '班主任', '辅导员', '阿姨', '窗口', '告知', '回电', '没人', '没有人', '占线', '接通', '转人工', '处理', '贴心', '热心', '道歉', '师傅', '销售', '顾问', '前台小姐', '服务生'],
      en: ['customer service', 'customer support', 'customer care', 'support team', 'support agent', 'tech support', 'helpdesk', 'live chat', 'call centre', 'call center', 'put on hold', 'nurse*', 'hung up', 'no response', 'never replied', 'never got back', 'agent', 'staff', 'receptionist', 'representative', 'rude', 'unhelpful', 'cabin crew', 'waiter*', 'barista*', 'customer services', 'support', 'helpline', 'hotline', 'on hold', 'phoned', 'called them', 'no one answers', 'nobody answers', 'nobody picks up', 'no one picks up', 'no reply', 'no answer', 'never answered', 'never responded', 'got back to me', 'get back to me', 'responded', 'response time', 'replied', 'chatbot', 'chat bot', 'manager', 'employee*', 'crew', 'flight attendant*', 'host', 'hostess', 'server', 'front desk', 'reception', 'concierge', 'polite', 'impolite', 'friendly', 'unfriendly', 'helpful', 'attitude', 'professional', 'unprofessional', 'courteous', 'welcoming', 'apologi*', 'complaint*', 'escalat*', 'support ticket', 'ignored', 'talk to a human', 'real person', 'the team', 'guide', 'tour guide', 'the doctor was', 'kept me waiting', 'salesman', 'salesperson', 'sales team', 'the lady', 'the woman', 'the man', 'the guy', 'sorted everything', 'sorted it', 'pushy', 'pressure', 'desk', 'at the counter', 'landlord', 'technician', 'engineer', 'nobody told', 'no one told', 'nobody called', 'no one called', 'nobody from', 'no one from', 'followed up', 'follow up', 'dismissive', 'patient with', 'above and beyond', 'helped me', 'help desk', 'apology', 'apologised', 'apologized', 'care team', 'advisor', 'adviser', 'consultant', 'receptionists'],
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
      fa: ['کیفیت*', 'بی کیفیت', 'بیکیفیت', 'جنس*', 'خراب بود', 'خراب شد*', 'معیوب', 'تقلبی', 'اصل بود', 'طعم*', 'مزه*', 'خوشمزه', 'بدمزه', 'بیمزه', 'دوام', 'پارچه*', 'پرز', 'رنگ داد', 'بیات', 'خام بود', 'سرعت اینترنت', 'آنتن', 'تمیز نبود', 'کثیف', 'گارانتی', 'خراب*', 'کار نمیکنه', 'کار نمیکرد', 'کار نکرد', 'از کار افتاد*', 'شکسته*', 'ترک داشت', 'ترک خورده', 'خط و خش', 'خط افتاده', 'ایراد داشت', 'عیب*', 'اصلی بود', 'فیک', 'باتری*', 'صفحه نمایش', 'سر و صدا', 'سروصدا', 'سایز*', 'تمیز*', 'کثیف*', 'کثافت', 'بوی*', 'بو میداد', 'بو گرفته', 'غذا*', 'سرد بود', 'یخ کرده بود', 'یخ زده', 'سرد رسید', 'شور بود', 'سوخته', 'نپخته', 'چرب', 'روغنی', 'کهنه', 'فاسد', 'کپک*', 'حجم غذا', 'پرس غذا', 'مقدار غذا', 'اتاق*', 'تخت*', 'ملحفه*', 'حوله*', 'سرویس بهداشتی', 'حمام*', 'کولر*', 'گرمایش', 'شوفاژ', 'صبحانه*', 'اینترنت*', 'نت', 'وای فای', 'وایفای', 'سرعت*', 'قطعی*', 'قطع و وصل', 'قطع میشه', 'پرواز*', 'صندلی*', 'هواپیما', 'قطار', 'اتوبوس', 'مسیر*', 'درمان*', 'معطل*', 'کلاس*', 'استاد*', 'تدریس', 'محصول*', 'keyfiat', 'keyfiyat', 'kifiat', 'keifiat', 'kharab', 'kharabe', 'ghaza', 'ghazash', 'ghaza sard', 'khoshmaze', 'bad maze', 'bademaze', 'sard bood', 'sard bud', 'tamiz', 'kasif', 'kasife', 'otagh', 'sorat', 'soraat', 'ghat', 'ghati', 'parvaz', 'takhir', 'شکست', 'خاموش شد', 'روشن نمیشه', 'درست نشد', 'تعمیر*', 'تشخیص', 'خلبان', 'فرود', 'انتن دهی', 'انتندهی', 'اب شده', 'گرم رسید', 'کوبیده', 'کباب*', 'جوجه', 'پیتزا*', 'برگر*', 'ساندویچ*', 'چای', 'قهوه*', 'نوشابه', 'خوش نمک', 'بی نمک', 'ابدار', 'امنیت*', 'ایربگ', 'ترمز*', 'صدای موتور', 'خراش', 'لاستیک*', 'معلم*', 'اموزش*', 'صف', 'منو غذا', 'راحت بود', 'جادار', 'تنگ', 'شلوغ', 'دمای', 'سرما', 'گرما', 'shekast', 'ostad', 'moalem'],
      ar: ['الجودة', 'جودة', 'جودته', 'جودتها', 'الخامة', 'خامة', 'مكسور', 'انكسر', 'تالف', 'خربان', 'عطلان', 'وقف عن الشغل', 'مش اصلي', 'تقليد', 'مقلد', 'الطعم', 'لذيذ', 'بايت', 'طازج*', 'التغطية', 'النت', 'الانترنت', 'النظافة', 'غير نظيف*', 'الضمان', 'نوعية', 'خربت', 'خرب', 'باظ', 'باظت', 'بايظ', 'عطل', 'معطل', 'تعطل', 'ما يشتغل', 'مش شغال', 'ما بيشتغل', 'ما يخدمش', 'مايخدمش', 'ماخدامش', 'البطارية', 'الشاشة', 'مقاس*', 'القياس', 'القماش', 'نظيف*', 'وسخ*', 'وساخة', 'متسخ*', 'قذر*', 'ريحة', 'رائحة', 'الاكل', 'الطعام', 'طعام*', 'الوجبة', 'وجبة*', 'الوجبات', 'الاكلات', 'بارد', 'باردة', 'ساقع', 'مالح', 'محروق*', 'نيء', 'زاكي', 'بنين', 'طعمه', 'الغرفة', 'غرفة*', 'الاوضة', 'اوضة*', 'السرير', 'الحمام', 'التكييف', 'مكيف*', 'الفطور', 'الافطار', 'الواي فاي', 'الوايفاي', 'الشبكة', 'شبكة*', 'السرعة', 'ضعيف*', 'انقطاع', 'انقطع*', 'الرحلة', 'رحلة*', 'الطيارة', 'الطائرة', 'المقاعد', 'الكرسي', 'اتلغت', 'الدكتور', 'العلاج', 'استنينا', 'انتظرنا', 'الدورة', 'المدرس*', 'الاستاذ', 'الشرح', 'المحاضرات', 'الكورس', 'السيارة', 'البضاعة', 'بضاعة*', 'السلعة', 'مغشوش', 'مخدوش', 'خدش*', 'jawda', 'no3iya', 'khraban', 'kharban', 'mesh sha3\'al', 'msh shaghal', 'ma ykhdemch', 'makhdamch', 'el akl', 'akl', 'bared', 'nadif', 'wesekh', 'el ghorfa', 'el net', 'ba6i2', 'bati2', 'reseau', 'connexion', 'qualité', 'qualite', 'الدجاج', 'اللحم', 'لحمة', 'الرز', 'البيتزا', 'البرجر', 'شاورما', 'القهوة', 'الشاي', 'العصير', 'الحلويات', 'الكيك', 'الصيانة', 'تصليح', 'اصلاح', 'المحرك', 'الموتور', 'الفرامل', 'الكفرات', 'الاطارات', 'استهلاك', 'انقطاع الكهرباء', 'الشقة', 'العمارة', 'المعلم', 'المعلمة', 'الاستاذة', 'الدروس', 'الدرس', 'المنهج', 'التدريس', 'الطيار', 'الهبوط', 'الاقلاع', 'الدواء', 'الدوا', 'المنيو', 'القائمة', 'زحمة', 'زحام', 'مريح*', 'واسع*', 'ضيق*', 'امان', 'الامان'],
      zh: ['质量', '品质', '做工', '味道', '口感', '正品', '假货', '新鲜', '坏了', '材质', '好吃', '难吃', '分量', '掉色', '起球', '网速', '信号', '隔音', '卫生', '延误', '耐用', '保修', '宽带', '干净', '好喝', '好用', '不好用', '坏', '破了', '裂', '碎了', '划痕', '瑕疵', '次品', '残次', '用料', '手感', '舒服', '舒适', '尺码', '偏大', '偏小', '颜色', '色差', '褪色', '异味', '臭', '头发', '虫子', '蟑螂', '苍蝇', '凉了', '冷了', '不热', '太咸', '太淡', '太油', '太辣', '太甜', '太酸', '太硬', '不新鲜', '变质', '馊', '过期', '量少', '量太少', '食材', '菜品', '口味', '饭菜', '房间', '床', '被子', '床单', '空调', '热水', '淋浴', '早餐', '设施', '装修', '网络', '断网', '掉线', '流量', '航班', '晚点', '座位', '座椅', '腿部空间', '飞机餐', '电池', '续航', '屏幕', '充电', '发热', '发烫', '路线', '绕路', '车况', '医生', '治疗', '排队', '课程', '讲课', '教学', '产品', '商品', '东西', '山寨', '仿品', '不耐用', '结实', '容易坏', '用了几天', '没用几天', '效果', '很香', '好香', '很脏', '太脏', '脏了', '菜', '肉', '汤', '饭', '鸡', '课', '老师', '上课', '师资', '设备', '尺寸', '面积', '光纤', '兆', '覆盖', '厕所', '打扫', '加速', '外观', '漆', '航线', '班机', '机位', '超卖', '味精', '维修', '修好', '油耗', '药', '手术', '检查结果', '环境', '安静', '吵', '拥挤', '宽敞', '安全', '靠谱', '不靠谱'],
      en: ['quality', 'defective', 'faulty', 'poorly made', 'well made', 'cheaply made', 'stopped working', 'fell apart', 'came apart', 'taste*', 'tasty', 'delicious', 'bland', 'stale', 'undercooked', 'dirty', 'flavour*', 'flavor*', 'fresh', 'signal', 'fake', 'warranty', 'fabric', 'stitching', 'broadband', 'broke', 'broken', 'breaks', 'cracked', 'damaged', 'scratch*', 'works great', 'works well', 'works perfectly', 'battery', 'screen', 'too small', 'too big', 'fits', 'material', 'durable', 'flimsy', 'sturdy', 'comfortable', 'comfy', 'uncomfortable', 'clean', 'cleanliness', 'spotless', 'filthy', 'smell*', 'stink*', 'noisy', 'noise', 'cold food', 'food was cold', 'lukewarm', 'overcooked', 'burnt', 'greasy', 'salty', 'portion*', 'the food', 'food was', 'meal', 'dish', 'coffee', 'room', 'bed', 'shower', 'bathroom', 'towel*', 'air con', 'aircon', 'air conditioning', 'heating', 'wifi', 'internet', 'connection', 'coverage', 'speed*', 'outage', 'network', 'dropped calls', 'legroom', 'seat', 'flight delay*', 'delayed flight', 'flight was delayed', 'flight cancelled', 'cancelled flight', 'train was delayed', 'waiting time', 'wait time', 'waiting room', 'treatment', 'course', 'lesson*', 'class', 'teacher*', 'tutor*', 'ride', 'route', 'product', 'item was', 'performance', 'battery life', 'selection', 'variety', 'breakfast', 'view', 'ingredients', 'repair*', 'fixed', 'broke down', 'breakdown', 'engine', 'brakes', 'tyre*', 'tire*', 'mileage', 'lecture*', 'curriculum', 'coursework', 'syllabus', 'surgery', 'diagnos*', 'queue*', 'pillow*', 'mattress', 'cockroach*', 'mould', 'mold', 'damp', 'leak', 'hot water', 'water pressure', 'power cut', 'power outage', 'blackout', 'mbps', 'buffering', 'food', 'burger*', 'pizza*', 'chicken', 'steak', 'fries', 'rice', 'noodles', 'soup', 'salad', 'cake', 'tea', 'drinks', 'cocktail*', 'menu', 'crowded', 'facilities', 'spacious', 'cramped', 'safe', 'unsafe', 'reliable', 'unreliable', 'accurate', 'inaccurate'],
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
      fa: ['طراحی*', 'ظاهر اپ', 'ظاهر سایت', 'رابط کاربری', 'تجربه کاربری', 'کاربرپسند', 'استفاده راحت', 'راحت پیدا', 'سخت پیدا', 'گیج کننده', 'گیجکننده', 'فونت', 'اندازه متن', 'حالت شب', 'دارک مود', 'رنگ بندی', 'رنگبندی', 'چیدمان', 'ظاهر', 'دکمه*', 'ایکون*', 'فونت*', 'گیج*', 'سردرگم*', 'پیچیده*', 'پیدا نمیشه', 'پیدا نکردم', 'پیدا کردنش', 'کار کردن باهاش', 'صفحه اصلی', 'جستجو*', 'سرچ*', 'فیلتر*', 'مرتب سازی', 'ریسپانسیو', 'حالت تاریک', 'مراحل*', 'چند مرحله', 'کلیک*', 'زشت', 'شلوغ پلوغ', 'tarahi', 'tarahish', 'zaher', 'zaheresh', 'gij konande', 'sakht peyda', 'peyda nemishe', 'safhe asli', 'راحتتر', 'ساده تر', 'سادهتر', 'پاپ اپ', 'تبلیغات*', 'اسکرول', 'نقشه صندلی', 'زوم', 'منوی برنامه', 'منوی سایت', 'یه صفحه', 'مرحله*'],
      ar: ['التصميم', 'تصميم*', 'الواجهة', 'واجهة*', 'سهل الاستخدام', 'سهولة الاستخدام', 'صعب الاستخدام', 'معقد', 'معقدة', 'محير', 'مربك', 'الوضع الليلي', 'الوضع الداكن', 'الخط صغير', 'حجم الخط', 'ضغطات', 'كثرة الخطوات', 'ترتيب الصفحة', 'شكل التطبيق', 'شكل الموقع', 'الالوان', 'مو واضح', 'مش واضح', 'غير واضح', 'الازرار', 'الزر', 'الزرار', 'زرار*', 'الايقونات', 'ايقونة*', 'التنقل', 'الصفحة الرئيسية', 'الفلاتر', 'ترتيب*', 'ملخبط*', 'خطوات كثير', 'خطوات كتير', 'خطوات واجد', 'الدارك مود', 'تجربة المستخدم', 'مريح للعين', 'صعب افهم', 'ما عرفت القى', 'مش لاقي', 'el design', 'el shakl', 'm3a2ad', 'mo3aqad'],
      zh: ['界面', '设计', '排版', '布局', '操作复杂', '操作简单', '操作方便', '不好找', '太复杂', '难用', '字体', '字太小', '深色模式', '夜间模式', '简洁', '交互', '用户体验', '好看', '丑', '难看', '颜值', '图标', '按钮', '字小', '看不清', '找不到', '入口', '步骤', '繁琐', '太麻烦', '复杂', '直观', '清晰', '一目了然', '反人类', '导航', '首页', '风格', '配色', '暗黑模式', '跳转', '弹窗', '广告太多', '不直观', '不方便', '更方便', '更简单', '广告', '一键', '排序', '筛选', '搜索', '放大', '缩放', '视图', '清爽', '步骤太多', '太多步'],
      en: ['design', 'redesign*', 'layout', 'user interface', 'ui', 'ux', 'user friendly', 'easy to use', 'hard to use', 'hard to find', 'confusing', 'intuitive', 'cluttered', 'dark mode', 'font', 'text size', 'too many clicks', 'too many steps', 'navigation', 'easy to navigate', 'hard to navigate', 'navigat*', 'looks great', 'looks nice', 'looks old', 'outdated', 'old-fashioned', 'clunky', 'small text', 'tiny text', 'hard to read', 'button*', 'scroll*', 'interface', 'theme', 'accessibility', 'accessible', 'shortcut*', 'filter*', 'search bar', 'search function', 'sort by', 'hard to see', 'can\'t find', 'couldn\'t find', 'buried', 'steps', 'one tap', 'one click', 'onboarding', 'user experience', 'icon*', 'tabs', 'menu in the app', 'the screen layout', 'simpler'],
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
      fa: ['پرداخت*', 'درگاه*', 'کارت بانکی', 'کارت به کارت', 'کارتخوان', 'کیف پول', 'بازگشت وجه', 'عودت وجه', 'برگشت پول', 'پولم برگرد*', 'فاکتور*', 'صورتحساب', 'قسط*', 'اقساط*', 'کسر شد*', 'از حسابم کم شد*', 'تراکنش*', 'رسید پرداخت', 'قبض*', 'انتقال وجه', 'پول*', 'کارت اعتباری', 'کارتم', 'کسر*', 'از حسابم', 'از کارتم', 'برداشت شد', 'برداشت از', 'بانک*', 'عابربانک', 'خودپرداز', 'واریز*', 'بدهی*', 'بدهکار*', 'شارژ حساب', 'شارژ کیف پول', 'عودت*', 'برگشت وجه', 'استرداد*', 'بازپرداخت', 'فیش*', 'دوبار کسر', 'دو بار کسر', 'pardakht', 'pardakhtam', 'pool', 'pul', 'pulam', 'poolam', 'kart', 'kart be kart', 'bargasht pool', 'bargasht vajh', 'dargah', 'tarakonesh', 'ghest', 'aghsat', 'vaariz', 'variz'],
      ar: ['الدفع', 'دفع*', 'البطاقة', 'بطاقة*', 'بطاقتي', 'الفيزا', 'المحفظة', 'محفظة*', 'استرداد*', 'الاسترداد', 'استرجاع المبلغ', 'رجعوا الفلوس', 'الفاتورة', 'فاتورة*', 'الايصال', 'انخصم', 'انسحب المبلغ', 'تقسيط', 'بالتقسيط', 'ابل باي', 'التحويل', 'المبلغ', 'عملية الدفع', 'ادفع*', 'ندفع', 'كاش', 'نقدا', 'نقدي', 'فيزا', 'ماستر كارد', 'بطاقة مدى', 'ابل بي', 'انستاباي', 'فودافون كاش', 'رصيد*', 'شحن رصيد', 'صراف*', 'الايداع', 'ايداع*', 'حوالة*', 'تحويل*', 'خصموا', 'اتخصم', 'مخصوم', 'فلوسي', 'مصاريي', 'رجعولي', 'رجع الفلوس', 'استرجاع*', 'تعويض*', 'القسط', 'اقساط', 'تابي', 'تمارا', 'ايصال*', 'سداد', 'تسديد', 'سدد*', 'البنك', 'بنك*', 'الحساب البنكي', 'كشف الحساب', 'مدفوع', 'المدفوعات', 'دفعة*', 'daf3', 'el daf3', 'dafa3t', 'ndfa3', 'carte', 'flousi', 'el flous', 'flous', 'istirjaa3', 'paiement'],
      zh: ['支付', '付款', '退款', '扣款', '扣了', '扣钱', '发票', '支付宝', '信用卡', '银行卡', '分期', '花呗', '账单', '到账', '余额', '钱包', '小票', '转账', '提现', '话费', '付钱', '付了', '付不了', '扣费', '扣了两次', '重复扣', '多扣', '没到账', '微信支付', '云闪付', '刷卡', '现金', '找零', '退钱', '退回', '退费', '返还', '押金', '定金', '订金', '充值', '续费', '自动续费', '缴费', '交费', '还款', '贷款', '利息', '汇款', '银行', '开票', '收据', '报销', '白条', '买单', '结账'],
      en: ['payment*', 'pay by card', 'paying', 'refund*', 'charged', 'charged twice', 'double charged', 'card declined', 'credit card', 'debit card', 'card details', 'invoice*', 'receipt*', 'billing', 'billed', 'bill', 'wallet', 'apple pay', 'google pay', 'paypal', 'instalment*', 'installment*', 'transaction*', 'direct debit', 'paid', 'pay', 'payed', 'checkout', 'my card', 'bank card', 'card payment', 'by card', 'declined', 'charges', 'money back', 'my money', 'reimburs*', 'compensation', 'deposit*', 'bank transfer', 'money transfer', 'transfer fee', 'standing order', 'statement', 'overdraft', 'balance', 'top up', 'topped up', 'cash', 'cash on delivery', 'contactless', 'klarna', 'afterpay', 'pay later', 'chargeback', 'debited', 'deducted', 'taken from my account', 'left my account', 'bank', 'atm', 'withdraw*', 'payout', 'subscription', 'direct deposit', 'visa', 'mastercard', 'amex'],
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
      fa: ['اپلیکیشن*', 'اپ', 'اپش', 'اپتون', 'سایت*', 'وبسایت*', 'نسخه وب', 'آپدیت*', 'بروزرسانی', 'به روز رسانی', 'کرش*', 'هنگ میکنه', 'هنگ کرد*', 'باز نمیشه', 'لود نمیشه', 'بالا نمیاد', 'ارور*', 'خطا میده', 'نوتیفیکیشن*', 'اعلان*', 'اندروید', 'برنامه هنگ', 'نرم افزار*', 'نرمافزار*', 'سامانه*', 'پورتال', 'وب*', 'باگ*', 'مشکل فنی', 'خطا*', 'هنگ', 'لود*', 'بارگذاری*', 'دانلود*', 'نسخه جدید', 'ورژن*', 'میپره بیرون', 'پرت میکنه بیرون', 'نوتیف*', 'ایفون', 'گوگل پلی', 'کافه بازار', 'مایکت', 'اپ استور', 'سرور*', 'لینک*', 'appesh', 'barname', 'saayt', 'sait', 'hang', 'hang mikone', 'hang kard', 'eror', 'baz nemishe', 'load nemishe', 'apdeit', 'apdate'],
      ar: ['التطبيق', 'تطبيق*', 'الابليكيشن', 'الابلكيشن', 'الموقع الالكتروني', 'موقعكم', 'الموقع واقع', 'الموقع ما يفتح', 'الويب', 'التحديث', 'تحديث*', 'يعلق', 'يهنق', 'يقفل لحاله', 'ما يفتح', 'مش بيفتح', 'لا يفتح', 'ما يحمل', 'كراش', 'رسالة خطأ', 'الاشعارات', 'اشعارات*', 'يطلع خطا', 'الويبسايت', 'الويب سايت', 'السايت', 'الصفحة', 'معلق', 'يهنج', 'هنج', 'هنق', 'يطلعني', 'يطردني', 'ايرور', 'ارور', 'مشكلة تقنية', 'عطل تقني', 'خلل', 'باغ', 'تنزيل', 'التحميل', 'نوتيفيكيشن', 'اندرويد', 'ايفون', 'الايباد', 'ابل ستور', 'اب ستور', 'جوجل بلاي', 'سيرفر*', 'الخوادم', 'النسخة الجديدة', 'الاصدار', 'اصدار*', 'الرابط', 'رابط*', 'لينك*', 'el app', 'el application', 'application', 'appli', 'tatbi2', 'el tatbee2', 'el site', 'by3la2', 'bey3la2', 'yo3lo2', 'ma byefta7', 'mesh byefta7', 'ma yfta7', 'beyhang'],
      zh: ['应用', '软件', '网站', '网页', '闪退', '卡顿', '卡死', '打不开', '更新', '加载', '报错', '崩溃', '小程序', '白屏', '推送', '安卓', '苹果版', '页面', '客户端', '程序', '系统', '官网', '链接', '二维码', '卡住', '卡了', '转圈', '加载不出来', '刷新', '刷不出', '故障', '出错', '错误', '崩了', '挂了', '服务器', '升级', '版本', '下载', '安装', '卸载', '通知', '消息提醒', '鸿蒙', '公众号', '功能', '手机上'],
      en: ['app', 'web version', 'website', 'site', 'webpage', 'error', 'crash*', 'freezes', 'froze', 'keeps freezing', 'loading', "won't load", "doesn't load", 'not loading', 'blank page', 'blank screen', 'error message', 'glitch*', 'app update', 'latest update', 'since the update', 'notification*', 'android', 'ios', 'browser', 'online', 'portal', 'app store', 'play store', 'download*', 'install*', 'reinstall*', 'bug', 'bugs', 'buggy', 'glitchy', 'laggy', 'lag', 'slow to load', 'takes ages to load', 'frozen', 'stuck on', 'spinning', 'loading screen', 'server*', 'down again', 'is down', 'offline', 'iphone', 'ipad', 'tablet', 'desktop', 'mobile site', 'chrome', 'safari', 'link', 'broken link', 'page', 'feature', 'features', 'version', 'new version', 'old version', 'widget', 'sync*', 'qr code', 'online check-in', 'check in online', 'log out'],
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
      fa: ['ثبت سفارش', 'لغو سفارش', 'سفارش رو لغو', 'سفارشمو لغو', 'لغو*', 'کنسل*', 'ویرایش سفارش', 'تغییر سفارش', 'سفارش اشتباه', 'اشتباه فرستاد*', 'اشتباه ارسال', 'کالای اشتباه', 'ناقص رسید', 'ناقص بود', 'کم فرستاد*', 'مرجوع*', 'سبد خرید', 'تاریخچه سفارش*', 'شماره سفارش', 'پیگیری سفارش', 'تکرار سفارش', 'ثبت نشد', 'سفارش ثبت', 'اشتباه اوردن', 'اشتباه اومد', 'ناقص*', 'جا انداخت*', 'جا مونده', 'نفرستادن', 'نفرستاده', 'موجود نبود', 'ناموجود', 'موجودی', 'تموم شده بود', 'رزرو*', 'کنسلی', 'پس دادن', 'پس فرستادم', 'سبد*', 'یه چیز دیگه فرستادن', 'laghv', 'kansel', 'rezerv', 'marju', 'naghes', 'eshtebah', 'بلیط*', 'بلیت*', 'نوبت*', 'وقت گرفتم', 'وقت بگیرم', 'ثبت درخواست', 'موجود*', 'تغییر تاریخ'],
      ar: ['الغاء الطلب', 'الغيت*', 'كنسلت', 'تعديل الطلب', 'طلب خاطئ', 'طلب غلط', 'الطلب غلط', 'غلط في الطلب', 'الطلب ناقص', 'رقم الطلب', 'سجل الطلبات', 'اعادة الطلب', 'اتمام الطلب', 'السلة', 'سلة المشتريات', 'ارجاع المنتج', 'الارجاع', 'استبدال', 'الطلب الجماعي', 'الغي الطلب', 'طلبي', 'طلبيتي', 'الطلبية', 'طلبية*', 'الاوردر', 'اوردر*', 'الكوماند', 'كوموند', 'commande', 'طلبت*', 'طلبنا', 'الغاء*', 'لغيت', 'كنسل*', 'الحجز', 'حجز*', 'الحجوزات', 'اعادة الحجز', 'رقم الحجز', 'ناقص', 'نسيوا', 'مو اللي طلبته', 'مش اللي طلبته', 'غير اللي طلبته', 'تبديل', 'غير متوفر', 'نفد', 'نفذت الكمية', 'المخزون', 'el talab', 'talabi', 'talabt', 'el order', 'el commande', 'la commande', '7ajz', 'el 7ajz', 'hagz', 'el 7agz', 'reservation'],
      zh: ['订单', '下单', '漏送', '送错', '少送', '退货', '换货', '改单', '购物车', '加菜', '点错', '再来一单', '团餐', '拼单', '备注', '点的是', '预订', '预定', '订房', '订票', '订座', '订餐', '改签', '退票', '取消', '订了', '点了', '少了', '少发', '漏发', '发错', '错发', '拿错', '缺货', '没货', '断货', '库存', '补发', '退换', '退单', '催单', '加单', '订购', '预约', '抢票', '候补', '买错', '挂号', '报名', '选座', '改期', '有房', '有货', '名额', '约'],
      en: ['order number', 'order no', 'order history', 'order status', 'order id', 'place an order', 'placed an order', 'placing an order', 'cancel my order', 'cancel the order', 'cancelled my order', 'cancelled the order', 'canceled my order', 'cancel order', 'edit my order', 'change my order', 'amend my order', 'wrong order', 'wrong item*', 'missing item*', 'incomplete order', 'reorder', 'basket', 'shopping cart', 'group order*', 'booking*', 'booked', 'reservation*', 'reserve*', 'rebook*', 'my order', 'the order', 'our order', 'an order', 'your order', 'ordered', 'orders', 'cancel', 'cancelled', 'canceled', 'cancellation*', 'return it', 'returned it', 'return the item', 'returns', 'refund or replacement', 'replacement', 'exchange it', 'missing from my order', 'forgot my', 'left out', 'substitut*', 'out of stock', 'in stock', 'sold out', 'back in stock', 'cart', 'order confirmation', 'confirmation number', 'booking reference', 'pre-order', 'preorder', 'table for', 'my booking', 'the booking', 'wrong size', 'wrong colour', 'wrong color', 'sent the wrong', 'gave me the wrong', 'viewing', 'enrol*', 'enroll*', 'seat selection', 'pick seats', 'change the date', 'change my flight', 'hold a fare', 'book', 'to book', 'appointment*'],
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
      fa: ['حساب کاربری', 'ورود به حساب', 'وارد حساب', 'نمیتونم وارد', 'لاگین', 'رمز عبور', 'رمزمو', 'پسورد', 'فراموشی رمز', 'ثبت نام', 'ثبتنام', 'کد تایید', 'کد پیامکی', 'پروفایل', 'احراز هویت', 'اثر انگشت', 'حذف حساب', 'فعال سازی حساب', 'نام کاربری', 'اکانت*', 'یوزر*', 'رمز*', 'پسورد*', 'وارد نمیشه', 'وارد شم', 'وارد بشم', 'لاگین*', 'لاگ این', 'کد یکبار مصرف', 'رمز یکبار مصرف', 'رمز پویا', 'پیامک تایید', 'کد نمیاد', 'کد نیومد', 'احراز*', 'تشخیص چهره', 'پروفایل*', 'اطلاعات حساب', 'شماره موبایل', 'شماره همراه', 'تغییر شماره', 'مسدود*', 'بلاک*', 'هک*', 'akant', 'ramz', 'sabt nam', 'sabtenam', 'code taeed', 'code ta2id', 'code nemiad', 'vared nemishe', 'حسابم', 'حساب کاربریم', 'ثبت نام کردم', 'ایمیلم', 'شماره ثبت شده', 'ورود دو مرحله', 'رمز دوم'],
      ar: ['الدخول لحسابي', 'الحساب الشخصي', 'تسجيل الدخول', 'اسجل الدخول', 'اسجل دخول', 'كلمة المرور', 'كلمة السر', 'الباسورد', 'التسجيل', 'انشاء حساب', 'رمز التحقق', 'كود التحقق', 'رمز التفعيل', 'تفعيل الحساب', 'الملف الشخصي', 'اسم المستخدم', 'حذف الحساب', 'نسيت كلمة', 'حسابي', 'ادخل حسابي', 'سجلت دخول', 'سجل دخول', 'ما قدرت ادخل', 'ما اقدر ادخل', 'مش قادر ادخل', 'ما بقدر فوت', 'الرقم السري', 'الباسوورد', 'باسورد*', 'كود التفعيل', 'التحقق', 'التوثيق', 'توثيق*', 'البصمة', 'بصمة*', 'انقفل حسابي', 'حسابي مقفول', 'اتقفل', 'ايقاف الحساب', 'اتهكر', 'مخترق', 'اختراق', 'تغيير الايميل', 'رقم الجوال', 'رقم الموبايل', 'تحديث البيانات', 'بياناتي', 'البيانات الشخصية', 'البروفايل', 'بروفايل*', 'العضوية', 'عضوية*', 'اسجل', 'سجلت', 'فتح حساب', 'el account', 'el password', 'el code', 'ma2darsh ad5ol', 'mesh 2ader adkhol', 'compte', 'mon compte', 'mot de passe', 'المسجل', 'الايميل', 'البريد الالكتروني', 'تسجلت', 'المصادقه', 'حسابك', 'حسابكم', 'حسابه', 'رقم الهاتف المسجل', 'a3mel account'],
      zh: ['账号', '账户', '登录', '登陆', '密码', '注册', '验证码', '个人信息', '绑定', '头像', '注销', '实名认证', '激活', '用户名', '登不上', '登不进', '进不去', '手机号', '换绑', '解绑', '冻结', '封号', '被封', '盗号', '被盗', '实名', '人脸', '刷脸', '身份验证', '认证', '个人中心', '资料', '昵称', '短信', '帐号', '账号被', '登录不了', '里程', '会员卡', '换号'],
      en: ['into my account', 'access my account', 'account details', 'account settings', 'delete my account', 'create an account', 'account locked', 'locked out', 'log in', 'login', 'logged out', 'sign in', 'sign up', 'signup', 'registration', 'password*', 'verification code', 'otp', 'profile', 'username', 'activation email', 'face id', 'logging in', 'log into', 'logged in', 'sign-in', 'signing in', 'can\'t log in', 'cannot log in', 'two-factor', '2fa', 'verification', 'verify', 'verified', 'one-time code', 'sms code', 'reset', 'email address', 'change my email', 'phone number', 'personal details', 'my details', 'id verification', 'kyc', 'identity', 'membership', 'member', 'logged me out', 'blocked', 'suspended', 'banned', 'hacked', 'new account', 'old account', 'my account', 'user id', 'biometric*', 'fingerprint', 'pin', 'credentials', 'account', 'accounts', 'registered email', 'registered number', 'otp code'],
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
      fa: ['بسته بندی*', 'بستهبندی*', 'کارتن*', 'جعبه*', 'پلمب*', 'له شده', 'له شد', 'نشتی', 'ریخته بود', 'نایلون*', 'کادوپیچ*', 'کادو پیچ*', 'کاغذ کادو', 'ضربه گیر', 'پاره شده بود', 'کیسه', 'کیسه پلاستیکی', 'پاکت*', 'کیسه*', 'ظرف*', 'درب ظرف', 'پلاستیک*', 'ریخته شده', 'نشت*', 'له بود', 'له و لورده', 'داغون رسید', 'پاره*', 'چسب*', 'فوم', 'حباب دار', 'پلمپ*', 'baste bandi', 'bastebandi', 'jabe', 'jaabe', 'karton', 'nailon', 'le shode'],
      ar: ['التغليف', 'تغليف*', 'مغلف', 'العلبة', 'علبة*', 'الكرتون', 'الكرتونة', 'كرتونة*', 'الكيس', 'الاكياس', 'مختوم', 'الختم', 'انسكب', 'مدلوق', 'التعبئة', 'البلاستيك', 'مكسورة العلبة', 'ورق الهدايا', 'الباكيت', 'كيس*', 'الصندوق', 'صندوق*', 'علب', 'العلب', 'وصلت مفتوحة', 'مطعوج*', 'مفعوص', 'ممزق*', 'مبعوج*', 'انبعج', 'اندلق', 'مسكوب', 'بلاستيك*', 'الفلين', 'النايلون', 'نايلون', 'تغليف هدية', 'taghlif', 'el taghlif', '3olba', 'el 3olba', 'emballage'],
      zh: ['包装', '盒子', '纸箱', '箱子', '漏了', '洒了', '撒了', '密封', '压坏', '压扁', '袋子', '塑料袋', '泡沫', '外箱', '餐盒', '防震', '破损', '漏汤', '洒出来', '汤洒', '封口', '封条', '胶带', '气泡膜', '纸盒', '保温袋', '打包', '环保', '塑料', '过度包装', '简陋', '严实', '挤压', '变形', '瘪了', '撞坏'],
      en: ['packaging', 'packaged', 'packing', 'box', 'boxes', 'wrapping', 'gift wrap*', 'bubble wrap', 'sealed', 'seal was broken', 'leaked', 'spilled', 'spilt', 'dented', 'carton', 'plastic bag*', 'wrapped', 'wrapper', 'container*', 'lid', 'lids', 'unsealed', 'tamper*', 'crushed', 'squashed', 'leaking', 'spill*', 'plastic', 'recycl*', 'eco-friendly', 'excessive packaging', 'too much plastic', 'cardboard', 'envelope', 'padding', 'foam', 'styrofoam', 'tape', 'packed', 'badly packed', 'well packed'],
    },
    examples: [
      'بسته بندی پاره بود و محصول آسیب دیده بود', 'جعبه خیلی شیک و محکم بود',
      'التغليف سيء والعلبة وصلت مفتوحة', 'التغليف ممتاز ومحكم',
      '包装破了，汤都洒了', '包装很精美，送人合适',
      'The box was crushed and the bottle leaked', 'Nicely packaged and well sealed',
    ],
  },
];
