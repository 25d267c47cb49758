// Content for `feedloop demo`: a fictional multilingual online shop, Dastaan Market, selling
// electronics, home goods and delivered groceries through its app and website. Texts are
// written to look like real customer feedback (informal spelling, mixed scripts, emoji,
// Persian/Arabic digits) so the demo exercises language detection, RTL display and escaping.
import { faFeedback } from './demo-content.fa.js';
import { arFeedback } from './demo-content.ar.js';
import { zhFeedback } from './demo-content.zh.js';
import { enFeedback } from './demo-content.en.js';

export type DemoLanguage = 'fa' | 'ar' | 'zh' | 'en';

export type DemoChannel = 'survey' | 'widget' | 'email' | 'chat' | 'support_ticket' | 'review' | 'social' | 'interview' | 'api';

export type DemoTopic =
  | 'price'
  | 'delivery'
  | 'support'
  | 'product_quality'
  | 'design_ux'
  | 'payment'
  | 'app_website'
  | 'order'
  | 'account'
  | 'packaging';

export const DEMO_TOPICS: readonly DemoTopic[] = [
  'price',
  'delivery',
  'support',
  'product_quality',
  'design_ux',
  'payment',
  'app_website',
  'order',
  'account',
  'packaging',
];

export interface DemoFeedbackText {
  lang: DemoLanguage;
  text: string;
  channel: DemoChannel;
  sentiment: 'negative' | 'neutral' | 'positive';
  kind: 'complaint' | 'suggestion' | 'praise' | 'bug_report' | 'question' | 'other';
  /** Values from DEMO_TOPICS; empty when the text names nothing specific ("Terrible."). */
  topics: string[];
  /** 0..10, survey answers only. */
  nps?: number;
  /** 1..5 */
  csat?: number;
  /** 1..5, reviews only. */
  rating?: number;
}

export interface DemoCustomer {
  name: string;
  email: string | null;
  phone: string | null;
  locale: DemoLanguage;
  city: string;
  /** ISO 3166-1 alpha-2: where the customer lives, and so how a phone written without a country code is read. */
  country: string;
  plan: 'free' | 'plus' | 'vip';
}

export interface DemoProduct {
  sku: string;
  name: Record<DemoLanguage, string>;
  price: number;
  currency: 'IRR' | 'SAR' | 'AED' | 'EGP' | 'CNY' | 'USD';
}

export const demoFeedback: DemoFeedbackText[] = [...faFeedback, ...arFeedback, ...zhFeedback, ...enFeedback];

