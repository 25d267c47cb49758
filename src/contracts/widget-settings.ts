// How a survey appears in the website/in-app widget: what triggers it, how often a visitor sees
// it, to what share of visitors and to which customers. Stored in the survey's settings.widget.
import { z } from 'zod';
import { ZSegmentCondition } from './segment-condition.js';
import { URL_MATCHES, WIDGET_DISPLAYS, WIDGET_PLACEMENTS } from './widget.js';

const zEventName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}_.:\- ]+$/u, 'letters, digits, space and _ . : - only');

/** Which pages a trigger applies on, matched against the full URL. */
export const zUrlRule = z
  .strictObject({
    match: z.enum(URL_MATCHES),
    value: z.string().min(1).max(500),
  })
  .superRefine((rule, ctx) => {
    if (rule.match !== 'regex') return;
    try {
      new RegExp(rule.value);
    } catch {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'not a valid regular expression' });
    }
  });

const url = zUrlRule.optional().describe('Only on pages whose URL matches (all pages when absent)');

export const zWidgetTrigger = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page_view'), url }),
  z.strictObject({
    type: z.literal('click'),
    selector: z.string().trim().min(1).max(300).describe('CSS selector of the element clicked'),
    url,
  }),
  z.strictObject({ type: z.literal('exit_intent'), url }),
  z.strictObject({ type: z.literal('scroll'), percent: z.number().int().min(1).max(100), url }),
  z.strictObject({ type: z.literal('time_on_page'), seconds: z.number().int().min(1).max(3_600), url }),
  z.strictObject({
    type: z.literal('event'),
    name: zEventName.describe("track(name) in the page, or the same event sent by the business's server"),
    url,
  }),
]);

export const zWidgetSettings = z.strictObject({
  enabled: z.boolean().default(true),
  triggers: z.array(zWidgetTrigger).min(1).max(10).describe('Any one of them shows the survey'),
  display: z
    .enum(WIDGET_DISPLAYS)
    .default('until_answered')
    .describe(
      'once: never again after it was shown; until_answered: again on a later trigger until answered; every_n_days: at most once per everyDays',
    ),
  everyDays: z.number().int().min(1).max(365).default(30),
  samplePercent: z
    .number()
    .min(0)
    .max(100)
    .default(100)
    .describe('Share of visitors who may see it (the same visitor always gets the same draw)'),
  segment: z
    .array(ZSegmentCondition)
    .max(20)
    .default([])
    .describe('Only identified customers matching every condition (anonymous visitors never match a segment)'),
  placement: z.enum(WIDGET_PLACEMENTS).default('slide_in'),
  delaySeconds: z.number().int().min(0).max(600).default(0).describe('Wait this long after the trigger'),
});
export type WidgetSettings = z.infer<typeof zWidgetSettings>;
/** Widget rules as a request may give them: every field but `triggers` has a default. */
export type WidgetSettingsInput = z.input<typeof zWidgetSettings>;
export type WidgetTrigger = z.infer<typeof zWidgetTrigger>;
export type WidgetUrlRule = z.infer<typeof zUrlRule>;
