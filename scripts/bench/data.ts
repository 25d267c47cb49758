// Realistic multilingual feedback for the benchmark: request bodies for the API and a CSV file
// for the import, both drawn from the same texts, scores and a pool of customers.
import fs from 'node:fs';
import { once } from 'node:events';

const TEXTS: Record<'fa' | 'ar' | 'zh' | 'en', string[]> = {
  fa: [
    'ارسال خیلی دیر بود و کسی هم جواب تلفن را نداد',
    'کیفیت محصول عالی بود، ممنون از بسته‌بندی مرتب',
    'قیمت‌ها نسبت به ماه قبل خیلی بالا رفته است',
    'اپلیکیشن موقع پرداخت قطع می‌شود و سفارشم ثبت نشد',
    'پشتیبانی سریع و مودب بود، مشکلم در ۱۰ دقیقه حل شد',
    'رنگ لباس با عکس سایت فرق داشت، می‌خواهم مرجوع کنم',
    'کد تخفیف اعمال نشد ولی پول از حسابم کم شد',
    'از تنوع کالاها راضی هستم اما جست‌وجوی سایت ضعیف است',
  ],
  ar: [
    'التوصيل تأخر ثلاثة أيام ولم يتواصل معي أحد',
    'المنتج ممتاز والتغليف كان جيداً جداً، شكراً لكم',
    'الأسعار ارتفعت كثيراً مقارنة بالشهر الماضي',
    'التطبيق يتوقف عند الدفع ولم يتم تسجيل طلبي',
    'خدمة العملاء سريعة ومحترمة، حُلت مشكلتي في عشر دقائق',
    'المقاس لا يطابق الجدول المنشور في الموقع',
    'لم يُطبق رمز الخصم لكن المبلغ خُصم من بطاقتي',
    'أتمنى إضافة خيار الدفع عند الاستلام في مدينتي',
  ],
  zh: [
    '快递太慢了，等了整整一个星期才收到',
    '产品质量很好，包装也很用心，下次还会购买',
    '价格比上个月贵了不少，有点失望',
    '付款的时候应用闪退，订单没有提交成功',
    '客服回复很快，十分钟就解决了我的问题',
    '衣服颜色和图片不一样，想申请退货',
    '优惠券没有生效，但是钱已经扣了',
    '希望能增加更多的支付方式，比如分期付款',
  ],
  en: [
    'Delivery took over a week and nobody answered the phone',
    'Great quality and careful packaging, thank you!',
    'Prices went up a lot compared to last month',
    'The app crashes at checkout and my order was not placed',
    'Support was quick and polite, my issue was solved in ten minutes',
    'The colour of the shirt was different from the photo, I want to return it',
    'The discount code did not apply but I was still charged',
    'Love the range of products but the site search is really poor',
  ],
};
const LANGS = Object.keys(TEXTS) as Array<keyof typeof TEXTS>;
const CHANNELS = ['survey', 'widget', 'email', 'chat', 'review', 'support_ticket'] as const;
const SUFFIX: Record<keyof typeof TEXTS, (n: number) => string> = {
  fa: (n) => ` (سفارش ${n})`,
  ar: (n) => ` (طلب رقم ${n})`,
  zh: (n) => `（订单 ${n}）`,
  en: (n) => ` (order ${n})`,
};

export const CUSTOMER_POOL = 1000;

/** A small deterministic PRNG, so every run sends the same mix. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  lang: keyof typeof TEXTS;
  text: string;
  email: string;
  nps: number | null;
  csat: number | null;
  channel: string;
  date: Date;
}

function sample(rand: () => number, i: number): Sample {
  const lang = LANGS[i % LANGS.length];
  const pool = TEXTS[lang];
  // One to three sentences, sometimes with an order number: lengths from ~30 to ~200 chars.
  const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pool[Math.floor(rand() * pool.length)]);
  let text = parts.join(lang === 'zh' ? '。' : '. ');
  if (rand() < 0.4) text += SUFFIX[lang](10_000 + Math.floor(rand() * 90_000));
  const scored = rand();
  return {
    lang,
    text,
    email: `customer${Math.floor(rand() * CUSTOMER_POOL)}@example.com`,
    nps: scored < 0.6 ? Math.floor(rand() * 11) : null,
    csat: scored >= 0.6 && scored < 0.9 ? 1 + Math.floor(rand() * 5) : null,
    channel: CHANNELS[Math.floor(rand() * CHANNELS.length)],
    date: new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 365 * 86_400_000)),
  };
}

/** Serialised bodies for POST /api/v1/feedback, rotated by the load generator. */
export function feedbackBodies(count: number, seed = 1): string[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const s = sample(rand, i);
    return JSON.stringify({
      channel: s.channel,
      text: s.text,
      ...(s.nps !== null ? { nps: s.nps } : {}),
      ...(s.csat !== null ? { csat: s.csat } : {}),
      customer: { email: s.email },
      metadata: { app: 'bench', version: `4.${i % 7}.0` },
    });
  });
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes a CSV with columns comment,nps,email,date (streamed; 100k rows ≈ 12 MB). */
export async function writeFeedbackCsv(file: string, rows: number, seed = 2): Promise<void> {
  const rand = prng(seed);
  const out = fs.createWriteStream(file);
  out.write('comment,nps,email,date\n');
  for (let i = 0; i < rows; i++) {
    const s = sample(rand, i);
    const line = `${csvField(s.text)},${s.nps ?? ''},${s.email},${s.date.toISOString()}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The `--map` arguments that go with writeFeedbackCsv. */
export const CSV_MAPPING = ['text=comment', 'nps=nps', 'customer.email=email', 'createdAt=date'];