// Phone numbers are written the way customers type them: with and without country code,
// spaced or not, some in Persian (۰-۹) or Arabic-Indic (٠-٩) digits. English-market numbers
// use ranges reserved for fiction (US 555-01xx, UK 020 7946 0xxx, AU 0491 570 xxx).
export const demoCustomers: DemoCustomer[] = [
  // Iran
  {
    name: 'محمدرضا احمدی',
    email: 'mr.ahmadi@example.ir',
    phone: '+98 912 345 6781',
    locale: 'fa',
    city: 'تهران',
    country: 'IR',
    plan: 'vip',
  },
  {
    name: 'فاطمه حسینی',
    email: 'f.hosseini@example.ir',
    phone: '0935 214 8870',
    locale: 'fa',
    city: 'اصفهان',
    country: 'IR',
    plan: 'plus',
  },
  { name: 'علی رضایی', email: null, phone: '۰۹۱۲ ۴۵۶ ۷۸۹۰', locale: 'fa', city: 'مشهد', country: 'IR', plan: 'free' },
  { name: 'زهرا محمدی', email: 'zahra.mohammadi@example.com', phone: null, locale: 'fa', city: 'شیراز', country: 'IR', plan: 'free' },
  {
    name: 'Reza Moradi',
    email: 'reza.moradi@example.com',
    phone: '+98 901 220 4411',
    locale: 'fa',
    city: 'کرج',
    country: 'IR',
    plan: 'plus',
  },
  { name: 'مریم جعفری', email: 'maryam.jafari@example.ir', phone: '09197654321', locale: 'fa', city: 'تبریز', country: 'IR', plan: 'plus' },
  { name: 'حسین صادقی', email: null, phone: '+98 915 800 1234', locale: 'fa', city: 'کرمان', country: 'IR', plan: 'free' },
  { name: 'نرگس موسوی', email: 'narges.mousavi@example.ir', phone: '۰۹۳۶۱۲۳۴۵۶۷', locale: 'fa', city: 'رشت', country: 'IR', plan: 'free' },
  { name: 'امیرحسین کاظمی', email: 'amirhossein.k@example.ir', phone: null, locale: 'fa', city: 'تهران', country: 'IR', plan: 'vip' },
  { name: 'الهام نوری', email: 'elham.nouri@example.com', phone: '0912 000 4567', locale: 'fa', city: 'یزد', country: 'IR', plan: 'plus' },
  { name: 'مهدی قاسمی', email: null, phone: '09381112233', locale: 'fa', city: 'اهواز', country: 'IR', plan: 'free' },
  {
    name: 'نازنین رحیمی',
    email: 'nazanin.rahimi@example.ir',
    phone: '+98 917 321 6540',
    locale: 'fa',
    city: 'شیراز',
    country: 'IR',
    plan: 'vip',
  },
  { name: 'سعید طاهری', email: 'saeed.taheri@example.ir', phone: null, locale: 'fa', city: 'قم', country: 'IR', plan: 'free' },
  {
    name: 'پریسا اکبری',
    email: 'parisa.akbari@example.com',
    phone: '۰۹۱۰ ۵۵۵ ۱۲۳۴',
    locale: 'fa',
    city: 'اصفهان',
    country: 'IR',
    plan: 'plus',
  },
  {
    name: 'کامران شریفی',
    email: 'kamran.sharifi@example.ir',
    phone: '+98 911 408 2290',
    locale: 'fa',
    city: 'ساری',
    country: 'IR',
    plan: 'free',
  },
  { name: 'مهسا عليزاده', email: 'mahsa.alizadeh@example.ir', phone: null, locale: 'fa', city: 'همدان', country: 'IR', plan: 'plus' },
  // Saudi Arabia, UAE, Egypt
  {
    name: 'عبدالله القحطاني',
    email: 'a.alqahtani@example.sa',
    phone: '+966 55 123 4567',
    locale: 'ar',
    city: 'الرياض',
    country: 'SA',
    plan: 'vip',
  },
  {
    name: 'نورة العتيبي',
    email: 'noura.otaibi@example.sa',
    phone: '0551234987',
    locale: 'ar',
    city: 'الرياض',
    country: 'SA',
    plan: 'plus',
  },
  { name: 'محمد الشهري', email: null, phone: '+966 50 987 6543', locale: 'ar', city: 'جدة', country: 'SA', plan: 'free' },
  { name: 'فاطمة الزهراني', email: 'fatimah.z@example.com', phone: null, locale: 'ar', city: 'الدمام', country: 'SA', plan: 'free' },
  {
    name: 'خالد المنصوري',
    email: 'khalid.mansoori@example.ae',
    phone: '+971 50 123 4567',
    locale: 'ar',
    city: 'دبي',
    country: 'AE',
    plan: 'vip',
  },
  { name: 'مريم الكعبي', email: 'maryam.kaabi@example.ae', phone: null, locale: 'ar', city: 'أبوظبي', country: 'AE', plan: 'plus' },
  {
    name: 'أحمد عبد الرحمن',
    email: 'ahmed.abdelrahman@example.com.eg',
    phone: '+20 100 123 4567',
    locale: 'ar',
    city: 'القاهرة',
    country: 'EG',
    plan: 'plus',
  },
  { name: 'منى إبراهيم', email: null, phone: '01012345678', locale: 'ar', city: 'الإسكندرية', country: 'EG', plan: 'free' },
  {
    name: 'يوسف حسن',
    email: 'youssef.hassan@example.com',
    phone: '+20 122 555 0198',
    locale: 'ar',
    city: 'الجيزة',
    country: 'EG',
    plan: 'free',
  },
  {
    name: 'سارة الحربي',
    email: 'sara.alharbi@example.sa',
    phone: '+966 54 220 1133',
    locale: 'ar',
    city: 'المدينة المنورة',
    country: 'SA',
    plan: 'free',
  },
  { name: 'عمر السيد', email: 'omar.elsayed@example.com.eg', phone: null, locale: 'ar', city: 'القاهرة', country: 'EG', plan: 'vip' },
  { name: 'ريم الدوسري', email: 'reem.aldosari@example.sa', phone: '٠٥٠٣٣٤٤٥٥٦', locale: 'ar', city: 'الخبر', country: 'SA', plan: 'plus' },
  { name: 'سلطان الشامسي', email: null, phone: '+971 55 765 4321', locale: 'ar', city: 'الشارقة', country: 'AE', plan: 'free' },
  {
    name: 'هدى مصطفى',
    email: 'hoda.mostafa@example.com',
    phone: '01123456789',
    locale: 'ar',
    city: 'المنصورة',
    country: 'EG',
    plan: 'free',
  },
  {
    name: 'فيصل العنزي',
    email: 'faisal.anazi@example.sa',
    phone: '+966 56 987 1234',
    locale: 'ar',
    city: 'الرياض',
    country: 'SA',
    plan: 'plus',
  },
  { name: 'لمى القاسم', email: 'lama.alqasem@example.com', phone: null, locale: 'ar', city: 'جدة', country: 'SA', plan: 'free' },
  // China
  { name: '王芳', email: 'wangfang@example.cn', phone: '+86 138 1234 5678', locale: 'zh', city: '上海', country: 'CN', plan: 'vip' },
  { name: '李伟', email: null, phone: '13912345678', locale: 'zh', city: '北京', country: 'CN', plan: 'free' },
  { name: '张敏', email: 'zhangmin@example.cn', phone: '139 8765 4321', locale: 'zh', city: '广州', country: 'CN', plan: 'plus' },
  { name: '刘洋', email: 'liuyang88@example.com', phone: null, locale: 'zh', city: '深圳', country: 'CN', plan: 'free' },
  { name: '陈静', email: 'chenjing@example.cn', phone: '+86 186 0011 2233', locale: 'zh', city: '杭州', country: 'CN', plan: 'plus' },
  { name: '杨磊', email: null, phone: '+86 150 2345 6789', locale: 'zh', city: '成都', country: 'CN', plan: 'free' },
  { name: '赵丽娟', email: 'zhaolijuan@example.cn', phone: '18612345678', locale: 'zh', city: '武汉', country: 'CN', plan: 'free' },
  { name: '黄思远', email: 'huangsiyuan@example.com', phone: null, locale: 'zh', city: '南京', country: 'CN', plan: 'vip' },
  { name: '周婷', email: 'zhouting@example.cn', phone: '+86 137 6655 4433', locale: 'zh', city: '西安', country: 'CN', plan: 'plus' },
  { name: '吴浩', email: null, phone: '158 0021 3344', locale: 'zh', city: '苏州', country: 'CN', plan: 'free' },
  { name: '徐佳', email: 'xujia@example.cn', phone: '+86 135 7788 9900', locale: 'zh', city: '重庆', country: 'CN', plan: 'free' },
  { name: '孙悦', email: 'sunyue@example.com', phone: '13511223344', locale: 'zh', city: '天津', country: 'CN', plan: 'plus' },
  { name: '马俊', email: 'majun@example.cn', phone: null, locale: 'zh', city: '厦门', country: 'CN', plan: 'free' },
  { name: '朱琳', email: 'zhulin@example.cn', phone: '+86 188 1234 0000', locale: 'zh', city: '青岛', country: 'CN', plan: 'vip' },
  { name: '胡斌', email: null, phone: '17712345678', locale: 'zh', city: '长沙', country: 'CN', plan: 'free' },
  { name: '郭晨', email: 'guochen@example.com', phone: '+86 131 2468 1357', locale: 'zh', city: '上海', country: 'CN', plan: 'plus' },
  // English-speaking countries
  {
    name: 'Emily Carter',
    email: 'emily.carter@example.com',
    phone: '+1 (415) 555-0132',
    locale: 'en',
    city: 'San Francisco',
    country: 'US',
    plan: 'plus',
  },
  {
    name: "James O'Connor",
    email: 'james.oconnor@example.ie',
    phone: '+353 85 123 4567',
    locale: 'en',
    city: 'Dublin',
    country: 'IE',
    plan: 'free',
  },
  {
    name: 'Olivia Smith',
    email: 'olivia.smith@example.co.uk',
    phone: '+44 20 7946 0123',
    locale: 'en',
    city: 'London',
    country: 'GB',
    plan: 'vip',
  },
  { name: 'Daniel Nguyen', email: null, phone: '+61 491 570 156', locale: 'en', city: 'Melbourne', country: 'AU', plan: 'free' },
  { name: 'Sophie Williams', email: 'sophie.w@example.com', phone: null, locale: 'en', city: 'Manchester', country: 'GB', plan: 'free' },
  {
    name: 'Michael Brown',
    email: 'mbrown@example.org',
    phone: '(512) 555-0178',
    locale: 'en',
    city: 'Austin',
    country: 'US',
    plan: 'plus',
  },
  {
    name: 'Priya Patel',
    email: 'priya.patel@example.co.uk',
    phone: '020 7946 0456',
    locale: 'en',
    city: 'Leicester',
    country: 'GB',
    plan: 'plus',
  },
  {
    name: 'Liam Thompson',
    email: 'liam.t@example.ca',
    phone: '+1 416 555 0190',
    locale: 'en',
    city: 'Toronto',
    country: 'CA',
    plan: 'free',
  },
  { name: 'Chloe Martin', email: 'chloe.martin@example.com', phone: null, locale: 'en', city: 'Sydney', country: 'AU', plan: 'vip' },
  { name: 'Noah Johnson', email: null, phone: '+1 212 555 0111', locale: 'en', city: 'New York', country: 'US', plan: 'free' },
  {
    name: 'Grace Taylor',
    email: 'grace.taylor@example.com',
    phone: '+64 21 555 0102',
    locale: 'en',
    city: 'Auckland',
    country: 'NZ',
    plan: 'free',
  },
  { name: 'Ethan Clarke', email: 'ethan.clarke@example.co.uk', phone: null, locale: 'en', city: 'Bristol', country: 'GB', plan: 'free' },
  {
    name: 'Aisha Rahman',
    email: 'aisha.rahman@example.com',
    phone: '+44 20 7946 0789',
    locale: 'en',
    city: 'Birmingham',
    country: 'GB',
    plan: 'plus',
  },
  { name: 'Ben Walker', email: 'ben@example.net', phone: '+1 (206) 555-0165', locale: 'en', city: 'Seattle', country: 'US', plan: 'free' },
  { name: 'Hannah Lee', email: 'hannah.lee@example.com', phone: null, locale: 'en', city: 'Vancouver', country: 'CA', plan: 'plus' },
  { name: 'Jack Wilson', email: null, phone: '0491 570 110', locale: 'en', city: 'Brisbane', country: 'AU', plan: 'free' },
];

