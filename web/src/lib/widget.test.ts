import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { blankTrigger, fromForm, otherSegmentConditions, serverWidgetErrors, toForm } from './widget';

describe('widget form', () => {
  it('round-trips stored settings and keeps the segment', () => {
    const stored = {
      enabled: true,
      triggers: [
        { type: 'click' as const, selector: '#buy', url: { match: 'regex' as const, value: '^/shop' } },
        { type: 'scroll' as const, percent: 40 },
      ],
      display: 'every_n_days' as const,
      everyDays: 7,
      samplePercent: 12.5,
      segment: [{ field: 'locale', op: 'eq' as const, value: 'fa' }],
      placement: 'popup' as const,
      delaySeconds: 3,
    };
    const { settings, errors } = fromForm(toForm(stored), stored);
    expect(errors).toEqual({});
    expect(settings).toEqual(stored);
  });

  it('edits the saved-segment condition in place and keeps the other conditions', () => {
    const id = '6f1c2b1e-2a8e-4c55-9a43-0d1f7c2e9b10';
    const other = '0b9a5d7e-1111-4c55-9a43-0d1f7c2e9b10';
    const stored = {
      enabled: true,
      triggers: [{ type: 'page_view' as const }],
      display: 'once' as const,
      everyDays: 30,
      samplePercent: 100,
      segment: [
        { field: 'locale', op: 'eq' as const, value: 'fa' },
        { field: 'segment', op: 'neq' as const, value: id },
        { field: 'orderCount', op: 'gte' as const, value: 2 },
      ],
      placement: 'slide_in' as const,
      delaySeconds: 0,
    };
    const form = toForm(stored);
    expect([form.audience, form.segmentId]).toEqual(['neq', id]);
    expect(fromForm(form, stored)).toEqual({ settings: stored, errors: {} });
    expect(otherSegmentConditions(stored)).toEqual([stored.segment[0], stored.segment[2]]);

    // Another segment, "in" it: replaced where it was.
    expect(fromForm({ ...form, audience: 'eq', segmentId: other }, stored).settings?.segment).toEqual([
      stored.segment[0],
      { field: 'segment', op: 'eq', value: other },
      stored.segment[2],
    ]);
    // Everyone: only that condition goes.
    expect(fromForm({ ...form, audience: '' }, stored).settings?.segment).toEqual([stored.segment[0], stored.segment[2]]);
    // No segment chosen yet.
    expect(fromForm({ ...form, segmentId: '' }, stored)).toEqual({ settings: null, errors: { segmentId: 'required' } });

    // A survey without one: appended after the kept conditions; none at all on a new survey.
    const plain = { ...stored, segment: [stored.segment[0]] };
    const added = toForm(plain);
    expect([added.audience, added.segmentId]).toEqual(['', '']);
    expect(otherSegmentConditions(plain)).toEqual(plain.segment);
    expect(fromForm({ ...added, audience: 'eq', segmentId: id }, plain).settings?.segment).toEqual([
      stored.segment[0],
      { field: 'segment', op: 'eq', value: id },
    ]);
    expect(
      fromForm({ ...toForm(undefined), triggers: [blankTrigger()], audience: 'eq', segmentId: id }, undefined).settings?.segment,
    ).toEqual([{ field: 'segment', op: 'eq', value: id }]);
    expect(otherSegmentConditions(undefined)).toEqual([]);
  });

  it('reports empty and out-of-range values by field', () => {
    const form = toForm(undefined);
    form.enabled = true;
    form.triggers = [
      { ...blankTrigger('event') },
      { ...blankTrigger('scroll'), percent: '0' },
      { ...blankTrigger('page_view'), urlMatch: 'contains' },
      { ...blankTrigger('event'), name: 'a/b' },
    ];
    form.samplePercent = '101';
    form.delaySeconds = '';
    expect(fromForm(form, undefined)).toEqual({
      settings: null,
      errors: {
        'triggers.0.name': 'required',
        'triggers.1.percent': 'percent',
        'triggers.2.urlValue': 'required',
        'triggers.3.name': 'eventName',
        samplePercent: 'sample',
        delaySeconds: 'delay',
      },
    });
    expect(fromForm({ ...toForm(undefined), enabled: true }, undefined).errors).toEqual({ triggers: 'required' });
  });

  it('maps a server error path to the form field', () => {
    const form = toForm(undefined);
    form.triggers = [blankTrigger(), { ...blankTrigger(), urlMatch: 'regex', urlValue: '(' }];
    const error = new ApiError({ status: 400, code: 'invalid_input', field: 'settings.widget.triggers.1.url.value' });
    expect(serverWidgetErrors(error, form)).toEqual({ 'triggers.1.urlValue': 'regex' });
    expect(serverWidgetErrors(new ApiError({ status: 500, code: 'x' }), form)).toEqual({});
    const segmentError = new ApiError({ status: 400, code: 'invalid_input', field: 'settings.widget.segment.0.value' });
    expect(serverWidgetErrors(segmentError, { ...form, audience: 'eq', segmentId: 'x' })).toEqual({ segmentId: 'invalid' });
    expect(serverWidgetErrors(segmentError, form)).toEqual({});
  });
});
