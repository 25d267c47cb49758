// The widget's display rules, sampling, throttle and URL rules, as pure functions over an
// in-memory store (the same Store the browser backs with localStorage).
import { describe, it, expect } from 'vitest';
import type { Store } from './storage.js';
import type { WidgetConfig, WidgetSurvey } from '../types.js';
import { createRules, sampleDraw, urlMatches } from './rules.js';

function memoryStore(): Store {
  const data = new Map<string, string>();
  return {
    get: <T>(k: string) => (data.has(k) ? (JSON.parse(data.get(k)!) as T) : undefined),
    set: (k, v) => void data.set(k, JSON.stringify(v)),
    remove: (k) => void data.delete(k),
  };
}
const DAY = 86_400_000;
const survey = (widget: Partial<WidgetSurvey['widget']>): WidgetSurvey => ({
  id: 's1',
  definition: {} as WidgetSurvey['definition'],
  widget: {
    enabled: true,
    triggers: [{ type: 'page_view' }],
    display: 'until_answered',
    everyDays: 30,
    samplePercent: 100,
    segment: [],
    placement: 'slide_in',
    delaySeconds: 0,
    ...widget,
  },
});
const config = (c: Partial<WidgetConfig> = {}): WidgetConfig => ({ surveys: [], throttleDays: 0, lastSurveyedAt: null, ...c });

describe('display rules', () => {
  it('once: never after it was shown; until answered: until completed; every N days: after N days', () => {
    const rules = createRules(memoryStore());
    expect(rules.allowed(survey({ display: 'once' }), config(), 'v')).toBe(true);
    rules.shown('s1');
    expect(rules.allowed(survey({ display: 'once' }), config(), 'v')).toBe(false);
    expect(rules.allowed(survey({ display: 'until_answered' }), config(), 'v')).toBe(true);
    expect(rules.allowed(survey({ display: 'every_n_days', everyDays: 7 }), config(), 'v')).toBe(false);
    expect(rules.allowed(survey({ display: 'every_n_days', everyDays: 7 }), config(), 'v', Date.now() + 7 * DAY)).toBe(true);
    rules.answered('s1');
    expect(rules.allowed(survey({ display: 'until_answered' }), config(), 'v')).toBe(false);
  });

  it('throttles across surveys, from this browser or from the server for identified customers', () => {
    const rules = createRules(memoryStore());
    const other = { ...survey({}), id: 's2' };
    expect(rules.allowed(other, config({ throttleDays: 30, lastSurveyedAt: new Date(Date.now() - 3 * DAY).toISOString() }), 'v')).toBe(
      false,
    );
    expect(rules.allowed(other, config({ throttleDays: 30, lastSurveyedAt: new Date(Date.now() - 31 * DAY).toISOString() }), 'v')).toBe(
      true,
    );
    rules.shown('s1');
    expect(rules.allowed(other, config({ throttleDays: 30 }), 'v')).toBe(false);
    expect(rules.allowed(other, config({ throttleDays: 0 }), 'v')).toBe(true);
  });

  it('samples a stable share of visitors', () => {
    const draws = Array.from({ length: 2000 }, (_, i) => sampleDraw(`visitor-${i}`, 's1'));
    expect(sampleDraw('visitor-7', 's1')).toBe(draws[7]);
    const share = draws.filter((d) => d < 25).length / draws.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    const rules = createRules(memoryStore());
    expect(rules.allowed(survey({ samplePercent: 0 }), config(), 'visitor-1')).toBe(false);
    expect(rules.allowed(survey({ samplePercent: 100 }), config(), 'visitor-1')).toBe(true);
  });
});

describe('URL rules', () => {
  it('match exactly (trailing slash aside), by substring or by regular expression', () => {
    expect(urlMatches(undefined, 'https://shop.example.com/x')).toBe(true);
    expect(urlMatches({ match: 'exact', value: 'https://shop.example.com/cart' }, 'https://shop.example.com/cart/')).toBe(true);
    expect(urlMatches({ match: 'exact', value: 'https://shop.example.com/cart' }, 'https://shop.example.com/cart/2')).toBe(false);
    expect(urlMatches({ match: 'contains', value: '/checkout' }, 'https://shop.example.com/fa/checkout?step=2')).toBe(true);
    expect(urlMatches({ match: 'regex', value: '/product/\\d+$' }, 'https://shop.example.com/product/42')).toBe(true);
    expect(urlMatches({ match: 'regex', value: '([' }, 'https://shop.example.com/')).toBe(false);
  });
});
