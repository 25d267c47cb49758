import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { blankTriggerForm, personalLinksCsv, splitDelay, triggerAudience, triggerFromForm, wholeNumber } from './survey-sending';

describe('trigger delays', () => {
  it('shows a delay in its largest whole unit', () => {
    expect(splitDelay(4320)).toEqual({ amount: 3, unit: 'days' });
    expect(splitDelay(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitDelay(120)).toEqual({ amount: 2, unit: 'hours' });
    expect(splitDelay(0)).toEqual({ amount: 0, unit: 'minutes' });
  });

  it('reads numbers and times in Persian and Arabic digits', () => {
    expect(wholeNumber('۳')).toBe(3);
    expect(wholeNumber('١٢')).toBe(12);
    expect(wholeNumber('3.5')).toBeNull();
    const built = triggerFromForm({ ...blankTriggerForm(), amount: '۳', quiet: true, quietStart: '۲۲:۰۰', quietEnd: '٨:٠٠' });
    expect(built.trigger).toEqual({
      eventName: 'order_delivered',
      delayMinutes: 4320,
      segment: [],
      quietHours: { start: '22:00', end: '08:00' },
    });
  });

  it('names every field that is wrong', () => {
    const built = triggerFromForm({
      ...blankTriggerForm(),
      event: 'custom',
      customName: 'bad/name',
      amount: '400',
      audience: 'eq',
      quiet: true,
      quietStart: '25:00',
    });
    expect(built.errors).toEqual({ customName: 'eventName', amount: 'delay', segmentId: 'segment', quietStart: 'time' });
  });

  it('tells a saved-segment audience from conditions set through the API', () => {
    expect(triggerAudience({ segment: [] })).toEqual({ kind: 'everyone' });
    expect(triggerAudience({ segment: [{ field: 'segment', op: 'neq', value: 's1' }] })).toEqual({ kind: 'neq', segmentId: 's1' });
    expect(triggerAudience({ segment: [{ field: 'orderCount', op: 'gte', value: 2 }] })).toEqual({ kind: 'other' });
  });
});

describe('personal links as CSV', () => {
  it('keeps every text through a CSV parser and never lets a cell start a formula', () => {
    const csv = personalLinksCsv(
      [
        {
          customerId: 'c1',
          name: '=HYPERLINK("http://evil")',
          email: 'sara@example.com',
          phone: '+989121234567',
          externalId: 'u-1',
          url: 'http://x/s/a?c=1',
        },
        { customerId: 'c2', name: 'علی, "رضایی"', email: null, phone: null, externalId: null, url: 'http://x/s/a?c=2' },
      ],
      { name: 'نام', email: 'ایمیل', phone: 'تلفن', customerId: 'شناسه مشتری', link: 'پیوند' },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toEqual([
      ['نام', 'ایمیل', 'تلفن', 'شناسه مشتری', 'پیوند'],
      ['\'=HYPERLINK("http://evil")', 'sara@example.com', "'+989121234567", 'u-1', 'http://x/s/a?c=1'],
      ['علی, "رضایی"', '', '', 'c2', 'http://x/s/a?c=2'],
    ]);
  });
});
