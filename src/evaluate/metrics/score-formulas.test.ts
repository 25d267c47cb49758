// Values checked by hand (and against textbook tables): z = 1.96, t(0.975, 7) = 2.3646.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../platform/paths.js';
import { ces, compareMeans, compareNps, compareShares, csat, mean, median, nps, SENTIMENT_RANGE, share } from './score-formulas.js';

const sums = (values: number[]) => ({
  n: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  sumOfSquares: values.reduce((a, b) => a + b * b, 0),
});

describe('NPS', () => {
  it('is % promoters − % detractors with a 95 % interval', () => {
    // 50 promoters, 30 passives, 20 detractors: 30; var = (0.7 − 0.09) / 100, half-width 1.96 × 7.81 = 15.31.
    const value = nps({ promoters: 50, passives: 30, detractors: 20 });
    expect(value.value).toBeCloseTo(30, 10);
    expect(value.n).toBe(100);
    expect(value.low).toBeCloseTo(14.69, 2);
    expect(value.high).toBeCloseTo(45.31, 2);
    expect(value.counts).toEqual({ promoters: 50, passives: 30, detractors: 20 });
  });

  it('is null, never 0 or NaN, over no answers, and stays within −100…100', () => {
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toMatchObject({ value: null, n: 0, low: null, high: null });
    expect(nps({ promoters: 3, passives: 0, detractors: 0 })).toMatchObject({ value: 100, low: 100, high: 100 });
    const mostlyDetractors = nps({ promoters: 0, passives: 1, detractors: 4 });
    expect(mostlyDetractors.low).toBe(-100);
  });
});

describe('shares (Wilson)', () => {
  it('gives 8 of 10 as 80 % in [49.0 %, 94.3 %]', () => {
    const value = share(8, 10);
    expect(value.value).toBe(80);
    expect(value.low).toBeCloseTo(49.02, 2);
    expect(value.high).toBeCloseTo(94.33, 2);
  });

  it('keeps 0 of 5 above 0 % at the top of its interval and is null over nothing', () => {
    expect(share(0, 5)).toMatchObject({ value: 0, low: 0 });
    expect(share(0, 5).high).toBeCloseTo(43.45, 2);
    expect(share(0, 0).value).toBeNull();
  });

  it('computes CSAT as % satisfied (4–5)', () => {
    expect(csat({ satisfied: 8, answers: 10 })).toMatchObject({ value: 80, n: 10 });
    expect(csat({ satisfied: 0, answers: 0 }).value).toBeNull();
  });
});

describe('means', () => {
  it('takes the t interval from n, sum and sum of squares', () => {
    // 2 4 4 4 5 5 7 9: mean 5, s² = 32 / 7, half-width 2.3646 × √(4.571 / 8) = 1.787.
    const value = mean(sums([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(value.value).toBe(5);
    expect(value.low).toBeCloseTo(3.2126, 3);
    expect(value.high).toBeCloseTo(6.7874, 3);
  });

  it("keeps the interval within the scores' range: two CES answers or two sentiment scores give a wide t", () => {
    expect(ces(sums([1, 7]))).toMatchObject({ value: 4, low: 1, high: 7 });
    const sentiment = mean(sums([-0.9, 1]), SENTIMENT_RANGE);
    expect(sentiment.value).toBeCloseTo(0.05, 6);
    expect([sentiment.low, sentiment.high]).toEqual([-1, 1]);
    expect(compareMeans(sums([-0.9, 1]), sums([0.5, 0.5, 0.4]), SENTIMENT_RANGE).before).toMatchObject({ low: -1, high: 1 });
  });

  it('has no interval for one answer and no value for none', () => {
    expect(ces(sums([6]))).toMatchObject({ value: 6, n: 1, low: null, high: null });
    expect(ces(sums([]))).toMatchObject({ value: null, n: 0 });
    expect(Number.isNaN(ces(sums([])).value)).toBe(false);
  });
});

describe('before/after', () => {
  it('tests two proportions: 45 % → 60 % of 100 each is significant (p = 0.034)', () => {
    const result = compareShares({ part: 45, whole: 100 }, { part: 60, whole: 100 });
    expect(result.change).toBeCloseTo(15, 10);
    expect(result.pValue).toBeCloseTo(0.0337, 3);
    expect(result.significant).toBe(true);
    expect(result.test).toBe('two_proportion_z');
    expect(compareShares({ part: 5, whole: 10 }, { part: 6, whole: 10 }).significant).toBe(false);
  });

  it('tests two means with Welch: 5 → 6, sd 1, n 10 each gives t = 2.236, p = 0.038', () => {
    const a = { n: 10, sum: 50, sumOfSquares: 9 * 1 + 10 * 25 };
    const b = { n: 10, sum: 60, sumOfSquares: 9 * 1 + 10 * 36 };
    const result = compareMeans(a, b);
    expect(result.change).toBe(1);
    expect(result.pValue).toBeCloseTo(0.0381, 3);
    expect(result.significant).toBe(true);
  });

  it('tests two NPS: 10 → 30 over 200 answers each', () => {
    // 40/30/30 % (10) → 50/30/20 % (30): z = 0.2 / √(0.69 / 200 + 0.61 / 200) = 2.481, p = 0.0131.
    const result = compareNps({ promoters: 80, passives: 60, detractors: 60 }, { promoters: 100, passives: 60, detractors: 40 });
    expect(result.change).toBeCloseTo(20, 10);
    expect(result.pValue).toBeCloseTo(0.0131, 3);
    expect(result.significant).toBe(true);
  });

  it('has no change and no p-value when a side has no data', () => {
    const result = compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 });
    expect(result).toMatchObject({ change: null, pValue: null, significant: null });
    expect(compareMeans(sums([]), sums([1, 2])).change).toBeNull();
  });
});

describe('median', () => {
  it('is the middle value (the mean of the two middle ones for an even count), with order-statistic bounds and the mean', () => {
    expect(median([30, 10, 20])).toMatchObject({ value: 20, n: 3, counts: { n: 3, mean: 20 } });
    expect(median([1, 2, 3, 100]).value).toBe(2.5);
    const many = median(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(many.value).toBe(50.5);
    // Ranks 40 and 61 for n = 100.
    expect([many.low, many.high]).toEqual([40, 61]);
  });

  it('is null over nothing, never 0 or NaN', () => {
    expect(median([])).toEqual({ value: null, n: 0, low: null, high: null, counts: { n: 0 } });
  });
});

describe('the formulas module', () => {
  it("loads under Node's own ESM loader (jstat is CommonJS), as the server and the commands run it", () => {
    const script = "import('./src/evaluate/metrics/score-formulas.ts').then((m) => console.log(m.share(8, 10).value))";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: packageRoot, encoding: 'utf8' });
    expect(out.trim()).toBe('80');
  });
});
