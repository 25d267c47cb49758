import { describe, expect, it } from 'vitest';
import { drillDownHref } from './metric-drilldown';
import { formatInterval, formatMetricNumber } from './metric-format';

const UNIT = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('drill-down from a number to the explorer', () => {
  it('filters the explorer by the period, the score behind the metric and the breakdown key', () => {
    expect(drillDownHref({ metric: 'nps', from: '2026-11-01', to: '2026-11-30' })).toBe(
      '/feedback?score_type=nps&from=2026-11-01&to=2026-11-30',
    );
    expect(drillDownHref({ metric: 'csat', from: '2026-11-01', to: '2026-11-30', breakdown: 'channel', key: 'email' })).toBe(
      '/feedback?channel=email&score_type=csat&from=2026-11-01&to=2026-11-30',
    );
    expect(drillDownHref({ metric: 'volume', from: '2026-11-01', to: '2026-11-30', breakdown: 'product', key: 'کفش' })).toBe(
      `/feedback?from=2026-11-01&to=2026-11-30&product=${encodeURIComponent('کفش')}`,
    );
    expect(drillDownHref({ metric: 'nps', from: '2026-11-01', to: '2026-11-30', breakdown: 'service_unit', key: UNIT })).toBe(
      `/feedback?score_type=nps&from=2026-11-01&to=2026-11-30&service_unit_id=${UNIT}`,
    );
  });

  it('links nothing where no feedback items stand behind the number', () => {
    expect(drillDownHref({ metric: 'repeat_purchase_rate', from: '2026-11-01', to: '2026-11-30' })).toBeNull();
    expect(drillDownHref({ metric: 'nps', from: '2026-11-01', to: '2026-11-30', breakdown: 'service_unit', key: 'x' })).toBeNull();
    expect(drillDownHref({ metric: 'nps', from: '2026-11-01', to: '2026-11-30', breakdown: 'survey', key: UNIT })).toBeNull();
    // A key the explorer cannot filter by would silently widen the list.
    expect(drillDownHref({ metric: 'nps', from: '2026-11-01', to: '2026-11-30', breakdown: 'channel', key: 'pigeon' })).toBeNull();
  });
});

describe('metric values', () => {
  const fa = { locale: 'fa', calendar: 'auto', digits: 'auto' } as const;
  const en = { locale: 'en', calendar: 'auto', digits: 'auto' } as const;

  it('writes values in their unit and the user digits, and "no data" as null, never NaN or 0', () => {
    expect(formatMetricNumber(20, 'nps_points', en)).toBe('+20');
    expect(formatMetricNumber(86, 'percent', fa)).toBe('۸۶٪');
    expect(formatMetricNumber(null, 'nps_points', en)).toBeNull();
    expect(formatMetricNumber(Number.NaN, 'count', en)).toBeNull();
    expect(formatInterval({ value: 20, n: 5, low: -45.5, high: 85, counts: {} }, 'nps_points', en)).toEqual({ low: '-45.5', high: '+85' });
    expect(formatInterval({ value: 3, n: 3, low: null, high: null, counts: {} }, 'count', en)).toBeNull();
  });
});
