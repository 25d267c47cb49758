/**
 * Persian and Arabic typed in Latin letters ("Finglish", "Arabizi") are common in chats and
 * reviews. No labelled data for them is available here, so this is a conservative marker-word
 * detector: it answers only when several words that are not English (and not common in other
 * Latin-script languages) point the same way, and otherwise leaves the text to the general
 * detector. Arabizi's digits-as-letters (3 = ع, 7 = ح, 2 = ء, 5 = خ) inside words are strong
 * evidence. Results use BCP 47 script subtags: fa-Latn, ar-Latn.
 */
const FINGLISH = new Set([
  'kheili',
  'kheyli',
  'khaili',
  'khyli',
  'kheily',
  'mamnoon',
  'mamnun',
  'mersi',
  'kharab',
  'kharaab',
  'khoob',
  'khub',
  'khube',
  'khoobe',
  'chera',
  'cheraa',
  'ersal',
  'ersaal',
  'sefaresh',
  'sefareshe',
  'nemishe',
  'nemitoonam',
  'nemitonam',
  'mikham',
  'mikhastam',
  'mikhaym',
  'bood',
  'shod',
  'shode',
  'nist',
  'vaghean',
  'vaqean',
  'aali',
  'aalie',
  'dastetoon',
  'dastet',
  'lotfan',
  'chizi',
  'hich',
  'faghat',
  'vali',
  'dige',
  'kojast',
  'kodoom',
  'chikar',
  'poolam',
  'gheymat',
  'ghimat',
  'geroon',
  'gerun',
  'arzoon',
  'jens',
  'poshtibani',
  'peyk',
  'zood',
  'emrooz',
  'farda',
  'dirooz',
  'hanooz',
  'hanuz',
  'kardam',
  'kardin',
  'karde',
  'mishe',
  'nadare',
  'dare',
  'hastam',
  'nistam',
  'boodam',
  'raftam',
  'residam',
  'nareside',
  'reside',
  'salam',
  'mokhles',
  'ghorboonet',
  'merc',
  'damet',
  'garm',
  'bebakhshid',
]);
const ARABIZI = new Set([
  'yalla',
  'inshallah',
  'insha',
  'wallah',
  'wallahi',
  'habibi',
  'shukran',
  'shokran',
  'mashallah',
  'mish',
  'msh',
  'mesh',
  'kteer',
  'ktir',
  'kaman',
  'enta',
  'enti',
  'ahlan',
  'marhaba',
  'mafi',
  'leh',
  'lesh',
  'ezay',
  'ezzay',
  'keda',
  'kida',
  'awi',
  'gedan',
  'gamed',
  'gamd',
  'helw',
  'khalas',
  'yani',
  'tayeb',
  'mumtaz',
  'momtaz',
  'zift',
  'wahed',
  'bukra',
  'bokra',
  'delwa2ty',
  'dilwati',
  'ana',
  'howa',
  'heya',
  'ehna',
  'ma3',
  'sho',
  'shu',
  'kifak',
  'kefak',
  'ya3ni',
  'el',
  'fel',
  'bel',
  'mafish',
  'mafeesh',
  'akeed',
]);
// A Latin word with a 2, 3, 5, 7 or 9 between or after letters: ma3a, 7elw, sa7, 2alb, 5alas.
const ARABIZI_DIGIT_WORD = /^(?=.*[a-z])[a-z]*[23579][a-z]+[a-z23579]*$|^[a-z]+[23579]$/;
const WORD_RE = /[a-z0-9]+/g;

export interface RomanizedGuess {
  language: 'fa-Latn' | 'ar-Latn';
  confidence: number;
}

export function detectRomanized(text: string): RomanizedGuess | null {
  const words = text.toLowerCase().match(WORD_RE) ?? [];
  const letterWords = words.filter((w) => /[a-z]/.test(w));
  if (letterWords.length < 2) return null;
  let fa = 0;
  let ar = 0;
  for (const w of letterWords) {
    if (FINGLISH.has(w)) fa++;
    if (ARABIZI.has(w)) ar++;
    else if (ARABIZI_DIGIT_WORD.test(w) && !/^\d/.test(w)) ar += 1.5;
  }
  const share = (n: number) => n / letterWords.length;
  const decide = (n: number, other: number) => n >= 2 && n > other * 2 && share(n) >= 0.25;
  if (decide(fa, ar)) return { language: 'fa-Latn', confidence: round(Math.min(0.9, 0.4 + share(fa))) };
  if (decide(ar, fa)) return { language: 'ar-Latn', confidence: round(Math.min(0.9, 0.4 + share(ar))) };
  return null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
