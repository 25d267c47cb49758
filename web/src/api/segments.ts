import type { List } from '@feedloop/contracts/page';
import type { CreateSegment, Segment, SegmentDefinition, SegmentPreview } from '@feedloop/contracts/segments';
import { request, type RequestOptions } from './client';

export const segmentsApi = {
  list: (options?: RequestOptions) => request<List<Segment>>('GET', '/api/v1/segments', undefined, options),
  get: (id: string, options?: RequestOptions) => request<Segment>('GET', `/api/v1/segments/${encodeURIComponent(id)}`, undefined, options),
  create: (input: CreateSegment) => request<Segment>('POST', '/api/v1/segments', input),
  update: (id: string, input: Partial<CreateSegment>) => request<Segment>('PATCH', `/api/v1/segments/${encodeURIComponent(id)}`, input),
  remove: (id: string) => request<void>('DELETE', `/api/v1/segments/${encodeURIComponent(id)}`),
  preview: (definition: SegmentDefinition, options?: RequestOptions) =>
    request<SegmentPreview>('POST', '/api/v1/segments/preview', { definition }, options),
  addMembers: (id: string, customerIds: string[]) =>
    request<{ added: number }>('POST', `/api/v1/segments/${encodeURIComponent(id)}/members`, { customerIds }),
  removeMember: (id: string, customerId: string) =>
    request<void>('DELETE', `/api/v1/segments/${encodeURIComponent(id)}/members/${encodeURIComponent(customerId)}`),
};
