// Who a trigger or a widget survey is for: conditions on the customer's profile, all of which must hold.
import { z } from 'zod';

/** One condition of a segment: all of a trigger's (or widget survey's) conditions must hold. */
export const ZSegmentCondition = z
  .strictObject({
    field: z
      .string()
      .regex(
        /^(segment|locale|email|phone|feedbackCount|eventCount|orderCount|lifetimeValue\.[A-Z]{3}|attributes\.[A-Za-z0-9_]{1,64})$/,
        'must be segment, locale, email, phone, feedbackCount, eventCount, orderCount, lifetimeValue.<CURRENCY> or attributes.<name>',
      ),
    op: z.enum(['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists']),
    value: z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number()])).max(100)]).optional(),
  })
  .superRefine((c, ctx) => {
    // A saved segment (from the Segments page) by id: the customer is in it (eq) or not (neq).
    if (c.field !== 'segment') return;
    if (c.op !== 'eq' && c.op !== 'neq')
      ctx.addIssue({ code: 'custom', path: ['op'], message: 'a segment condition is eq (in the segment) or neq (not in it)' });
    if (typeof c.value !== 'string' || !z.uuid().safeParse(c.value).success)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be the id of a saved segment' });
  });
export type TriggerCondition = z.infer<typeof ZSegmentCondition>;
