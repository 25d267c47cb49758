import { describe, it, expect } from 'vitest';
import { toE164 } from '../../customers/customers/phone-number.js';
import { DEMO_TOPICS, demoCustomers, demoFeedback, demoProducts, type DemoFeedbackText, type DemoLanguage } from './demo-content.js';

const LANGUAGES: DemoLanguage[] = ['fa', 'ar', 'zh', 'en'];
const CHANNELS = ['survey', 'widget', 'email', 'chat', 'support_ticket', 'review', 'social', 'interview', 'api'];
const KINDS = ['complaint', 'suggestion', 'praise', 'bug_report', 'question', 'other'];

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const HAN = /\p{Script=Han}/u;
const LATIN_ONLY = /^[\x20-\x7E]+$/;
const EMOJI = /\p{Extended_Pictographic}/gu;

const byLang = (lang: DemoLanguage): DemoFeedbackText[] => demoFeedback.filter((f) => f.lang === lang);
const normalize = (text: string): string => text.normalize('NFC').trim().toLowerCase();

describe('demo feedback', () => {
  it('has at least 80 texts per language and 320 in total', () => {
    for (const lang of LANGUAGES) expect(byLang(lang).length, lang).toBeGreaterThanOrEqual(80);
    expect(demoFeedback.length).toBeGreaterThanOrEqual(320);
  });

  it('has a realistic sentiment mix in every language (~40/20/40)', () => {
    for (const lang of LANGUAGES) {
      const items = byLang(lang);
      const share = (s: DemoFeedbackText['sentiment']) => items.filter((f) => f.sentiment === s).length / items.length;
      expect(share('negative'), `${lang} negative`).toBeGreaterThanOrEqual(0.33);
      expect(share('negative'), `${lang} negative`).toBeLessThanOrEqual(0.47);
      expect(share('neutral'), `${lang} neutral`).toBeGreaterThanOrEqual(0.15);
      expect(share('neutral'), `${lang} neutral`).toBeLessThanOrEqual(0.25);
      expect(share('positive'), `${lang} positive`).toBeGreaterThanOrEqual(0.33);
      expect(share('positive'), `${lang} positive`).toBeLessThanOrEqual(0.47);
    }
  });

  it('uses every channel and every kind in every language', () => {
    for (const lang of LANGUAGES) {
      const items = byLang(lang);
      for (const channel of CHANNELS)
        expect(
          items.some((f) => f.channel === channel),
          `${lang} ${channel}`,
        ).toBe(true);
      for (const kind of KINDS)
        expect(
          items.some((f) => f.kind === kind),
          `${lang} ${kind}`,
        ).toBe(true);
    }
  });

  it('only uses known channels, kinds and topics, each topic at most once per text', () => {
    for (const f of demoFeedback) {
      expect(CHANNELS, f.text).toContain(f.channel);
      expect(KINDS, f.text).toContain(f.kind);
      for (const topic of f.topics) expect(DEMO_TOPICS as readonly string[], f.text).toContain(topic);
      expect(new Set(f.topics).size, f.text).toBe(f.topics.length);
    }
    for (const topic of DEMO_TOPICS)
      expect(
        demoFeedback.some((f) => f.topics.includes(topic)),
        topic,
      ).toBe(true);
  });

  it('has no duplicate texts, and no empty or untrimmed ones', () => {
    const seen = new Set<string>();
    for (const f of demoFeedback) {
      expect(f.text.length, f.text).toBeGreaterThan(0);
      expect(f.text, f.text).toBe(f.text.trim());
      const key = normalize(f.text);
      expect(seen.has(key), `duplicate: ${f.text}`).toBe(false);
      seen.add(key);
    }
  });

  it('keeps scores in range, on the right channel, and consistent with sentiment', () => {
    for (const f of demoFeedback) {
      if (f.nps !== undefined) {
        expect(f.channel, f.text).toBe('survey');
        expect(Number.isInteger(f.nps) && f.nps >= 0 && f.nps <= 10, f.text).toBe(true);
        if (f.nps >= 9) expect(f.sentiment, f.text).not.toBe('negative');
        if (f.nps <= 6) expect(f.sentiment, f.text).not.toBe('positive');
        if (f.nps >= 7) expect(f.sentiment, f.text).not.toBe('negative');
      }
      for (const score of [f.csat, f.rating]) {
        if (score === undefined) continue;
        expect(Number.isInteger(score) && score >= 1 && score <= 5, f.text).toBe(true);
        if (score >= 4) expect(f.sentiment, f.text).not.toBe('negative');
        if (score <= 2) expect(f.sentiment, f.text).not.toBe('positive');
      }
      if (f.rating !== undefined) expect(f.channel, f.text).toBe('review');
      if (f.channel === 'review') expect(f.rating, f.text).toBeDefined();
      if (f.channel === 'survey') expect(f.nps !== undefined || f.csat !== undefined, f.text).toBe(true);
      if (f.nps !== undefined) expect(f.csat, f.text).toBeUndefined();
    }
  });

  it('writes each language in its own script', () => {
    for (const f of demoFeedback) {
      if (f.lang === 'fa' && LATIN_ONLY.test(f.text)) continue; // Finglish
      if (f.lang === 'fa' || f.lang === 'ar') expect(ARABIC_SCRIPT.test(f.text), f.text).toBe(true);
      if (f.lang === 'zh') expect(HAN.test(f.text), f.text).toBe(true);
      if (f.lang === 'en') expect(ARABIC_SCRIPT.test(f.text) || HAN.test(f.text), f.text).toBe(false);
    }
  });

  it('varies in length from one-word answers to several sentences', () => {
    for (const lang of LANGUAGES) {
      const lengths = byLang(lang).map((f) => [...f.text].length);
      expect(Math.min(...lengths), lang).toBeLessThanOrEqual(12);
      expect(Math.max(...lengths), lang).toBeGreaterThanOrEqual(50);
    }
  });

  it('includes the tricky but realistic inputs the demo is meant to show', () => {
    const fa = byLang('fa');
    expect(
      fa.some((f) => LATIN_ONLY.test(f.text)),
      'Finglish',
    ).toBe(true);
    expect(
      fa.some((f) => /[يك]/.test(f.text)),
      'Persian typed with Arabic ي/ك',
    ).toBe(true);
    expect(
      fa.some((f) => /[۰-۹]/.test(f.text)),
      'Persian digits',
    ).toBe(true);
    expect(
      fa.some((f) => /[\u0600-\u06FF]/.test(f.text) && /[A-Za-z]{3,}/.test(f.text)),
      'Persian + Latin',
    ).toBe(true);
    expect(
      byLang('ar').some((f) => /[٠-٩]/.test(f.text)),
      'Arabic-Indic digits',
    ).toBe(true);
    expect(
      byLang('zh').some((f) => HAN.test(f.text) && /[A-Z]+\d|\d+[A-Z]/.test(f.text)),
      'Chinese + model number',
    ).toBe(true);
    expect(
      demoFeedback.some((f) => /<b>.*<\/b>/.test(f.text)),
      'HTML-like text',
    ).toBe(true);
    expect(
      demoFeedback.some((f) => /https:\/\/\S+/.test(f.text)),
      'URL',
    ).toBe(true);
    expect(
      demoFeedback.some((f) => (f.text.match(EMOJI)?.length ?? 0) >= 4 && [...f.text].length <= 20),
      'emoji-heavy short answer',
    ).toBe(true);
  });
});

