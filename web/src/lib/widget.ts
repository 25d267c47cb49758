import { ApiError } from '../api/client';
import type { TriggerCondition } from '@feedloop/contracts/segment-condition';
import type { UrlMatch, WidgetDisplay, WidgetPlacement, WidgetTriggerType } from '@feedloop/contracts/widget';
import type { WidgetSettings, WidgetTrigger } from '@feedloop/contracts/widget-settings';

// The widget form keeps numbers as typed text so a half-typed value is not lost; it becomes
// WidgetSettings (checked by the contracts' zWidgetSettings on the server) only once it validates.

export const MAX_TRIGGERS = 10;
/** Same characters the server accepts in an event name. */
const EVENT_NAME = /^[\p{L}\p{N}_.:\- ]+$/u;

export interface TriggerForm {
  /** Stable React key. */
  key: number;
  type: WidgetTriggerType;
  selector: string;
  percent: string;
  seconds: string;
  name: string;
  /** '' = every page. */
  urlMatch: UrlMatch | '';
  urlValue: string;
}

export interface WidgetForm {
  enabled: boolean;
  triggers: TriggerForm[];
  display: WidgetDisplay;
  everyDays: string;
  samplePercent: string;
  placement: WidgetPlacement;
  delaySeconds: string;
  /** Who sees it: everyone (''), customers in (eq) or not in (neq) the saved segment `segmentId`. */
  audience: SegmentAudience;
  segmentId: string;
}

export const SEGMENT_AUDIENCES = ['', 'eq', 'neq'] as const;
export type SegmentAudience = (typeof SEGMENT_AUDIENCES)[number];

/** The one condition the form edits: "in (eq) / not in (neq) saved segment <id>". */
function isSavedSegmentCondition(c: TriggerCondition): c is TriggerCondition & { field: 'segment'; op: 'eq' | 'neq'; value: string } {
  return c.field === 'segment' && (c.op === 'eq' || c.op === 'neq') && typeof c.value === 'string';
}

/** Where the form's saved-segment condition is in the stored conditions (-1: none). */
function savedSegmentIndex(segment: TriggerCondition[] | undefined): number {
  return (segment ?? []).findIndex(isSavedSegmentCondition);
}

/** The stored conditions the form does not edit (kept as they are, with a note). */
export function otherSegmentConditions(widget: WidgetSettings | undefined): TriggerCondition[] {
  const segment = widget?.segment ?? [];
  const at = savedSegmentIndex(segment);
  return segment.filter((_, k) => k !== at);
}

/** Why a field is invalid; translated at render time (surveys.widget.errors.*). */
export type WidgetErrorCode =
  | 'required'
  | 'eventName'
  | 'percent'
  | 'seconds'
  | 'days'
  | 'sample'
  | 'delay'
  | 'regex'
  | 'tooLong'
  | 'invalid';
/** Keyed by form path: `triggers.0.selector`, `triggers.1.urlValue`, `samplePercent`, … */
export type WidgetErrors = Record<string, WidgetErrorCode>;

let nextKey = 1;

export function blankTrigger(type: WidgetTriggerType = 'page_view'): TriggerForm {
  return { key: nextKey++, type, selector: '', percent: '50', seconds: '30', name: '', urlMatch: '', urlValue: '' };
}

export function toForm(widget: WidgetSettings | undefined): WidgetForm {
  return {
    enabled: widget?.enabled ?? false,
    triggers: (widget?.triggers ?? []).map((tr) => {
      const form = { ...blankTrigger(tr.type), urlMatch: tr.url?.match ?? '', urlValue: tr.url?.value ?? '' } as TriggerForm;
      if (tr.type === 'click') form.selector = tr.selector;
      if (tr.type === 'scroll') form.percent = String(tr.percent);
      if (tr.type === 'time_on_page') form.seconds = String(tr.seconds);
      if (tr.type === 'event') form.name = tr.name;
      return form;
    }),
    display: widget?.display ?? 'until_answered',
    everyDays: String(widget?.everyDays ?? 30),
    samplePercent: String(widget?.samplePercent ?? 100),
    placement: widget?.placement ?? 'slide_in',
    delaySeconds: String(widget?.delaySeconds ?? 0),
    ...audienceOf(widget),
  };
}

function audienceOf(widget: WidgetSettings | undefined): Pick<WidgetForm, 'audience' | 'segmentId'> {
  const condition = widget?.segment?.[savedSegmentIndex(widget.segment)];
  return condition && isSavedSegmentCondition(condition)
    ? { audience: condition.op, segmentId: condition.value }
    : { audience: '', segmentId: '' };
}

