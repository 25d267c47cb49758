import { describe, expect, it } from 'vitest';
import { blankDraft, compileDraft, draftFromCondition, toAsciiNumber, type ConditionDraft } from './condition-draft';

const draft = (patch: Partial<ConditionDraft> & Pick<ConditionDraft, 'field'>): ConditionDraft => ({
  ...blankDraft(patch.field),
  ...patch,
});
const persianDigits = (n: number) => new Intl.NumberFormat('fa', { useGrouping: false }).format(n);

describe('segment condition drafts', () => {
  it('reads Persian and Arabic digits and separators as numbers', () => {
    expect(toAsciiNumber(' ۱٬۲۵۰٬۰۰۰ ')).toBe('1250000');
    expect(toAsciiNumber('١٢٫٥')).toBe('12.5');
    expect(compileDraft(draft({ field: 'orders', minCount: '۲', minTotal: '۱۵۰۰۰۰۰', currency: 'irr' })).condition).toEqual({
      kind: 'orders',
      minCount: 2,
      minTotal: 1_500_000,
      currency: 'IRR',
      days: undefined,
    });
    expect(compileDraft(draft({ field: 'attribute', name: 'age', op: 'gte', value: '٣٠' })).condition).toEqual({
      kind: 'attribute',
      name: 'age',
      op: 'gte',
      value: 30,
    });
  });

  it('names what is wrong with each input, and compiles nothing then', () => {
    expect(compileDraft(draft({ field: 'attribute', name: 'plan type', value: '' }))).toEqual({
      condition: null,
      errors: { name: 'attributeName', value: 'required' },
    });
    expect(compileDraft(draft({ field: 'event', name: 'login', minCount: '1.5', days: 'x' })).errors).toEqual({
      minCount: 'wholeNumber',
      days: 'wholeNumber',
    });
    expect(compileDraft(draft({ field: 'orders', minCount: '', minTotal: '10' })).errors).toEqual({ currency: 'required' });
    expect(compileDraft(draft({ field: 'orders', minCount: '' })).errors).toEqual({ minCount: 'ordersNeedOne' });
    expect(compileDraft(draft({ field: 'lifetimeValue', currency: 'RIAL', value: 'lots' })).errors).toEqual({
      currency: 'currency',
      value: 'number',
    });
  });

  it('splits "is one of" values on Latin, Arabic and Chinese commas', () => {
    expect(compileDraft(draft({ field: 'attribute', name: 'city', op: 'in', value: 'Tehran، Shiraz，Beijing, ' })).condition).toEqual({
      kind: 'attribute',
      name: 'city',
      op: 'in',
      value: ['Tehran', 'Shiraz', 'Beijing'],
    });
  });

  it('turns saved conditions back into the same drafts, numbers in the user digits', () => {
    const saved = [
      { kind: 'orders', minCount: 1, minTotal: 2500, currency: 'IRR', days: 30 },
      { kind: 'recency', field: 'lastSeenAt', op: 'notWithin', days: 90 },
      { kind: 'nps', group: 'detractor' },
      { kind: 'profile', field: 'email', op: 'exists' },
    ] as const;
    for (const condition of saved) {
      const back = draftFromCondition(condition, persianDigits);
      expect(compileDraft(back).condition).toEqual({ days: undefined, ...condition });
    }
    expect(draftFromCondition(saved[0], persianDigits).minTotal).toBe('۲۵۰۰');
  });
});
