import type { FeedbackExplanation } from '@feedloop/contracts/analysis';
import { request, type RequestOptions } from './client';

export const explanationApi = {
  get: (feedbackId: string, options?: RequestOptions) =>
    request<FeedbackExplanation>('GET', `/api/v1/feedback/${encodeURIComponent(feedbackId)}/explanation`, undefined, options),
};
