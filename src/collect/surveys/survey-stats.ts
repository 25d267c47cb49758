// Survey scores with 95 % confidence intervals, from a distribution (value → count).
const Z = 1.96;

export interface Interval {
  low: number;
  high: number;
}
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

type Distribution = ReadonlyMap<number, number>;
const total = (d: Distribution) => [...d.values()].reduce((a, b) => a + b, 0);
const countWhere = (d: Distribution, test: (v: number) => boolean) => [...d].reduce((sum, [v, n]) => sum + (test(v) ? n : 0), 0);

/** NPS = % promoters (9–10) − % detractors (0–6); its interval from the variance of a +1/0/−1 score. */
export function npsSummary(d: Distribution) {
  const n = total(d);
  if (n === 0) return { n, nps: null, promoters: 0, passives: 0, detractors: 0, ci: null };
  const promoters = countWhere(d, (v) => v >= 9),
    detractors = countWhere(d, (v) => v <= 6);
  const p = promoters / n,
    q = detractors / n;
  const se = Math.sqrt((p + q - (p - q) ** 2) / n);
  const nps = 100 * (p - q);
  return {
    n,
    nps: round(nps),
    promoters,
    passives: n - promoters - detractors,
    detractors,
    ci: { low: round(Math.max(-100, nps - Z * 100 * se)), high: round(Math.min(100, nps + Z * 100 * se)) },
  };
}

/** Wilson score interval of a proportion, in percent: honest for small samples and for 0 % / 100 %. */
export function wilsonPercent(successes: number, n: number): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const denominator = 1 + Z ** 2 / n;
  const centre = p + Z ** 2 / (2 * n);
  const margin = Z * Math.sqrt((p * (1 - p)) / n + Z ** 2 / (4 * n ** 2));
  return { low: round((100 * (centre - margin)) / denominator), high: round((100 * (centre + margin)) / denominator) };
}

/** Mean with a normal-approximation interval (none below two answers). */
export function meanSummary(d: Distribution) {
  const n = total(d);
  if (n === 0) return { n, mean: null, ci: null };
  const mean = [...d].reduce((s, [v, c]) => s + v * c, 0) / n;
  if (n < 2) return { n, mean: round(mean, 2), ci: null };
  const variance = [...d].reduce((s, [v, c]) => s + c * (v - mean) ** 2, 0) / (n - 1);
  const margin = Z * Math.sqrt(variance / n);
  return { n, mean: round(mean, 2), ci: { low: round(mean - margin, 2), high: round(mean + margin, 2) } };
}

/** CSAT = % of answers 4 or 5 on the 1–5 scale. */
export function csatSummary(d: Distribution) {
  const n = total(d);
  const satisfied = countWhere(d, (v) => v >= 4);
  return { n, csat: n ? round((100 * satisfied) / n) : null, satisfied, ci: wilsonPercent(satisfied, n), mean: meanSummary(d).mean };
}
