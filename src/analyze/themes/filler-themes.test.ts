// A realistic window of feedback per language, full of the fillers customers type: none of them
// may come out as an emerging theme, and the one real recurring subject still must.
import { describe, it, expect } from 'vitest';
import { extractThemes, type ThemeItem } from './extract-themes.js';
import { KeywordMatcher } from '../topics/keyword-matcher.js';
import { DEFAULT_TOPICS } from '../topics/default-taxonomy.js';
import { normalizeForSearch } from '../language/normalize-text.js';
import { tokenize } from '../language/tokenize.js';

const matcher = new KeywordMatcher(DEFAULT_TOPICS);
const NOW = Date.parse('2026-05-01T00:00:00Z');
const items = (language: string, texts: string[]): ThemeItem[] =>
  texts.map((text, i) => ({ id: `${language}-${i}`, text, language, topics: [], createdAt: new Date(NOW - i * 3_600_000) }));

const BATCHES: Record<string, { texts: string[]; fillers: string[]; theme: string }> = {
  en: {
    texts: [
      'Honestly there is no parking space anywhere near the shop, really annoying',
      'lol the parking space situation is a joke, literally circled for 20 minutes',
      'Really nice place but no parking space again today',
      'tbh the parking space thing is why I stopped coming, really',
      'Really really good, honestly the best, thanks guys',
      'literally the best day, really happy today',
      'It was really fine, nothing special, the order again',
      'Again and again the same thing, really, every time, the order',
      'honestly ok I guess, people were nice today',
      'wow, really, just wow, thanks again',
    ],
    fillers: [
      'the',
      'really',
      'honestly',
      'literally',
      'again',
      'today',
      'order',
      'tbh',
      'lol',
      'time',
      'day',
      'people',
      'guys',
      'thanks again',
    ],
    theme: 'parking space',
  },
  fa: {
    texts: [
      'خیلی بده که جای پارک نداره، هر روز دور میزنم',
      'جای پارک واقعا پیدا نمیشه، دیگه نمیام',
      'یه بار دیگه اومدم باز جای پارک نبود',
      'خب خوب بود ولی جای پارک اصلا نیست',
      'خیلی خیلی خوب بود، دیگه چی بگم، مرسی',
      'یعنی واقعا هر بار همینطوره، روز به روز بدتر',
      'آخه این چه وضعشه، هر روز یه چیزی، خیلی بده',
      'دیگه یکم خسته شدیم، هر بار یه داستان',
      'کلا خوبه ولی خب روزای شلوغ یکم طول میکشه',
      'سلام، مرسی از همه چی، خیلی ممنون',
    ],
    fillers: ['خیلی', 'روز', 'بار', 'دیگه', 'یعنی', 'واقعا', 'خب', 'یکم', 'هر روز', 'هر بار', 'آخه', 'کلا'],
    theme: 'جای پارک',
  },
  ar: {
    texts: [
      'يعني والله ما في مواقف سيارات قريبة من المحل',
      'مواقف السيارات زحمة كل يوم، يعني شي ما يصدق',
      'والله المكان حلو بس مواقف السيارات مشكلة',
      'كل مرة ادور على مواقف السيارات نص ساعة',
      'يعني الطلب وصل والحمدلله، بس كده',
      'والطلب كان كويس يعني، شكرا',
      'هيك هيك، يعني مش بطال، والله',
      'بزاف مزيان، الطلب واجد زين، والله',
      'كل مرة نفس الشي، يعني ليش؟',
      'خلاص والله تعبنا، كل يوم نفس القصة',
    ],
    fillers: ['يعني', 'والله', 'الطلب', 'والطلب', 'مره', 'يوم', 'كل يوم', 'كل مره', 'هيك', 'بزاف', 'واجد', 'كده', 'شی', 'خلاص'],
    theme: 'مواقف السيارات',
  },
  zh: {
    texts: [
      '停车位太少了，每次都找半天',
      '还是那个问题，停车位根本不够',
      '东西还行，就是停车位难找',
      '今天又没有停车位，哈哈，服了',
      '还是老样子，哈哈，反正还行',
      '其实还是可以的，亲，下次还来',
      '今天还是一样，反正就这样吧',
      '哈哈哈，还是挺好的，每次都来',
      '亲，其实还是不错的，反正会再来',
      '真的还是可以的，就是每次人多',
    ],
    fillers: ['还是', '哈哈', '哈哈哈', '反正', '其实', '今天', '每次', '亲', '还行', '服了'],
    theme: '停车位',
  },
};

describe('emerging themes never surface filler', () => {
  for (const [language, batch] of Object.entries(BATCHES)) {
    it(`${language}: fillers stay out, the real theme comes out`, () => {
      const themes = extractThemes({ current: items(language, batch.texts), previous: [], matcher, limit: 50 });
      const keys = themes.map((t) => t.key);
      for (const filler of batch.fillers) expect(keys, `${language} "${filler}"`).not.toContain(normalizeForSearch(filler));
      // No theme is made of fillers only.
      for (const theme of themes) {
        const words = tokenize(theme.key);
        expect(
          words.some((w) => !batch.fillers.map(normalizeForSearch).includes(w)),
          `${language} theme "${theme.key}"`,
        ).toBe(true);
      }
      expect(keys, `${language}: ${keys.join(' | ')}`).toContain(normalizeForSearch(batch.theme));
    });
  }
});
