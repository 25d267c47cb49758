import { request, type RequestOptions } from './client';

export type NumericOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
export type AttributeOp = NumericOp | 'in' | 'exists' | 'notExists' | 'contains';
export type NpsGroup = 'promoter' | 'passive' | 'detractor';

/** One condition of a segment, as the API takes it (see src/customers/segments/segment-definition.ts). */
export type SegmentCondition =
  | { kind: 'attribute'; name: string; op: AttributeOp; value?: string | number | string[] }
  | { kind: 'profile'; field: 'locale'; op: 'eq' | 'neq' | 'exists' | 'notExists'; value?: string }
  | { kind: 'profile'; field: 'email' | 'phone'; op: 'exists' | 'notExists' }
  | { kind: 'profile'; field: 'feedbackCount' | 'eventCount' | 'orderCount'; op: NumericOp; value: number }
  | { kind: 'recency'; field: 'lastSeenAt' | 'createdAt'; op: 'within' | 'notWithin'; days: number }
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

export interface SegmentSampleCustomer {
  id: string;
  name: string | null;
  email: string | null;
  externalId: string | null;
  locale: string | null;
}

export interface SegmentPreview {
  count: number;
  sample: SegmentSampleCustomer[];
}

export const segmentsApi = {
  list: (options?: RequestOptions) => request<{ data: Segment[] }>('GET', '/api/v1/segments', undefined, options),
  get: (id: string, options?: RequestOptions) => request<Segment>('GET', `/api/v1/segments/${encodeURIComponent(id)}`, undefined, options),
  create: (input: { name: string; definition: SegmentDefinition }) => request<Segment>('POST', '/api/v1/segments', input),
  update: (id: string, input: { name?: string; definition?: SegmentDefinition }) =>
    request<Segment>('PATCH', `/api/v1/segments/${encodeURIComponent(id)}`, input),
  remove: (id: string) => request<void>('DELETE', `/api/v1/segments/${encodeURIComponent(id)}`),
  preview: (definition: SegmentDefinition, options?: RequestOptions) =>
    request<SegmentPreview>('POST', '/api/v1/segments/preview', { definition }, options),
};
