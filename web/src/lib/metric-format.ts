// How the Metrics page writes a metric's values and periods: in the user's digits and calendar,
// with the sample size and interval beside each value, and "no data" where nothing was measured.
import type { MetricUnit, MetricValue, Period } from '@feedloop/contracts/metrics';
import { dateLocaleTag, formatNumber, toLocalDigits, type FormatPrefs } from './format';
import { monthName } from './metric-periods';

const DIGITS: Record<MetricUnit, Intl.NumberFormatOptions> = {
  nps_points: { maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  percent: { maximumFractionDigits: 1 },
  mean_score: { maximumFractionDigits: 2 },
  count: { maximumFractionDigits: 0 },
  amount: { maximumFractionDigits: 2 },
  hours: { maximumFractionDigits: 1 },
};

/**
 * One value in its unit, e.g. "+20", "۸۶٪", "4.25", "1,204"; null (never NaN or 0) when nothing
 * was measured. Percentages arrive as 0–100.
 */
export function formatMetricNumber(value: number | null, unit: MetricUnit, prefs: FormatPrefs): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (unit === 'percent') return formatNumber(value / 100, prefs, { style: 'percent', maximumFractionDigits: 1 });
  return formatNumber(value, prefs, DIGITS[unit]);
}

/** Compensation amounts by currency (ISO codes in `counts`, beside the `count`). */
export function currencyAmounts(value: MetricValue): Array<[string, number]> {
  return Object.entries(value.counts).filter(([key]) => /^[A-Z]{3}$/.test(key));
}

/** An amount in its currency, in the user's digits ("€15.50", "۱٬۰۰۰٬۰۰۰ ریال"). */
export function formatAmount(currency: string, amount: number, prefs: FormatPrefs): string {
  try {
    return formatNumber(amount, prefs, { style: 'currency', currency, maximumFractionDigits: 2 });
  } catch {
    // Not a currency Intl knows: the number and its code.
    return `${formatNumber(amount, prefs, { maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** The interval's ends in the value's unit, or null when there is none. */
export function formatInterval(value: MetricValue, unit: MetricUnit, prefs: FormatPrefs): { low: string; high: string } | null {
  const low = formatMetricNumber(value.low, unit, prefs);
  const high = formatMetricNumber(value.high, unit, prefs);
  return low !== null && high !== null ? { low, high } : null;
}

const utcNoon = (iso: string) => new Date(`${iso}T12:00:00Z`);

export interface PeriodWords {
  /** "Q{{quarter}} {{year}}" or, in the Jalali calendar, the season. */
  quarter: (quarter: number, year: string, calendar: Period['label']['calendar']) => string;
  /** "Week of {{day}}". */
  week: (day: string) => string;
}

/** A period's name in full, in its own calendar: "آذر ۱۴۰۵", "Q4 2026", "Week of Dec 7", "7 Dec 2026". */
export function periodName(period: Period, prefs: FormatPrefs, words: PeriodWords): string {
  const { calendar, year, quarter } = period.label;
  const tag = dateLocaleTag({ ...prefs, calendar });
  const date = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(utcNoon(period.first));
  switch (period.grain) {
    case 'year':
      return toLocalDigits(String(year), prefs);
    case 'quarter':
      return words.quarter(quarter ?? 1, toLocalDigits(String(year), prefs), calendar);
    case 'month':
      return monthName(period.first, prefs, calendar);
    case 'week':
      return words.week(date({ month: 'short', day: 'numeric' }));
    case 'day':
      return date({ year: 'numeric', month: 'short', day: 'numeric' });
  }
}

/**
 * A shorter name for a chart's axis: a day or a week's first day without its year; a month with
 * its year ("Oct 2026", "مهر ۱۴۰۵"), never "Oct 26", which reads as a day.
 */
export function periodTick(period: Period, prefs: FormatPrefs, words: PeriodWords): string {
  const tag = dateLocaleTag({ ...prefs, calendar: period.label.calendar });
  const date = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(utcNoon(period.first));
  if (period.grain === 'month' && (prefs.locale === 'en' || prefs.locale === 'zh')) return date({ month: 'short', year: 'numeric' });
  if (period.grain === 'day' || period.grain === 'week') return date({ month: 'short', day: 'numeric' });
  return periodName(period, prefs, words);
}
