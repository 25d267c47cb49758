// API input for the analysis of arbitrary text, and the analysis's vocabulary.
import { z } from 'zod';
import { HTTP_LIMITS } from '../../platform/http/limits.js';
import { FEEDBACK_TYPES, SENTIMENTS } from '../../contracts/feedback.js';

export const ZSentiment = z.enum(SENTIMENTS);
export const ZFeedbackType = z.enum(FEEDBACK_TYPES);

export const ZAnalyzeTextInput = z.strictObject({
  text: z.string().max(HTTP_LIMITS.maxTextLength),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as fa, ar, zh, en')
    .optional()
    .describe('Skip detection and analyse as this language'),
});
