import { request, type RequestOptions } from './client';
import type { Sentiment } from './types';

export interface WeightedWord { text: string; weight: number }

/** Why an item got its sentiment and topics (GET /feedback/{id}/explanation). */
export interface FeedbackExplanation {
  feedbackId: string;
  language: string;
  sentiment: { label: Sentiment; towards: WeightedWord[]; against: WeightedWord[] } | null;
  topics: Array<{ key: string; keywords: string[]; words: WeightedWord[] }>;
}

export const explanationApi = {
  get: (feedbackId: string, options?: RequestOptions) =>
    request<FeedbackExplanation>('GET', `/api/v1/feedback/${encodeURIComponent(feedbackId)}/explanation`, undefined, options),
};
