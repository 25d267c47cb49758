// The formulas every Evaluate figure is computed with, from counts and sums (so from rollups),
// shared by the API, the dashboards, exports and the digest. Intervals are 95 %; a value over
// zero responses is null, never 0 or NaN. Percentages are 0–100, NPS −100…100.
import jstat from 'jstat';
import type { MetricComparison, MetricValue } from '../../contracts/metrics.js';

export const CONFIDENCE = 0.95;
const { jStat } = jstat;
const Z = jStat.normal.inv(1 - (1 - CONFIDENCE) / 2, 0, 1);
const ALPHA = 1 - CONFIDENCE;

const noData = (counts: Record<string, number>, n = 0): MetricValue => ({ value: null, n, low: null, high: null, counts });
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * NPS = % promoters (9–10) − % detractors (0–6). Each answer scores +1, 0 or −1; the interval is
 * the normal one of that mean: var = (p + d − (p − d)²) / n.
 */
export function nps(c: NpsCounts): MetricValue {
  const n = c.promoters + c.passives + c.detractors;
  const counts = { ...c };
  if (n === 0) return noData(counts);
  const p = c.promoters / n;
  const d = c.detractors / n;
  const half = Z * Math.sqrt(npsVariance(p, d, n));
  return { value: 100 * (p - d), n, low: clamp(100 * (p - d - half), -100, 100), high: clamp(100 * (p - d + half), -100, 100), counts };
}
const npsVariance = (p: number, d: number, n: number) => (p + d - (p - d) ** 2) / n;

/** A share in percent with its Wilson score interval (sound near 0 % and 100 % and for small n). */
export function share(part: number, whole: number, counts: Record<string, number> = {}): MetricValue {
  const all = { part, whole, ...counts };
  if (whole === 0) return noData(all);
  const p = part / whole;
  const z2 = Z * Z;
  const denominator = 1 + z2 / whole;
  const centre = (p + z2 / (2 * whole)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / whole + z2 / (4 * whole * whole))) / denominator;
  return { value: 100 * p, n: whole, low: 100 * Math.max(0, centre - half), high: 100 * Math.min(1, centre + half), counts: all };
}

/** CSAT = % of answers 4–5 on the 1–5 scale. */
export const csat = (c: { satisfied: number; answers: number }) => share(c.satisfied, c.answers, { satisfied: c.satisfied });

export interface SumOfScores {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/** The range a mean's scores can take: its interval never reaches outside it (few answers make t wide). */
export type ScoreRange = readonly [low: number, high: number];
export const CES_RANGE: ScoreRange = [1, 7];
export const SENTIMENT_RANGE: ScoreRange = [-1, 1];

/** A mean with its Student's t interval, from n, the sum and the sum of squares (one answer: no interval). */
export function mean(s: SumOfScores, range: ScoreRange = [-Infinity, Infinity]): MetricValue {
  const counts = { n: s.n, sum: s.sum, sumOfSquares: s.sumOfSquares };
  if (s.n === 0) return noData(counts);
  const value = s.sum / s.n;
  if (s.n < 2) return { value, n: s.n, low: null, high: null, counts };
  const half = jStat.studentt.inv(1 - ALPHA / 2, s.n - 1) * Math.sqrt(sampleVariance(s) / s.n);
  return { value, n: s.n, low: clamp(value - half, range[0], range[1]), high: clamp(value + half, range[0], range[1]), counts };
}
// Sums of squares of many scores lose a little to floating point: never below zero.
const sampleVariance = (s: SumOfScores) => Math.max(0, (s.sumOfSquares - (s.sum * s.sum) / s.n) / (s.n - 1));

/** CES = the mean answer on the 1–7 scale. */
export const ces = (s: SumOfScores): MetricValue => mean(s, CES_RANGE);

/** A count (volume, tickets): no interval; null only when nothing could have been counted. */
export function count(n: number, counts: Record<string, number> = {}): MetricValue {
  return { value: n, n, low: null, high: null, counts: { count: n, ...counts } };
}

/** A sum (compensation amounts) over n records; null over none. */
export function total(sum: number, n: number): MetricValue {
  return n === 0 ? noData({ sum, n }) : { value: sum, n, low: null, high: null, counts: { sum, n } };
}

const twoSided = (z: number) => 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1));
function compared(before: MetricValue, after: MetricValue, test: MetricComparison['test'], pValue: number | null): MetricComparison {
  const change = before.value === null || after.value === null ? null : after.value - before.value;
  return { before, after, change, pValue, significant: pValue === null ? null : pValue < ALPHA, test };
}

/** NPS before vs after: a z test on the difference of two independent NPS. */
export function compareNps(a: NpsCounts, b: NpsCounts): MetricComparison {
  const before = nps(a);
  const after = nps(b);
  if (before.value === null || after.value === null) return compared(before, after, 'nps_z', null);
  const variance =
    npsVariance(a.promoters / before.n, a.detractors / before.n, before.n) +
    npsVariance(b.promoters / after.n, b.detractors / after.n, after.n);
  const difference = (after.value - before.value) / 100;
  // Both sides all promoters (or all detractors): no variance, so a difference is certain and none is none.
  const p = variance === 0 ? (difference === 0 ? 1 : 0) : twoSided(difference / Math.sqrt(variance));
  return compared(before, after, 'nps_z', p);
}

/** A share before vs after (CSAT, response rate, sentiment share): the pooled two-proportion z test. */
export function compareShares(a: { part: number; whole: number }, b: { part: number; whole: number }): MetricComparison {
  const before = share(a.part, a.whole);
  const after = share(b.part, b.whole);
  if (before.value === null || after.value === null) return compared(before, after, 'two_proportion_z', null);
  const pooled = (a.part + b.part) / (a.whole + b.whole);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.whole + 1 / b.whole));
  const difference = b.part / b.whole - a.part / a.whole;
  const p = se === 0 ? (difference === 0 ? 1 : 0) : twoSided(difference / se);
  return compared(before, after, 'two_proportion_z', p);
}

/** A mean before vs after (CES, sentiment score): Welch's t test, unequal variances. */
export function compareMeans(a: SumOfScores, b: SumOfScores, range?: ScoreRange): MetricComparison {
  const before = mean(a, range);
  const after = mean(b, range);
  if (before.value === null || after.value === null || a.n < 2 || b.n < 2) return compared(before, after, 'welch_t', null);
  const va = sampleVariance(a) / a.n;
  const vb = sampleVariance(b) / b.n;
  const difference = after.value - before.value;
  if (va + vb === 0) return compared(before, after, 'welch_t', difference === 0 ? 1 : 0);
  const t = difference / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return compared(before, after, 'welch_t', 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)));
}

/**
 * The median of durations with a distribution-free 95 % interval (order statistics of the
 * binomial(n, ½) ranks); `counts` gives n and the mean. Null over none.
 */
export function median(values: number[]): MetricValue {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return noData({ n: 0 });
  const at = (rank: number) => sorted[clamp(rank, 1, n) - 1]!;
  const middle = n % 2 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
  const spread = (Z * Math.sqrt(n)) / 2;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  return { value: middle, n, low: at(Math.floor(n / 2 - spread)), high: at(Math.ceil(1 + n / 2 + spread)), counts: { n, mean } };
}