describe('demo customers', () => {
  it('has at least 60 customers spread over the four locales', () => {
    expect(demoCustomers.length).toBeGreaterThanOrEqual(60);
    for (const lang of LANGUAGES) {
      expect(demoCustomers.filter((c) => c.locale === lang).length, lang).toBeGreaterThanOrEqual(12);
    }
  });

  it('gives every customer a way to be reached, with fictional emails and plausible phones', () => {
    for (const c of demoCustomers) {
      expect(c.email !== null || c.phone !== null, c.name).toBe(true);
      if (c.email !== null) expect(c.email, c.name).toMatch(/^[^\s@]+@([a-z0-9-]+\.)*example\.[a-z.]+$/);
      if (c.phone !== null) {
        // Customers type phones with Latin, Persian or Arabic-Indic digits, spaces, dashes, brackets.
        expect(c.phone, c.name).toMatch(/^\+?[\d۰-۹٠-٩ ()-]+$/);
        expect(c.phone.replace(/\D/g, '').length + (c.phone.match(/[۰-۹٠-٩]/g)?.length ?? 0), c.name).toBeGreaterThanOrEqual(9);
        expect(toE164(c.phone, c.country), `${c.name}: a valid number in ${c.country}`).toMatch(/^\+\d{8,15}$/);
      }
      expect(c.name.trim().length, c.name).toBeGreaterThan(0);
      expect(c.city.trim().length, c.name).toBeGreaterThan(0);
      expect(['free', 'plus', 'vip']).toContain(c.plan);
    }
    expect(demoCustomers.some((c) => c.email === null)).toBe(true);
    expect(demoCustomers.some((c) => c.phone === null)).toBe(true);
    expect(demoCustomers.some((c) => c.phone !== null && /[۰-۹]/.test(c.phone))).toBe(true);
  });

  it('has no duplicate emails or phones', () => {
    const emails = demoCustomers.flatMap((c) => (c.email ? [c.email] : []));
    const phones = demoCustomers.flatMap((c) => (c.phone ? [c.phone] : []));
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(phones).size).toBe(phones.length);
  });
});

describe('demo products', () => {
  it('has at least 20 products with unique SKUs and a name in all four languages', () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(demoProducts.map((p) => p.sku)).size).toBe(demoProducts.length);
    for (const p of demoProducts) {
      expect(Object.keys(p.name).sort(), p.sku).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) expect(p.name[lang].trim().length, `${p.sku} ${lang}`).toBeGreaterThan(0);
      expect(ARABIC_SCRIPT.test(p.name.fa), p.sku).toBe(true);
      expect(ARABIC_SCRIPT.test(p.name.ar), p.sku).toBe(true);
      expect(HAN.test(p.name.zh), p.sku).toBe(true);
    }
  });

  it('prices products plausibly for their currency', () => {
    for (const p of demoProducts) {
      expect(p.price, p.sku).toBeGreaterThan(0);
      // The rial has no usable minor unit, and everyday prices run into the millions.
      if (p.currency === 'IRR') {
        expect(Number.isInteger(p.price), p.sku).toBe(true);
        expect(p.price, p.sku).toBeGreaterThanOrEqual(1_000_000);
      } else {
        expect(Math.round(p.price * 100), p.sku).toBeCloseTo(p.price * 100, 6);
        expect(p.price, p.sku).toBeLessThan(100_000);
      }
    }
    expect(new Set(demoProducts.map((p) => p.currency)).size).toBeGreaterThanOrEqual(4);
  });
});