/** The stored conditions with the form's saved-segment condition written, replaced or removed in place. */
function segmentConditions(form: WidgetForm, previous: TriggerCondition[] | undefined): TriggerCondition[] {
  const stored = previous ?? [];
  const at = savedSegmentIndex(stored);
  const condition: TriggerCondition[] = form.audience ? [{ field: 'segment', op: form.audience, value: form.segmentId }] : [];
  if (at < 0) return [...stored, ...condition];
  return [...stored.slice(0, at), ...condition, ...stored.slice(at + 1)];
}

/** A whole number within [min, max], or null. */
function integer(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * Checks the form and builds the settings to send: the form writes one segment condition (in / not
 * in a saved segment) and keeps the survey's other conditions, which it does not edit. Regular
 * expressions are checked by the server, which knows its own dialect.
 */
export function fromForm(
  form: WidgetForm,
  previous: WidgetSettings | undefined,
): { settings: WidgetSettings | null; errors: WidgetErrors } {
  const errors: WidgetErrors = {};
  if (form.triggers.length === 0) errors.triggers = 'required';
  const triggers: WidgetTrigger[] = form.triggers.map((tr, k) => {
    const at = (field: string, code: WidgetErrorCode) => (errors[`triggers.${k}.${field}`] = code);
    let url: WidgetTrigger['url'];
    if (tr.urlMatch) {
      if (!tr.urlValue.trim()) at('urlValue', 'required');
      else if (tr.urlValue.length > 500) at('urlValue', 'tooLong');
      url = { match: tr.urlMatch, value: tr.urlValue };
    }
    const withUrl = url ? { url } : {};
    switch (tr.type) {
      case 'click':
        if (!tr.selector.trim()) at('selector', 'required');
        else if (tr.selector.trim().length > 300) at('selector', 'tooLong');
        return { type: 'click', selector: tr.selector.trim(), ...withUrl };
      case 'scroll': {
        const percent = integer(tr.percent, 1, 100);
        if (percent === null) at('percent', 'percent');
        return { type: 'scroll', percent: percent ?? 0, ...withUrl };
      }
      case 'time_on_page': {
        const seconds = integer(tr.seconds, 1, 3600);
        if (seconds === null) at('seconds', 'seconds');
        return { type: 'time_on_page', seconds: seconds ?? 0, ...withUrl };
      }
      case 'event': {
        const name = tr.name.trim();
        if (!name) at('name', 'required');
        else if (name.length > 100 || !EVENT_NAME.test(name)) at('name', 'eventName');
        return { type: 'event', name, ...withUrl };
      }
      default:
        return { type: tr.type, ...withUrl };
    }
  });
  const everyDays =
    form.display === 'every_n_days' ? integer(form.everyDays, 1, 365) : (integer(form.everyDays, 1, 365) ?? previous?.everyDays ?? 30);
  if (everyDays === null) errors.everyDays = 'days';
  const sample = /^\s*\d+(\.\d+)?\s*$/.test(form.samplePercent) ? Number(form.samplePercent) : NaN;
  if (!(sample >= 0 && sample <= 100)) errors.samplePercent = 'sample';
  const delay = integer(form.delaySeconds, 0, 600);
  if (delay === null) errors.delaySeconds = 'delay';
  if (form.audience && !form.segmentId) errors.segmentId = 'required';
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      enabled: form.enabled,
      triggers,
      display: form.display,
      everyDays: everyDays!,
      samplePercent: sample,
      segment: segmentConditions(form, previous?.segment),
      placement: form.placement,
      delaySeconds: delay!,
    },
    errors,
  };
}

/** Marks the form field a 400 response pointed at (`settings.widget.triggers.0.url.value`). */
export function serverWidgetErrors(error: unknown, form: WidgetForm): WidgetErrors {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return {};
  const paths = [error.field, ...error.issues.map((i) => i.path)].filter((p): p is string => Boolean(p?.startsWith('settings.widget.')));
  const out: WidgetErrors = {};
  for (const full of paths) {
    const path = full.slice('settings.widget.'.length);
    const url = /^triggers\.(\d+)\.url\.(value|match)$/.exec(path);
    if (url) {
      const k = Number(url[1]);
      out[`triggers.${k}.urlValue`] = url[2] === 'value' && form.triggers[k]?.urlMatch === 'regex' ? 'regex' : 'invalid';
    } else if (
      /^triggers\.\d+\.(selector|percent|seconds|name)$/.test(path) ||
      ['everyDays', 'samplePercent', 'delaySeconds', 'triggers'].includes(path)
    ) {
      out[path] = 'invalid';
    } else if (/^segment\.\d+(\.|$)/.test(path) && form.audience) {
      // The other conditions came from the server as they are: the form's own is the likely culprit.
      out.segmentId = 'invalid';
    }
  }
  return out;
}
