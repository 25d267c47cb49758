// Request shapes of ideas: only these fields can be written.
import { z } from 'zod';
import { zPageQuery, zUuid } from '../../platform/http/zod-types.js';
import { IDEA_STATUSES } from './ideas.tables.js';

export const IDEA_LIMITS = { feedbackPerCall: 500 } as const;
const zFeedbackIds = z.array(zUuid).min(1).max(IDEA_LIMITS.feedbackPerCall);

export const ZCreateIdea = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
  feedbackIds: z.array(zUuid).max(IDEA_LIMITS.feedbackPerCall).default([]).describe('Feedback items that ask for it'),
});
export type TCreateIdea = z.infer<typeof ZCreateIdea>;

export const ZUpdateIdea = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(5000).optional(),
    status: z.enum(IDEA_STATUSES).optional(),
    notifyCustomers: z
      .boolean()
      .default(true)
      .describe('On a status change (other than back to new), email every customer behind the idea, once per status'),
  })
  .refine((v) => v.title !== undefined || v.description !== undefined || v.status !== undefined, {
    message: 'give at least one change',
    path: ['title'],
  });
export type TUpdateIdea = z.infer<typeof ZUpdateIdea>;

export const ZListIdeas = z.strictObject({
  ...zPageQuery,
  status: z.enum(IDEA_STATUSES).optional(),
});

export const ZIdeaFeedback = z.strictObject({ feedbackIds: zFeedbackIds });
