// Distinct multilingual feedback texts for the search benchmark. A few thousand texts are
// repeated over the million rows (as real feedback repeats itself); a handful of rare words
// appear in one text each, so their share of rows is ~1 / number of texts.
import { prng } from './data.js';

const SENTENCES: Record<'fa' | 'ar' | 'zh' | 'en', string[]> = {
  fa: [
    'ارسال خیلی دیر بود و کسی جواب تلفن را نداد',
    'کیفیت محصول عالی بود و بسته‌بندی مرتب بود',
    'كيفيت كالا با عكس سايت فرق داشت',
    'قیمت‌ها نسبت به ماه قبل خیلی بالا رفته است',
    'اپلیکیشن موقع پرداخت قطع می‌شود',
    'پشتیبانی سریع و مودب بود',
    'می خواهم سفارشم را مرجوع کنم',
    'کد تخفیف اعمال نشد ولی پول کم شد',
    'جست‌وجوی سایت ضعیف است',
    'پیک محترم بود ولی دیر رسید',
    'رنگ لباس با عکس فرق داشت',
    'از تنوع کالاها راضی هستم',
  ],
  ar: [
    'التوصيل تأخر ثلاثة أيام',
    'المنتج ممتاز والتغليف جيد جدا',
    'الأسعار ارتفعت كثيرا هذا الشهر',
    'التطبيق يتوقف عند الدفع',
    'خدمة العملاء سريعة ومحترمة',
    'المقاس لا يطابق الجدول',
    'لم يطبق رمز الخصم',
    'أتمنى إضافة الدفع عند الاستلام',
    'المندوب كان لطيفا',
    'الجودة أقل من المتوقع',
    'وصل الطلب ناقصا',
    'الموقع بطيء جدا',
  ],
  zh: [
    '快递太慢了，等了一个星期',
    '产品质量很好，包装也很用心',
    '价格比上个月贵了不少',
    '付款的时候应用闪退',
    '客服回复很快，态度很好',
    '客服态度很差，一直不回复',
    '衣服颜色和图片不一样',
    '优惠券没有生效',
    '希望增加分期付款',
    '物流信息一直不更新',
    '尺码偏小，建议买大一号',
    '退货流程太复杂',
  ],
  en: [
    'Delivery took over a week and nobody answered',
    'Great quality and careful packaging',
    'Prices went up a lot compared to last month',
    'The app crashes at checkout',
    'Support was quick and polite',
    'The colour was different from the photo',
    'The discount code did not apply',
    'Late delivery again, very disappointed',
    'The courier was friendly',
    'Refund took too long',
    'Site search is really poor',
    'The size chart is wrong',
  ],
};
const LANGS = Object.keys(SENTENCES) as Array<keyof typeof SENTENCES>;
const JOIN = { fa: '. ', ar: '. ', zh: '。', en: '. ' };
const RARE: Record<keyof typeof SENTENCES, string[]> = {
  en: ['zephyrine', 'quokka', 'marzipan'],
  fa: ['زعفرانیه', 'کاشمر'],
  ar: ['القطيف'],
  zh: ['榴莲'],
};

export interface BenchText {
  text: string;
  language: string;
}

/** `count` distinct texts; RARE words each appear in exactly one of them. */
export function searchBenchTexts(count: number, seed = 7): BenchText[] {
  const rand = prng(seed);
  const seen = new Set<string>();
  const out: BenchText[] = [];
  const rare = LANGS.flatMap((lang) => RARE[lang].map((word) => ({ lang, word })));
  for (let i = 0; out.length < count && i < count * 20; i++) {
    const lang = LANGS[i % LANGS.length];
    const pool = SENTENCES[lang];
    const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pool[Math.floor(rand() * pool.length)]);
    if (rand() < 0.5) parts.push(`#${1000 + Math.floor(rand() * 9000)}`);
    const text = parts.join(JOIN[lang]);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, language: lang });
  }
  for (const [k, { lang, word }] of rare.entries()) {
    let index = (k * 131 + 17) % out.length;
    while (out[index].language !== lang) index = (index + 1) % out.length;
    out[index] = { text: `${out[index].text}${JOIN[lang]}${word}`, language: out[index].language };
  }
  return out;
}
