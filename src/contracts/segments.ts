// Segments: saved groups of customers, defined by conditions on their profile and behaviour.
// A definition is `{ match, conditions }`; the server compiles it to parameterized SQL.

export const ATTRIBUTE_OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists', 'contains'] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];
export const NUMERIC_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export type NumericOp = (typeof NUMERIC_OPS)[number];
export const PROFILE_TEXT_FIELDS = ['locale'] as const;
export const PROFILE_PRESENCE_FIELDS = ['email', 'phone'] as const;
export const PROFILE_COUNT_FIELDS = ['feedbackCount', 'eventCount', 'orderCount'] as const;
export const RECENCY_FIELDS = ['lastSeenAt', 'createdAt'] as const;
/** NPS 9–10, 7–8 and 0–6 by the customer's latest answer. */
export const NPS_GROUPS = ['promoter', 'passive', 'detractor'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];

/** One condition of a segment, as the API takes and answers it. */
export type SegmentCondition =
  | { kind: 'attribute'; name: string; op: AttributeOp; value?: string | number | string[] }
  | { kind: 'profile'; field: (typeof PROFILE_TEXT_FIELDS)[number]; op: 'eq' | 'neq' | 'exists' | 'notExists'; value?: string }
  | { kind: 'profile'; field: (typeof PROFILE_PRESENCE_FIELDS)[number]; op: 'exists' | 'notExists' }
  | { kind: 'profile'; field: (typeof PROFILE_COUNT_FIELDS)[number]; op: NumericOp; value: number }
  | { kind: 'recency'; field: (typeof RECENCY_FIELDS)[number]; op: 'within' | 'notWithin'; days: number }
  | { kind: 'event'; name: string; minCount: number; days?: number }
  | { kind: 'orders'; minCount?: number; minTotal?: number; currency?: string; days?: number }
  | { kind: 'nps'; group: NpsGroup }
  | { kind: 'feedbackLanguage'; language: string }
  | { kind: 'lifetimeValue'; currency: string; op: NumericOp; value: number };

export interface SegmentDefinition {
  match: 'all' | 'any';
  conditions: SegmentCondition[];
}

export interface Segment {
  id: string;
  name: string;
  definition: SegmentDefinition;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /segments; PATCH /segments/{id} takes either part. */
export interface CreateSegment {
  name: string;
  definition: SegmentDefinition;
}

export interface SegmentSampleCustomer {
  id: string;
  name: string | null;
  email: string | null;
  externalId: string | null;
  locale: string | null;
}

/** POST /segments/preview: how many customers match, and the newest few. */
export interface SegmentPreview {
  count: number;
  sample: SegmentSampleCustomer[];
}
