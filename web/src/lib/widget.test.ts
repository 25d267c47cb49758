import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { blankTrigger, fromForm, serverWidgetErrors, toForm } from './widget';

describe('widget form', () => {
  it('round-trips stored settings and keeps the segment', () => {
    const stored = {
      enabled: true,
      triggers: [{ type: 'click' as const, selector: '#buy', url: { match: 'regex' as const, value: '^/shop' } }, { type: 'scroll' as const, percent: 40 }],
      display: 'every_n_days' as const, everyDays: 7, samplePercent: 12.5,
      segment: [{ field: 'locale', op: 'eq' as const, value: 'fa' }],
      placement: 'popup' as const, delaySeconds: 3,
    };
    const { settings, errors } = fromForm(toForm(stored), stored);
    expect(errors).toEqual({});
    expect(settings).toEqual(stored);
  });

  it('reports empty and out-of-range values by field', () => {
    const form = toForm(undefined);
    form.enabled = true;
    form.triggers = [{ ...blankTrigger('event') }, { ...blankTrigger('scroll'), percent: '0' }, { ...blankTrigger('page_view'), urlMatch: 'contains' }, { ...blankTrigger('event'), name: 'a/b' }];
    form.samplePercent = '101';
    form.delaySeconds = '';
    expect(fromForm(form, undefined)).toEqual({
      settings: null,
      errors: { 'triggers.0.name': 'required', 'triggers.1.percent': 'percent', 'triggers.2.urlValue': 'required', 'triggers.3.name': 'eventName', samplePercent: 'sample', delaySeconds: 'delay' },
    });
    expect(fromForm({ ...toForm(undefined), enabled: true }, undefined).errors).toEqual({ triggers: 'required' });
  });

  it('maps a server error path to the form field', () => {
    const form = toForm(undefined);
    form.triggers = [blankTrigger(), { ...blankTrigger(), urlMatch: 'regex', urlValue: '(' }];
    const error = new ApiError({ status: 400, code: 'invalid_input', field: 'settings.widget.triggers.1.url.value' });
    expect(serverWidgetErrors(error, form)).toEqual({ 'triggers.1.urlValue': 'regex' });
    expect(serverWidgetErrors(new ApiError({ status: 500, code: 'x' }), form)).toEqual({});
  });
});