// Each product is listed in the storefront of one market, priced in that market's currency.
export const demoProducts: DemoProduct[] = [
  // Electronics
  {
    sku: 'DM-EL-101',
    name: {
      fa: 'گوشی موبایل Pardis X5 حافظه ۱۲۸ گیگابایت',
      ar: 'هاتف Pardis X5 بسعة 128 جيجابايت',
      zh: 'Pardis X5 智能手机 128GB',
      en: 'Pardis X5 Smartphone 128GB',
    },
    price: 189_000_000,
    currency: 'IRR',
  },
  {
    sku: 'DM-EL-102',
    name: {
      fa: 'هدفون بی‌سیم Nava Buds Pro',
      ar: 'سماعات نافا بادز برو اللاسلكية',
      zh: 'Nava Buds Pro 真无线降噪耳机',
      en: 'Nava Buds Pro Wireless Earbuds',
    },
    price: 38_500_000,
    currency: 'IRR',
  },
  {
    sku: 'DM-EL-103',
    name: { fa: 'پاوربانک ۲۰۰۰۰ میلی‌آمپر', ar: 'باور بانك 20000 ملي أمبير', zh: '20000毫安充电宝', en: '20,000 mAh Power Bank' },
    price: 129,
    currency: 'SAR',
  },
  {
    sku: 'DM-EL-104',
    name: { fa: 'ساعت هوشمند Saat S2', ar: 'ساعة ذكية Saat S2', zh: 'Saat S2 智能手表', en: 'Saat S2 Smartwatch' },
    price: 349,
    currency: 'AED',
  },
  {
    sku: 'DM-EL-105',
    name: { fa: 'تلویزیون ۴۳ اینچ 4K', ar: 'تلفزيون 43 بوصة بدقة 4K', zh: '43英寸4K智能电视', en: '43-inch 4K Smart TV' },
    price: 17_999,
    currency: 'EGP',
  },
  {
    sku: 'DM-EL-106',
    name: {
      fa: 'جاروبرقی رباتیک CleanBot R3',
      ar: 'مكنسة روبوت CleanBot R3',
      zh: 'CleanBot R3 扫地机器人',
      en: 'CleanBot R3 Robot Vacuum',
    },
    price: 1_299,
    currency: 'CNY',
  },
  {
    sku: 'DM-EL-107',
    name: {
      fa: 'شارژر سریع USB-C توان ۶۵ وات',
      ar: 'شاحن سريع USB-C بقدرة 65 واط',
      zh: '65W USB-C 快充充电器',
      en: '65W USB-C Fast Charger',
    },
    price: 29.99,
    currency: 'USD',
  },
  {
    sku: 'DM-EL-108',
    name: { fa: 'اسپیکر بلوتوثی قابل حمل', ar: 'سماعة بلوتوث محمولة', zh: '便携蓝牙音箱', en: 'Portable Bluetooth Speaker' },
    price: 199,
    currency: 'CNY',
  },
  {
    sku: 'DM-EL-109',
    name: { fa: 'ماوس بی‌سیم', ar: 'فأرة لاسلكية', zh: '无线鼠标', en: 'Wireless Mouse' },
    price: 19.99,
    currency: 'USD',
  },
  // Home goods
  {
    sku: 'DM-HM-201',
    name: { fa: 'سرخ‌کن بدون روغن ۵.۵ لیتری', ar: 'قلاية هوائية سعة 5.5 لتر', zh: '5.5升空气炸锅', en: '5.5 L Air Fryer' },
    price: 64_000_000,
    currency: 'IRR',
  },
  {
    sku: 'DM-HM-202',
    name: { fa: 'سرویس قابلمه نچسب ۷ پارچه', ar: 'طقم قدور غير لاصقة 7 قطع', zh: '不粘锅7件套', en: '7-Piece Non-Stick Cookware Set' },
    price: 289,
    currency: 'SAR',
  },
  {
    sku: 'DM-HM-203',
    name: { fa: 'سرویس ملحفه نخی دو نفره', ar: 'طقم شراشف قطن مقاس كوين', zh: '纯棉双人床单四件套', en: 'Cotton Sheet Set, Queen' },
    price: 179,
    currency: 'AED',
  },
  {
    sku: 'DM-HM-204',
    name: { fa: 'کتری برقی ۱.۷ لیتری', ar: 'غلاية كهربائية 1.7 لتر', zh: '1.7升电水壶', en: '1.7 L Electric Kettle' },
    price: 1_450,
    currency: 'EGP',
  },
  {
    sku: 'DM-HM-205',
    name: { fa: 'چراغ مطالعه LED', ar: 'مصباح مكتب LED', zh: 'LED护眼台灯', en: 'LED Desk Lamp' },
    price: 89,
    currency: 'CNY',
  },
  {
    sku: 'DM-HM-206',
    name: { fa: 'فرش ماشینی ۷۰۰ شانه ۶ متری', ar: 'سجادة منسوجة آلياً 2×3 م', zh: '机织地毯 2×3米', en: 'Machine-Woven Rug, 2 × 3 m' },
    price: 95_000_000,
    currency: 'IRR',
  },
  {
    sku: 'DM-HM-207',
    name: { fa: 'فلاسک استیل ۱ لیتری', ar: 'ترمس ستانلس ستيل 1 لتر', zh: '1升不锈钢保温壶', en: '1 L Stainless Steel Flask' },
    price: 79,
    currency: 'SAR',
  },
  // Groceries
  {
    sku: 'DM-GR-301',
    name: { fa: 'برنج طارم ۱۰ کیلویی', ar: 'أرز طارم إيراني 10 كجم', zh: '伊朗塔罗姆大米 10公斤', en: 'Tarom Rice, 10 kg' },
    price: 12_500_000,
    currency: 'IRR',
  },
  {
    sku: 'DM-GR-302',
    name: { fa: 'زعفران سرگل یک مثقالی', ar: 'زعفران سرجل مثقال واحد', zh: '伊朗藏红花 4.6克', en: 'Sargol Saffron, 4.6 g' },
    price: 42_000_000,
    currency: 'IRR',
  },
  {
    sku: 'DM-GR-303',
    name: { fa: 'خرمای مجول ۱ کیلویی', ar: 'تمر مجدول 1 كجم', zh: '椰枣（美久）1公斤', en: 'Medjool Dates, 1 kg' },
    price: 65,
    currency: 'SAR',
  },
  {
    sku: 'DM-GR-304',
    name: {
      fa: 'قهوه عربی با هل ۵۰۰ گرمی',
      ar: 'قهوة عربية بالهيل 500 غرام',
      zh: '阿拉伯豆蔻咖啡 500克',
      en: 'Arabic Coffee with Cardamom, 500 g',
    },
    price: 45,
    currency: 'AED',
  },
  {
    sku: 'DM-GR-305',
    name: { fa: 'چای یاسمن ۲۵۰ گرمی', ar: 'شاي الياسمين 250 غرام', zh: '茉莉花茶 250克', en: 'Jasmine Tea, 250 g' },
    price: 68,
    currency: 'CNY',
  },
  {
    sku: 'DM-GR-306',
    name: { fa: 'روغن زیتون فرابکر ۱ لیتری', ar: 'زيت زيتون بكر ممتاز 1 لتر', zh: '特级初榨橄榄油 1升', en: 'Extra Virgin Olive Oil, 1 L' },
    price: 650,
    currency: 'EGP',
  },
  {
    sku: 'DM-GR-307',
    name: { fa: 'جعبه هفتگی میوه و سبزی', ar: 'صندوق الخضار والفواكه الأسبوعي', zh: '每周果蔬箱', en: 'Weekly Fresh Produce Box' },
    price: 34.5,
    currency: 'USD',
  },
  {
    sku: 'DM-GR-308',
    name: { fa: 'پسته اکبری ۵۰۰ گرمی', ar: 'فستق أكبري 500 غرام', zh: '伊朗开心果 500克', en: 'Akbari Pistachios, 500 g' },
    price: 45_000_000,
    currency: 'IRR',
  },
];
