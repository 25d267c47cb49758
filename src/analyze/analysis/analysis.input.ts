// API input for the analysis of arbitrary text, and the analysis's vocabulary.
import { z } from 'zod';
import { HTTP_LIMITS } from '../../platform/http/limits.js';

export const ZSentiment = z.enum(['negative', 'neutral', 'positive']);
export const ZFeedbackType = z.enum(['complaint', 'suggestion', 'praise', 'bug', 'question', 'other']);

export const ZAnalyzeTextInput = z.strictObject({
  text: z.string().max(HTTP_LIMITS.maxTextLength),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 code such as fa, ar, zh, en').optional()
    .describe('Skip detection and analyse as this language'),
});
