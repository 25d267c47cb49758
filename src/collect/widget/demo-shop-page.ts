// A small sample shop that embeds the widget the way a customer's site would: the loader tag
// with the public key, identify()/reset() on sign-in and sign-out (with the userHash its server
// signed), track('purchase') on "Buy", a "Was this helpful?" block, the feedback button, and the
// page's language passed to the widget.
import { html, SafeHtml } from '../../platform/http/html.js';
import { PAGE_FONT_CSS, pageFontsHref } from '../../platform/http/page-fonts.js';

/** The demo's shopper: the one identity the demo server signs. Any other id typed in is sent unverified. */
export const DEMO_SHOPPER_ID = 'customer-42';

const TEXT = {
  en: {
    title: 'Feedloop Coffee — demo shop',
    product: 'Single-origin beans, 250 g',
    price: '$14',
    buy: 'Buy now',
    thanks: 'Thank you for your order!',
    signIn: 'Sign in as',
    signOut: 'Sign out',
    shipping: 'Shipping: 2–4 working days, free over $30. Returns within 14 days.',
    back: 'Back to the shop',
    bought: 'Order placed.',
    noKey: 'No demo widget key yet: run `feedloop demo`, or open this page with ?key=pk_… of a key that allows this origin.',
  },
  fa: {
    title: 'قهوه فیدلوپ — فروشگاه نمونه',
    product: 'دانه قهوه تک‌خاستگاه، ۲۵۰ گرم',
    price: '۴۹۰٬۰۰۰ تومان',
    buy: 'خرید',
    thanks: 'از سفارش شما سپاسگزاریم!',
    signIn: 'ورود به‌عنوان',
    signOut: 'خروج',
    shipping: 'ارسال: ۲ تا ۴ روز کاری، رایگان برای خرید بالای ۱ میلیون تومان. بازگشت تا ۱۴ روز.',
    back: 'بازگشت به فروشگاه',
    bought: 'سفارش ثبت شد.',
    noKey: 'هنوز کلید ویجت نمونه ساخته نشده است: `feedloop demo` را اجرا کنید.',
  },
  ar: {
    title: 'قهوة فيدلوب — متجر تجريبي',
    product: 'حبوب قهوة أحادية المصدر، ٢٥٠ غرامًا',
    price: '٥٥ ر.س',
    buy: 'اشترِ الآن',
    thanks: 'شكرًا لطلبك!',
    signIn: 'الدخول باسم',
    signOut: 'خروج',
    shipping: 'الشحن: ٢–٤ أيام عمل، مجاني فوق ١٠٠ ر.س. الإرجاع خلال ١٤ يومًا.',
    back: 'العودة إلى المتجر',
    bought: 'تم تسجيل الطلب.',
    noKey: 'لا يوجد مفتاح أداة تجريبي بعد: شغّل `feedloop demo`.',
  },
  zh: {
    title: 'Feedloop 咖啡 — 演示商店',
    product: '单一产地咖啡豆，250 克',
    price: '¥98',
    buy: '立即购买',
    thanks: '感谢您的订单！',
    signIn: '登录为',
    signOut: '退出',
    shipping: '配送：2–4 个工作日，满 ¥200 包邮。14 天内可退货。',
    back: '返回商店',
    bought: '订单已提交。',
    noKey: '还没有演示小组件密钥：请运行 `feedloop demo`。',
  },
};

const STYLE = `
body { margin: 0; background: #faf7f2; color: #2b2118; }
${PAGE_FONT_CSS}
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; padding: 12px 24px; background: #3b2a1e; color: #fff; }
header h1 { font-size: 1.2rem; margin: 0; }
main { max-width: 720px; margin: 24px auto; padding: 0 16px; }
.card { background: #fff; border-radius: 12px; padding: 20px; box-shadow: 0 1px 4px rgba(0,0,0,.1); margin-block-end: 16px; }
button, select, input { font: inherit; padding: 6px 10px; }
.buy { background: #b5651d; color: #fff; border: 0; border-radius: 8px; padding: 10px 18px; cursor: pointer; }
a { color: #8a4a12; }
`;

