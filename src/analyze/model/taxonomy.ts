/**
 * Label sets of the analysis model. The product taxonomy is what the API exposes; the model also
 * keeps internal topic heads for labels the public datasets carry but the product does not
 * (restaurant "ambience" and "location" in MAMS): they are measured, never returned by predict().
 */
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const FEEDBACK_TYPES = ['complaint', 'suggestion', 'praise', 'bug', 'question', 'other'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const PRODUCT_TOPICS = [
  'price',
  'delivery',
  'support',
  'product_quality',
  'design_ux',
  'payment',
  'app_website',
  'order',
  'account',
  'packaging',
] as const;

/** Topic heads trained but kept out of predictions (no product taxonomy key). */
export const INTERNAL_TOPICS = ['ambience', 'location'] as const;

export const ALL_TOPIC_HEADS: readonly string[] = [...PRODUCT_TOPICS, ...INTERNAL_TOPICS];

/** Dataset topic names → model topic keys; "other" (MAMS "miscellaneous") is dropped. */
export const DATASET_TOPIC_MAP: Record<string, string | null> = {
  billing: 'payment',
  other: null,
};

export function mapDatasetTopic(topic: string): string | null {
  const mapped = topic in DATASET_TOPIC_MAP ? DATASET_TOPIC_MAP[topic] : topic;
  return mapped && ALL_TOPIC_HEADS.includes(mapped) ? mapped : null;
}
