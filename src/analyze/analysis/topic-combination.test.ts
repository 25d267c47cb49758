// Topics as a workspace with the default taxonomy gets them (analyzeText: the shipped model and the
// keywords, combined by topic-combination.ts), and the combination's rules.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS } from '../topics/default-taxonomy.js';
import { staticAnalysisContext } from './analysis-context.js';
import { analyzeText } from './analyze-text.js';
import { combineTopics, DEFAULT_TOPIC_DECISION, type TopicDecisions } from './topic-combination.js';

const context = staticAnalysisContext(DEFAULT_TOPICS);
const topicsOf = (language: string, text: string) => analyzeText(text, context, { language }).topics;

// Everyday ways of saying that a delivery is late, in every register.
const LATE_DELIVERY: Array<[string, string]> = [
  ['ar', 'التوصيل متأخر'],
  ['ar', 'الطلبية ماوصلاتش لحد الآن'],
  ['ar-Latn', 'el tawsil met2akher kalt mara'],
  ['zh', '快递慢'],
  ['zh', '快遞很慢，等了五天'],
  ['fa', 'دیر رسید'],
  ['fa', 'پیک دو ساعت دیر اومد'],
  ['fa-Latn', 'sefaresh dir resid'],
  ['en', 'late again'],
  ['en', 'my parcel is late again, third week running'],
];

describe('default-taxonomy topics', () => {
  it.each(LATE_DELIVERY)('%s "%s" gets the delivery topic', (language, text) => {
    expect(topicsOf(language, text)).toContain('delivery');
  });

  it('reads a price stated only as a sum of money', () => {
    expect(topicsOf('en', '£9 for a sandwich, seriously')).toContain('price');
    expect(topicsOf('zh', '一杯咖啡38元')).toContain('price');
  });
});

describe('combineTopics', () => {
  const none = new Set<string>();
  it('assigns a topic from its keyword alone, or from the model from 0.5 up, by default', () => {
    expect(combineTopics({ delivery: 0.1 }, new Set(['delivery']), ['delivery'], 'en').topics).toEqual(['delivery']);
    expect(combineTopics({ delivery: 0.6, price: 0.4 }, none, ['delivery', 'price'], 'en').topics).toEqual(['delivery']);
  });

  it('keeps custom topics on keyword matches whatever the default topics use', () => {
    const decisions: TopicDecisions = { en: { delivery: { keywordEvidence: 0.3, threshold: 0.6 } } };
    const r = combineTopics({ delivery: 0.2 }, new Set(['delivery', 'refunds']), ['delivery', 'refunds'], 'en', decisions);
    expect(r.topics).toEqual(['refunds']);
    expect(r.topicScores.refunds).toBe(DEFAULT_TOPIC_DECISION.keywordEvidence);
  });

  it('reads Finglish and Arabizi with the Persian and Arabic values', () => {
    const decisions: TopicDecisions = { fa: { price: { keywordEvidence: 0.8, threshold: 0.9 } } };
    expect(combineTopics({ price: 0.3 }, new Set(['price']), ['price'], 'fa-Latn', decisions).topics).toEqual([]);
    expect(combineTopics({ price: 0.3 }, new Set(['price']), ['price'], 'en', decisions).topics).toEqual(['price']);
  });
});