// The page script: language switcher, sign-in, purchase. It calls the widget only through the
// public API (window.feedloop), the way a customer's own site would.
const SCRIPT = `
window.feedloop = window.feedloop || { q: [] };
// Calls made before the loader has run wait in feedloop.q; it replays them.
function fl(method) {
  var args = [].slice.call(arguments, 1), f = window.feedloop;
  if (typeof f[method] === 'function') f[method].apply(null, args); else (f.q = f.q || []).push([method].concat(args));
}
var TEXT = ${JSON.stringify(TEXT)};
// userHash per shopper id, signed by the shop's server (a real shop signs its signed-in user).
var SIGNED = __SIGNED__;
var RTL = { fa: true, ar: true };
function setLang(lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL[lang] ? 'rtl' : 'ltr';
  document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = TEXT[lang][el.getAttribute('data-t')]; });
  localStorage.setItem('demo-lang', lang);
  fl('setLanguage', lang);
}
var select = document.getElementById('lang');
select.value = localStorage.getItem('demo-lang') || 'en';
setLang(select.value);
select.addEventListener('change', function () { setLang(select.value); });
document.getElementById('sign-in').addEventListener('submit', function (e) {
  e.preventDefault();
  var id = document.getElementById('customer').value.trim();
  if (id) fl('identify', id, { locale: select.value, userHash: SIGNED[id] });
});
document.getElementById('sign-out').addEventListener('click', function () { fl('reset'); });
var buy = document.getElementById('buy');
if (buy) buy.addEventListener('click', function () {
  fl('track', 'purchase', { sku: 'beans-250', value: 14 });
  document.getElementById('status').textContent = TEXT[select.value].bought;
});
`;

/** JSON inside a script element: `<` escaped, so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function demoShopPage({
  key,
  nonce,
  thankYou,
  signed = {},
}: {
  key: string | null;
  nonce: string;
  thankYou: boolean;
  signed?: Record<string, string>;
}): SafeHtml {
  const t = TEXT.en;
  const fonts = pageFontsHref();
  const content = thankYou
    ? html`<div class="card"><h2 data-t="thanks">${t.thanks}</h2><a href="/demo/widget" data-t="back">${t.back}</a></div>`
    : html`<div class="card"><h2 data-t="product">${t.product}</h2><p data-t="price">${t.price}</p>
        <button class="buy" id="buy" type="button" data-t="buy">${t.buy}</button> <span id="status" role="status"></span>
        <p><a href="/demo/widget/thank-you" data-t="thanks">${t.thanks}</a></p></div>
      <div class="card"><p data-t="shipping">${t.shipping}</p><div data-feedloop-helpful data-feedloop-topic="Shipping and returns"></div></div>`;
  return html`<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>${fonts ? html`<link rel="stylesheet" href="${fonts}">` : ''}<style nonce="${nonce}">${new SafeHtml(STYLE)}</style></head>
<body><header><h1 data-t="title">${t.title}</h1>
<form id="sign-in"><label><span data-t="signIn">${t.signIn}</span> <input id="customer" value="${DEMO_SHOPPER_ID}" size="12"></label> <button type="submit">OK</button>
<button type="button" id="sign-out" data-t="signOut">${t.signOut}</button>
<select id="lang" aria-label="Language"><option value="en">English</option><option value="fa">فارسی</option><option value="ar">العربية</option><option value="zh">中文</option></select></form></header>
<main>${key ? content : html`<div class="card"><p data-t="noKey">${t.noKey}</p></div>`}</main>
${key ? html`<script src="/widget/v1/loader.js" data-key="${key}" data-button="true" async></script>` : ''}
<script nonce="${nonce}">${new SafeHtml(SCRIPT.replace('__SIGNED__', scriptJson(signed)))}</script>
</body></html>`;
}
