// API input for corrections of an item's analysis.
import { z } from 'zod';
import { zTopicKey } from '../topics/topics.input.js';
import { ZFeedbackType, ZSentiment } from '../analysis/analysis.input.js';

export const ZCorrectAnalysisInput = z
  .strictObject({
    sentiment: ZSentiment.optional(),
    type: ZFeedbackType.optional(),
    topics: z.array(zTopicKey).max(20).optional().describe('The complete list of topic keys for the item (may be empty)'),
  })
  .refine((v) => v.sentiment !== undefined || v.type !== undefined || v.topics !== undefined, {
    message: 'give sentiment, type or topics',
  });
export type TCorrectAnalysisInput = z.infer<typeof ZCorrectAnalysisInput>;
