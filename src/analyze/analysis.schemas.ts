// API input for corrections, analysis of arbitrary text and re-analysis.
import { z } from 'zod';
import { HTTP_LIMITS } from '../platform/http/limits.js';
import { zTopicKey } from './topics/topic.schemas.js';
import { FEEDBACK_TYPES, SENTIMENTS } from '../contracts/feedback.js';

export const ZSentiment = z.enum(SENTIMENTS);
export const ZFeedbackType = z.enum(FEEDBACK_TYPES);

export const ZCorrectAnalysisInput = z.strictObject({
  sentiment: ZSentiment.optional(),
  type: ZFeedbackType.optional(),
  topics: z.array(zTopicKey).max(20).optional().describe('The complete list of topic keys for the item (may be empty)'),
}).refine((v) => v.sentiment !== undefined || v.type !== undefined || v.topics !== undefined, { message: 'give sentiment, type or topics' });
export type TCorrectAnalysisInput = z.infer<typeof ZCorrectAnalysisInput>;

export const ZAnalyzeTextInput = z.strictObject({
  text: z.string().max(HTTP_LIMITS.maxTextLength),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as fa, ar, zh, en').optional()
    .describe('Skip detection and analyse as this language'),
});
